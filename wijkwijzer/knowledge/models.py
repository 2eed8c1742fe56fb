"""The knowledge base models: areas, schools, ketenpartners, the route graph and the glossary.

Two layers of models live here:

* the *file* models (``*File``) mirror the canonical YAML files under ``knowledge/data/``
  one to one, with the Dutch keys a reviewer at the SWV office reads;
* the *snapshot* models (``Area``, ``School``, ``Contact``, ``Step``, ``Term``) are what the
  rest of Wijkwijzer queries: flat, frozen, with stable ids.

Area ids are human-readable references, also used inside the canonical files:

* a gemeente: its name, ``"Den Haag"``;
* a stadsdeel or kern: ``"Den Haag: stadsdeel Centrum"``, ``"Leidschendam-Voorburg: kern Voorburg"``;
* a wijk: ``"Den Haag: Centrum"``, ``"Rijswijk: Oud Rijswijk"``.

A wijk and a stadsdeel may share a name (Centrum, Scheveningen); the prefix keeps them apart.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from wijkwijzer.knowledge.vocabulary import EXPERTISE_TAGS, ROLE_IDS, ROLES_BY_ID

ROUTES: tuple[str, ...] = ("algemeen", "verzuim", "meldcode")
RouteName = Literal["algemeen", "verzuim", "meldcode"]

def _known_role(value: str) -> str:
    if value not in ROLES_BY_ID:
        raise ValueError(f"onbekende rol '{value}'; bekend zijn: {', '.join(ROLE_IDS)}")
    return value


RoleId = Annotated[str, AfterValidator(_known_role)]
"""A ketenpartner role id of the vocabulary (``knowledge.vocabulary.PARTNER_ROLES``)."""

AreaKind = Literal["gemeente", "stadsdeel", "kern", "wijk"]

_PC4 = re.compile(r"^[1-9][0-9]{3}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 -]{2,19}$")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


def _check_pc4(values: tuple[str, ...]) -> tuple[str, ...]:
    for value in values:
        if not _PC4.match(value):
            raise ValueError(f"'{value}' is geen postcode van 4 cijfers")
    return values


# ───────────────────────────── areas ─────────────────────────────


class WijkFile(_Model):
    naam: str = Field(min_length=1)
    aliassen: tuple[str, ...] = ()
    pc4: tuple[str, ...] = ()
    pilot: bool = False

    _pc4 = field_validator("pc4")(_check_pc4)


class DeelFile(_Model):
    """A stadsdeel (Den Haag) or a kern (Leidschendam-Voorburg) with its wijken."""

    naam: str = Field(min_length=1)
    soort: Literal["stadsdeel", "kern"]
    aliassen: tuple[str, ...] = ()
    pc4: tuple[str, ...] = ()
    pilot: bool = False
    wijken: tuple[WijkFile, ...] = ()

    _pc4 = field_validator("pc4")(_check_pc4)


class GemeenteFile(_Model):
    naam: str = Field(min_length=1)
    aliassen: tuple[str, ...] = ()
    pc4: tuple[str, ...] = ()
    pilot: bool = False
    delen: tuple[DeelFile, ...] = ()
    wijken: tuple[WijkFile, ...] = Field(default=(), description="wijken directly under the gemeente")

    _pc4 = field_validator("pc4")(_check_pc4)


class GebiedenFile(_Model):
    gemeenten: tuple[GemeenteFile, ...]


class Area(_Model):
    """A gemeente, stadsdeel, kern or wijk, flattened, with its parents by id."""

    id: str
    naam: str
    soort: AreaKind
    gemeente: str
    deel: str | None = None
    aliassen: tuple[str, ...] = ()
    pc4: tuple[str, ...] = ()
    pilot: bool = False

    @property
    def display(self) -> str:
        if self.soort == "gemeente" or self.naam == self.gemeente:
            return self.naam
        return f"{self.naam} ({self.gemeente})"


def gemeente_id(naam: str) -> str:
    return naam


def deel_id(gemeente: str, soort: str, naam: str) -> str:
    return f"{gemeente}: {soort} {naam}"


def wijk_id(gemeente: str, naam: str) -> str:
    return f"{gemeente}: {naam}"


# ───────────────────────────── schools ─────────────────────────────


class IbContact(_Model):
    naam: str = Field(min_length=1)
    telefoon: str | None = None
    email: str | None = None

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not _EMAIL.match(value):
            raise ValueError(f"'{value}' is geen geldig e-mailadres")
        return value

    @field_validator("telefoon")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        if value is not None and not _PHONE.match(value):
            raise ValueError(f"'{value}' is geen geldig telefoonnummer")
        return value


class School(_Model):
    naam: str = Field(min_length=1)
    bestuur: str | None = None
    wijk: str = Field(description="area id of the wijk the school is in")
    adres: str | None = None
    expertise: tuple[str, ...] = ()
    ib: IbContact | None = None
    opmerking: str | None = None

    @field_validator("expertise")
    @classmethod
    def _tags(cls, tags: tuple[str, ...]) -> tuple[str, ...]:
        for tag in tags:
            if tag not in EXPERTISE_TAGS:
                raise ValueError(f"onbekende expertise '{tag}'")
        return tags

    @property
    def id(self) -> str:
        return self.naam


class ScholenFile(_Model):
    scholen: tuple[School, ...]


# ───────────────────────────── ketenpartners ─────────────────────────────


# ContactFile and Loket borrow IbContact's validators through pydantic: docs/performance.md (B5).
class ContactFile(_Model):
    naam: str = Field(min_length=1)
    rol: RoleId
    functie: str = Field(min_length=1, description="the role as the office writes it, e.g. jeugdarts")
    werkgebied: tuple[str, ...] = Field(min_length=1, description="area ids")
    scholen: tuple[str, ...] = ()
    telefoon: str | None = None
    email: str | None = None
    bereikbaar: str | None = None
    laatst_gecontroleerd: date | None = None
    opmerking: str | None = None

    _email = field_validator("email")(IbContact._email.__func__)  # type: ignore[attr-defined]
    _phone = field_validator("telefoon")(IbContact._phone.__func__)  # type: ignore[attr-defined]


class OrganisatieFile(_Model):
    naam: str = Field(min_length=1)
    contacten: tuple[ContactFile, ...] = ()


class KetenpartnersFile(_Model):
    organisaties: tuple[OrganisatieFile, ...]


class Contact(_Model):
    """One ketenpartner contact (a person, or a line such as Veilig Thuis)."""

    id: str
    naam: str
    rol: RoleId
    functie: str
    organisatie: str
    werkgebied: tuple[str, ...]
    scholen: tuple[str, ...] = ()
    telefoon: str | None = None
    email: str | None = None
    bereikbaar: str | None = None
    laatst_gecontroleerd: date | None = None
    opmerking: str | None = None


def contact_id(organisatie: str, naam: str) -> str:
    return f"{organisatie}: {naam}"


# ───────────────────────────── the SWV itself ─────────────────────────────


class Loket(_Model):
    """The SWV's own desk: where a person of the SWV answers ("ik wil een mens spreken")."""

    naam: str = Field(min_length=1, description="as the bot shows it, e.g. 'Loket SWV Kust & Vliet'")
    telefoon: str | None = None
    email: str | None = None
    bereikbaar: str | None = None
    opmerking: str | None = Field(default=None, description="one short line for the user, e.g. what to ask there")

    _email = field_validator("email")(IbContact._email.__func__)  # type: ignore[attr-defined]
    _phone = field_validator("telefoon")(IbContact._phone.__func__)  # type: ignore[attr-defined]

    @model_validator(mode="after")
    def _reachable(self) -> Loket:
        if not self.telefoon and not self.email:
            raise ValueError("een loket heeft een telefoonnummer of een e-mailadres nodig")
        return self


class SwvFile(_Model):
    """``swv.yaml``: the samenwerkingsverband and its loket. Kept by hand: the spreadsheets have no place for it."""

    naam: str = Field(min_length=1)
    loket: Loket


# ───────────────────────────── route ─────────────────────────────


class RouteRole(_Model):
    id: str
    naam: str
    kb_rol: RoleId | None = None


class RouteEntry(_Model):
    route: RouteName
    titel: str
    start: str
    trefwoorden: tuple[str, ...] = ()


class RouteOption(_Model):
    label: str = Field(min_length=1, max_length=20)
    volgende: str


class Step(_Model):
    id: str = Field(pattern=r"^(algemeen|verzuim|meldcode)\.[a-z0-9_]+$")
    route: RouteName
    titel: str
    uitleg: str
    betrokken_rollen: tuple[str, ...] = ()
    documenten: tuple[str, ...] = ()
    vraag: str | None = None
    opties: tuple[RouteOption, ...] = ()
    bron: tuple[str, ...] = ()
    status: Literal["wet", "praktijk", "gemengd"]
    wet: str | None = None
    termijn: str | None = None
    trefwoorden: tuple[str, ...] = ()
    einde: bool = False


class RouteFile(_Model):
    versie: int
    bijgewerkt: str
    taal: str
    rollen: tuple[RouteRole, ...]
    ingangen: tuple[RouteEntry, ...]
    stappen: tuple[Step, ...]


# ───────────────────────────── glossary ─────────────────────────────


class Term(_Model):
    term: str
    synoniemen: tuple[str, ...] = ()
    uitleg: str
    wettelijk: bool = False
    bron: tuple[str, ...] = ()
    route_stap: str | None = None
    opmerking: str | None = None


class BegrippenFile(_Model):
    versie: int
    bijgewerkt: str
    taal: str
    begrippen: tuple[Term, ...]
