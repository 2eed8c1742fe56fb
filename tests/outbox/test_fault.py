"""Fan out one announcement to 5,000 recipients while the fake Graph API answers 429 and 500 at
random and delivery workers (separate processes) are killed by pid and restarted: nobody is
missed, and there are no more duplicates than kills."""

from __future__ import annotations

import pytest

from tests.conftest import require_postgres

from .fault import FlakyGraph, drop_postgres_database, fresh_postgres_database, run_with_kills

RECIPIENTS = 5000
KILLS = 5


def report(label: str, result) -> None:
    print(f"\n{label}: {result.recipients} recipients, {result.kills} kills, {result.refused} answers 429/500, "
          f"lost {result.lost}, duplicates {result.duplicates}, {result.seconds:.1f}s")


async def _run(url: str, tmp_path, workers: int, label: str) -> None:
    graph = FlakyGraph(p429=0.08, p500=0.05)
    await graph.start()
    try:
        result = await run_with_kills(url, graph, tmp_path, recipients=RECIPIENTS, workers=workers, kills=KILLS)
    finally:
        await graph.stop()
    report(label, result)
    assert result.kills == KILLS and result.refused > 0
    assert result.lost == 0
    assert result.duplicates <= result.kills


async def test_fault_run_on_sqlite_with_one_worker(tmp_path):
    await _run(f"sqlite:///{tmp_path / 'fault.sqlite'}", tmp_path, workers=1, label="SQLite, 1 worker")


@pytest.mark.postgres
async def test_fault_run_on_postgres_with_two_workers(tmp_path):
    await require_postgres()
    url, name = await fresh_postgres_database()
    try:
        await _run(url, tmp_path, workers=2, label="PostgreSQL, 2 workers")
    finally:
        await drop_postgres_database(name)
