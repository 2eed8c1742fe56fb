"""``wijkwijzer manifest build``: the Teams app package and its checks."""

from __future__ import annotations

import importlib.util
import json
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from wijkwijzer.adapters.teams.manifest import (
    CURRENT_MANIFEST_VERSION,
    Developer,
    check_manifest,
    fill_in,
    load_template,
    png_info,
    template_dir,
)
from wijkwijzer.app.cli import main

BOT_ID = "8c1f5a2e-3b4d-4e6f-9a0b-1c2d3e4f5a6b"
ROOT = Path(__file__).resolve().parents[2]
OLD_SCHEMA = "https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json"


def _icons_module():
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "manifest" / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SWV = Developer(name="SWV PPO Den Haag", website="https://www.swv-denhaag.nl/wijkwijzer",
                privacy_url="https://www.swv-denhaag.nl/privacy", terms_url="https://www.swv-denhaag.nl/voorwaarden")
SWV_ARGS = ["--developer", SWV.name, "--website", SWV.website, "--privacy-url", SWV.privacy_url,
            "--terms-url", SWV.terms_url]


def filled() -> tuple[dict, dict[str, bytes]]:
    manifest, icons = load_template(template_dir())
    return fill_in(manifest, bot_id=BOT_ID, version="1.2.3", developer=SWV), icons


def test_build_writes_a_zip_ready_to_upload(tmp_path, capsys):
    out = tmp_path / "teams.zip"
    assert main(["manifest", "build", "--bot-id", BOT_ID, "--out", str(out), "--version", "1.2.3", *SWV_ARGS]) == 0
    assert "Klaar" in capsys.readouterr().out
    with zipfile.ZipFile(out) as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(package.read("manifest.json"))
        color, outline = png_info(package.read("color.png")), png_info(package.read("outline.png"))
    assert manifest["id"] == BOT_ID and manifest["bots"][0]["botId"] == BOT_ID
    assert manifest["version"] == "1.2.3"
    assert manifest["developer"] == {"name": SWV.name, "websiteUrl": SWV.website, "privacyUrl": SWV.privacy_url,
                                     "termsOfUseUrl": SWV.terms_url}
    assert manifest["manifestVersion"] == CURRENT_MANIFEST_VERSION
    assert f"/v{CURRENT_MANIFEST_VERSION}/" in manifest["$schema"]
    assert manifest["bots"][0]["scopes"] == ["personal", "groupChat", "team"]
    commands = [c["title"] for c in manifest["bots"][0]["commandLists"][0]["commands"]]
    assert commands == ["help", "ketenpartner", "route", "signaal"]
    assert manifest["localizationInfo"]["defaultLanguageTag"] == "nl-nl"
    assert "ondersteuningsroute" in manifest["description"]["full"]
    assert (color.width, color.height) == (192, 192)
    assert (outline.width, outline.height, outline.has_alpha, outline.top_left_alpha) == (32, 32, True, 0)


def test_the_shipped_template_passes_every_check():
    manifest, icons = filled()
    assert check_manifest(manifest, icons) == []


def test_the_example_developer_urls_of_the_template_are_refused_with_the_option_to_use(tmp_path, capsys):
    out = tmp_path / "teams.zip"
    assert main(["manifest", "build", "--bot-id", BOT_ID, "--out", str(out), "--developer", SWV.name]) == 2
    err = capsys.readouterr().err
    for option in ("--website", "--privacy-url", "--terms-url"):
        assert f"met {option}" in err
    assert "example.nl" in err and not out.exists()


def test_template_and_icons_ship_as_package_data():
    assert {"manifest.json", "color.png", "outline.png"} <= {p.name for p in template_dir().iterdir()}
    assert '"wijkwijzer.adapters.teams" = ["app_package/*.json", "app_package/*.png"]' in (ROOT / "pyproject.toml").read_text()


@pytest.mark.parametrize("args,message", [
    (["--bot-id", "not-a-guid"], "geen GUID"),
    (["--bot-id", "8c1f5a2e3b4d4e6f9a0b1c2d3e4f5a6b"], "geen GUID"),
    (["--bot-id", BOT_ID, "--version", "1.0"], "X.Y.Z"),
    (["--bot-id", BOT_ID, "--version", "01.0.0"], "X.Y.Z"),
    ([], "--bot-id"),
])
def test_bad_input_gets_a_dutch_error_and_exit_code_2(tmp_path, capsys, args, message):
    out = tmp_path / "teams.zip"
    assert main(["manifest", "build", "--out", str(out), *args]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_manifest_without_action_shows_help_and_exit_code_2(capsys):
    assert main(["manifest"]) == 2


@pytest.mark.parametrize("change,message", [
    (lambda m: m.pop("accentColor"), "accentColor"),
    (lambda m: m["description"].pop("full"), "description.full ontbreekt"),
    (lambda m: m["developer"].update(privacyUrl="http://example.nl/privacy"), "developer.privacyUrl"),
    (lambda m: m["name"].update(short="Wijkwijzer voor het hele samenwerkingsverband"), "het maximum is 30"),
    (lambda m: m.update({"$schema": OLD_SCHEMA}),
     "hoort bij versie 1.22"),
    (lambda m: m.update(manifestVersion="1.18"), "wordt niet ondersteund"),
    (lambda m: m.update({"$schema": "https://evil.example/schema.json"}), "$schema moet"),
    (lambda m: m["bots"][0].update(scopes=["personal"]), "groupChat, team"),
    (lambda m: m["bots"][0].update(botId="123"), "botId '123' is geen GUID"),
    (lambda m: m.pop("bots"), "precies één bot"),
    (lambda m: m["icons"].pop("outline"), "icons.outline ontbreekt"),
])
def test_check_reports_what_is_wrong(change, message):
    manifest, icons = filled()
    change(manifest)
    problems = check_manifest(manifest, icons)
    assert any(message in problem for problem in problems), problems


def test_icon_sizes_are_read_from_the_png_header():
    manifest, icons = filled()
    swapped = {"color.png": icons["outline.png"], "outline.png": icons["color.png"]}
    problems = check_manifest(manifest, swapped)
    assert any("kleuricoon 'color.png' is 32×32; dat moet 192×192" in p for p in problems)
    assert any("outline-icoon 'outline.png' is 192×192; dat moet 32×32" in p for p in problems)


def test_outline_icon_must_have_a_transparent_background():
    icons_module = _icons_module()
    manifest, icons = filled()
    opaque = icons_module.png(32, 32, lambda x, y: (255, 255, 255, 255))
    problems = check_manifest(manifest, {**icons, "outline.png": opaque})
    assert problems == ["Het outline-icoon 'outline.png' moet een transparante achtergrond hebben."]
    assert "geen PNG" in check_manifest(manifest, {**icons, "outline.png": b"GIF89a"})[0]


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@pytest.mark.parametrize("filter_type", range(5))
@pytest.mark.parametrize("alpha", [0, 200])
def test_top_left_alpha_is_read_whatever_the_row_filter(filter_type, alpha):
    raw = bytes([filter_type, 10, 20, 30, alpha, 1, 1, 1, 1, filter_type]) + bytes(8)
    ihdr = struct.pack(">IIBBBBB", 2, 2, 8, 6, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(raw)) + _chunk(b"IEND", b"")
    assert png_info(data).top_left_alpha == alpha


def test_own_template_folder_is_checked_too(tmp_path, capsys):
    template = tmp_path / "sjabloon"
    shutil.copytree(template_dir(), template)
    manifest = json.loads((template / "manifest.json").read_text())
    manifest["name"]["short"] = ""
    (template / "manifest.json").write_text(json.dumps(manifest))
    (template / "color.png").unlink()
    out = tmp_path / "x.zip"
    code = main(["manifest", "build", "--bot-id", BOT_ID, "--template", str(template), "--out", str(out), *SWV_ARGS])
    err = capsys.readouterr().err
    assert code == 2
    assert "name.short ontbreekt" in err and "kleuricoon 'color.png' ontbreekt" in err


def test_committed_icons_are_what_the_generator_draws():
    icons_module = _icons_module()
    assert (template_dir() / "color.png").read_bytes() == icons_module.png(192, 192, icons_module.color_pixel)
    assert (template_dir() / "outline.png").read_bytes() == icons_module.png(32, 32, icons_module.outline_pixel)
