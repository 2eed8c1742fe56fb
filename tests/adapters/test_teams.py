"""Teams end to end: signed activities over HTTP on 127.0.0.1, replies at a fake Bot Connector."""

from __future__ import annotations

import time

import jwt
import pytest
from microsoft_agents.hosting.core import AgentAuthConfiguration
from microsoft_agents.hosting.core.authorization import ClaimsIdentity, JwtTokenValidator

from tests.adapters import fakes
from tests.adapters.fakes import (
    APP_ID,
    BOT_ID,
    OTHER_TENANT,
    OUTBOUND_TOKEN,
    TENANT,
    FakeConnector,
    SigningKey,
)
from wijkwijzer.adapters.teams.auth import JWKS_REFETCH_INTERVAL, ServiceUrlPolicy
from wijkwijzer.adapters.teams.settings import APOLOGY, FOREIGN_TENANT
from wijkwijzer.app.server import METRICS
from wijkwijzer.store.references import ConversationReferences

make_teams = fakes.make_teams  # the server fixture
ADAPTIVE = "application/vnd.microsoft.card.adaptive"


def cards(activity: dict) -> list[dict]:
    return [a["content"] for a in activity.get("attachments") or [] if a["contentType"] == ADAPTIVE]


def card_texts(card: dict) -> list[str]:
    return [run["text"] for block in card["body"] for run in block.get("inlines", [])]


def card_urls(card: dict) -> list[str]:
    return [action["url"] for action in card.get("actions", []) if action["type"] == "Action.OpenUrl"]


def rejected(server, reason: str) -> float:
    labels = {"channel": "msteams", "reason": reason}
    return server.app[METRICS].registry.get_sample_value("wijkwijzer_rejected_requests_total", labels) or 0.0


def sent_total(server, result: str) -> float:
    labels = {"channel": "msteams", "result": result}
    return server.app[METRICS].registry.get_sample_value("wijkwijzer_outbound_sends_total", labels) or 0.0


def jwks_fetches(server) -> int:
    return sum(1 for r in server.jwks_server.requests if r.path == "/keys")


def assert_nothing_happened(server) -> None:
    assert server.connector.requests == []
    assert server.understood == []


# --- the happy path ----------------------------------------------------------------------------


async def test_partner_lookup_reaches_the_connector_as_an_adaptive_card(make_teams):
    server = await make_teams()
    response = await server.post(server.message("smw ypenburg"))
    assert response.status == 202
    [sent] = server.connector.messages
    [card] = cards(sent)
    assert "Fatma Yilmaz" in card_texts(card)
    assert any(url.startswith("tel:+316") for url in card_urls(card))
    assert any(url.startswith("mailto:") for url in card_urls(card))
    assert sent["textFormat"] == "plain" and "Fatma" not in (sent.get("text") or "")
    assert [a["title"] for a in sent["suggestedActions"]["actions"]]
    request = server.connector.requests[0]
    assert request.path.startswith("/v3/conversations/")
    assert request.headers["Authorization"] == f"Bearer {OUTBOUND_TOKEN}"
    scope = ("https://api.botframework.com", ["https://api.botframework.com/.default"])
    assert scope in server.connections.provider.calls


async def test_route_walk_in_personal_chat(make_teams):
    server = await make_teams()
    first = server.message("route", conversation_id="a:route-walk")
    assert (await server.post(first)).status == 202
    [step] = server.connector.messages
    choices = [a["value"] for a in step["suggestedActions"]["actions"]]
    assert "Signaleren" in step["text"] and "Leren of gedrag" in choices
    assert (await server.post(server.message("Leren of gedrag", conversation_id="a:route-walk"))).status == 202
    assert "Ondersteuning in de klas" in server.connector.messages[-1]["text"]
    assert server.understood == ["route", "Leren of gedrag"]


async def test_group_chat_choices_are_card_buttons_that_reach_the_bot_without_mention(make_teams):
    server = await make_teams()
    conversation = "19:group-walk@thread.v2"
    await server.post(server.message("ondersteuningsroute", conversation_type="groupChat",
                                     conversation_id=conversation, mention=True))
    [step] = server.connector.messages
    assert "suggestedActions" not in step
    buttons = [a for card in cards(step) for a in card["actions"] if a["type"] == "Action.Submit"]
    choice = next(b for b in buttons if b["title"] == "Leren of gedrag")
    assert choice["data"]["msteams"] == {"type": "messageBack", "text": "Leren of gedrag",
                                         "displayText": "Leren of gedrag"}
    clicked = server.message("Leren of gedrag", conversation_type="groupChat", conversation_id=conversation,
                             value={"wijkwijzer": "choice"})
    await server.post(clicked)
    assert "Ondersteuning in de klas" in server.connector.messages[-1]["text"]


async def test_conversation_reference_is_stored_with_a_pseudonymous_user_and_no_names(make_teams):
    server = await make_teams()
    await server.post(server.message("help", conversation_id="a:ref-test"))
    stored = await ConversationReferences(server.runtime.engine).get("msteams", "a:ref-test")
    assert stored is not None
    assert stored.user_id not in ("29:user-1", "aad-user-1") and len(stored.user_id) == 16
    assert stored.reference["serviceUrl"] == server.connector.url
    assert stored.reference["user"] == {"id": "29:user-1", "aadObjectId": "aad-user-1"}
    assert "Ingrid" not in str(stored.reference)


async def test_expect_replies_returns_the_rendered_replies_in_the_response(make_teams):
    server = await make_teams()
    async with server.session.post(f"{server.url}/api/messages",
                                   json=server.message("smw ypenburg", deliveryMode="expectReplies"),
                                   headers={"Authorization": f"Bearer {server.token()}"}) as response:
        assert response.status == 200
        body = await response.json()
    assert server.connector.requests == []
    assert "Fatma Yilmaz" in card_texts(cards(body["activities"][0])[0])


async def test_welcome_when_the_bot_is_added_but_not_for_every_new_team_member(make_teams):
    server = await make_teams()
    bot_added = server.message("", conversation_type="channel", type="conversationUpdate",
                               membersAdded=[{"id": BOT_ID}])
    user_added = server.message("", conversation_type="channel", type="conversationUpdate",
                                membersAdded=[{"id": "29:someone-new"}])
    await server.post(user_added)
    assert server.connector.messages == []
    await server.post(bot_added)
    [welcome] = server.connector.messages
    assert welcome["text"] == server.runtime.agent.welcome().text


# --- @mentions in group chats and channels ------------------------------------------------------


async def test_channel_message_without_mention_is_ignored(make_teams):
    server = await make_teams()
    response = await server.post(server.message("smw ypenburg", conversation_type="channel"))
    assert response.status == 202
    assert_nothing_happened(server)


async def test_channel_message_with_mention_is_answered_with_the_mention_removed(make_teams):
    server = await make_teams()
    await server.post(server.message("smw ypenburg", conversation_type="channel", mention=True))
    assert server.understood == ["smw ypenburg"]
    [sent] = server.connector.messages
    assert "Fatma Yilmaz" in card_texts(cards(sent)[0])


# --- JWT --------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", ["missing", "not_bearer", "garbage", "expired", "not_yet_valid", "wrong_audience",
                                  "foreign_key", "alg_none", "hs256_with_public_key"])
async def test_bad_tokens_get_401_and_nothing_is_sent(make_teams, case):
    server = await make_teams()
    now = int(time.time())
    tokens = {
        "missing": None,
        "not_bearer": "",
        "garbage": "not.a.jwt",
        "expired": server.token(exp=now - 301, iat=now - 900, nbf=now - 900),
        "not_yet_valid": server.token(nbf=now + 310),
        "wrong_audience": server.token(aud="00000000-0000-0000-0000-000000000001"),
        "foreign_key": SigningKey(kid=server.key.kid).mint(server.claims()),
        "alg_none": jwt.encode(server.claims(), None, algorithm="none", headers={"kid": server.key.kid}),
        "hs256_with_public_key": _hs256_with_public_key(server),
    }
    headers = {"Authorization": "Basic dXNlcjpwYXNz"} if case == "not_bearer" else None
    response = await server.post(server.message("smw ypenburg"), token=None if case == "not_bearer" else tokens[case],
                                 headers=headers)
    assert response.status == 401
    assert_nothing_happened(server)
    assert rejected(server, "no_token") + rejected(server, "bad_token") == 1


def _hs256_with_public_key(server) -> str:
    header = jwt.utils.base64url_encode(b'{"alg":"HS256","typ":"JWT","kid":"%s"}' % server.key.kid.encode())
    payload = jwt.utils.base64url_encode(jwt.api_jws.json.dumps(server.claims()).encode())
    return b".".join([header, payload, jwt.utils.base64url_encode(b"x" * 32)]).decode()


async def test_tokens_with_an_unknown_key_get_401_and_cause_at_most_one_jwks_refetch(make_teams):
    server = await make_teams()
    assert (await server.post(server.message("help"))).status == 202
    assert jwks_fetches(server) == 1
    for n in range(5):
        forged = SigningKey(kid=f"unknown-{n}").mint(server.claims())
        assert (await server.post(server.message("smw ypenburg"), token=forged)).status == 401
    assert jwks_fetches(server) == 2
    assert rejected(server, "bad_token") == 5
    assert (await server.post(server.message("help"))).status == 202
    assert jwks_fetches(server) == 2


async def test_a_rotated_key_is_found_by_one_refetch_once_the_interval_has_passed(make_teams):
    server = await make_teams()
    assert (await server.post(server.message("help"))).status == 202
    assert (await server.post(server.message("help"), token=SigningKey(kid="foreign").mint(server.claims()))).status == 401
    rotated = SigningKey(kid="rotated-key")
    server.jwks_server.keys.append(rotated)
    server.jwks.now += JWKS_REFETCH_INTERVAL
    assert (await server.post(server.message("help"), token=rotated.mint(server.claims()))).status == 202
    assert (await server.post(server.message("help"), token=rotated.mint(server.claims()))).status == 202
    assert jwks_fetches(server) == 3


async def test_a_token_just_inside_the_clock_skew_is_accepted(make_teams):
    server = await make_teams()
    now = int(time.time())
    token = server.token(exp=now - 290, iat=now - 900, nbf=now - 900)
    response = await server.post(server.message("help"), token=token)
    assert response.status == 202


# --- issuer validation: the SDK's opt-in VALIDATE_ISSUER switched on ------------------------------


@pytest.mark.parametrize("issuer,tid", [("https://evil.example.com/", None),
                                        (f"https://sts.windows.net/{OTHER_TENANT}/", OTHER_TENANT)])
async def test_token_from_a_wrong_issuer_gets_401(make_teams, issuer, tid):
    server = await make_teams()
    token = server.token(iss=issuer, tid=tid)
    response = await server.post(server.message("smw ypenburg"), token=token)
    assert response.status == 401
    assert_nothing_happened(server)
    # control: with the SDK's default configuration (issuer check off) the same token passes
    default = JwtTokenValidator(AgentAuthConfiguration(client_id=APP_ID, tenant_id=TENANT))
    default._jwk_client_manager = server.jwks
    identity = await default.validate_token(token)
    assert identity.claims["iss"] == issuer


async def test_token_of_our_own_entra_tenant_is_accepted(make_teams):
    server = await make_teams()
    token = server.token(iss=f"https://sts.windows.net/{TENANT}/", tid=TENANT)
    assert (await server.post(server.message("help"), token=token)).status == 202


# --- serviceUrl: must match the token's claim and be on our host list ---------------------------


async def test_service_url_that_differs_from_the_token_claim_gets_401_and_the_other_host_sees_nothing(make_teams):
    server = await make_teams()
    evil = FakeConnector()
    await evil.start()
    try:
        response = await server.post(server.message("smw ypenburg", service_url=evil.url))
        assert response.status == 401
        assert evil.requests == [] and server.connector.requests == []
        assert rejected(server, "service_url") == 1
    finally:
        await evil.stop()


async def test_service_url_outside_the_host_list_gets_401_even_when_the_claim_matches(make_teams):
    server = await make_teams()
    evil = "https://evil.trafficmanager.net/emea/"
    response = await server.post(server.message("help", service_url=evil), token=server.token(serviceurl=evil))
    assert response.status == 401
    assert_nothing_happened(server)


async def test_token_without_a_service_url_claim_gets_401(make_teams):
    server = await make_teams()
    response = await server.post(server.message("help"), token=server.token(serviceurl=None))
    assert response.status == 401


def test_the_sdk_host_check_is_switched_on_and_was_off_by_default():
    """The SDK compares the serviceUrl claim with the activity only when its host validator is
    enabled (default: disabled); we enable it, on top of our own origin check."""
    from microsoft_agents.activity import Activity
    from microsoft_agents.hosting.aiohttp import CloudAdapter

    from tests.adapters.fakes import StaticConnections
    from wijkwijzer.adapters.teams.auth import PolicyHostValidator

    identity = ClaimsIdentity({"aud": APP_ID, "serviceurl": "https://smba.trafficmanager.net/emea/"})
    activity = Activity(type="message", service_url="https://smba.trafficmanager.net.evil.example/emea/")
    default = CloudAdapter(connection_manager=StaticConnections())
    ours = CloudAdapter(connection_manager=StaticConnections(),
                        host_validator=PolicyHostValidator(ServiceUrlPolicy()))
    assert default._validate_service_url(identity, activity) is True
    assert ours._validate_service_url(identity, activity) is False


def test_the_activity_we_validated_is_what_the_sdk_gets_not_a_second_validation():
    """The endpoint hands the SDK the Activity it checked; the SDK's model_validate must then
    return that very object (a pydantic or SDK upgrade that revalidates would double the cost)."""
    from microsoft_agents.activity import Activity

    from wijkwijzer.adapters.teams.endpoint import parse_activity

    activity = parse_activity(b'{"type": "message", "serviceUrl": "https://smba.trafficmanager.net/emea/",'
                              b' "conversation": {"id": "a:1"}, "text": "hoi"}')
    assert Activity.model_validate(activity) is activity


# --- tenants ------------------------------------------------------------------------------------


async def test_other_tenant_gets_one_polite_refusal_and_nothing_else(make_teams):
    server = await make_teams()
    activity = server.message("smw ypenburg", tenant=OTHER_TENANT, conversation_id="a:foreign")
    response = await server.post(activity)
    assert response.status == 202
    [sent] = server.connector.activities
    assert sent["text"] == FOREIGN_TENANT
    assert "Fatma" not in server.connector.texts()
    assert server.understood == []
    assert await ConversationReferences(server.runtime.engine).get("msteams", "a:foreign") is None
    assert rejected(server, "tenant") == 1


async def test_other_tenant_in_a_channel_without_mention_gets_nothing(make_teams):
    server = await make_teams()
    await server.post(server.message("smw ypenburg", tenant=OTHER_TENANT, conversation_type="channel"))
    assert_nothing_happened(server)


# --- errors -------------------------------------------------------------------------------------


async def test_turn_error_sends_a_dutch_apology_not_the_exception_text(make_teams, caplog):
    server = await make_teams()

    def broken(text, kb):
        raise RuntimeError("geheim-detail-4711")

    server.runtime.agent.understand = broken
    response = await server.post(server.message("smw ypenburg"))
    assert response.status == 202
    [sent] = server.connector.activities
    assert sent["text"] == APOLOGY
    assert "geheim-detail-4711" not in server.connector.texts()
    assert "RuntimeError" in caplog.text


async def test_a_reply_answered_429_is_sent_again_and_arrives_once(make_teams):
    server = await make_teams()
    server.connector.statuses.extend([429])
    response = await server.post(server.message("smw ypenburg"))
    assert response.status == 202
    assert next(r.path for r in server.connector.requests) == [r.path for r in server.connector.requests][1]
    assert len(server.connector.requests) == 2
    assert "Fatma Yilmaz" in server.connector.texts()
    assert sent_total(server, "retry") == 1 and sent_total(server, "ok") == 1


async def test_a_reply_that_keeps_failing_is_tried_three_times_then_the_turn_apologises(make_teams, caplog):
    server = await make_teams()
    server.connector.statuses.extend([503, 503, 503, 200])
    response = await server.post(server.message("smw ypenburg"))
    assert response.status == 202
    assert len(server.connector.requests) == 4
    assert server.connector.activities[-1]["text"] == APOLOGY
    assert sent_total(server, "retry") == 2 and sent_total(server, "error") == 1


async def test_replies_reuse_one_connection_and_no_user_token_is_fetched(make_teams):
    server = await make_teams()
    for text in ("smw ypenburg", "wat is een opp", "help"):
        assert (await server.post(server.message(text))).status == 202
    peers = {r.peer for r in server.connector.requests}
    assert len(server.connector.requests) >= 3 and len(peers) == 1
    asked = {resource for resource, _ in server.connections.provider.calls}
    assert asked == {"https://api.botframework.com"}


# --- anonymous development mode ----------------------------------------------------------------


async def test_anonymous_mode_accepts_requests_without_a_token_and_replies_without_one(make_teams):
    server = await make_teams(anonymous=True, allowed_tenants=[])
    response = await server.post(server.message("smw ypenburg"), token=None)
    assert response.status == 202
    [request] = server.connector.requests
    assert "Authorization" not in request.headers
    assert "Fatma Yilmaz" in server.connector.texts()


async def test_anonymous_mode_still_rejects_a_bad_token(make_teams):
    server = await make_teams(anonymous=True, allowed_tenants=[])
    response = await server.post(server.message("help"), token="not.a.jwt")
    assert response.status == 401
    assert_nothing_happened(server)


async def test_an_activity_without_recipient_stores_no_reference(make_teams):
    """A reference without the bot's account could not be used to write back, so none is kept."""
    server = await make_teams()
    activity = server.message("help", conversation_id="a:no-recipient")
    del activity["recipient"]
    response = await server.post(activity)
    assert response.status < 500
    assert await ConversationReferences(server.runtime.engine).get("msteams", "a:no-recipient") is None
