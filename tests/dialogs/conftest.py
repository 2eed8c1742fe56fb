"""A transcript helper: talk to the real agent through the console channel, assert on replies."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

import pytest

from wijkwijzer.adapters.console.adapter import ConsoleAdapter
from wijkwijzer.app.runtime import FixedProfile, create_runtime
from wijkwijzer.app.settings import Settings
from wijkwijzer.core.replies import ContactCard, choices_of, contact_cards_of
from wijkwijzer.core.services import Profile

TODAY = date(2026, 11, 22)


@dataclass
class Turn:
    texts: list[str]
    choices: list[str]
    cards: list[ContactCard] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    def has(self, *fragments: str) -> bool:
        lowered = self.text.lower()
        return all(f.lower() in lowered for f in fragments)


class Transcript:
    def __init__(self, adapter: ConsoleAdapter) -> None:
        self.adapter = adapter
        self.turns: list[Turn] = []

    async def send(self, text: str) -> Turn:
        replies = await self.adapter.send_text(text)
        turn = Turn(
            texts=[r.text or "" for r in replies],
            choices=[c for r in replies for c in choices_of(r)],
            cards=[c for r in replies for c in contact_cards_of(r)],
        )
        self.turns.append(turn)
        return turn


@pytest.fixture
async def make_chat(tmp_path):
    """``await make_chat(role="ib", wijk="Den Haag: Ypenburg")`` → a Transcript with its own conversation."""
    runtimes = []

    async def factory(role: str = "ib", wijk: str | None = None, conversation: str = "c1") -> Transcript:
        settings = Settings(state_dir=tmp_path, pseudonym_secret="test-secret")
        profile = Profile(user_id=f"user-{role}", role=role, wijk=wijk)
        runtime = await create_runtime(settings, FixedProfile(profile))
        runtime.agent.clock = lambda: datetime.combine(TODAY, time(12), UTC)
        runtimes.append(runtime)
        return Transcript(ConsoleAdapter(runtime.agent.on_turn, conversation_id=conversation))

    yield factory
    for runtime in runtimes:
        await runtime.close()


@pytest.fixture
async def chat(make_chat) -> Transcript:
    return await make_chat()


async def signal_report(make_chat) -> str:
    """The signal report as an adviseur sees it (its own conversation)."""
    adviseur = await make_chat(role="adviseur", conversation="adviseur")
    return (await adviseur.send("overzicht signalen")).text
