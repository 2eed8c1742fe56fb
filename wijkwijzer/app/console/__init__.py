"""The adviseur and office console, served under ``/console/`` by ``wijkwijzer serve``.

Server-rendered HTML (Jinja2 with autoescaping), one stylesheet served by the app, no scripts,
nothing from a CDN. Pages: *Signalen* (filters, trend chart, CSV export, the texts of one's own
wijken), *Aankondigingen* (list with receipts, new with preview and personal-data check, cancel),
*Kennisbank* (upload → report → diff → publish, versions, restore; beheerders) and *Gebruikers*
(invite codes, roles, forget; beheerders).

Security: login only by a single-use link (store/console.py); the session cookie is HttpOnly,
SameSite=Strict, Secure unless the console is reached over loopback without https; every POST
carries a CSRF token bound to the session (the login form one bound to a short-lived cookie)
and a foreign ``Origin`` is refused; every request checks the role again. Pages send a strict
Content-Security-Policy and ``no-store``. Nothing about signals, people or announcements is
logged; the audit log records logins, links, publishes and every change.
"""

from __future__ import annotations

import asyncio
import csv
import io
import ipaddress
import json
import logging
import secrets
import tempfile
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2
from aiohttp import web

from wijkwijzer.app.console.chart import Series, trend_svg
from wijkwijzer.app.runtime import Runtime
from wijkwijzer.core.inbound import capped
from wijkwijzer.core.reports import Period, add_months, last_months, shown, trend
from wijkwijzer.dialogs.announce import AUDIENCES, personal_data_problem, related_areas
from wijkwijzer.knowledge.coverage import coverage_warnings
from wijkwijzer.knowledge.diff import diff
from wijkwijzer.knowledge.importer import ImportReport, import_sources
from wijkwijzer.knowledge.loader import FILES, OPTIONAL_FILES, KnowledgeBase, check_knowledge_texts
from wijkwijzer.knowledge.vocabulary import THEMA_LABELS, THEMAS
from wijkwijzer.store import signals as signal_queries
from wijkwijzer.store.console import Session
from wijkwijzer.store.outbox import MAX_TEXT, Audience
from wijkwijzer.store.people import User
from wijkwijzer.store.roles import UserRole
from wijkwijzer.store.signals import SignalFilter

log = logging.getLogger(__name__)

PREFIX = "/console"
UPLOAD_PATH = f"{PREFIX}/kennisbank/upload"
COOKIE = "wijkwijzer_console"
LOGIN_COOKIE = "wijkwijzer_login"
HERE = Path(__file__).parent
STATE_LABELS = {"read": "gelezen", "delivered": "afgeleverd", "sent": "verstuurd", "waiting": "wacht nog",
                "failed": "mislukt", "cancelled": "geannuleerd"}
ROLE_LABELS = {"ib": "IB'er", "adviseur": "adviseur", "beheerder": "beheerder"}
AUDIENCE_LABELS = {"ib": "Alleen IB'ers", "adviseur": "Alleen adviseurs", "iedereen": "Iedereen"}
PERIODS = {"12m": "Afgelopen 12 maanden", "3m": "Afgelopen 3 maanden", "dit_jaar": "Dit jaar",
           "vorig_jaar": "Vorig jaar", "24m": "Afgelopen 2 jaar", "60m": "Afgelopen 5 jaar"}
MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
       "base-uri 'none'")

RUNTIME_KEY = web.AppKey("console_runtime", Runtime)
SECURE_KEY = web.AppKey("console_secure", bool)
TEMPLATES = web.AppKey("console_templates", jinja2.Environment)
SESSION = web.RequestKey("console_session", Session)
CSRF = web.RequestKey("console_csrf", str)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def setup_console(app: web.Application, runtime: Runtime, server: Any) -> None:
    """Mount the console on ``app`` under ``/console/``."""
    console = web.Application(middlewares=[_headers])
    console[RUNTIME_KEY] = runtime
    public = runtime.settings.public_url or ""
    console[SECURE_KEY] = public.startswith("https://") or not _loopback(str(server.host))
    console[TEMPLATES] = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                                            autoescape=jinja2.select_autoescape(["html"]))
    routes = [
        ("GET", "/", home), ("GET", "/inloggen", login_info), ("GET", "/login/{token}", login_confirm),
        ("POST", "/login", login), ("POST", "/uitloggen", logout),
        ("GET", "/signalen", signals_page), ("GET", "/signalen.csv", signals_csv),
        ("GET", "/aankondigingen", announcements_page), ("GET", "/aankondigingen/nieuw", announcement_form),
        ("POST", "/aankondigingen/nieuw", announcement_step), ("GET", "/aankondigingen/{id:\\d+}", announcement_page),
        ("POST", "/aankondigingen/{id:\\d+}/annuleren", announcement_cancel),
        ("GET", "/kennisbank", kb_page), ("POST", "/kennisbank/upload", kb_upload),
        ("GET", "/kennisbank/concept/{id:\\d+}", kb_draft), ("POST", "/kennisbank/{id:\\d+}/publiceren", kb_publish),
        ("POST", "/kennisbank/{id:\\d+}/terugzetten", kb_restore),
        ("GET", "/gebruikers", users_page), ("POST", "/gebruikers/codes", users_codes),
        ("POST", "/gebruikers/{id:\\d+}/rol", users_role), ("POST", "/gebruikers/{id:\\d+}/vergeten", users_forget),
    ]
    for method, path, handler in routes:
        console.router.add_route(method, path, handler)
    console.router.add_static("/static/", HERE / "static", append_version=False)
    app.add_subapp(f"{PREFIX}/", console)
    app.router.add_get(PREFIX, _to_console)


async def _to_console(request: web.Request) -> web.Response:
    raise web.HTTPSeeOther(f"{PREFIX}/")


def _loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@web.middleware
async def _headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    if request.method == "POST" and not _same_origin(request):
        return _page(request, "message.html", "Niet toegestaan", status=403, message="Dit formulier kwam niet van "
                     "de console zelf. Open de console opnieuw en probeer het nog eens.", bad=True)
    response = await handler(request)
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Frame-Options"] = "DENY"
    if not request.path.startswith(f"{PREFIX}/static/"):
        response.headers["Cache-Control"] = "no-store"
    return response


def _same_origin(request: web.Request) -> bool:
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.host


def _runtime(request: web.Request) -> Runtime:
    return request.app[RUNTIME_KEY]


def _menu(user: User | None) -> list[tuple[str, str]]:
    items = [(f"{PREFIX}/signalen", "Signalen"), (f"{PREFIX}/aankondigingen", "Aankondigingen")]
    if user is not None and user.role == UserRole.BEHEERDER:
        items += [(f"{PREFIX}/kennisbank", "Kennisbank"), (f"{PREFIX}/gebruikers", "Gebruikers")]
    return items


def _page(request: web.Request, template: str, title: str, *, status: int = 200, **values: Any) -> web.Response:
    session: Session | None = request.get(SESSION)
    user = session.user if session else None
    active = "/".join(request.path.split("/")[:3])
    html = request.app[TEMPLATES].get_template(template).render(
        title=title, user=user, menu=_menu(user), active=active, csrf=request.get(CSRF, ""), **values)
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")


async def _session(request: web.Request, *, beheerder: bool = False) -> Session:
    """The valid session of this request (or a redirect to the login page / a 403 page)."""
    token = request.cookies.get(COOKIE, "")
    session = await request.app[RUNTIME_KEY].console.session(token)
    if session is None:
        raise web.HTTPSeeOther(f"{PREFIX}/inloggen")
    request[SESSION] = session
    request[CSRF] = request.app[RUNTIME_KEY].console.csrf_token(token)
    if beheerder and session.user.role != UserRole.BEHEERDER:
        raise web.HTTPForbidden(text=_page(request, "message.html", "Alleen voor beheerders", message=(
            "Deze pagina is alleen voor beheerders."), bad=True).text, content_type="text/html")
    return session


async def _form(request: web.Request, *, beheerder: bool = False) -> tuple[Session, Any]:
    """A POST with a valid session and CSRF token; its form fields."""
    session = await _session(request, beheerder=beheerder)
    form = await request.post()
    if not request.app[RUNTIME_KEY].console.csrf_ok(request.cookies.get(COOKIE, ""), str(form.get("csrf", ""))):
        raise web.HTTPForbidden(text=_page(request, "message.html", "Niet toegestaan", message=(
            "Dit formulier is verlopen of kwam niet van de console. Open de pagina opnieuw en probeer het nog eens."),
            bad=True).text, content_type="text/html")
    return session, form


def _cookie(request: web.Request, response: web.StreamResponse, name: str, value: str, max_age: int) -> None:
    response.set_cookie(name, value, max_age=max_age, path=f"{PREFIX}/", httponly=True, samesite="Strict",
                        secure=request.app[SECURE_KEY])


# ───────────── login ─────────────


async def home(request: web.Request) -> web.Response:
    session = await request.app[RUNTIME_KEY].console.session(request.cookies.get(COOKIE, ""))
    raise web.HTTPSeeOther(f"{PREFIX}/signalen" if session else f"{PREFIX}/inloggen")


async def login_info(request: web.Request) -> web.Response:
    return _page(request, "login.html", "Inloggen", token="")


async def login_confirm(request: web.Request) -> web.Response:
    """A GET never uses the link (chat apps open links to preview them): it asks to press a button."""
    nonce = secrets.token_urlsafe(24)
    request[CSRF] = nonce
    response = _page(request, "login.html", "Inloggen", token=request.match_info["token"])
    _cookie(request, response, LOGIN_COOKIE, nonce, 600)
    response.headers["Referrer-Policy"] = "same-origin"
    return response


async def login(request: web.Request) -> web.Response:
    form = await request.post()
    nonce = request.cookies.get(LOGIN_COOKIE, "")
    if not nonce or not secrets.compare_digest(nonce, str(form.get("csrf", ""))):
        return _page(request, "message.html", "Inloggen lukte niet", status=403, bad=True, message=(
            "Dit formulier is verlopen. Open de link uit de chat opnieuw."),
            link=(f"{PREFIX}/inloggen", "Hoe log ik in?"))
    access = request.app[RUNTIME_KEY].console
    result = await access.redeem_link(str(form.get("token", "")))
    if result.user is None:
        reason = {"used": "Deze link is al gebruikt. Elke link werkt maar één keer.",
                  "expired": "Deze link is verlopen: een link is 10 minuten geldig.",
                  "not_allowed": "De console is alleen voor adviseurs en beheerders."}.get(
            result.outcome, "Deze link klopt niet.")
        return _page(request, "message.html", "Inloggen lukte niet", status=403, bad=True, message=reason,
                     next_step="Typ 'inloggen' in de chat voor een nieuwe link.")
    token = await access.start_session(result.user)
    response = web.HTTPSeeOther(f"{PREFIX}/signalen")
    _cookie(request, response, COOKIE, token, int(access.session_valid.total_seconds()))
    response.del_cookie(LOGIN_COOKIE, path=f"{PREFIX}/")
    raise response


async def logout(request: web.Request) -> web.Response:
    session, _ = await _form(request)
    await request.app[RUNTIME_KEY].console.end_session(request.cookies.get(COOKIE, ""), session.user)
    request.pop(SESSION, None)
    response = _page(request, "message.html", "Uitgelogd", message="Je bent uitgelogd.",
                     link=(f"{PREFIX}/inloggen", "Opnieuw inloggen"))
    response.del_cookie(COOKIE, path=f"{PREFIX}/")
    return response


# ───────────── signals ─────────────


def _area_name(kb: KnowledgeBase, area_id: str | None) -> str:
    if area_id is None:
        return ""
    area = kb.areas.get(area_id)
    return area.naam if area is not None else area_id


def _month_label(month: str) -> str:
    year, number = month.split("-")
    return f"{MONTHS[int(number) - 1]} {year[2:]}"


def _period(key: str, today: date) -> Period:
    if key == "dit_jaar":
        return Period(date(today.year, 1, 1), today + timedelta(days=1), f"{today.year} tot nu", 12)
    if key == "vorig_jaar":
        return Period(date(today.year - 1, 1, 1), date(today.year, 1, 1), str(today.year - 1), 12)
    months = {"3m": 3, "24m": 24, "60m": 60}.get(key, 12)
    return last_months(today, months)


def _area_options(kb: KnowledgeBase) -> list[tuple[str, list[tuple[str, str]]]]:
    gemeenten = [a for a in kb.areas.values() if a.soort == "gemeente" and kb.descendants(a.id) != (a.id,)]
    groups = []
    for gemeente in gemeenten:
        inside = sorted((kb.areas[i] for i in kb.descendants(gemeente.id) if i != gemeente.id),
                        key=lambda a: (a.soort == "wijk", a.naam))
        options = [(gemeente.id, f"Heel {gemeente.naam}")]
        options += [(a.id, f"{a.soort} {a.naam}" if a.soort != "wijk" else a.naam) for a in inside]
        groups.append((gemeente.naam, options))
    return groups


class SignalQuery:
    """The filters of the signals page, read from the query string."""

    def __init__(self, request: web.Request, kb: KnowledgeBase) -> None:
        query = request.query
        self.gebied = query.get("gebied", "") if query.get("gebied", "") in kb.areas else ""
        self.thema = query.get("thema", "") if query.get("thema", "") in THEMA_LABELS else ""
        self.periode = query.get("periode", "12m") if query.get("periode", "12m") in PERIODS else "12m"
        self.period = _period(self.periode, datetime.now(UTC).date())
        self.wijken = kb.descendants(self.gebied) if self.gebied else None
        self.themas = (self.thema,) if self.thema else ()

    def where(self, period: Period) -> SignalFilter:
        return SignalFilter(self.wijken, self.themas, *period.bounds())

    def params(self) -> dict[str, str]:
        return {k: v for k, v in (("gebied", self.gebied), ("thema", self.thema), ("periode", self.periode)) if v}


async def signals_page(request: web.Request) -> web.Response:
    session = await _session(request)
    runtime = _runtime(request)
    kb, threshold, engine = runtime.kb.current, runtime.settings.report_threshold, runtime.engine
    q = SignalQuery(request, kb)
    now, before, monthly = await asyncio.gather(
        signal_queries.per_thema(engine, q.where(q.period)),
        signal_queries.per_thema(engine, q.where(q.period.previous())),
        signal_queries.monthly(engine, q.where(q.period)))
    totals = []
    for key in sorted(now, key=lambda k: (-now[k], k)):
        change = trend(now[key], before.get(key, 0), threshold)
        said = {"meer": "meer", "minder": "minder", "gelijk": "even veel", None: "te weinig om te vergelijken"}[change]
        totals.append({"label": THEMA_LABELS.get(key, key), "now": shown(now[key], threshold),
                       "before": shown(before.get(key, 0), threshold), "trend": said})
    months = q.period.months()
    grid: dict[str, dict[str, int]] = {}
    for row in monthly:
        grid.setdefault(row.thema, {})[row.month] = row.count
    order = [t.id for t in THEMAS if t.id in grid]
    series = [Series(THEMA_LABELS[t], [grid[t].get(m, 0) for m in months]) for t in order]
    labels = {m: _month_label(m) for m in months}
    where = kb.areas[q.gebied].naam if q.gebied else "Alle wijken"
    title = f"Signalen per maand: {where}, {q.period.label}"
    own = await _own_wijken(runtime, session.user)
    texts = []
    if own:
        mine = tuple(w for w in own if q.wijken is None or w in q.wijken)
        found = await signal_queries.texts(engine, SignalFilter(mine, q.themas, *q.period.bounds()), limit=50) \
            if mine else []
        texts = [{"date": f"{t.created_at:%d-%m-%Y}", "wijk": _area_name(kb, t.wijk),
                  "thema": THEMA_LABELS.get(t.thema, t.thema), "urgency": t.urgency, "text": t.text} for t in found]
    return _page(request, "signalen.html", "Signalen", areas=_area_options(kb),
                 themas=[(t.id, t.label) for t in THEMAS], periods=list(PERIODS.items()), chosen=q, where=where,
                 period_label=q.period.label, threshold=threshold, totals=totals, series=series,
                 chart=trend_svg(months, series, threshold, title, labels) if series else "",
                 month_labels=[labels[m] for m in months],
                 month_rows=[{"label": s.label, "cells": [shown(c, threshold) for c in s.counts]} for s in series],
                 csv_link=f"{PREFIX}/signalen.csv?{urlencode(q.params())}",
                 own_wijken=", ".join(kb.areas[w].naam for w in own if w in kb.areas), texts=texts)


async def _own_wijken(runtime: Runtime, user: User) -> tuple[str, ...]:
    """The adviseur's own wijken: their wijk and their subscriptions, with every area inside them."""
    kb = runtime.kb.current
    areas = [a for a in [user.wijk, *await runtime.people.subscriptions(user)] if a and a in kb.areas]
    return tuple(dict.fromkeys(i for a in areas for i in kb.descendants(a)))


async def signals_csv(request: web.Request) -> web.Response:
    await _session(request)
    runtime = _runtime(request)
    kb, threshold = runtime.kb.current, runtime.settings.report_threshold
    q = SignalQuery(request, kb)
    rows = await signal_queries.monthly(runtime.engine, q.where(q.period))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["maand", "thema", "aantal", "gebied", "periode"])
    where = kb.areas[q.gebied].naam if q.gebied else "alle wijken"
    for row in rows:
        writer.writerow([row.month, THEMA_LABELS.get(row.thema, row.thema), shown(row.count, threshold), where,
                         q.period.label])
    response = web.Response(body=("\ufeff" + out.getvalue()).encode("utf-8"), content_type="text/csv",
                            charset="utf-8")
    response.headers["Content-Disposition"] = 'attachment; filename="signalen.csv"'
    return response


# ───────────── announcements ─────────────


def _counts(status: Any) -> dict[str, int]:
    counts = dict(status.counts)
    counts["waiting"] = status.waiting
    return counts


async def announcements_page(request: web.Request) -> web.Response:
    session = await _session(request)
    runtime = _runtime(request)
    mine = None if session.user.role == UserRole.BEHEERDER else session.user.user_id
    items = []
    for item in await runtime.outbox.recent(30, created_by=mine):
        status = await runtime.outbox.status(item.id)
        counts = _counts(status) if status else {}
        items.append({"id": item.id, "title": item.title, "when": f"{item.created_at:%d-%m-%Y %H:%M}",
                      "recipients": item.recipients, **{k: counts.get(k, 0) for k in STATE_LABELS}})
    return _page(request, "aankondigingen.html", "Aankondigingen", items=items)


def _audience(kb: KnowledgeBase, wijken: list[str], audience: str) -> Audience:
    return Audience(wijken=related_areas(kb, wijken) if wijken else (),
                    roles=tuple(str(r) for r in AUDIENCES[audience]))


async def announcement_form(request: web.Request) -> web.Response:
    await _session(request)
    return _new(request, {"text": "", "wijken": [], "audience": "ib"})


def _new(request: web.Request, form: dict[str, Any], **values: Any) -> web.Response:
    kb = _runtime(request).kb.current
    shown_values = {"preview": False, "problem": "", **values}
    return _page(request, "nieuw.html", "Nieuwe aankondiging", form=form, max=MAX_TEXT, areas=_area_options(kb),
                 audiences=list(AUDIENCE_LABELS.items()), **shown_values)


async def announcement_step(request: web.Request) -> web.Response:
    session, data = await _form(request)
    runtime = _runtime(request)
    kb = runtime.kb.current
    text_ = str(data.get("text", "")).replace("\r\n", "\n").strip()  # length checked before any pattern
    wijken = [w for w in data.getall("wijken", []) if isinstance(w, str) and w in kb.areas]
    audience_key = str(data.get("audience", "ib")) if data.get("audience") in AUDIENCES else "ib"
    form: dict[str, Any] = {"text": text_, "wijken": wijken, "audience": audience_key}
    step = str(data.get("stap", "voorbeeld"))
    if step == "aanpassen":
        return _new(request, form)
    if not text_ or len(text_) > MAX_TEXT:
        return _new(request, form, problem=f"Schrijf een bericht van 1 tot {MAX_TEXT} tekens.")
    problem = personal_data_problem(kb, text_)
    if problem:
        return _new(request, form, problem=f"Dit verstuur ik niet: {problem}. Zet geen gegevens over een kind in "
                                           "een aankondiging. Pas het aan.")
    audience = _audience(kb, wijken, audience_key)
    count = await runtime.outbox.count_recipients(audience)
    where = ", ".join(kb.areas[w].naam for w in wijken) or "alle wijken"
    label = f"{AUDIENCE_LABELS[audience_key].lower()} in {where}"
    if count == 0:
        return _new(request, form, problem=f"Er is niemand aangemeld bij {label}. Kies andere wijken of ontvangers.")
    if step != "versturen":
        return _new(request, form, preview=True, count="1 persoon" if count == 1 else f"{count} personen",
                    audience_label=label)
    created = await runtime.outbox.create(created_by=session.user.user_id, text_=text_, audience=audience)
    raise web.HTTPSeeOther(f"{PREFIX}/aankondigingen/{created.id}?verstuurd=1")


async def _own_announcement(request: web.Request, session: Session) -> Any:
    runtime = _runtime(request)
    item = await runtime.outbox.get(int(request.match_info["id"]))
    if item is None or (item.created_by != session.user.user_id and session.user.role != UserRole.BEHEERDER):
        raise web.HTTPNotFound(text=_page(request, "message.html", "Niet gevonden", message=(
            "Deze aankondiging vind ik niet."), bad=True).text, content_type="text/html")
    return item


async def announcement_page(request: web.Request) -> web.Response:
    session = await _session(request)
    item = await _own_announcement(request, session)
    runtime = _runtime(request)
    status = await runtime.outbox.status(item.id)
    counts = _counts(status) if status else {}
    notice = {"1": f"Verstuurd: aankondiging {item.id} gaat naar {item.recipients} ontvanger(s).",
              "geannuleerd": "Wat nog niet verstuurd was, is geannuleerd."}.get(request.query.get("verstuurd", ""), "")
    return _page(request, "aankondiging.html", f"Aankondiging {item.id}: {item.title}", item=item, notice=notice,
                 when=f"{item.created_at:%d-%m-%Y %H:%M} UTC",
                 counts=[(STATE_LABELS[k], counts.get(k, 0)) for k in STATE_LABELS if counts.get(k)],
                 waiting=counts.get("waiting", 0), deliveries=await runtime.outbox.deliveries(item.id),
                 states=STATE_LABELS)


async def announcement_cancel(request: web.Request) -> web.Response:
    session, _ = await _form(request)
    item = await _own_announcement(request, session)
    await _runtime(request).outbox.cancel(item.id, actor=session.user.user_id)
    raise web.HTTPSeeOther(f"{PREFIX}/aankondigingen/{item.id}?verstuurd=geannuleerd")


# ───────────── knowledge base ─────────────


async def _live_files(runtime: Runtime) -> dict[str, str]:
    """The files of the knowledge base being served (the live version, else the configured directory)."""
    if runtime.kb.version is not None:
        version = await runtime.versions.get(runtime.kb.version)
        if version is not None:
            return dict(version.files)
    directory = runtime.kb.directory
    return {name: (directory / name).read_text(encoding="utf-8") for name in (*FILES, *OPTIONAL_FILES)
            if (directory / name).exists()}


def _stats(kb: KnowledgeBase) -> str:
    return f"{len(kb.areas)} gebieden, {len(kb.schools)} scholen, {len(kb.contacts)} contacten"


async def kb_page(request: web.Request) -> web.Response:
    await _session(request, beheerder=True)
    runtime = _runtime(request)
    kb, today = runtime.kb.current, datetime.now(UTC).date()
    versions = [{"id": v.id, "live": v.id == runtime.kb.version, "source": v.source,
                 "when": f"{v.published_at:%d-%m-%Y %H:%M}" if v.published_at else ""}
                for v in await runtime.versions.published()]
    stale = [f"{c.naam} ({c.organisatie}), laatst gecontroleerd: "
             f"{c.laatst_gecontroleerd:%d-%m-%Y}" if c.laatst_gecontroleerd else f"{c.naam} ({c.organisatie}), nooit"
             for c in kb.stale_contacts(today)]
    notice = {"gepubliceerd": "Gepubliceerd. Alle servers gebruiken de nieuwe versie binnen enkele seconden.",
              "teruggezet": "Teruggezet. Alle servers gebruiken deze versie binnen enkele seconden."}.get(
        request.query.get("klaar", ""), "")
    live_label = f"versie {runtime.kb.version}" if runtime.kb.version else "de kennisbank uit de instellingen"
    return _page(request, "kennisbank.html", "Kennisbank", live_label=live_label, stats=_stats(kb), notice=notice,
                 coverage=[str(w) for w in coverage_warnings(kb)], stale=stale, versions=versions)


def _report_json(report: ImportReport, load_problems: list[str]) -> str:
    return json.dumps({"summary": report.summary(), "complete": report.complete,
                       "problems": [str(p) for p in report.problems], "warnings": [str(p) for p in report.warnings],
                       "notes": report.notes, "load_problems": load_problems}, ensure_ascii=False)


async def kb_upload(request: web.Request) -> web.Response:
    runtime = _runtime(request)
    request = request.clone(client_max_size=runtime.settings.console_max_upload_bytes)
    session, form = await _form(request, beheerder=True)
    uploads = [f for f in form.getall("bestanden", []) if isinstance(f, web.FileField)]
    if not uploads:
        return _page(request, "message.html", "Geen bestand", status=400, bad=True, message=(
            "Kies een werkboek (.xlsx) of de CSV-bestanden."), link=(f"{PREFIX}/kennisbank", "Terug naar Kennisbank"))
    live = await _live_files(runtime)
    with tempfile.TemporaryDirectory(prefix="wijkwijzer-upload-") as folder:
        paths = []
        for upload in uploads:
            name = PurePath(upload.filename or "bestand").name or "bestand"
            path = Path(folder) / name
            path.write_bytes(upload.file.read())
            paths.append(path)
        report = await asyncio.to_thread(import_sources, paths, None, datetime.now(UTC).date())
    files = {**{name: text for name, text in live.items() if name not in report.files}, **report.files}
    load_problems: list[str] = []
    if report.complete:
        _, problems = await asyncio.to_thread(check_knowledge_texts, files, datetime.now(UTC).date())
        load_problems = [str(p) for p in problems]
    version = await runtime.versions.add_draft(created_by=session.user.user_id,
                                               source=", ".join(p.name for p in paths),
                                               files=files if report.complete else {},
                                               report=_report_json(report, load_problems))
    raise web.HTTPSeeOther(f"{PREFIX}/kennisbank/concept/{version}")


async def kb_draft(request: web.Request) -> web.Response:
    await _session(request, beheerder=True)
    runtime = _runtime(request)
    version = await runtime.versions.get(int(request.match_info["id"]))
    if version is None:
        raise web.HTTPNotFound(text=_page(request, "message.html", "Niet gevonden", message="Deze versie vind ik niet.",
                                          bad=True).text, content_type="text/html")
    report = json.loads(version.report)
    kb = None
    if version.files:
        kb, _ = await asyncio.to_thread(check_knowledge_texts, dict(version.files), datetime.now(UTC).date())
    changes = diff(runtime.kb.current, kb) if kb is not None else None
    shown_diff = []
    if changes is not None:
        for label, item in (("Scholen", changes.schools), ("Contacten", changes.contacts), ("Gebieden", changes.areas)):
            shown_diff.append((label, {"added": item.added, "removed": item.removed, "any": item.any,
                                       "changed": [{"id": c.id, "fields": sorted(c.fields)} for c in item.changed]}))
    return _page(request, "concept.html", f"Nieuwe versie {version.id} controleren", id=version.id,
                 source=version.source, summary=report["summary"], report=report,
                 load_problems=report["load_problems"], can_publish=kb is not None and version.published_at is None,
                 diff=shown_diff, diff_summary=changes.summary() if changes else "")


async def kb_publish(request: web.Request, *, restore: bool = False) -> web.Response:
    session, _ = await _form(request, beheerder=True)
    runtime = _runtime(request)
    version = await runtime.versions.get(int(request.match_info["id"]))
    if version is None or not version.files or (restore and version.published_at is None):
        raise web.HTTPNotFound(text="Deze versie vind ik niet.")
    kb, problems = await asyncio.to_thread(check_knowledge_texts, dict(version.files), datetime.now(UTC).date())
    if kb is None:
        return _page(request, "message.html", "Niet gepubliceerd", status=400, bad=True, message=(
            f"Deze versie laadt niet ({len(problems)} problemen); de huidige blijft in gebruik."),
            link=(f"{PREFIX}/kennisbank", "Terug naar Kennisbank"))
    await runtime.versions.publish(version.id, session.user.user_id, action="kb.restore" if restore else "kb.publish")
    await runtime.sync.check()
    raise web.HTTPSeeOther(f"{PREFIX}/kennisbank?klaar={'teruggezet' if restore else 'gepubliceerd'}")


async def kb_restore(request: web.Request) -> web.Response:
    return await kb_publish(request, restore=True)


# ───────────── users and invite codes ─────────────


async def users_page(request: web.Request, **values: Any) -> web.Response:
    await _session(request, beheerder=True)
    runtime = _runtime(request)
    users = [{"id": u.id, "name": u.display_name or "naamloos", "channel": u.channel, "role": str(u.role),
              "where": u.school or _area_name(runtime.kb.current, u.wijk)} for u in await runtime.people.all()]
    values.setdefault("notice", {"rol": "De rol is gewijzigd.", "vergeten": "De gebruiker is vergeten: alles van "
                                 "die persoon is verwijderd."}.get(request.query.get("klaar", ""), ""))
    return _page(request, "gebruikers.html", "Gebruikers en codes", users=users, roles=list(ROLE_LABELS.items()),
                 **{"codes": [], "codes_until": "", **values})


async def users_codes(request: web.Request) -> web.Response:
    session, form = await _form(request, beheerder=True)
    runtime = _runtime(request)
    kb = runtime.kb.current
    role = str(form.get("rol", "ib")) if form.get("rol") in ROLE_LABELS else "ib"
    where = capped(str(form.get("waar", ""))).strip()
    school = wijk = None
    if where:
        mention = next(iter(kb.resolver.scan(where, kinds=("school", "wijk"))), None)
        if mention is None:
            return await users_page(request, notice=f"School of wijk '{where}' ken ik niet. Probeer een andere naam.")
        school = mention.best.id if mention.best.kind == "school" else None
        wijk = kb.schools[school].wijk if school else mention.best.id
    try:
        count = max(1, min(int(str(form.get("aantal", "1"))), 50))
    except ValueError:
        count = 1
    made = await runtime.people.create_invites(role=role, school=school, wijk=wijk, count=count,
                                               valid_for=timedelta(days=runtime.settings.invite_valid_days),
                                               created_by=session.user.user_id)
    return await users_page(request, codes=[i.code for i in made], codes_until=f"{made[0].expires_at:%d-%m-%Y}",
                            notice="")


async def users_role(request: web.Request) -> web.Response:
    session, form = await _form(request, beheerder=True)
    role = str(form.get("rol", ""))
    if role not in ROLE_LABELS:
        raise web.HTTPBadRequest(text="Onbekende rol.")
    await _runtime(request).people.set_role(int(request.match_info["id"]), role, actor=session.user.user_id)
    raise web.HTTPSeeOther(f"{PREFIX}/gebruikers?klaar=rol")


async def users_forget(request: web.Request) -> web.Response:
    session, form = await _form(request, beheerder=True)
    runtime = _runtime(request)
    user = await runtime.people.by_number(int(request.match_info["id"]))
    if user is None or form.get("zeker") != "ja":
        raise web.HTTPSeeOther(f"{PREFIX}/gebruikers")
    await runtime.people.forget(user, session.user.user_id)
    if user.id == session.user.id:
        raise web.HTTPSeeOther(f"{PREFIX}/inloggen")
    raise web.HTTPSeeOther(f"{PREFIX}/gebruikers?klaar=vergeten")


__all__ = ["UPLOAD_PATH", "add_months", "setup_console"]
