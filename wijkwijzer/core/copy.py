"""Dutch copy as data: YAML files with one section per dialog, checked when Wijkwijzer starts.

Each dialog declares the texts it needs as a :class:`Copy` model (fields without defaults, so a
missing text is an error) and finds its section under its own id. A text with ``{name}`` fields
is a template; :meth:`Copy` checks at start-up that a template uses only the fields the model
names in ``FIELDS`` for it, so a typo in the YAML fails then, not in front of a user.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

C = TypeVar("C", bound="Copy")



class CopyError(LookupError):
    """The copy files and the dialogs' copy models do not fit (found at start-up)."""

class Copy(BaseModel):
    """The texts of one dialog. ``FIELDS`` names, per template, the ``{fields}`` it may use."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {}

    @model_validator(mode="after")
    def _templates_use_known_fields(self) -> Copy:
        for name, value in self:
            texts = value if isinstance(value, (list, tuple)) else [value]
            for text in texts:
                if not isinstance(text, str):
                    continue
                used = {field for _, field, _, _ in string.Formatter().parse(text) if field}
                unknown = used - self.FIELDS.get(name, frozenset())
                if unknown:
                    raise ValueError(f"{name}: onbekende velden {sorted(unknown)} in de tekst")
        return self


class CopyBook:
    """The sections of one or more copy files; :meth:`section` validates one against its model."""

    def __init__(self, *paths: Path) -> None:
        self.sections: dict[str, tuple[Path, Any]] = {}
        for path in paths:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            if not isinstance(data, dict):
                raise CopyError(f"{path.name}: verwacht een lijst van secties")
            for name, section in data.items():
                if name in self.sections:
                    raise CopyError(f"{path.name}: sectie '{name}' staat ook in {self.sections[name][0].name}")
                self.sections[str(name)] = (path, section)

    def section(self, name: str, model: type[C]) -> C:
        if name not in self.sections:
            raise CopyError(f"de teksten voor '{name}' ontbreken (sectie '{name}:' in dialogs/texts.yaml)")
        path, data = self.sections[name]
        try:
            return model.model_validate(data or {})
        except ValidationError as error:
            details = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or name}: {_reason(e)}" for e in error.errors())
            raise CopyError(f"{path.name}, sectie '{name}': {details}") from None


def _reason(error: Any) -> str:
    kind = error.get("type")
    if kind == "missing":
        return "ontbreekt"
    if kind == "extra_forbidden":
        return "is onbekend"
    return str(error.get("msg", "ongeldig"))
