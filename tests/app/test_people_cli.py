"""``wijkwijzer invite``, ``users``, ``announce`` and ``outbox`` as an SWV office uses them."""

from __future__ import annotations

import re

import pytest

from wijkwijzer.app.cli import main

CODE = re.compile(r"^[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}$", re.MULTILINE)


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path):
    for name in ("WIJKWIJZER_DATABASE_URL", "WIJKWIJZER_PSEUDONYM_SECRET", "WIJKWIJZER_WHATSAPP_ACCESS_TOKEN",
                 "WIJKWIJZER_TEAMS_APP_ID", "WIJKWIJZER_TEAMS_ANONYMOUS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WIJKWIJZER_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.chdir(tmp_path)


def test_invite_create_prints_single_use_codes_for_a_school(capsys):
    assert main(["invite", "create", "--school", "vliegerwolk", "--count", "3", "--expires", "2w"]) == 0
    out = capsys.readouterr().out
    assert len(CODE.findall(out)) == 3 and "IKC De Vliegerwolk" in out
    assert main(["users", "audit"]) == 0
    assert "invite.create 3x ib" in capsys.readouterr().out


@pytest.mark.parametrize(("args", "message"), [
    (["--school", "Nergenshuizen"], "staat niet in de kennisbank"),
    (["--school", "vliegerwolk", "--expires", "morgen"], "--expires"),
    (["--school", "vliegerwolk", "--count", "0"], "--count"),
    ([], "hoort bij een school"),
])
def test_invite_create_refuses_bad_input_in_dutch(capsys, args, message):
    assert main(["invite", "create", *args]) == 2
    assert message in capsys.readouterr().err


def test_announce_dry_run_send_status_and_cancel(capsys, tmp_path):
    text = tmp_path / "bericht.txt"
    text.write_text("Netwerkbijeenkomst\nDonderdag 15:00", encoding="utf-8")
    assert main(["announce", "--wijk", "Ypenburg", "--file", str(text)]) == 1
    assert "niemand aangemeld" in capsys.readouterr().err
    assert main(["invite", "create", "--role", "adviseur", "--wijk", "Ypenburg"]) == 0
    capsys.readouterr()
    assert main(["announce", "--all", "--role", "adviseur", "--file", str(text), "--dry-run"]) == 0
    assert "0 ontvanger" in capsys.readouterr().out
    assert main(["announce", "status", "99"]) == 1
    assert "bestaat niet" in capsys.readouterr().err
    long = tmp_path / "lang.txt"
    long.write_text("x" * 2001, encoding="utf-8")
    assert main(["announce", "--all", "--file", str(long)]) == 2
    assert "2001 tekens" in capsys.readouterr().err


def test_users_role_and_forget_need_an_existing_number(capsys):
    assert main(["users", "list"]) == 0
    assert "nog niemand" in capsys.readouterr().out
    assert main(["users", "role", "7", "beheerder"]) == 1
    assert "bestaat niet" in capsys.readouterr().err
    assert main(["users", "forget", "7", "--yes"]) == 1


def test_outbox_worker_without_a_channel_says_what_to_configure(capsys):
    assert main(["outbox", "work", "--once"]) == 2
    assert "Geen kanaal ingesteld" in capsys.readouterr().err


def _register_ib() -> None:
    import asyncio

    from wijkwijzer.app.runtime import open_stores
    from wijkwijzer.app.settings import Settings

    async def register() -> None:
        engine, people, _, _ = await open_stores(Settings())
        await people.register(user_id="u1", channel="whatsapp", role="ib", via="test", address="31611122233",
                              wijk="Den Haag: Ypenburg")
        await engine.dispose()

    asyncio.run(register())


def test_an_announcement_from_the_cli_is_queued_followed_and_cancelled(capsys, tmp_path):
    _register_ib()
    text = tmp_path / "bericht.txt"
    text.write_text("Studiemiddag\nOp 3 december", encoding="utf-8")
    assert main(["announce", "--wijk", "stadsdeel Leidschenveen-Ypenburg", "--file", str(text), "--dry-run"]) == 0
    assert "1 ontvanger" in capsys.readouterr().out
    assert main(["announce", "--wijk", "Ypenburg", "--file", str(text)]) == 0
    assert "Aankondiging 1 staat klaar voor 1 ontvanger" in capsys.readouterr().out
    assert main(["announce", "status", "1"]) == 0
    assert "in de wachtrij: 1" in capsys.readouterr().out
    assert main(["announce", "cancel", "1"]) == 0
    assert "1 bezorging(en) geannuleerd" in capsys.readouterr().out
    assert main(["users", "role", "1", "beheerder"]) == 0
    assert main(["users", "forget", "1", "--yes"]) == 0
    capsys.readouterr()
    assert main(["users", "audit"]) == 0
    audit = capsys.readouterr().out
    for action in ("announcement.send", "announcement.cancel", "user.role", "user.forget"):
        assert action in audit


def test_announce_from_the_cli_refuses_personal_data_as_the_chat_does(capsys, tmp_path):
    text = tmp_path / "bericht.txt"
    text.write_text("Sara (8) uit groep 5 van De Vliegerwolk mag weer naar zwemles", encoding="utf-8")
    assert main(["announce", "--all", "--file", str(text)]) == 2
    err = capsys.readouterr().err
    assert "lijkt een naam" in err and "Sara" in err
    assert main(["announce", "status", "1"]) == 1  # nothing was queued
    assert "bestaat niet" in capsys.readouterr().err
