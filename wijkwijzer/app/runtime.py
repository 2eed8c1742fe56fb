"""The app factory: builds storage, knowledge base and agent from settings; nothing at import."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from microsoft_agents.activity import Activity
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncEngine

from wijkwijzer import dialogs
from wijkwijzer.app.knowledge_sync import KnowledgeSync
from wijkwijzer.app.secrets import pseudonym_key
from wijkwijzer.app.settings import Settings
from wijkwijzer.core.agent import COPY_FILE as AGENT_COPY
from wijkwijzer.core.agent import ProfileSource, WijkwijzerAgent
from wijkwijzer.core.conversation import Registry
from wijkwijzer.core.copy import CopyBook
from wijkwijzer.core.safety import SafetyCopy, SafetyReply
from wijkwijzer.core.services import Profile
from wijkwijzer.dialogs import COPY_FILE as DIALOG_COPY
from wijkwijzer.knowledge.loader import KnowledgeBaseHolder
from wijkwijzer.store.addresses import AddressCipher
from wijkwijzer.store.console import ConsoleAccess, NotAllowed
from wijkwijzer.store.database import create_engine, default_sqlite_url, dispose, migrate
from wijkwijzer.store.kb_versions import KnowledgeVersions
from wijkwijzer.store.outbox import Outbox
from wijkwijzer.store.people import People
from wijkwijzer.store.retention import purge
from wijkwijzer.store.signals import NewSignal, SignalFilter, SignalStore, per_thema, pseudonymize
from wijkwijzer.store.sql_storage import SqlStorage
from wijkwijzer.store.turn_leases import TurnLeases


class FixedProfile:
    """Everyone who talks is the same person: the terminal user set by --user-role/--user-wijk."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile

    async def profile_for(self, activity: Activity) -> Profile:
        return self.profile


class StoreSignalSink:
    """Saves signals with a pseudonymous reporter id; never the raw user id."""

    def __init__(self, store: SignalStore, secret: str) -> None:
        self.store = store
        self.secret = secret

    async def save_signal(self, *, thema: str, wijk: str | None, urgency: str, text: str, reporter: str,
                          at: datetime | None = None, message: str | None = None) -> int:
        return await self.store.add(NewSignal(
            created_at=at or datetime.now(UTC), thema=thema, wijk=wijk, urgency=urgency, text=text,
            reporter=pseudonymize(reporter, self.secret), channel="",
            source=pseudonymize(message, self.secret) if message else None,
        ))


    def fingerprint(self, piece: str) -> str:
        return pseudonymize(f"refused:{piece}", self.secret)

    async def signal_per_thema(self, where: SignalFilter) -> dict[str, int]:
        return await per_thema(self.store.engine, where)


LOGIN_PATH = "/console/login/"


class ConsoleLinkService:
    """'Inloggen' in chat: a single-use console link for the person talking (store/console.py)."""

    def __init__(self, access: ConsoleAccess, people: People, public_url: str | None) -> None:
        self.access = access
        self.people = people
        self.public_url = public_url.rstrip("/") if public_url else None

    async def login_url(self, user_id: str) -> str | None:
        if self.public_url is None:
            return None
        user = await self.people.get(user_id)
        if user is None:
            raise LookupError("no user record")
        try:
            token = await self.access.create_link(user, actor=user_id)
        except NotAllowed as error:
            raise LookupError(str(error)) from None
        return f"{self.public_url}{LOGIN_PATH}{token}"


@dataclass
class Runtime:
    settings: Settings
    kb: KnowledgeBaseHolder
    engine: AsyncEngine
    storage: SqlStorage
    signals: SignalStore
    people: People
    outbox: Outbox
    agent: WijkwijzerAgent
    versions: KnowledgeVersions
    console: ConsoleAccess
    sync: KnowledgeSync

    async def close(self) -> None:
        await dispose(self.engine)


def engine_for(settings: Settings) -> AsyncEngine:
    if settings.database_url:
        return create_engine(settings.database_url)
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    return create_engine(default_sqlite_url(settings.sqlite_path()))


async def with_secret(settings: Settings, engine: AsyncEngine) -> Settings:
    """``settings`` with the pseudonym key: the configured one, else the key file (app/secrets.py)."""
    configured = settings.pseudonym_secret.get_secret_value() if settings.pseudonym_secret else None
    key = await pseudonym_key(configured, settings.state_dir, engine)
    return settings.model_copy(update={"pseudonym_secret": SecretStr(key)})


async def create_runtime(settings: Settings, profiles: ProfileSource, engine: AsyncEngine | None = None) -> Runtime:
    """Open the database (migrating it), load the knowledge base and build the agent."""
    kb = KnowledgeBaseHolder(settings.kb_dir)
    engine = engine or engine_for(settings)
    await migrate(engine)
    settings = await with_secret(settings, engine)
    storage = SqlStorage(engine)
    signals = SignalStore(engine)
    await purge(engine, settings.retention(), datetime.now(UTC))
    people = People(engine, settings.secret())
    outbox = Outbox(engine, addresses=AddressCipher(settings.secret()))
    await people.seal_addresses()
    versions = KnowledgeVersions(engine)
    sync = KnowledgeSync(kb, versions)
    await sync.check()
    console = ConsoleAccess(engine, settings.secret(), timedelta(hours=settings.console_session_hours))
    copy = CopyBook(AGENT_COPY, DIALOG_COPY)
    agent = WijkwijzerAgent(
        kb=kb, storage=storage, profiles=profiles, signals=StoreSignalSink(signals, settings.secret()),
        registry=Registry(dialogs.routes(), copy), copy=copy, safety_reply=SafetyReply(copy.section("safety", SafetyCopy)),
        people=people, outbox=outbox, invite_valid_days=settings.invite_valid_days,
        idle=timedelta(minutes=settings.pending_idle_minutes),
        console=ConsoleLinkService(console, people, settings.public_url), report_threshold=settings.report_threshold,
        turn_lock=TurnLeases(engine, timedelta(seconds=settings.turn_lease_seconds)),
    )
    return Runtime(settings=settings, kb=kb, engine=engine, storage=storage, signals=signals, people=people,
                   outbox=outbox, agent=agent, versions=versions, console=console, sync=sync)


async def open_stores(settings: Settings) -> tuple[AsyncEngine, People, Outbox, Settings]:
    """Database, people and outbox without the knowledge base and agent (for CLI commands)."""
    engine = engine_for(settings)
    await migrate(engine)
    settings = await with_secret(settings, engine)
    people = People(engine, settings.secret())
    await people.seal_addresses()
    return engine, people, Outbox(engine, addresses=AddressCipher(settings.secret())), settings
