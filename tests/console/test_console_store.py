"""Links, sessions and published versions in the store (SQLite and PostgreSQL), the CLI, and logs."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from sqlalchemy import select, text

from wijkwijzer.app.cli import main
from wijkwijzer.app.knowledge_sync import KnowledgeSync
from wijkwijzer.app.server import PathOnlyAccessLogger
from wijkwijzer.knowledge.loader import BUNDLED_DIR, FILES, KnowledgeBaseHolder
from wijkwijzer.store.console import ConsoleAccess
from wijkwijzer.store.kb_versions import KnowledgeVersions
from wijkwijzer.store.people import People
from wijkwijzer.store.schema import console_links, console_sessions

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


async def test_links_work_once_within_ten_minutes_and_only_hashes_are_stored(engine):
    clock = [NOW]
    people = People(engine, "geheim")
    access = ConsoleAccess(engine, "geheim", clock=lambda: clock[0])
    adviseur = await people.register(user_id="u-adv", channel="msteams", role="adviseur", via="test")
    token = await access.create_link(adviseur, actor="test")
    async with engine.connect() as conn:
        stored = (await conn.execute(select(console_links.c.token_hash))).scalars().all()
    assert stored and token not in stored[0] and len(stored[0]) == 64
    assert (await access.redeem_link(token)).outcome == "ok"
    assert (await access.redeem_link(token)).outcome == "used"
    late = await access.create_link(adviseur, actor="test")
    clock[0] = NOW + timedelta(minutes=11)
    assert (await access.redeem_link(late)).outcome == "expired"
    assert (await access.redeem_link("verzonnen")).outcome == "unknown"
    session = await access.start_session(adviseur)
    async with engine.connect() as conn:
        assert session not in (await conn.execute(select(console_sessions.c.session_hash))).scalars().all()
    assert (await access.session(session)) is not None
    assert access.csrf_ok(session, access.csrf_token(session)) and not access.csrf_ok(session, "x")
    clock[0] += timedelta(hours=9)
    assert await access.session(session) is None, "a session expires"


async def test_forgetting_a_person_removes_their_links_and_sessions(engine):
    people = People(engine, "geheim")
    access = ConsoleAccess(engine, "geheim")
    beheerder = await people.register(user_id="u-beh", channel="console", role="beheerder", via="test")
    await access.create_link(beheerder, actor="test")
    session = await access.start_session(beheerder)
    await people.forget(beheerder, actor="test")
    assert await access.session(session) is None
    async with engine.connect() as conn:
        assert (await conn.execute(text("select count(*) from console_links"))).scalar_one() == 0


async def test_a_published_version_reaches_a_second_holder_and_a_restore_goes_back(engine):
    versions = KnowledgeVersions(engine)
    files = {name: (BUNDLED_DIR / name).read_text(encoding="utf-8") for name in FILES}
    changed = dict(files, **{"scholen.yaml": files["scholen.yaml"].replace("Marloes Jacobs", "Marloes Jansen")})
    first = await versions.add_draft(created_by="t", source="a", files=files, report="{}")
    second = await versions.add_draft(created_by="t", source="b", files=changed, report="{}")
    worker = KnowledgeBaseHolder()
    sync = KnowledgeSync(worker, versions)
    assert await sync.check() is False, "nothing published yet"
    await versions.publish(second, "t")
    assert await sync.check() and worker.version == second
    assert worker.current.schools["IKC De Vliegerwolk"].ib.naam == "Marloes Jansen"
    await versions.publish(first, "t", action="kb.restore")
    assert await sync.check() and worker.version == first
    assert worker.current.schools["IKC De Vliegerwolk"].ib.naam == "Marloes Jacobs"
    assert [v.id for v in await versions.published()] == [first, second]


def test_users_add_and_console_link_on_the_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WIJKWIJZER_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("WIJKWIJZER_PUBLIC_URL", "https://wijkwijzer.swv.example/")
    assert main(["users", "add", "--role", "adviseur", "--name", "Ada Adviseur", "--wijk", "Ypenburg"]) == 0
    number = capsys.readouterr().out.strip()
    assert number.isdigit()
    assert main(["console", "link", number]) == 0
    link = capsys.readouterr().out.strip()
    assert link.startswith("https://wijkwijzer.swv.example/console/login/") and len(link) > 60
    assert main(["invite", "create", "--wijk", "Ypenburg"]) == 0
    capsys.readouterr()


def test_console_link_is_refused_for_an_ib_er(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WIJKWIJZER_STATE_DIR", str(tmp_path))
    import asyncio

    from wijkwijzer.app.runtime import open_stores
    from wijkwijzer.app.settings import Settings

    async def make_ib() -> int:
        engine, people, _, _ = await open_stores(Settings())
        user = await people.register(user_id="ib-1", channel="whatsapp", role="ib", via="test")
        await engine.dispose()
        return user.id

    number = asyncio.run(make_ib())
    assert main(["console", "link", str(number)]) == 1
    assert "alleen voor adviseurs en beheerders" in capsys.readouterr().err


def test_the_access_log_never_holds_a_login_token(caplog):
    logger = PathOnlyAccessLogger(logging.getLogger("test.access"), "")
    request = SimpleNamespace(method="GET", path="/console/login/GefmSfEmwxF7jSwSGFBP-QiyEJBM5uMcxlCuhWO0FZY")
    with caplog.at_level(logging.INFO, logger="test.access"):
        logger.log(request, SimpleNamespace(status=200), 0.01)  # type: ignore[arg-type]
    assert "GefmSf" not in caplog.text and "/console/login/…" in caplog.text
