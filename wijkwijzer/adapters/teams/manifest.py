"""The Teams app package: fill in the bot id and version, check the result, write the zip.

The template (``wijkwijzer/adapters/teams/app_package/manifest.json`` with ``color.png`` and ``outline.png``)
ships with the package. Checks follow the Teams app manifest schema (v1.30, the current
version in August 2026; 1.13 up to 1.30 are accepted, 1.18 never existed): the required
fields and their lengths, GUIDs, a semantic version, ``$schema`` matching ``manifestVersion``,
the bot scopes, the icons read from their PNG headers (colour 192×192, outline 32×32 with
a transparent background), and developer URLs that are not the template's example.nl
placeholders (Teams shows them, and the privacy statement is the AVG one users must be able to
read). Every problem is reported in Dutch, all at once.
"""

from __future__ import annotations

import json
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CURRENT_MANIFEST_VERSION = "1.30"
SUPPORTED_MANIFEST_VERSIONS = frozenset(f"1.{minor}" for minor in range(13, 31) if minor != 18)
SCHEMA_URL = re.compile(
    r"^https://developer\.microsoft\.com/(?:en-us/)?json-schemas/teams/"
    r"v(?P<version>[0-9.]+)/MicrosoftTeams\.schema\.json$"
)
GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
HTTPS = re.compile(r"^https://", re.IGNORECASE)
PLACEHOLDER_HOST = re.compile(r"(^|\.)example(\.[a-z]+)?$", re.IGNORECASE)
DEVELOPER_URLS = {"websiteUrl": "--website", "privacyUrl": "--privacy-url", "termsOfUseUrl": "--terms-url"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ICON_SIZES = {"color": (192, 192), "outline": (32, 32)}
BOT_SCOPES = ("personal", "groupChat", "team")
REQUIRED_TEXT = {("name", "short"): 30, ("description", "short"): 80, ("description", "full"): 4000,
                 ("developer", "name"): 32}
OPTIONAL_TEXT = {("name", "full"): 100}


class ManifestError(Exception):
    """The package cannot be built; ``problems`` says why, in Dutch."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class PngInfo:
    width: int
    height: int
    color_type: int
    bit_depth: int
    top_left_alpha: int | None

    @property
    def has_alpha(self) -> bool:
        return self.color_type in (4, 6)


def template_dir() -> Path:
    return Path(str(resources.files("wijkwijzer.adapters.teams") / "app_package"))


def png_info(data: bytes) -> PngInfo:
    """Size and colour type from the IHDR chunk, and the alpha of the top-left pixel.

    The first pixel of the first row is stored unfiltered whatever the row's filter type (all
    predictors are zero there), so decompressing the first bytes of IDAT is enough.
    """
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError("geen PNG-bestand")
    width, height, bit_depth, color_type = struct.unpack(">IIBB", data[16:26])
    return PngInfo(width, height, color_type, bit_depth, _top_left_alpha(data, color_type, bit_depth))


def _top_left_alpha(data: bytes, color_type: int, bit_depth: int) -> int | None:
    if color_type not in (4, 6) or bit_depth not in (8, 16):
        return None
    idat = b"".join(body for kind, body in _chunks(data) if kind == b"IDAT")
    try:
        first = zlib.decompressobj().decompress(idat, 16)
    except zlib.error:
        return None
    channels = 2 if color_type == 4 else 4
    size = bit_depth // 8
    offset = 1 + (channels - 1) * size
    return first[offset] if len(first) > offset else None


def _chunks(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    position = len(PNG_SIGNATURE)
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        yield kind, data[position + 8:position + 8 + length]
        position += 12 + length


def load_template(directory: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The manifest template and the icon files it names, from ``directory``."""
    try:
        manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError([f"Geen manifest.json gevonden in {directory}."]) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise ManifestError([f"manifest.json in {directory} is geen geldige JSON: {error}."]) from None
    if not isinstance(manifest, dict):
        raise ManifestError(["manifest.json moet een JSON-object zijn."])
    icons: dict[str, bytes] = {}
    for name in _icon_files(manifest).values():
        path = directory / name
        if "/" in name or "\\" in name or not path.is_file():
            continue
        icons[name] = path.read_bytes()
    return manifest, icons


def _icon_files(manifest: dict[str, Any]) -> dict[str, str]:
    icons = _section(manifest, "icons")
    return {kind: icons[kind] for kind in ICON_SIZES if isinstance(icons.get(kind), str)}


def _section(manifest: dict[str, Any], key: str) -> dict[str, Any]:
    """The object under ``key``, or an empty one when it is missing or not an object."""
    value = manifest.get(key)
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class Developer:
    """The samenwerkingsverband as Teams shows it in the app details; None keeps the template's."""

    name: str | None = None
    website: str | None = None
    privacy_url: str | None = None
    terms_url: str | None = None


def fill_in(manifest: dict[str, Any], *, bot_id: str, version: str,
            developer: Developer | None = None) -> dict[str, Any]:
    """The app id and every bot's id become ``bot_id``; the app version becomes ``version``; the
    developer fields that are given replace the template's."""
    filled: dict[str, Any] = json.loads(json.dumps(manifest))
    filled["id"] = bot_id
    filled["version"] = version
    given = developer or Developer()
    fields = {"name": given.name, "websiteUrl": given.website, "privacyUrl": given.privacy_url,
              "termsOfUseUrl": given.terms_url}
    filled["developer"] = _section(filled, "developer")
    filled["developer"].update({key: value.strip() for key, value in fields.items() if value})
    for bot in filled.get("bots") or []:
        if isinstance(bot, dict):
            bot["botId"] = bot_id
    return filled


def check_manifest(manifest: dict[str, Any], icons: dict[str, bytes]) -> list[str]:
    """Every problem with the manifest and its icons, in Dutch; empty when it is fine."""
    return [*_check_versions(manifest), *_check_required(manifest), *_check_bots(manifest),
            *_check_icons(manifest, icons)]


def _check_versions(manifest: dict[str, Any]) -> list[str]:
    problems = []
    version = manifest.get("manifestVersion")
    if version not in SUPPORTED_MANIFEST_VERSIONS:
        problems.append(f"manifestVersion '{version}' wordt niet ondersteund; gebruik {CURRENT_MANIFEST_VERSION}.")
    match = SCHEMA_URL.match(str(manifest.get("$schema", "")))
    if not match:
        problems.append("$schema moet de URL van het Teams-manifestschema zijn "
                        f"(https://developer.microsoft.com/json-schemas/teams/v{CURRENT_MANIFEST_VERSION}/"
                        "MicrosoftTeams.schema.json).")
    elif match["version"] != version:
        problems.append(f"$schema hoort bij versie {match['version']}, maar manifestVersion is '{version}'.")
    if not SEMVER.match(str(manifest.get("version", ""))):
        problems.append(f"version '{manifest.get('version')}' moet de vorm X.Y.Z hebben, bijvoorbeeld 1.0.0.")
    if not GUID.match(str(manifest.get("id", ""))):
        problems.append(f"id '{manifest.get('id')}' is geen GUID (zoals 00000000-0000-0000-0000-000000000000).")
    return problems


def _text(manifest: dict[str, Any], section: str, key: str) -> Any:
    value = manifest.get(section)
    return value.get(key) if isinstance(value, dict) else None


def _check_required(manifest: dict[str, Any]) -> list[str]:
    problems = []
    for (section, key), limit in {**REQUIRED_TEXT, **OPTIONAL_TEXT}.items():
        value = _text(manifest, section, key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if (section, key) in REQUIRED_TEXT:
                problems.append(f"{section}.{key} ontbreekt.")
        elif not isinstance(value, str):
            problems.append(f"{section}.{key} moet tekst zijn.")
        elif len(value) > limit:
            problems.append(f"{section}.{key} is {len(value)} tekens; het maximum is {limit}.")
    developer = _section(manifest, "developer")
    for key, option in DEVELOPER_URLS.items():
        url = str(developer.get(key, ""))
        if not HTTPS.match(url):
            problems.append(f"developer.{key} ontbreekt of begint niet met https://.")
        elif PLACEHOLDER_HOST.search(urlsplit(url).hostname or ""):
            problems.append(f"developer.{key} is nog het voorbeeld {url}. "
                            f"Geef de echte pagina van je samenwerkingsverband op met {option}.")
    if not HEX_COLOR.match(str(manifest.get("accentColor", ""))):
        problems.append("accentColor moet een kleur zijn zoals #1B6F7A.")
    for kind in ICON_SIZES:
        if kind not in _icon_files(manifest):
            problems.append(f"icons.{kind} ontbreekt.")
    return problems


def _check_bots(manifest: dict[str, Any]) -> list[str]:
    bots = manifest.get("bots")
    if not isinstance(bots, list) or len(bots) != 1 or not isinstance(bots[0], dict):
        return ["bots moet precies één bot bevatten."]
    bot = bots[0]
    problems = []
    if not GUID.match(str(bot.get("botId", ""))):
        problems.append(f"bots[0].botId '{bot.get('botId')}' is geen GUID.")
    missing = [scope for scope in BOT_SCOPES if scope not in (bot.get("scopes") or [])]
    if missing:
        problems.append(f"bots[0].scopes mist: {', '.join(missing)}.")
    for commands in bot.get("commandLists") or []:
        if len(commands.get("commands") or []) > 10:
            problems.append("Een commandolijst mag hoogstens 10 commando's hebben.")
    return problems


def _check_icons(manifest: dict[str, Any], icons: dict[str, bytes]) -> list[str]:
    problems = []
    for kind, name in _icon_files(manifest).items():
        label = "kleuricoon" if kind == "color" else "outline-icoon"
        if name not in icons:
            problems.append(f"Het {label} '{name}' ontbreekt in de map van het sjabloon.")
            continue
        try:
            info = png_info(icons[name])
        except ValueError:
            problems.append(f"Het {label} '{name}' is geen PNG-bestand.")
            continue
        expected = ICON_SIZES[kind]
        if (info.width, info.height) != expected:
            problems.append(f"Het {label} '{name}' is {info.width}×{info.height}; "
                            f"dat moet {expected[0]}×{expected[1]} zijn.")
        if kind == "outline" and (not info.has_alpha or info.top_left_alpha != 0):
            problems.append(f"Het {label} '{name}' moet een transparante achtergrond hebben.")
    return problems


def build_package(*, bot_id: str, version: str, out: Path, template: Path | None = None,
                  developer: Developer | None = None) -> Path:
    """Check everything, then write the zip: manifest.json and the two icons at its root."""
    problems = []
    if not GUID.match(bot_id or ""):
        problems.append(f"De bot-id '{bot_id}' is geen GUID. "
                        "Je vindt de id (Microsoft App ID) bij de Azure Bot-registratie.")
    if not SEMVER.match(version or ""):
        problems.append(f"De versie '{version}' moet de vorm X.Y.Z hebben, bijvoorbeeld 1.0.0.")
    if problems:
        raise ManifestError(problems)
    manifest, icons = load_template(template or template_dir())
    filled = fill_in(manifest, bot_id=bot_id, version=version, developer=developer)
    problems = check_manifest(filled, icons)
    if problems:
        raise ManifestError(problems)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(filled, ensure_ascii=False, indent=2))
        for name in _icon_files(filled).values():
            package.writestr(name, icons[name])
    return out
