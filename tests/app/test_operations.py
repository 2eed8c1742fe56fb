"""Operations: ``serve --workers``, the metrics port and gauges, ``--version``, the settings
reference, and backup/restore, through the real CLI and HTTP."""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import date
from importlib.metadata import version
from pathlib import Path

import pytest
from pydantic_settings import BaseSettings
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

import wijkwijzer
from tests.adapters import fakes
from tests.adapters.fakes import teams_user_id
from tests.conftest import POSTGRES_URL, require_postgres
from wijkwijzer.app.server import GAUGES, RUNTIME
from wijkwijzer.knowledge.loader import BUNDLED_DIR, FILES
from wijkwijzer.store.outbox import Audience

make_teams = fakes.make_teams  # the server fixture
ROOT = Path(__file__).resolve().parents[2]
SECRET = "test-secret"


# --- helpers ------------------------------------------------------------------------------------


def environment(state_dir: Path, **env: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WIJKWIJZER_")}
    return {**clean, "WIJKWIJZER_STATE_DIR": str(state_dir), "PYTHONPATH": str(ROOT), **env}


def cli(state_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wijkwijzer.app.cli", *args], env=environment(state_dir, **env),
                          cwd=state_dir, capture_output=True, text=True, timeout=120)


def free_port(count: int = 1) -> int:
    """A port such that it and the ``count - 1`` after it are free now."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port + count < 65535 and all(_free(port + i) for i in range(count)):
            return port
    raise RuntimeError("no free ports")


def _free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def get(url: str, timeout: float = 5) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def teams_message(n: int) -> bytes:
    """A Teams message answered in the HTTP response (expectReplies), from user n in their own chat."""
    return json.dumps({
        "type": "message", "id": f"m{n}", "channelId": "msteams", "deliveryMode": "expectReplies",
        "serviceUrl": "http://127.0.0.1:9/", "locale": "nl-NL", "text": "wat is een opp",
        "from": {"id": f"29:user-{n}", "aadObjectId": f"aad-{n}"}, "recipient": {"id": "28:wijkwijzer"},
        "conversation": {"id": f"a:conv-{n}", "conversationType": "personal", "tenantId": "t"},
        "channelData": {"tenant": {"id": "t"}},
    }).encode()


def post(url: str, body: bytes) -> tuple[int, str]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read().decode()


def children(pid: int) -> set[int]:
    return {int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}


def wait_until_ready(process: subprocess.Popen[str], url: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            if get(url, timeout=2)[0] == 200:
                return
        except OSError:
            pass
        assert process.poll() is None, process.communicate()[1]
        assert time.monotonic() < deadline, "server did not become ready"
        time.sleep(0.2)


def metric(body: str, name: str) -> float:
    """The sum of a metric's samples in a Prometheus text exposition."""
    pattern = re.compile(rf"^{re.escape(name)}(?:{{[^}}]*}})? (\S+)$", re.MULTILINE)
    return sum(float(value) for value in pattern.findall(body))


# --- serve --workers ----------------------------------------------------------------------------


@pytest.fixture
def two_workers(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], int, int]]:
    port, metrics_port = free_port(), free_port(2)
    process = subprocess.Popen(
        [sys.executable, "-m", "wijkwijzer.app.cli", "serve", "--port", str(port), "--workers", "2"],
        env=environment(tmp_path, WIJKWIJZER_TEAMS_ANONYMOUS="true", WIJKWIJZER_METRICS_PORT=str(metrics_port),
                        WIJKWIJZER_OUTBOX_WORKER="false"),
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_until_ready(process, f"http://127.0.0.1:{port}/readyz")
        for worker in range(2):
            wait_until_ready(process, f"http://127.0.0.1:{metrics_port + worker}/metrics")
        yield process, port, metrics_port
    finally:
        if process.poll() is None:
            for child in children(process.pid):
                os.kill(child, signal.SIGKILL)
            process.kill()
        process.communicate()


def test_two_workers_answer_on_one_port_migrate_once_and_stop_together(two_workers):
    process, port, metrics_port = two_workers
    workers = children(process.pid)
    assert len(workers) == 2
    for n in range(40):  # a new connection each time: the kernel spreads them over both workers
        status, body = post(f"http://127.0.0.1:{port}/api/messages", teams_message(n))
        assert status == 200 and '"activities"' in body
    turns = [metric(get(f"http://127.0.0.1:{metrics_port + i}/metrics")[1], "wijkwijzer_turns_total")
             for i in range(2)]
    assert sum(turns) == 40 and all(t > 0 for t in turns), turns
    assert get(f"http://127.0.0.1:{port}/metrics")[0] == 404, "with a metrics port, /metrics is not on the main port"

    killed = next(iter(workers))  # a worker that dies while serving is replaced
    os.kill(killed, signal.SIGKILL)
    deadline = time.monotonic() + 60
    while len(children(process.pid) - {killed}) < 2:
        assert time.monotonic() < deadline, "the dead worker was not replaced"
        time.sleep(0.2)
    for n in range(40, 50):
        assert post(f"http://127.0.0.1:{port}/api/messages", teams_message(n))[0] == 200

    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    assert stderr.count("database migrated:") == 1, stderr
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers - {killed})


def test_a_worker_that_cannot_start_stops_the_server(tmp_path):
    broken = tmp_path / "kb"
    broken.mkdir()
    (broken / "gebieden.yaml").write_text("x: [", encoding="utf-8")
    process = subprocess.run(
        [sys.executable, "-m", "wijkwijzer.app.cli", "serve", "--port", str(free_port()), "--workers", "2"],
        env=environment(tmp_path, WIJKWIJZER_TEAMS_ANONYMOUS="true", WIJKWIJZER_KB_DIR=str(broken)),
        cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert process.returncode == 2
    assert "De kennisbank kan niet worden geladen" in process.stderr


def test_version():
    result = subprocess.run([sys.executable, "-m", "wijkwijzer.app.cli", "--version"], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert result.returncode == 0
    assert result.stdout.strip() == f"wijkwijzer {version('wijkwijzer')}"


# --- gauges -------------------------------------------------------------------------------------


async def test_gauges_show_the_outbox_backlog_and_the_knowledge_base(make_teams):
    server = await make_teams()
    server.app[GAUGES].min_interval = 0.0
    runtime = server.app[RUNTIME]

    async def gauges() -> dict[str, float]:
        status, body = await server.get("/metrics")
        assert status == 200
        return {name: metric(body, name) for name in (
            "wijkwijzer_outbox_backlog", "wijkwijzer_outbox_oldest_undelivered_seconds",
            "wijkwijzer_knowledge_base_age_seconds", "wijkwijzer_knowledge_base_stale_contacts")}

    before = await gauges()
    assert before["wijkwijzer_outbox_backlog"] == 0 and before["wijkwijzer_outbox_oldest_undelivered_seconds"] == 0
    assert before["wijkwijzer_knowledge_base_stale_contacts"] == len(
        runtime.kb.current.stale_contacts(date.today())) > 0
    assert before["wijkwijzer_knowledge_base_age_seconds"] > 0

    announcement = await runtime.outbox.create(created_by="test", text_="Netwerkbijeenkomst\nDonderdag.",
                                               audience=Audience())
    time.sleep(0.01)
    waiting = await gauges()
    assert waiting["wijkwijzer_outbox_backlog"] == announcement.recipients > 0
    assert waiting["wijkwijzer_outbox_oldest_undelivered_seconds"] > 0

    await runtime.outbox.cancel(announcement.id, "test")
    assert (await gauges())["wijkwijzer_outbox_backlog"] == 0


# --- the settings reference ---------------------------------------------------------------------


def settings_classes() -> list[type[BaseSettings]]:
    """Every settings class in the package (every module imported, migrations aside)."""
    for module in pkgutil.walk_packages(wijkwijzer.__path__, "wijkwijzer."):
        if ".migrations" not in module.name:
            importlib.import_module(module.name)
    found = {cls for cls in _subclasses(BaseSettings) if cls.__module__.startswith("wijkwijzer.")}
    return sorted(found, key=lambda cls: cls.__qualname__)


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def env_name(cls: type[BaseSettings], field: str) -> str:
    alias = cls.model_fields[field].validation_alias
    if isinstance(alias, str):
        return alias
    prefix = cls.model_config.get("env_prefix") or ""
    assert prefix.startswith("WIJKWIJZER_"), cls
    return f"{prefix}{field}".upper()


def test_every_setting_is_in_env_example_and_the_configuration_reference():
    env_example = (ROOT / ".env.example").read_text(encoding="utf-8")
    documented = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^#?\s*(WIJKWIJZER_[A-Z0-9_]+)=", env_example, re.MULTILINE))
    classes = settings_classes()
    assert len(classes) >= 4, classes
    names = {env_name(cls, field) for cls in classes for field in cls.model_fields}
    mentioned = {name for path in Path(inspect.getfile(wijkwijzer)).parent.rglob("*.py")
                 for name in re.findall(r"WIJKWIJZER_[A-Z0-9_]*[A-Z0-9]", path.read_text(encoding="utf-8"))}
    # a name the code mentions is a setting, unless it is the prefix of some ("WIJKWIJZER_WHATSAPP_%s")
    mentioned = {name for name in mentioned if not any(other.startswith(name + "_") for other in names)}
    for name in sorted(names | mentioned):
        assert name in listed, f"{name} is missing in .env.example"
        assert f"`{name}`" in documented, f"{name} is missing in docs/configuration.md"
    assert listed <= names, f"in .env.example but read nowhere: {sorted(listed - names)}"


# --- backup and restore -------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def empty_database(request, tmp_path) -> AsyncIterator[str]:
    """The URL of an empty database: a new SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite'}"
        return
    await require_postgres()
    name = f"ww_restore_{uuid.uuid4().hex[:10]}"
    admin = create_async_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'create database "{name}"'))
    try:
        yield POSTGRES_URL.rsplit("/", 1)[0].replace("+asyncpg", "") + f"/{name}"
    finally:
        async with admin.connect() as conn:
            await conn.execute(text("select pg_terminate_backend(pid) from pg_stat_activity where datname = :n"),
                               {"n": name})
            await conn.execute(text(f'drop database if exists "{name}"'))
        await admin.dispose()


async def test_a_backup_restored_into_an_empty_database_answers_as_before(make_teams, tmp_path, empty_database):
    original = f"sqlite:///{tmp_path / 'original.sqlite'}"
    server = await make_teams(settings_overrides={"database_url": original})
    runtime = server.app[RUNTIME]
    files = {name: (BUNDLED_DIR / name).read_text(encoding="utf-8") for name in FILES}
    files["ketenpartners.yaml"] = files["ketenpartners.yaml"].replace("Fatma Yilmaz", "Fenna Hersteld")
    published = await runtime.versions.add_draft(created_by="test", source="kb.xlsx", files=files, report="{}")
    await runtime.versions.publish(published, "test")
    await runtime.sync.check()
    assert (await server.post(server.message("smw ypenburg"))).status == 202
    assert "Fenna Hersteld" in server.connector.texts()
    await server.stop()

    backup_file = tmp_path / "wijkwijzer-backup.gz"
    made = cli(tmp_path, "db", "backup", str(backup_file), WIJKWIJZER_DATABASE_URL=original,
               WIJKWIJZER_PSEUDONYM_SECRET=SECRET)
    assert made.returncode == 0, made.stderr
    assert backup_file.stat().st_mode & 0o077 == 0, "the backup holds personal data: owner only"
    assert SECRET not in backup_file.read_bytes().decode("latin-1")

    wrong = cli(tmp_path, "db", "restore", str(backup_file), WIJKWIJZER_DATABASE_URL=empty_database,
                WIJKWIJZER_PSEUDONYM_SECRET="another-key-" + "x" * 32)
    assert wrong.returncode == 2 and "sleutel" in wrong.stderr
    restored = cli(tmp_path, "db", "restore", str(backup_file), WIJKWIJZER_DATABASE_URL=empty_database,
                   WIJKWIJZER_PSEUDONYM_SECRET=SECRET)
    assert restored.returncode == 0, restored.stderr
    again = cli(tmp_path, "db", "restore", str(backup_file), WIJKWIJZER_DATABASE_URL=empty_database,
                WIJKWIJZER_PSEUDONYM_SECRET=SECRET)
    assert again.returncode == 2 and "niet leeg" in again.stderr

    server = await make_teams(known_user=False, settings_overrides={"database_url": empty_database})
    runtime = server.app[RUNTIME]
    assert runtime.kb.version == published
    assert await runtime.people.get(teams_user_id(secret=SECRET)) is not None, "the registration came back"
    assert (await server.post(server.message("smw ypenburg"))).status == 202
    assert "Fenna Hersteld" in server.connector.texts()
    await server.stop()
