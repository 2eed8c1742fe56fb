"""The one cap on inbound text: the longest text any pattern, understanding or dialog sees.

Every channel cuts what it receives to :data:`MAX_TEXT` at its boundary (Teams activity text,
WhatsApp text and reply titles, the terminal, the console's form fields), and the agent cuts
again as the first step of a turn, so no pattern ever runs over more than this, whatever a
channel lets through. Every pattern is also linear (tests/test_patterns_are_linear.py)."""

from __future__ import annotations

MAX_TEXT = 4096
"""WhatsApp's own limit for a text message; Teams has none of its own."""


def capped(text: str | None) -> str:
    """``text`` cut to :data:`MAX_TEXT` characters ('' for None)."""
    return (text or "")[:MAX_TEXT]
