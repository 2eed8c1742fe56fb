"""Teams rendering, serviceUrl policy, tenants, profiles and settings, without a server."""

from __future__ import annotations

import json

import pytest
from microsoft_agents.activity import Activity

from tests.adapters.fakes import TENANT, message
from wijkwijzer.adapters.teams.auth import ServiceUrlPolicy, same_origin
from wijkwijzer.adapters.teams.identity import TeamsProfiles, TenantPolicy, tenant_of
from wijkwijzer.adapters.teams.render import _contact_card_content, mailto_url, render_for_teams, tel_url
from wijkwijzer.adapters.teams.settings import ADAPTIVE_CARD_TYPE, TeamsSettings
from wijkwijzer.core.replies import ContactCard, reply
from wijkwijzer.store.people import People

HOSTILE = [
    '"}]}, {"type": "Action.OpenUrl", "title": "x", "url": "https://evil.example"}',
    "[klik hier](https://evil.example)",
    "<at>Iedereen</at> <script>alert(1)</script>",
    "**vet** _schuin_ {{DATE(2026-01-01T00:00:00Z)}}",
]


def rendered(activity: Activity, conversation_type: str = "personal") -> dict:
    return render_for_teams(activity, conversation_type).model_dump(mode="json", by_alias=True, exclude_none=True)


def runs(card: dict) -> list[str]:
    return [run["text"] for block in card["body"] for run in block["inlines"]]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_contact_data_stays_inert_text_in_the_card(hostile):
    card = ContactCard(naam=hostile, rol=hostile, organisatie="SMW", telefoon="070 123 4567",
                       email="a.b@smw.example", bereikbaar=hostile, opmerking=hostile)
    out = rendered(reply("Gevonden:", cards=[card]))
    [attachment] = out["attachments"]
    content = attachment["content"]
    assert attachment["contentType"] == ADAPTIVE_CARD_TYPE
    assert json.loads(json.dumps(content)) == content
    assert hostile in runs(content)
    assert {block["type"] for block in content["body"]} == {"RichTextBlock"}
    assert all(run["type"] == "TextRun" for block in content["body"] for run in block["inlines"])
    assert [a["url"] for a in content["actions"]] == ["tel:+31701234567", "mailto:a.b@smw.example"]
    assert "evil" not in json.dumps(content["actions"])


@pytest.mark.parametrize("email", ["a@b.nl?bcc=evil@x.nl", "a@b.nl\r\nBcc: x@y.nl", "javascript:alert(1)", "geen",
                                   "a b@c.nl", "a@-b.nl"])
def test_unsafe_or_invalid_email_gets_no_mailto_action(email):
    assert mailto_url(email) is None


def test_valid_email_and_phone_become_links():
    assert mailto_url("f.yilmaz@smw-haaglanden.example") == "mailto:f.yilmaz@smw-haaglanden.example"
    assert tel_url("06 00434831") == "tel:+31600434831"
    assert tel_url("+31 (0)70 123 4567") == "tel:+31701234567"
    assert tel_url("bel de receptie") is None


def test_a_contacts_card_is_made_once_and_not_changed_by_sending_it():
    """The card dict is kept per contact and shared between replies, so nothing on the way out
    may change it: a Teams turn sends it through the SDK's send path and the JSON answer."""
    card = ContactCard(naam="Fatma Yilmaz", rol="smw", organisatie="SMW Haaglanden", telefoon="06 00434831",
                       email="f.yilmaz@smw-haaglanden.example")
    first = render_for_teams(reply("SMW:", cards=[card]), "personal")
    first.model_dump(mode="json", by_alias=True, exclude_none=True)
    first.text = "anders"
    second = render_for_teams(reply("SMW:", cards=[card]), "personal")
    assert second.attachments[0].content is first.attachments[0].content
    fresh = _contact_card_content.__wrapped__(card)
    assert second.attachments[0].content == fresh


def test_card_lines_are_not_repeated_in_the_text():
    card = ContactCard(naam="Fatma Yilmaz", rol="smw", organisatie="SMW Haaglanden", telefoon="06 00434831")
    text = "\n\n".join(["SMW voor Ypenburg:", "\n".join(card.as_lines()), "Bij acuut gevaar: bel 112."])
    out = rendered(reply(text, cards=[card]))
    assert out["text"] == "SMW voor Ypenburg:\n\nBij acuut gevaar: bel 112."
    assert out["textFormat"] == "plain"


def test_personal_chat_keeps_choices_as_suggested_actions():
    out = rendered(reply("Welke wijk?", ["Ypenburg", "Centrum"]))
    assert [a["value"] for a in out["suggestedActions"]["actions"]] == ["Ypenburg", "Centrum"]
    assert "attachments" not in out


@pytest.mark.parametrize("conversation_type", ["groupChat", "channel"])
def test_group_chat_and_channel_get_choices_as_card_buttons(conversation_type):
    out = rendered(reply("Welke wijk?", ["Ypenburg", HOSTILE[0]]), conversation_type)
    assert "suggestedActions" not in out
    [attachment] = out["attachments"]
    actions = attachment["content"]["actions"]
    assert [a["title"] for a in actions] == ["Ypenburg", HOSTILE[0]]
    assert actions[1]["data"]["msteams"]["text"] == HOSTILE[0]
    assert all(a["type"] == "Action.Submit" and a["data"]["wijkwijzer"] == "choice" for a in actions)


def test_plain_text_reply_stays_plain_text():
    out = rendered(reply("[klik](https://evil.example)"))
    assert out["text"] == "[klik](https://evil.example)" and out["textFormat"] == "plain"
    assert "attachments" not in out


@pytest.mark.parametrize("url,allowed", [
    ("https://smba.trafficmanager.net/emea/", True),
    ("https://smba.trafficmanager.net/amer/", True),
    ("https://europe.webchat.botframework.com/", True),
    ("http://smba.trafficmanager.net/emea/", False),
    ("https://evil.trafficmanager.net/emea/", False),
    ("https://smba.trafficmanager.net.evil.example/", False),
    ("https://user:pw@smba.trafficmanager.net/", False),
    ("https://evil.example/smba.trafficmanager.net", False),
    ("http://127.0.0.1:3978/", False),
    ("not a url", False),
    (None, False),
    ({"serviceUrl": "https://smba.trafficmanager.net/emea/"}, False),
    (["https://smba.trafficmanager.net/emea/"], False),
])
def test_service_url_policy(url, allowed):
    assert ServiceUrlPolicy().allows(url) is allowed


def test_loopback_only_in_development():
    dev = ServiceUrlPolicy(allow_loopback=True)
    assert all(dev.allows(url) for url in ("http://127.0.0.1:9999/", "http://localhost:9999/", "http://[::1]:1/"))
    assert not dev.allows("http://evil.example/")


def test_same_origin_compares_scheme_host_and_port():
    assert same_origin("https://smba.trafficmanager.net/emea/", "https://SMBA.trafficmanager.net/amer")
    assert not same_origin("http://127.0.0.1:1000/", "http://127.0.0.1:2000/")
    assert not same_origin("https://smba.trafficmanager.net/", "http://smba.trafficmanager.net/")
    assert not same_origin(None, "https://smba.trafficmanager.net/")


def test_tenant_from_conversation_or_channel_data_and_none_when_they_disagree():
    activity = Activity.model_validate(message("hoi", service_url="https://smba.trafficmanager.net/emea/"))
    assert tenant_of(activity) == TENANT
    activity.conversation.tenant_id = "ffffffff-0000-0000-0000-000000000000"
    assert tenant_of(activity) is None


def test_tenant_policy():
    assert TenantPolicy(frozenset({TENANT})).allows(TENANT)
    assert not TenantPolicy(frozenset({TENANT})).allows(None)
    assert not TenantPolicy(frozenset()).allows(TENANT)
    assert TenantPolicy(frozenset(), anonymous=True).allows(None)
    assert not TenantPolicy(frozenset({TENANT}), anonymous=True).allows("other")


async def test_teams_user_of_an_allowed_tenant_is_registered_as_ib_on_first_contact(engine):
    people = People(engine, "secret")
    profiles = TeamsProfiles(TenantPolicy(frozenset({TENANT})), "secret", people)
    activity = Activity.model_validate(message("hoi", service_url="https://smba.trafficmanager.net/emea/"))
    profile = await profiles.profile_for(activity)
    assert profile.role == "ib" and profile.registered and not profile.onboarded
    assert profile.user_id not in ("29:user-1", "aad-user-1") and len(profile.user_id) == 16
    stored = await people.get(profile.user_id)
    assert stored.channel == "msteams" and stored.display_name == "Ingrid Test" and stored.address is None
    assert await people.count() == 1
    assert (await profiles.profile_for(activity)).user_id == profile.user_id and await people.count() == 1
    other = await TeamsProfiles(TenantPolicy(frozenset({"x"})), "secret", people).profile_for(activity)
    assert other.role == "gast" and await people.count() == 1
    other_secret = await TeamsProfiles(TenantPolicy(frozenset({TENANT})), "other", people).profile_for(activity)
    assert other_secret.user_id != profile.user_id


def test_settings_from_environment(monkeypatch):
    monkeypatch.setenv("WIJKWIJZER_TEAMS_ALLOWED_TENANTS", f" {TENANT.upper()} , other-tenant ")
    monkeypatch.setenv("WIJKWIJZER_TEAMS_ANONYMOUS", "false")
    monkeypatch.setenv("WIJKWIJZER_TEAMS_SERVICE_URL_HOSTS", "smba.infra.gcc.teams.microsoft.com")
    settings = TeamsSettings()
    assert settings.allowed_tenants() == {TENANT, "other-tenant"}
    assert settings.teams_anonymous is False
    assert settings.teams_service_url_hosts == ["smba.infra.gcc.teams.microsoft.com"]


def test_allowed_tenants_default_to_the_app_tenant(monkeypatch):
    monkeypatch.delenv("WIJKWIJZER_TEAMS_ALLOWED_TENANTS", raising=False)
    assert TeamsSettings(teams_tenant_id=TENANT).allowed_tenants() == {TENANT}
    assert TeamsSettings(teams_tenant_id=None).allowed_tenants() == frozenset()
