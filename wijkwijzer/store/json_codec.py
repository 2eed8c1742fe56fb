"""JSON for stored state, including the few SDK objects that dialogs keep in it. Never pickle.

The SDK's dialogs put live objects into conversation state: a ``DialogState`` holding
``DialogInstance`` objects, a prompt's ``PromptOptions`` with ``Activity`` objects, a
``ChoicePrompt``'s ``FoundChoice``. ``MemoryStorage`` keeps the objects themselves; a database
cannot. This codec writes each of them as a JSON object tagged ``{"$type": "<name>", ...}`` and
rebuilds them on reading — for a fixed allow-list of plain data classes only (below) plus the
pydantic models that ``microsoft_agents.activity`` exports. A tag outside that list is left as a
plain dict, so stored data can never make the reader instantiate an arbitrary class.

Anything else that is not plain JSON data raises ``TypeError``: store dicts, lists, strings,
numbers, booleans, None, datetimes or StoreItems (written as their ``store_item_to_json()``).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import microsoft_agents.activity as activity_models
from microsoft_agents.hosting.core.storage import StoreItem
from microsoft_agents.hosting.dialogs import DialogInstance, DialogState
from microsoft_agents.hosting.dialogs.choices import Choice, FoundChoice
from microsoft_agents.hosting.dialogs.prompts import DateTimeResolution, PromptOptions
from pydantic import BaseModel

TYPE_KEY = "$type"
_ACTIVITY_PREFIX = "activity."

# Plain classes whose instance attributes are all there is to them: stored as those attributes
# (rebuilt without their __init__: docs/performance.md, A12).
_ATTRIBUTE_CLASSES: dict[str, type] = {
    cls.__name__: cls for cls in (DialogState, DialogInstance, PromptOptions, Choice, FoundChoice, DateTimeResolution)
}


def dumps(value: Any) -> str:
    """``value`` as JSON text. ASCII only, so NUL and lone surrogates survive every database."""
    return _ENCODER.encode(value)


def loads(text: str | bytes) -> Any:
    """The value :func:`dumps` wrote, with tagged SDK objects rebuilt."""
    return _DECODER.decode(text.decode() if isinstance(text, (bytes, bytearray)) else text)


def _encode(value: Any) -> Any:
    if isinstance(value, StoreItem):
        return value.store_item_to_json()
    kind = type(value)
    if kind is datetime:
        return {TYPE_KEY: "datetime", "iso": value.isoformat()}
    if kind is date:
        return {TYPE_KEY: "date", "iso": value.isoformat()}
    if _ATTRIBUTE_CLASSES.get(kind.__name__) is kind:
        return {TYPE_KEY: kind.__name__, **vars(value)}
    if isinstance(value, BaseModel) and getattr(activity_models, kind.__name__, None) is kind:
        return {
            TYPE_KEY: _ACTIVITY_PREFIX + kind.__name__,
            "data": value.model_dump(mode="json", by_alias=True, exclude_none=True),
        }
    raise TypeError(f"{kind.__module__}.{kind.__qualname__} cannot be stored as JSON; store plain data or a StoreItem")


def _decode(obj: dict[str, Any]) -> Any:
    tag = obj.get(TYPE_KEY)
    if not isinstance(tag, str):
        return obj
    if tag == "datetime":
        return datetime.fromisoformat(obj["iso"])
    if tag == "date":
        return date.fromisoformat(obj["iso"])
    if tag in _ATTRIBUTE_CLASSES:
        return _with_attributes(_ATTRIBUTE_CLASSES[tag], obj)
    if tag.startswith(_ACTIVITY_PREFIX):
        return _activity_model(tag.removeprefix(_ACTIVITY_PREFIX), obj)
    return obj


def _with_attributes(cls: type, obj: dict[str, Any]) -> Any:
    instance: Any = object.__new__(cls)
    vars(instance).update((key, value) for key, value in obj.items() if key != TYPE_KEY)
    return instance


def _activity_model(name: str, obj: dict[str, Any]) -> Any:
    model = getattr(activity_models, name, None)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return model.model_validate(obj["data"])
    return obj


# Made once: json.dumps and json.loads build a new encoder or decoder on every call that
# passes options, and state is read and written on every turn.
_ENCODER = json.JSONEncoder(default=_encode, separators=(",", ":"))
_DECODER = json.JSONDecoder(object_hook=_decode)
