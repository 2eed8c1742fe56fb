"""Contracts with the Agents SDK and other libraries that Wijkwijzer reaches into.

Each test pins one private name, signature or behaviour that the code relies on, so that an SDK
or library upgrade fails here, by name, instead of somewhere in a turn. docs/performance.md
says for each one where it is used, why, and what it saves; it is the upgrade checklist. Some
tests are tripwires (a source scan that lists where the SDK touches a name): when one fails,
read the SDK change, adjust the code, then the expected list.

The last test keeps docs/performance.md honest: every ``tests/...::name`` it mentions exists,
and it mentions every test in this file.
"""

from __future__ import annotations

import copy
import importlib
import inspect
import json
import pkgutil
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "performance.md"


def _sdk_file(obj: object) -> str:
    """The SDK source file of ``obj``, from the package root on (for assertion messages)."""
    return inspect.getsourcefile(obj).split("site-packages/")[-1]  # type: ignore[arg-type, union-attr]


def _sdk_sources() -> dict[str, str]:
    """Every source file of the installed microsoft_agents packages, by path from the package root."""
    import microsoft_agents

    found: dict[str, str] = {}
    for folder in microsoft_agents.__path__:
        for path in Path(folder).rglob("*.py"):
            found[str(path).split("site-packages/")[-1]] = path.read_text(encoding="utf-8")
    return found


def _import_all_sdk_modules() -> None:
    import microsoft_agents

    for module in pkgutil.walk_packages(microsoft_agents.__path__, "microsoft_agents."):
        importlib.import_module(module.name)


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def _parameters(function: object) -> list[tuple[str, object, object]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]  # type: ignore[arg-type]


# --- Teams endpoint: _ParsedRequest and CloudAdapter._to_aiohttp_response ------------------------


def _teams_activity(delivery_mode: str = "expectReplies"):
    from microsoft_agents.activity import Activity

    return Activity.model_validate({
        "type": "message", "id": "m1", "channelId": "msteams", "deliveryMode": delivery_mode,
        "serviceUrl": "https://smba.trafficmanager.net/emea/", "text": "hoi",
        "from": {"id": "29:u"}, "recipient": {"id": "28:bot"},
        "conversation": {"id": "a:1", "conversationType": "personal", "tenantId": "t"},
    })


async def test_process_request_gives_the_agent_the_activity_object_that_json_returned():
    """``_ParsedRequest.json()`` returns the Activity the endpoint validated; the SDK's
    ``HttpAdapterBase.process_request`` must hand that very object to the turn (pydantic returns
    an instance as it is). A copy or a second validation would double the cost; a call to
    something the protocol gained and ``_ParsedRequest`` lacks would fail every Teams turn."""
    from aiohttp.test_utils import make_mocked_request
    from microsoft_agents.activity import Activity, ActivityTypes
    from microsoft_agents.hosting.aiohttp import CloudAdapter
    from microsoft_agents.hosting.core import ClaimsIdentity
    from microsoft_agents.hosting.core.http import HttpRequestProtocol

    from tests.adapters.fakes import StaticConnections
    from wijkwijzer.adapters.teams.clients import TeamsClientFactory
    from wijkwijzer.adapters.teams.endpoint import _ParsedRequest

    protocol = {name for name in vars(HttpRequestProtocol) if not name.startswith("_")}
    assert protocol == {"method", "headers", "json", "get_claims_identity", "get_path_param"}, _sdk_file(
        HttpRequestProtocol)
    assert protocol <= set(dir(_ParsedRequest))

    seen: list[Activity] = []

    class Agent:
        async def on_turn(self, context):
            seen.append(context.activity)
            await context.send_activity(Activity(type=ActivityTypes.message, text="hallo"))

    factory = TeamsClientFactory(StaticConnections(), on_retry=lambda: None)
    adapter = CloudAdapter(channel_service_client_factory=factory)
    activity = _teams_activity()
    request = _ParsedRequest(make_mocked_request("POST", "/api/messages"), activity, ClaimsIdentity())
    try:
        response = await adapter.process_request(request, Agent())
    finally:
        await factory.close()
    assert seen and seen[0] is activity
    answer = CloudAdapter._to_aiohttp_response(response)
    assert answer.status == 200 and json.loads(answer.body)["activities"][0]["text"] == "hallo"


def test_to_aiohttp_response_is_a_static_method_that_takes_the_sdks_http_response():
    from aiohttp import web
    from microsoft_agents.hosting.aiohttp import CloudAdapter
    from microsoft_agents.hosting.core.http import HttpResponseFactory

    found = inspect.getattr_static(CloudAdapter, "_to_aiohttp_response", None)
    assert isinstance(found, staticmethod), _sdk_file(CloudAdapter)
    assert [name for name, *_ in _parameters(CloudAdapter._to_aiohttp_response)] == ["http_response"]
    with_body = CloudAdapter._to_aiohttp_response(HttpResponseFactory.json({"a": 1}, 200))
    accepted = CloudAdapter._to_aiohttp_response(HttpResponseFactory.accepted())
    assert isinstance(with_body, web.Response) and with_body.status == 200 and json.loads(with_body.body) == {"a": 1}
    assert accepted.status == 202


# --- Teams clients: TeamsClientFactory over RestChannelServiceClientFactory ------------------------


def test_the_client_factory_overrides_have_the_sdks_signatures_and_private_names():
    """The SDK calls ``create_connector_client`` and ``create_user_token_client`` positionally
    (channel_service_adapter.py); ``TeamsClientFactory`` uses the base class's
    ``_connection_manager`` and ``_ANONYMOUS_TOKEN_PROVIDER``."""
    from microsoft_agents.hosting.core.authorization import AnonymousTokenProvider
    from microsoft_agents.hosting.core.rest_channel_service_client_factory import RestChannelServiceClientFactory

    from tests.adapters.fakes import StaticConnections
    from wijkwijzer.adapters.teams.clients import TeamsClientFactory

    for name in ("create_connector_client", "create_user_token_client"):
        ours, sdk = getattr(TeamsClientFactory, name), getattr(RestChannelServiceClientFactory, name)
        assert _parameters(ours) == _parameters(sdk), f"{name} changed in {_sdk_file(RestChannelServiceClientFactory)}"
    connections = StaticConnections()
    factory = TeamsClientFactory(connections, on_retry=lambda: None)
    assert factory._connection_manager is connections
    assert isinstance(RestChannelServiceClientFactory._ANONYMOUS_TOKEN_PROVIDER, AnonymousTokenProvider)


async def test_a_connector_client_over_a_kept_session_puts_its_token_on_that_session():
    """``ConnectorClient(endpoint, token, session=...)`` writes the Authorization header into the
    session it is given (connector_client.py); one session per serviceUrl then serves every
    client made for a new token. The SDK closes the client after each turn: ours must not close."""
    from microsoft_agents.hosting.core import ClaimsIdentity
    from microsoft_agents.hosting.core.connector.client import ConnectorClient

    from tests.adapters.fakes import OUTBOUND_TOKEN, StaticConnections
    from wijkwijzer.adapters.teams.clients import TeamsClientFactory

    assert ("session", inspect.Parameter.KEYWORD_ONLY, None) in _parameters(ConnectorClient.__init__)
    factory = TeamsClientFactory(StaticConnections(), on_retry=lambda: None)
    try:
        made = [await factory.create_connector_client(None, ClaimsIdentity(), "https://smba.example/emea",
                                                      "https://api.botframework.com", ["scope"]) for _ in range(2)]
        assert made[0] is made[1]
        session = made[0].client
        assert session.headers["Authorization"] == f"Bearer {OUTBOUND_TOKEN}"
        await made[0].close()
        assert not session.closed
    finally:
        await factory.close()
    assert session.closed


# --- Replies: Reply.__deepcopy__ on TurnContext.send_activities ------------------------------------


async def test_the_sdk_send_path_copies_a_reply_with_its_own_deepcopy_and_sets_top_level_fields_only():
    """``TurnContext.send_activities`` deep-copies every outgoing activity (turn_context.py) and
    then sets top-level fields. ``Reply.__deepcopy__`` makes that copy shallow; if the SDK stops
    calling deepcopy, or copies another way, the nested parts are no longer shared and the saving
    is gone (the reply is still correct)."""
    from tests.store.test_store import turn_context
    from wijkwijzer.core.replies import ContactCard, Reply, reply

    context, adapter = turn_context("smw ypenburg")
    original = reply("Smw:", ["JGZ", "Leerplicht"], [ContactCard("Fatma", "smw", "Xtra")])
    await context.send_activity(original)
    [sent] = adapter.sent
    assert type(sent) is Reply and sent is not original
    assert sent.suggested_actions is original.suggested_actions and sent.attachments is original.attachments
    assert original.conversation is None and sent.conversation.id == "gesprek-1"
    assert copy.deepcopy(original).suggested_actions is original.suggested_actions


# --- Dialog memory: one DialogStateManagerConfiguration for every turn ------------------------------


async def test_dialog_memory_is_what_the_sdk_builds_for_itself_and_the_sdk_finds_it_in_turn_state():
    """``DialogStateManager`` (dialogs/memory/dialog_state_manager.py) builds its scopes and path
    resolvers from every registered component unless ``turn_state`` holds a configuration under
    the class name. ``dialog_memory()`` builds them from ``DialogsComponentRegistration`` only:
    it must give the same kinds, in the same order."""
    from microsoft_agents.hosting.core import ConversationState, MemoryStorage
    from microsoft_agents.hosting.dialogs import DialogSet
    from microsoft_agents.hosting.dialogs.memory import DialogStateManagerConfiguration

    from tests.store.test_store import turn_context
    from wijkwijzer.core.agent import dialog_memory

    context, _ = turn_context("hoi")
    dc = await DialogSet(ConversationState(MemoryStorage()).create_property("dialogs")).create_context(context)
    built = dc.state.configuration
    assert context.turn_state[DialogStateManagerConfiguration.__name__] is built
    ours = dialog_memory()
    assert [type(s) for s in ours.memory_scopes] == [type(s) for s in built.memory_scopes]
    assert [type(r) for r in ours.path_resolvers] == [type(r) for r in built.path_resolvers]


# --- Tracing: BaseSpanWrapper made inert -------------------------------------------------------------


def test_the_span_wrapper_has_the_shape_the_inert_methods_replace():
    """app/tracing.py replaces ``BaseSpanWrapper.__init__``, ``__enter__`` and ``__exit__``
    (telemetry/core/base_span_wrapper.py). That is whole only while: ``__init__`` takes no
    arguments; ``otel_span`` and ``active`` read ``_span`` and ``_active``; no wrapper subclass
    has its own ``__enter__``/``__exit__``; nothing else uses ``_exit_stack``; and the places
    that read ``_span`` directly accept None."""
    from microsoft_agents.hosting.core.telemetry.core.base_span_wrapper import BaseSpanWrapper

    _import_all_sdk_modules()
    assert [name for name, *_ in _parameters(BaseSpanWrapper.__init__)] == ["self"], _sdk_file(BaseSpanWrapper)

    class Probe(BaseSpanWrapper):
        def _start_span(self):  # pragma: no cover - never entered
            raise AssertionError

    probe, marker = Probe(), object()
    probe._span, probe._active = marker, True
    assert probe.otel_span is marker and probe.active is True

    subclasses = _subclasses(BaseSpanWrapper)
    assert len(subclasses) > 10
    own = [f"{sub.__module__}.{sub.__qualname__}.{name}" for sub in subclasses
           for name in ("__enter__", "__exit__") if name in vars(sub)]
    assert own == []

    base = "microsoft_agents/hosting/core/telemetry/core/base_span_wrapper.py"
    sources = _sdk_sources()
    assert [path for path, text in sources.items() if "_exit_stack" in text and path != base] == []
    reading_span = sorted(path for path, text in sources.items() if re.search(r"\._span\b", text) and path != base)
    # Each of these reads _span only after checking it is not None (read them again when this changes).
    assert reading_span == ["microsoft_agents/hosting/core/app/telemetry/spans.py"]


# --- Turn contexts closed as the SDK closes them: TurnContext._aclose --------------------------------


async def test_turn_context_aclose_runs_the_end_of_turn_handlers_as_the_sdks_adapters_do():
    """The console and WhatsApp adapters end a turn with ``await context._aclose()``, as the SDK's
    own ``ChannelServiceAdapter.process_activity`` and ``ChannelAdapter.continue_conversation`` do
    (turn_context.py, channel_service_adapter.py, channel_adapter.py)."""
    from microsoft_agents.hosting.core import TurnContext
    from microsoft_agents.hosting.core.channel_adapter import ChannelAdapter
    from microsoft_agents.hosting.core.channel_service_adapter import ChannelServiceAdapter

    from tests.store.test_store import turn_context

    assert inspect.iscoroutinefunction(TurnContext._aclose), _sdk_file(TurnContext)
    assert [name for name, *_ in _parameters(TurnContext._aclose)] == ["self"]
    assert [name for name, *_ in _parameters(ChannelAdapter.run_pipeline)] == ["self", "context", "callback"]
    assert "context._aclose" in inspect.getsource(ChannelServiceAdapter.process_activity)
    assert "context._aclose" in inspect.getsource(ChannelAdapter.continue_conversation)

    context, _ = turn_context("hoi")
    closed = []

    async def handler(ctx):
        closed.append(ctx)

    context._on_aclose(handler)
    await context._aclose()
    assert closed == [context]


# --- JWT: our key source in JwtTokenValidator._jwk_client_manager ------------------------------------


class _Looked(Exception):
    pass


async def test_the_jwt_validator_gets_its_signing_key_from_its_jwk_client_manager():
    """``_Validator`` puts the throttled key source (and in tests the local JWKS) into
    ``JwtTokenValidator._jwk_client_manager`` (authorization/jwt/jwt_token_validator.py), which
    ``validate_token`` must ask for every key."""
    import jwt
    from microsoft_agents.hosting.core import AgentAuthConfiguration
    from microsoft_agents.hosting.core.authorization import JwtTokenValidator

    from wijkwijzer.adapters.teams.auth import _Validator

    manager = inspect.getattr_static(JwtTokenValidator, "_jwk_client_manager", None)
    assert manager is not None, _sdk_file(JwtTokenValidator)
    assert inspect.iscoroutinefunction(manager.get_signing_key)
    assert [name for name, *_ in _parameters(manager.get_signing_key)] == ["jwks_uri", "header"]

    asked: list[tuple[str, dict]] = []

    class Keys:
        async def get_signing_key(self, jwks_uri, header):
            asked.append((jwks_uri, header))
            raise _Looked

    validator = _Validator(AgentAuthConfiguration(client_id="app"), Keys())
    token = jwt.encode({"aud": "app", "iss": "https://api.botframework.com"}, "k" * 32, algorithm="HS256",
                       headers={"kid": "kid-1"})
    with pytest.raises(_Looked):
        await validator.validate_token(token)
    assert asked and asked[0][1]["kid"] == "kid-1"


# --- Storage: eTags in CachedAgentState, SDK dialog objects as JSON ----------------------------------


async def test_agent_state_saves_its_cached_state_object_whose_dict_is_state():
    """``SqlStorage`` gives the new eTag back into ``CachedAgentState.state``
    (state/agent_state.py), which only works while ``AgentState.save`` writes that object itself
    and keeps it for the rest of the turn."""
    from microsoft_agents.hosting.core import ConversationState, Storage
    from microsoft_agents.hosting.core.state.agent_state import CachedAgentState

    from tests.store.test_store import turn_context

    written: list[dict] = []

    class Recording(Storage):
        async def read(self, keys, *, target_cls=None, **kwargs):
            return {}

        async def write(self, changes):
            written.append(dict(changes))

        async def delete(self, keys):
            raise AssertionError("not used")

    context, _ = turn_context("hoi")
    state = ConversationState(Recording())
    await state.load(context)
    await state.create_property("n").set(context, 1)
    await state.save(context)
    [item] = written[0].values()
    assert isinstance(item, CachedAgentState) and item.state["n"] == 1
    assert state.get_cached_state() is item


def test_the_sdk_dialog_objects_the_codec_rebuilds_are_plain_attribute_classes():
    """json_codec rebuilds ``DialogState``, ``DialogInstance``, ``PromptOptions``, ``Choice``,
    ``FoundChoice`` and ``DateTimeResolution`` with ``object.__new__`` and their attributes:
    they must keep all their state in ``__dict__`` (no slots, nothing done in ``__init__`` that
    the attributes do not hold)."""
    from microsoft_agents.activity import Activity
    from microsoft_agents.hosting.dialogs import DialogInstance, DialogState
    from microsoft_agents.hosting.dialogs.choices import Choice, FoundChoice
    from microsoft_agents.hosting.dialogs.prompts import DateTimeResolution, PromptOptions

    from wijkwijzer.store.json_codec import _ATTRIBUTE_CLASSES, dumps, loads

    samples = [
        DialogState([DialogInstance(id="partner", state={"stap": "wijk", "n": 2})]),
        DialogInstance(id="route", state={}),
        PromptOptions(prompt=Activity(type="message", text="Welke wijk?"), choices=[Choice("Ypenburg")],
                      number_of_attempts=1),
        Choice(value="Ypenburg", synonyms=["ypenburg"]),
        FoundChoice(value="Ypenburg", index=0, score=0.9, synonym="ypenburg"),
        DateTimeResolution(value="2026-01-02", timex="2026-01-02"),
    ]
    assert {type(sample).__name__ for sample in samples} == set(_ATTRIBUTE_CLASSES)
    for sample in samples:
        cls = type(sample)
        assert all("__slots__" not in vars(k) for k in cls.__mro__[:-1]), _sdk_file(cls)
        again = loads(dumps(sample))
        assert type(again) is cls and json.loads(dumps(again)) == json.loads(dumps(sample))


# --- SQLite point reads: what SQLAlchemy compiles, run on plain sqlite3 ------------------------------


def _point_reads_of_the_package():
    import wijkwijzer.store
    from wijkwijzer.store.database import PointRead

    found = {}
    for module in pkgutil.walk_packages(wijkwijzer.store.__path__, "wijkwijzer.store."):
        if ".migrations" in module.name:
            continue
        for name, value in vars(importlib.import_module(module.name)).items():
            if isinstance(value, PointRead):
                found[f"{module.name}.{name}"] = value
    return found


async def test_every_point_read_gives_the_rows_sqlalchemy_gives_for_its_statement(tmp_path):
    """``point_read`` compiles with SQLAlchemy's SQLite dialect once and takes its bind and result
    processors (``compiled.binds``/``params``/``literal_execute_params``, ``dialect_impl``);
    ``PointReads`` runs that SQL on plain sqlite3. Each of the package's point reads must return
    what SQLAlchemy returns for the same statement."""
    from datetime import UTC, datetime

    from wijkwijzer.store.database import create_engine, dispose, migrate, point_reads
    from wijkwijzer.store.people import People
    from wijkwijzer.store.sql_storage import SqlStorage

    reads = _point_reads_of_the_package()
    assert set(reads) >= {"wijkwijzer.store.sql_storage._READ", "wijkwijzer.store.people._BY_USER_ID",
                          "wijkwijzer.store.outbox._UNREAD_FULL_TEXTS"}
    values = {"key": "k-1", "user_id": "u-1", "recipient": 1}
    engine = create_engine(sqlite_path=tmp_path / "reads.sqlite")
    await migrate(engine)
    try:
        await SqlStorage(engine).write({"k-1": {"n": 1}})
        await People(engine, "secret", clock=lambda: datetime(2026, 3, 1, 8, 30, tzinfo=UTC)).register(
            user_id="u-1", channel="whatsapp", role="ib", via="invite", address="31612345678", onboarded=False)
        for name, read in reads.items():
            wanted = {key for key in re.findall(r":(\w+)", read.sql) if read.defaults.get(key) is None}
            assert wanted <= set(values), f"{name}: give a value for {sorted(wanted - set(values))} here"
            params = {key: values[key] for key in wanted}
            async with engine.connect() as conn:
                expected = [dict(row._mapping) for row in (await conn.execute(read.statement, params)).all()]
            found = [dict(row._mapping) for row in await point_reads(engine).rows(read, params)]
            assert found == expected, name
            assert "POSTCOMPILE" not in read.sql
    finally:
        await dispose(engine)


# --- Knowledge base: libyaml with a resolve shortcut, the parse cache, the YAML writer ---------------


def test_the_loader_is_libyaml_and_its_resolve_shortcut_reads_what_pyyaml_reads(tmp_path):
    """``_LineLoader`` subclasses ``yaml.CSafeLoader`` (libyaml), overrides ``resolve(kind, value,
    implicit)`` (which libyaml's parser calls for every scalar) with a shortcut for plain scalars
    that start with a letter, and ``construct_mapping`` to record lines. Files written by the
    importer's own YAML writer must read back exactly, and exactly as ``yaml.safe_load`` reads them."""
    import yaml
    from yaml.resolver import BaseResolver

    from tests.knowledge.test_importer import TRICKY
    from wijkwijzer.knowledge.importer import to_yaml
    from wijkwijzer.knowledge.loader import _LINE, _LineLoader, _SafeBase, _strip_lines

    assert yaml.__with_libyaml__ and _SafeBase is yaml.CSafeLoader, "libyaml missing: first loads take seconds longer"
    assert [name for name, *_ in _parameters(BaseResolver.resolve)] == ["self", "kind", "value", "implicit"]
    data = {"los": {f"k{i}": value for i, value in enumerate(TRICKY)}, "blok": TRICKY,
            "lijst": [{"naam": "a", "vlag": True}, {"naam": "Yes", "n": "12"}]}
    text = to_yaml(data)
    raw = yaml.load(text, Loader=_LineLoader)
    assert _strip_lines(raw) == data == yaml.safe_load(text)
    lines = text.splitlines()
    assert raw[_LINE] == 1 and lines[raw["lijst"][1][_LINE] - 1] == "- naam: 'Yes'"


def test_a_knowledge_base_from_the_parse_cache_equals_one_parsed_from_yaml(tmp_path, monkeypatch):
    """The parse cache stores the parsed files as JSON (dates as text) and validates them again
    on a later load: pydantic must read that back into the same knowledge base."""
    from wijkwijzer.knowledge import loader

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    directory = tmp_path / "kb"
    shutil.copytree(loader.BUNDLED_DIR, directory)
    parsed, problems = loader.check_knowledge_base(directory, use_cache=False)
    assert problems == [] and parsed is not None
    loader.check_knowledge_base(directory)
    assert loader._cache_path(directory).exists()

    def no_yaml(*args, **kwargs):
        raise AssertionError("parsed YAML although the cache holds these files")

    monkeypatch.setattr(loader, "_read_yaml", no_yaml)
    cached, problems = loader.check_knowledge_base(directory)
    assert problems == [] and cached is not None

    def dump(kb):
        return json.dumps([[m.model_dump(mode="json") for m in group] for group in (
            kb.areas.values(), kb.schools.values(), kb.contacts, kb.steps.values(), kb.entries.values(), kb.terms,
            [kb.loket] if kb.loket else [])], sort_keys=True)

    assert dump(cached) == dump(parsed)


# --- pydantic: validators borrowed from IbContact -------------------------------------------------


def test_the_validators_borrowed_from_ibcontact_run_on_contacts_and_the_loket():
    """``ContactFile`` and ``Loket`` reuse ``IbContact._email.__func__`` and ``_phone.__func__``:
    pydantic leaves the decorated function in the class as a classmethod (models.py)."""
    from pydantic import ValidationError

    from wijkwijzer.knowledge.models import ContactFile, Loket

    contact = {"naam": "Piet", "rol": "smw", "functie": "smw", "werkgebied": ["Den Haag: Ypenburg"]}
    ContactFile.model_validate({**contact, "email": "piet@example.nl", "telefoon": "070 012 3456"})
    with pytest.raises(ValidationError, match="e-mailadres"):
        ContactFile.model_validate({**contact, "email": "piet-at-example.nl"})
    with pytest.raises(ValidationError, match="telefoonnummer"):
        Loket.model_validate({"naam": "Loket", "telefoon": "bel ons"})


# --- rapidfuzz: what the resolver's shortcuts assume ----------------------------------------------


def test_rapidfuzz_gives_zero_below_the_cutoff_and_extract_gives_triples():
    """``_score_full`` skips a candidate when ``fuzz.ratio(..., score_cutoff=...)`` is 0 (falsy),
    ``_close_tokens`` unpacks ``process.extract`` results as (choice, score, key), and
    ``_corrections`` counts a swap of two letters as one edit."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import DamerauLevenshtein

    assert 0 < fuzz.ratio("ypenburg", "rijswijk") < 80
    assert fuzz.ratio("ypenburg", "rijswijk", score_cutoff=80) == 0
    assert fuzz.ratio("ypenburg", "ypenbrug", score_cutoff=80) >= 80
    found = process.extract("ypnburg", ["ypenburg", "rijswijk"], scorer=fuzz.ratio, score_cutoff=85, limit=None)
    assert [(choice, key) for choice, _score, key in found] == [("ypenburg", 0)]
    assert DamerauLevenshtein.distance("ypenburg", "yepnburg") == 1


# --- deduce: its lookup lists read from its package folder ----------------------------------------


@pytest.mark.parametrize("parts", [("names", "lst_first_name"), ("names", "lst_surname"),
                                   ("names", "lst_interfix_surname"), ("whitelist", "lst_common_word"),
                                   ("whitelist", "lst_stop_word")])
def test_the_deduce_lists_are_where_privacy_reads_them(parts):
    """``core.privacy._deduce_list`` reads ``deduce/data/lookup/src/<group>/<list>/items.txt`` without
    importing deduce; a moved list would silently leave the name lexicon without deduce's names."""
    from wijkwijzer.core.privacy import _deduce_list

    assert len(_deduce_list(*parts)) >= 50, f"deduce's {'/'.join(parts)} is gone or moved"


# --- the document ---------------------------------------------------------------------------------

_GUARD = re.compile(r"(tests/[\w/]+\.py)::(test_\w+)")


def _defined(path: Path, name: str) -> bool:
    return re.search(rf"^(async )?def {name}\(", path.read_text(encoding="utf-8"), re.MULTILINE) is not None


def test_docs_performance_names_guard_tests_that_exist_and_every_contract_test():
    text = DOC.read_text(encoding="utf-8")
    named = set(_GUARD.findall(text))
    assert len(named) > 20
    missing = sorted(f"{path}::{name}" for path, name in named
                     if not (ROOT / path).is_file() or not _defined(ROOT / path, name))
    assert missing == [], "docs/performance.md names tests that do not exist"
    here = Path(__file__).relative_to(ROOT).as_posix()
    own = re.findall(r"^(?:async )?def (test_\w+)\(", Path(__file__).read_text(encoding="utf-8"), re.MULTILINE)
    unnamed = sorted(name for name in own if (here, name) not in named)
    assert unnamed == [], "docs/performance.md does not say what these contract tests guard"
