"""The console end to end: a real server on 127.0.0.1, Teams messages through the fake Bot
Connector, and Debian's chromium clicking through the pages (tests/console/conftest.py)."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Error as PlaywrightError
from sqlalchemy import select, update

from tests.adapters import fakes
from tests.console.conftest import ARTIFACTS, check_page, new_page
from tests.fixtures.messy_workbook import NEW_CONTACT, NEW_SCHOOL, build
from wijkwijzer.core.reports import add_months
from wijkwijzer.store.console import ConsoleAccess, NotAllowed
from wijkwijzer.store.schema import audit_log, console_links
from wijkwijzer.store.signals import NewSignal

make_teams = fakes.make_teams
COOKIE = "wijkwijzer_console"
ADVISEUR = "aad-adviseur"
BEHEERDER = "aad-beheerder"
LINK = re.compile(r"http://127\.0\.0\.1:\d+/console/login/[A-Za-z0-9_\-]+")
NUMBER = re.compile(r"^\d+$")


async def start(make_teams: Any) -> Any:
    server = await make_teams(settings_overrides={"kb_poll_seconds": 0.2})
    server.runtime.agent.console.public_url = server.url
    await fakes.register_teams_user(server.runtime, ADVISEUR, role="adviseur", wijk="Den Haag: Scheveningen")
    await fakes.register_teams_user(server.runtime, BEHEERDER, role="beheerder", wijk=None)
    return server


async def chat(server: Any, text: str, user: str = ADVISEUR) -> str:
    before = len(server.connector.messages)
    response = await server.post(server.message(text, user=f"29:{user}", aad_object_id=user))
    assert response.status in (200, 201, 202), response.status
    return fakes.json.dumps(server.connector.messages[before:], ensure_ascii=False)


async def link_from_chat(server: Any, user: str = ADVISEUR) -> str:
    found = LINK.search(await chat(server, "inloggen", user))
    assert found, server.connector.texts()[-500:]
    return found.group(0)


async def seed_signals(server: Any) -> None:
    """12 angst signals a month in Scheveningen for a year, and 2 a month in Ypenburg (below the threshold)."""
    now = datetime.now(UTC).replace(day=1, hour=0, minute=30)
    for months_back in range(12):
        day = datetime.combine(add_months(now.date(), -months_back), now.timetz())
        for i in range(12):
            await server.runtime.signals.add(NewSignal(day, "angst_depressie", "Den Haag: Scheveningen", "normaal",
                                                       f"steeds meer angstklachten in groep {i % 8 + 1}", "a" * 16))
        for _ in range(2):
            await server.runtime.signals.add(NewSignal(day, "armoede", "Den Haag: Ypenburg", "normaal",
                                                       "kinderen zonder ontbijt", "b" * 16))


async def login(browser: Any, link: str, width: int = 375) -> tuple[Any, list[dict[str, Any]]]:
    page = await new_page(browser, width)
    await page.goto(link)
    await page.get_by_role("button", name="Inloggen").click()
    await page.wait_for_load_state()
    assert page.url.endswith("/console/signalen"), (page.url, await page.inner_text("main"))
    cookies = await page.context.cookies()
    return page, [c for c in cookies if c["name"] == COOKIE]


def numbers_shown(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"(?<![<\d.:-])\b(\d{1,3})\b(?![\d.:-])", text)}


async def test_an_adviseur_logs_in_from_chat_on_a_phone_and_reads_the_angst_trend(make_teams, browser):
    server = await start(make_teams)
    await seed_signals(server)
    link = await link_from_chat(server)
    page, cookies = await login(browser, link)
    assert cookies and cookies[0]["httpOnly"] and cookies[0]["sameSite"] == "Strict"
    await page.select_option("#gebied", "Den Haag: Scheveningen")
    await page.select_option("#thema", "angst_depressie")
    await page.get_by_role("button", name="Toon").click()
    await page.wait_for_url("**gebied=**")
    chart = page.locator("svg.chart")
    assert await chart.count() == 1 and await page.locator("svg.chart polyline").count() == 1
    body = await page.inner_text("main")
    assert "Angst of somberheid" in body and "144" in body and "12" in body
    assert "steeds meer angstklachten" in body, "the texts of the adviseur's own wijk"
    await page.screenshot(path=str(ARTIFACTS / "signalen-gefilterd-375.png"), full_page=True)
    # the link worked once
    again = await new_page(browser)
    await again.goto(link)
    await again.get_by_role("button", name="Inloggen").click()
    assert "al gebruikt" in await again.inner_text("main")


async def test_no_count_below_the_threshold_is_shown_anywhere(make_teams, browser):
    server = await start(make_teams)
    await seed_signals(server)
    page, _cookies = await login(browser, await link_from_chat(server), width=1280)
    await page.goto(f"{server.url}/console/signalen?gebied=Den+Haag%3A+Ypenburg&periode=12m")
    cells = await page.locator("td.num").all_inner_texts()
    assert cells and all(c == "< 5" or c == "0" or int(c) >= 5 for c in cells), cells
    svg = await page.inner_html("svg.chart")
    assert not any(1 <= n < 5 for n in numbers_shown(re.sub(r"<[^>]+>", " ", svg).replace("&lt; 5", ""))
                   if n < 100), "axis labels are 0, 5, 10…; no point label shows a count"
    response = await page.request.get(f"{server.url}/console/signalen.csv?gebied=Den+Haag%3A+Ypenburg")
    rows = list(csv.DictReader(io.StringIO((await response.text()).lstrip("\ufeff")), delimiter=";"))
    assert rows and {r["aantal"] for r in rows} == {"< 5"}
    everything = await page.request.get(f"{server.url}/console/signalen.csv?periode=60m")
    for row in csv.DictReader(io.StringIO((await everything.text()).lstrip("\ufeff")), delimiter=";"):
        assert row["aantal"] == "< 5" or int(row["aantal"]) >= 5
    report = await chat(server, "signalen armoede ypenburg deze maand")
    assert "< 5" in report and not re.search(r"Armoede: [1-4]\b", report)
    report = await chat(server, "signalen angst scheveningen dit kwartaal")
    assert "Angst of somberheid" in report and ("even veel" in report or "meer" in report or "minder" in report)


async def test_csrf_reused_and_expired_links_and_a_foreign_origin_are_refused(make_teams, browser):
    server = await start(make_teams)
    page, cookies = await login(browser, await link_from_chat(server))
    jar = {COOKIE: cookies[0]["value"]}
    async with server.session.post(f"{server.url}/console/uitloggen", data={"csrf": "fout"}, cookies=jar) as response:
        assert response.status == 403
    async with server.session.post(f"{server.url}/console/uitloggen", cookies=jar,
                                   data={"csrf": server.runtime.console.csrf_token(jar[COOKIE])},
                                   headers={"Origin": "https://evil.example"}) as response:
        assert response.status == 403
    assert await server.runtime.console.session(jar[COOKIE]) is not None, "still logged in after both refusals"
    link = await link_from_chat(server)
    async with server.runtime.engine.begin() as conn:
        await conn.execute(update(console_links).where(console_links.c.used_at.is_(None))
                           .values(expires_at=datetime.now(UTC) - timedelta(minutes=1)))
    late = await new_page(browser)
    await late.goto(link)
    await late.get_by_role("button", name="Inloggen").click()
    assert "verlopen" in await late.inner_text("main")
    async with server.runtime.engine.connect() as conn:
        actions = [r.action for r in (await conn.execute(select(audit_log.c.action))).all()]
    assert {"console.link", "console.login", "console.login_refused"} <= set(actions)
    await page.get_by_role("button", name="Uitloggen").click()
    await page.wait_for_url("**/console/uitloggen")
    assert "uitgelogd" in (await page.inner_text("main")).lower()
    assert await server.runtime.console.session(jar[COOKIE]) is None


async def test_an_ib_er_gets_no_link_and_no_page(make_teams, browser):
    server = await start(make_teams)
    assert "alleen voor adviseurs" in await chat(server, "inloggen", user="aad-user-1")
    ib = await server.runtime.people.get(fakes.teams_user_id("aad-user-1"))
    with pytest.raises(NotAllowed):
        await server.runtime.console.create_link(ib, actor="test")
    page, _ = await login(browser, await link_from_chat(server))
    await page.goto(f"{server.url}/console/kennisbank")
    assert "alleen voor beheerders" in (await page.inner_text("main")).lower()
    adviseur = await server.runtime.people.get(fakes.teams_user_id(ADVISEUR))
    await server.runtime.people.set_role(adviseur.id, "ib", actor="test")
    await page.goto(f"{server.url}/console/signalen")
    assert page.url.endswith("/console/inloggen")
    assert "Angst" not in await page.inner_text("main") and "signalen" not in (await page.content()).split("<main")[1]


async def test_an_announcement_is_checked_previewed_sent_and_cancelled(make_teams, browser):
    server = await start(make_teams)
    page, _cookies = await login(browser, await link_from_chat(server), width=1280)
    await page.goto(f"{server.url}/console/aankondigingen/nieuw")
    await page.fill("#text", "Netwerkbijeenkomst\nSara uit groep 5 komt ook.")
    await page.get_by_role("button", name="Voorbeeld bekijken").click()
    assert "een naam" in await page.inner_text("main")
    await page.fill("#text", "Netwerkbijeenkomst 12 januari\nWe praten over thuiszitters. Tot dan!")
    await page.select_option("#wijken", ["Den Haag: Ypenburg"])
    await page.get_by_label("Alleen IB'ers").check()
    await page.get_by_role("button", name="Voorbeeld bekijken").click()
    main = await page.inner_text("main")
    assert "1 persoon" in main and "We praten over thuiszitters" in main
    await page.get_by_role("button", name="Versturen").click()
    await page.wait_for_url("**/aankondigingen/*")
    main = await page.inner_text("main")
    assert "Verstuurd" in main and "wacht nog" in main and "Ingrid Test" in main
    await page.get_by_role("button", name="Annuleren wat nog niet verstuurd is").click()
    assert "geannuleerd" in (await page.inner_text("main")).lower()
    await page.goto(f"{server.url}/console/aankondigingen")
    assert "Netwerkbijeenkomst 12 januari" in await page.inner_text("main")


async def beheerder_page(server: Any, browser: Any, width: int = 1280) -> tuple[Any, list[dict[str, Any]]]:
    return await login(browser, await link_from_chat(server, BEHEERDER), width=width)


async def test_the_office_publishes_its_messy_workbook_and_the_running_bot_answers_from_it(make_teams, browser,
                                                                                            tmp_path: Path):
    server = await start(make_teams)
    page, _cookies = await beheerder_page(server, browser)
    await page.goto(f"{server.url}/console/kennisbank")
    await page.set_input_files("#bestanden", str(build(tmp_path / "kennisbank.xlsx", extra=True)))
    await page.get_by_role("button", name="Controleren").click()
    await page.wait_for_url("**/kennisbank/concept/*")
    main = await page.inner_text("main")
    assert "kennisbank.xlsx[Scholen]:41: ib_naam" in main and "kennisbank.xlsx[Scholen]:44: school" in main
    assert "kennisbank.xlsx[Ketenpartners]:92: werkgebied" in main
    assert "kennisbank.xlsx[Ketenpartners]:46: email" in main, "dropped cells are listed too"
    assert NEW_SCHOOL in main and "SMW Haaglanden: Noor Vissers" in main
    await page.screenshot(path=str(ARTIFACTS / "kennisbank-concept-1280.png"), full_page=True)
    before = await chat(server, f"smw {NEW_SCHOOL}", user="aad-user-1")
    assert NEW_CONTACT not in before
    await page.get_by_role("button", name="Publiceren").click()
    await page.wait_for_url("**/kennisbank?klaar=gepubliceerd")
    first = server.runtime.kb.version
    assert first is not None
    after = await chat(server, f"smw {NEW_SCHOOL}", user="aad-user-1")
    assert NEW_CONTACT in after
    # a second upload, published, then the first restored
    await page.set_input_files("#bestanden", str(build(tmp_path / "zonder.xlsx")))
    await page.get_by_role("button", name="Controleren").click()
    await page.wait_for_url("**/kennisbank/concept/*")
    assert NEW_SCHOOL in await page.inner_text("main"), "the diff names the school that goes"
    await page.get_by_role("button", name="Publiceren").click()
    await page.wait_for_url("**/kennisbank?klaar=gepubliceerd")
    assert NEW_SCHOOL not in server.runtime.kb.current.schools
    await page.get_by_role("button", name="Terugzetten").click()
    await page.wait_for_url("**/kennisbank?klaar=teruggezet")
    assert server.runtime.kb.version == first and NEW_SCHOOL in server.runtime.kb.current.schools


async def test_a_broken_version_never_replaces_a_working_one(make_teams):
    server = await start(make_teams)
    runtime = server.runtime
    broken = await runtime.versions.add_draft(created_by="test", source="kapot", files={"gebieden.yaml": "x: ["},
                                              report="{}")
    await runtime.versions.publish(broken, "test")
    served = runtime.kb.current
    assert await runtime.sync.check() is False
    assert runtime.kb.current is served and runtime.kb.version is None


async def test_users_and_codes_page_makes_codes_changes_roles_and_forgets(make_teams, browser):
    server = await start(make_teams)
    page, _ = await beheerder_page(server, browser)
    await page.goto(f"{server.url}/console/gebruikers")
    await page.fill("#code-waar", "De Vliegerwolk")
    await page.fill("#code-aantal", "2")
    await page.get_by_role("button", name="Codes maken").click()
    codes = re.findall(r"\b[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}\b", await page.inner_text("main"))
    assert len(codes) == 2
    ib = await server.runtime.people.get(fakes.teams_user_id("aad-user-1"))
    await page.select_option(f"#rol-{ib.id}", "adviseur")
    await page.locator(f"form[action='/console/gebruikers/{ib.id}/rol'] button").click()
    assert (await server.runtime.people.by_number(ib.id)).role == "adviseur"
    await page.check(f"#zeker-{ib.id}")
    await page.locator(f"form[action='/console/gebruikers/{ib.id}/vergeten'] button").click()
    assert "vergeten" in (await page.inner_text("main")).lower()
    assert await server.runtime.people.by_number(ib.id) is None
    async with server.runtime.engine.connect() as conn:
        actions = [r.action for r in (await conn.execute(select(audit_log.c.action))).all()]
    assert {"invite.create", "user.role", "user.forget"} <= set(actions)


async def tab_to(page: Any, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching ``selector`` has the focus (keyboard only)."""
    await page.wait_for_load_state()
    for _ in range(limit):
        await page.keyboard.press("Tab")
        try:
            if await page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
                return
        except PlaywrightError:
            await page.wait_for_load_state()
    raise AssertionError(f"{selector} is not reachable with Tab")


async def test_the_main_actions_work_with_the_keyboard_alone(make_teams, browser):
    server = await start(make_teams)
    await seed_signals(server)
    page = await new_page(browser)
    await page.goto(await link_from_chat(server))
    await tab_to(page, "button[type=submit]")
    await page.keyboard.press("Enter")
    await page.wait_for_url("**/console/signalen")
    await tab_to(page, "a.skip")
    await tab_to(page, "#thema")
    await page.keyboard.press("ArrowDown")
    await page.keyboard.press("ArrowDown")
    await tab_to(page, "form.filters button")
    await page.keyboard.press("Enter")
    await page.wait_for_url("**thema=**")
    await tab_to(page, "a[href='/console/aankondigingen']")
    await page.keyboard.press("Enter")
    await page.wait_for_url("**/console/aankondigingen")
    await tab_to(page, "a[href='/console/aankondigingen/nieuw']")
    await page.keyboard.press("Enter")
    await page.wait_for_url("**/aankondigingen/nieuw")
    await tab_to(page, "#text")
    await page.keyboard.type("Nieuwsbrief december\nLees hem op de site.")
    await tab_to(page, "#aud-ib")
    await page.keyboard.press("ArrowDown")
    await page.keyboard.press("ArrowDown")
    assert await page.is_checked("#aud-iedereen")
    await tab_to(page, "button[value=voorbeeld]")
    await page.keyboard.press("Enter")
    await page.wait_for_load_state()
    await tab_to(page, "button[value=versturen]")
    await page.keyboard.press("Enter")
    await page.wait_for_url("**/aankondigingen/*")
    assert "Verstuurd" in await page.inner_text("main")
    await tab_to(page, "header form button")
    await page.keyboard.press("Enter")
    await page.wait_for_url("**/console/uitloggen")
    assert "uitgelogd" in (await page.inner_text("main")).lower()


async def test_every_page_passes_axe_at_375_and_1280_px(make_teams, browser, tmp_path: Path):
    server = await start(make_teams)
    await seed_signals(server)
    _, cookies = await beheerder_page(server, browser)
    await check_page(browser, f"{server.url}/console/inloggen", "inloggen", [])
    await check_page(browser, f"{server.url}/console/login/voorbeeld", "login-bevestigen", [])
    for path, name in (("/console/signalen", "signalen"),
                       ("/console/signalen?gebied=Den+Haag%3A+Scheveningen", "signalen-wijk"),
                       ("/console/aankondigingen", "aankondigingen"),
                       ("/console/aankondigingen/nieuw", "aankondiging-nieuw"),
                       ("/console/kennisbank", "kennisbank"), ("/console/gebruikers", "gebruikers")):
        await check_page(browser, f"{server.url}{path}", name, cookies)
    created = await server.runtime.outbox.create(created_by=fakes.teams_user_id(BEHEERDER), text_="Titel\nTekst",
                                                 audience=fakes_audience())
    await check_page(browser, f"{server.url}/console/aankondigingen/{created.id}", "aankondiging", cookies)
    page = await new_page(browser)
    await page.context.add_cookies(cookies)
    await page.goto(f"{server.url}/console/kennisbank")
    await page.set_input_files("#bestanden", str(build(tmp_path / "kennisbank.xlsx", extra=True)))
    await page.get_by_role("button", name="Controleren").click()
    await page.wait_for_url("**/kennisbank/concept/*")
    await check_page(browser, page.url, "kennisbank-concept", cookies)


def fakes_audience() -> Any:
    from wijkwijzer.store.outbox import Audience

    return Audience()


def test_console_access_needs_a_secret():
    with pytest.raises(ValueError):
        ConsoleAccess(None, "")  # type: ignore[arg-type]
