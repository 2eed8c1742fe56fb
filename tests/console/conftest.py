"""The console in a real headless browser: Debian's chromium driven by Playwright.

What the browser tests need is installed here when missing, so they run on a fresh machine and
in CI (never skipped): ``apt-get install -y chromium`` when ``/usr/bin/chromium`` is absent
(Playwright's own browser download is not used), and axe-core from npm into a cache folder.
Screenshots of every page at 375 px and 1280 px are kept in ``tests/artifacts/console/``
(git-ignored).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, Page, async_playwright

CHROMIUM = Path(os.environ.get("WIJKWIJZER_TEST_CHROMIUM", "/usr/bin/chromium"))
AXE_DIR = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wijkwijzer-test" / "axe"
AXE = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.10.3"
ARTIFACTS = Path(__file__).parents[1] / "artifacts" / "console"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def _install_chromium() -> None:
    if CHROMIUM.exists():
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, timeout=600)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env, timeout=1200)


def _install_axe() -> None:
    if AXE.exists():
        return
    AXE_DIR.mkdir(parents=True, exist_ok=True)
    npm = shutil.which("npm")
    assert npm, "npm is needed to install axe-core for the accessibility checks"
    subprocess.run([npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(AXE_DIR),
                    f"axe-core@{AXE_VERSION}"], check=True, timeout=600)


@pytest.fixture(scope="session")
def browser_ready() -> Iterator[None]:
    _install_chromium()
    _install_axe()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    yield


@pytest.fixture
async def browser(browser_ready: None) -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        found = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield found
        finally:
            await found.close()


async def new_page(browser: Browser, width: int = 1280) -> Page:
    context = await browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    return await context.new_page()


async def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Serious and critical axe-core violations of the page (WCAG 2.x A/AA rules)."""
    await page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = await page.evaluate("""async () => {
        const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
        const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]


async def check_page(browser: Browser, url: str, name: str, cookies: list[dict[str, Any]]) -> None:
    """Screenshots at 375 and 1280 px and no serious or critical axe violations, at both widths."""
    for width in (375, 1280):
        # bypass_csp: the page forbids every script; axe-core is injected by the test only
        context = await browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL", bypass_csp=True)
        await context.add_cookies(cookies)
        page = await context.new_page()
        await page.goto(url)
        await page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
        violations = await axe_violations(page)
        assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
        scroll = await page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width + 1, f"{name} is wider than {width} px: {scroll}"
        await context.close()
