"""settings: part of the teams channel (see the package docstring)."""


from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

CHANNEL = "msteams"
ADAPTIVE_CARD_TYPE = "application/vnd.microsoft.card.adaptive"
ADAPTIVE_CARD_VERSION = "1.5"
DEFAULT_SERVICE_URL_HOSTS = ("smba.trafficmanager.net", "botframework.com")
GROUP_CONVERSATIONS = frozenset({"groupChat", "channel"})
CHOICE_MARKER = "wijkwijzer"
SERVICE_URL_CLAIM = "serviceurl"

APOLOGY = "Sorry, er ging iets mis aan mijn kant. Probeer het straks nog eens, of typ 'help'."
FOREIGN_TENANT = (
    "Sorry, Wijkwijzer is alleen te gebruiken door medewerkers van de organisaties die meedoen "
    "met het samenwerkingsverband. Denk je dat dit niet klopt? Vraag het je adviseur passend onderwijs."
)
CHOOSE = "Kies een optie:"
CARD_ACTION_UNKNOWN = "Deze knop ken ik niet. Typ je vraag, dan help ik je verder."


class TeamsSettings(BaseSettings):
    """Teams configuration, from ``WIJKWIJZER_TEAMS_*`` environment variables (docs/configuration.md)."""

    model_config = SettingsConfigDict(env_prefix="WIJKWIJZER_", env_file=".env", extra="ignore")

    teams_app_id: str | None = Field(default=None, description="Microsoft app id of the bot (token audience)")
    teams_app_password: SecretStr | None = Field(default=None, description="client secret of the app")
    teams_certificate_file: Path | None = Field(default=None, description="PFX certificate instead of a password")
    teams_tenant_id: str | None = Field(default=None, description="Entra tenant of the app registration")
    teams_allowed_tenants: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="tenant ids whose users may use the bot; default the app's tenant"
    )
    teams_anonymous: bool = Field(default=False, description="development only: accept requests without a token")
    teams_service_url_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(DEFAULT_SERVICE_URL_HOSTS),
        description="hosts (and their subdomains) an activity's serviceUrl may point at",
    )
    teams_outbox_rate: float = Field(default=20.0, gt=0, description="announcements per second per delivery worker")
    teams_recipient_interval: float = Field(
        default=1.0, ge=0, description="seconds between two announcements to one Teams chat (Teams allows 7/s)"
    )

    @field_validator("teams_allowed_tenants", "teams_service_url_hosts", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    def allowed_tenants(self) -> frozenset[str]:
        tenants = self.teams_allowed_tenants or ([self.teams_tenant_id] if self.teams_tenant_id else [])
        return frozenset(t.strip().lower() for t in tenants if t.strip())

    def has_credential(self) -> bool:
        return bool(self.teams_app_password or self.teams_certificate_file)


