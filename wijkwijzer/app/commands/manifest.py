"""``wijkwijzer manifest build``: the Teams app package (zip) to upload in Teams."""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from wijkwijzer.adapters.teams.manifest import Developer, ManifestError, build_package

DEFAULT_OUT = Path("wijkwijzer-teams.zip")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("manifest", help="het Teams-app-pakket maken")
    actions = parser.add_subparsers(dest="manifest_action", metavar="ACTIE")
    build = actions.add_parser("build", help="vul bot-id en versie in, controleer en schrijf het zip-bestand")
    build.add_argument("--bot-id", help="de Microsoft App ID van de Azure Bot-registratie (een GUID)")
    build.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"het zip-bestand (standaard {DEFAULT_OUT})")
    build.add_argument("--version", help="versie van de app, X.Y.Z (standaard de versie van Wijkwijzer)")
    build.add_argument("--template", type=Path, help="eigen map met manifest.json, color.png en outline.png")
    build.add_argument("--developer", help="naam van het samenwerkingsverband zoals Teams die toont (max. 32 tekens)")
    build.add_argument("--website", help="https-adres van de website over Wijkwijzer")
    build.add_argument("--privacy-url", help="https-adres van de privacyverklaring")
    build.add_argument("--terms-url", help="https-adres van de gebruiksvoorwaarden")
    build.set_defaults(handler=run_build)
    parser.set_defaults(handler=lambda args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _package_version() -> str:
    try:
        return version("wijkwijzer")
    except PackageNotFoundError:
        return "0.1.0"


def run_build(args: argparse.Namespace) -> int:
    if not args.bot_id:
        print("Geef de bot-id op met --bot-id (de Microsoft App ID van de Azure Bot-registratie).", file=sys.stderr)
        return 2
    try:
        developer = Developer(name=args.developer, website=args.website, privacy_url=args.privacy_url,
                              terms_url=args.terms_url)
        out = build_package(bot_id=args.bot_id.strip(), version=args.version or _package_version(), out=args.out,
                            template=args.template, developer=developer)
    except ManifestError as error:
        print("Het Teams-app-pakket is niet gemaakt:", file=sys.stderr)
        for problem in error.problems:
            print(f"- {problem}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"Kan {args.out} niet schrijven: {error.strerror}.", file=sys.stderr)
        return 2
    print(f"Klaar: {out}. Upload dit bestand in Teams (Apps > Apps beheren > Een app uploaden).")
    return 0
