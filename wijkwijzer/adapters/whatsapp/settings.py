"""settings: part of the whatsapp channel (see the package docstring)."""


from __future__ import annotations

import re
from datetime import timedelta

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from wijkwijzer.adapters.whatsapp.render import RenderLimits

# ---------------------------------------------------------------------------------------------
# WhatsApp Cloud API numbers and their sources (checked against Meta's documentation, 2026).
# ---------------------------------------------------------------------------------------------
CHANNEL_ID = "whatsapp"
DEFAULT_GRAPH_URL = "https://graph.facebook.com"
# Newest Graph API version, released 2026-07-29 (v25.0 is available until 2028-07-29):
# https://developers.facebook.com/docs/graph-api/changelog/versions/
DEFAULT_API_VERSION = "v26.0"
LIMITS = RenderLimits(
    # text.body ≤ 4096:
    # https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/text-messages/
    text_body=4096,
    # Reply buttons: body ≤ 1024, ≤ 3 buttons, title ≤ 20, id ≤ 256:
    # https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-reply-buttons-messages
    # (list bodies may be 4096; we keep 1024 for every interactive body).
    interactive_body=1024,
    reply_buttons=3,
    button_title=20,
    button_id=256,
    # List: ≤ 10 rows in all sections, row title ≤ 24, description ≤ 72, row id ≤ 200, button ≤ 20:
    # https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-list-messages
    list_rows=10,
    row_title=24,
    row_description=72,
    row_id=200,
    list_button=20,
)
# Throughput: 80 messages/s per business number by default (up to 1,000 after an automatic
# upgrade); above it the API answers 130429:
# https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput
THROUGHPUT_MESSAGES_PER_SECOND = 80
# Pair rate: about 1 message per 6 s to one user (short bursts tolerated), above it 131056.
# Meta names the error but not the number; secondary source:
# https://dev.to/wapgrowai_org/whatsapp-cloud-api-rate-limits-in-practice-throughput-pair-rate-messaging-limits-and-error-codes-1i7k
PAIR_RATE_SECONDS = 6.0
# Free-form messages only within 24 hours of the user's last message; outside it only an
# approved template (error 131047 otherwise):
# https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages
CUSTOMER_SERVICE_WINDOW = timedelta(hours=24)
# Keep a margin: the window must still be open when Meta processes the message.
WINDOW_MARGIN = timedelta(minutes=10)
# A template body parameter may not hold newlines, tabs or more than 4 consecutive spaces.
TEMPLATE_PARAMETER_MAX = 1024
# Error codes: https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
# Permanent: retrying the same request cannot succeed (any other 4xx is treated as permanent too).
PERMANENT_ERROR_CODES = frozenset({
    0,       # AuthException
    3,       # capability or permissions
    10,      # permission denied
    100,     # invalid parameter
    190,     # access token expired or invalid
    368,     # temporarily blocked for policy violations
    131008,  # required parameter missing
    131009,  # parameter value invalid
    131021,  # recipient cannot be sender
    131026,  # message undeliverable (not on WhatsApp, old client, terms not accepted)
    131031,  # business account locked
    131042,  # payment problem
    131047,  # re-engagement: more than 24 h since the user's last message, templates only
    131049,  # Meta chose not to deliver (ecosystem protection)
    131051,  # unsupported message type
    131062,  # business-scoped user id recipients not supported for this message
    133010,  # phone number not registered
})
# Transient: retry with backoff (as are HTTP 429 and 5xx without a code).
TRANSIENT_ERROR_CODES = frozenset({
    1,       # API unknown (possible server error)
    2,       # API service: temporary downtime or overload
    4,       # API too many calls
    80007,   # WABA rate limit
    130429,  # throughput reached
    131000,  # something went wrong
    131016,  # service unavailable
    131048,  # spam rate limit hit: fewer messages allowed from our number for a while, because
             # earlier ones were blocked or reported (quality-based rate limit); later sends can pass
    131056,  # pair rate limit (same business and user)
    # 131064: not in Meta's error-code reference as we could check it (the error-codes page and
    # the messages webhook references, stored copies of 2026). Issue 15 §5 names it a rate
    # limit, so it is retried later; were it permanent, the cost is bounded retries
    # (max_attempts here, the outbox's schedule for announcements).
    131064,
    133004,  # server temporarily unavailable
})
# Meta redelivers a webhook that got no 200 for up to 7 days, and signs the raw body only (no
# timestamp): https://developers.facebook.com/docs/graph-api/webhooks/getting-started/
WEBHOOK_REDELIVERY_DAYS = 7
SIGNATURE_HEADER = "X-Hub-Signature-256"
# Meta batches webhook deliveries up to 3 MB
# (https://hookdeck.com/webhooks/platforms/guide-to-whatsapp-webhooks-features-and-best-practices);
# refused ones would be redelivered, and refused again, for days. A quarter above that, as a cap.
MAX_WEBHOOK_BYTES = 4 * 1024 * 1024
SHUTDOWN_GRACE_SECONDS = 30.0
# ---------------------------------------------------------------------------------------------

UNSUPPORTED_REPLY = "Dat kan ik (nog) niet lezen. Typ je vraag als tekst."
BOT_NAME = "Wijkwijzer"


_SIGNATURE = re.compile(r"sha256=([0-9a-fA-F]{64})")
_PHONE_ADDRESS = re.compile(r"\d{6,20}")
_USER_ID_ADDRESS = re.compile(r"[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}")
_MESSAGE_ID = re.compile(r"[A-Za-z0-9._:=+/-]{1,256}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class WhatsAppSettings(BaseSettings):
    """WhatsApp configuration from ``WIJKWIJZER_WHATSAPP_*`` (docs/whatsapp.md has the table)."""

    model_config = SettingsConfigDict(env_prefix="WIJKWIJZER_WHATSAPP_", env_file=".env", extra="ignore",
                                      populate_by_name=True)

    verify_token: SecretStr = Field(default=SecretStr(""), description="token Meta echoes when verifying the webhook")
    app_secret: SecretStr = Field(default=SecretStr(""), description="Meta app secret: key of X-Hub-Signature-256")
    access_token: SecretStr = Field(default=SecretStr(""), description="system-user token for the Graph API")
    phone_number_id: str = Field(default="", description="our business phone number id; other numbers are ignored")
    graph_url: str = Field(default=DEFAULT_GRAPH_URL, description="Graph API base URL")
    api_version: str = Field(default=DEFAULT_API_VERSION, description="Graph API version")
    max_attempts: int = Field(default=5, ge=1, le=20, description="send attempts before giving up on transient errors")
    backoff_base: float = Field(default=1.0, gt=0, description="first retry wait in seconds, doubled per attempt")
    backoff_max: float = Field(default=30.0, gt=0, description="longest wait between attempts, also for Retry-After")
    request_timeout: float = Field(default=10.0, gt=0, description="seconds per Graph API request")
    template_name: str = Field(default="", description="approved template for announcements outside the 24-hour window")
    template_language: str = Field(default="nl", description="language code of that template")
    outbox_rate: float = Field(default=float(THROUGHPUT_MESSAGES_PER_SECOND), gt=0, description="announcements per second per delivery worker")
    recipient_interval: float = Field(default=PAIR_RATE_SECONDS, ge=0,
                                      description="seconds between two announcements to one number")
    max_body_bytes: int = Field(default=MAX_WEBHOOK_BYTES, ge=1024,
                                description="largest accepted webhook body (Meta batches up to 3 MB); the "
                                            "signature is checked over it before it is parsed")

    @property
    def messages_url(self) -> str:
        return f"{self.graph_url.rstrip('/')}/{self.api_version.strip('/')}/{self.phone_number_id}/messages"


