"""No regular expression in Wijkwijzer backtracks super-linearly.

Every pattern is collected from the package itself, so a pattern added later is covered without
touching this test: the compiled patterns held by modules and classes (also inside tuples, dicts,
dataclasses and our own objects such as the understanding's gates and the dialogs' commands),
and every string literal passed to a ``re`` function in the source (``re.search(r"…", text)``).
Each is searched in adversarial texts of 10,000 and 100,000 characters (the shapes that make
backtracking patterns quadratic: long runs of digits, letters, spaces, digit-dash pairs,
"aanmeldcode " followed by digits, ...). Ten times the text may cost at most ``MAX_RATIO`` times
the time (linear: 10, quadratic: 100).

Inbound text is capped before any pattern runs (tests/adapters/test_bounded_input.py); this test
is what keeps the cost per character bounded below that cap.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import pkgutil
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import wijkwijzer

TINY, SMALL, LARGE = 1_000, 10_000, 100_000
MAX_RATIO = 30.0
"""Generous: linear time gives 10, a quadratic pattern 100."""
TINY_BUDGET_SECONDS, SMALL_BUDGET_SECONDS = 0.005, 1.0
"""Far beyond what a linear pattern needs (it searches 100,000 characters in a few ms)."""
NOISE_SECONDS = 0.005
"""A search of 100,000 characters faster than this passes whatever the ratio (timer resolution).
Times are the thread's CPU time, so other processes on a busy machine do not count."""

UNITS = ("1", "a", " ", "1-", "a-", "a.", "1 ", "Aa ", "x@y.")
PREFIXED = (("aanmeldcode ", "1"), ("uitnodigingscodes ", "1-"), ("wie is de ", "smw "))
"""Runs of one unit; and runs after the start of a command (the shape of issue 16's slow pattern)."""


def adversarial(size: int) -> Iterator[tuple[str, str]]:
    for prefix, unit in [("", unit) for unit in UNITS] + list(PREFIXED):
        text = prefix + unit * ((size - len(prefix)) // len(unit) + 1)
        yield f"{prefix!r}+{unit!r}*", text[:size]


def _modules() -> list[object]:
    names = [info.name for info in pkgutil.walk_packages(wijkwijzer.__path__, "wijkwijzer.")
             if ".migrations" not in info.name]
    return [importlib.import_module(name) for name in names]


def _walk(value: object, where: str, found: dict[tuple[str, int, str], str], depth: int = 0) -> None:
    if depth > 8:
        return
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            found.setdefault((value.pattern, value.flags, "search"), where)
        return
    if isinstance(value, str | bytes | int | float | bool | type(None) | type):
        return
    if isinstance(value, dict):
        if len(value) <= 10_000:
            for key, item in value.items():
                _walk(key, where, found, depth + 1)
                _walk(item, where, found, depth + 1)
        return
    if isinstance(value, list | tuple | set | frozenset):
        if len(value) <= 10_000:
            for item in value:
                _walk(item, where, found, depth + 1)
        return
    if dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            _walk(getattr(value, field.name, None), where, found, depth + 1)
        return
    if type(value).__module__.startswith("wijkwijzer.") and hasattr(value, "__dict__"):
        _walk(vars(value), where, found, depth + 1)


_RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split"}


def _flags(node: ast.expr | None) -> int | None:
    """The value of a flags argument made of ``re.X`` names and ``|``; None when it is anything else."""
    if node is None:
        return 0
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "re":
        flag = getattr(re, node.attr, None)
        return int(flag) if isinstance(flag, re.RegexFlag) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = _flags(node.left), _flags(node.right)
        return None if left is None or right is None else left | right
    return None


def _literal_patterns(path: Path, found: dict[tuple[str, int, str], str]) -> None:
    """String literals given to ``re.<function>`` anywhere in a module's source."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.func.attr in _RE_FUNCTIONS and node.args):
            continue
        first = node.args[0]
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            continue
        position = {"compile": 1, "sub": 3, "subn": 3, "split": 3}.get(node.func.attr, 2)
        flag_node = node.args[position] if len(node.args) > position else next(
            (k.value for k in node.keywords if k.arg == "flags"), None)
        flags = _flags(flag_node)
        if flags is not None:
            compiled = re.compile(first.value, flags)
            use = node.func.attr if node.func.attr in ("match", "fullmatch") else "search"
            found.setdefault((compiled.pattern, compiled.flags, use), f"{path.name}:{node.lineno}")


def all_patterns() -> dict[tuple[str, int, str], str]:
    """(pattern, flags, use) → where it was found, for every pattern of the package. ``use`` is
    ``match`` or ``fullmatch`` for a literal given to those functions (anchored at the start),
    else ``search``: a compiled pattern may be searched anywhere, the worst case."""
    found: dict[tuple[str, int, str], str] = {}
    for module in _modules():
        for name, value in vars(module).items():
            if isinstance(value, type) and value.__module__ == module.__name__:
                for attribute, member in vars(value).items():
                    _walk(member, f"{module.__name__}.{name}.{attribute}", found)
            elif not isinstance(value, type):
                _walk(value, f"{module.__name__}.{name}", found)
    for path in Path(wijkwijzer.__file__).parent.rglob("*.py"):
        if "migrations" not in path.parts:
            _literal_patterns(path, found)
    return found


def _seconds(search: Callable[[str], object], text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.thread_time()
        search(text)
        best = min(best, time.thread_time() - started)
    return best


def _scan(pattern: re.Pattern[str], use: str) -> Callable[[str], object]:
    """Every match, as ``sub``/``findall``/``finditer`` go through the whole text; or the one
    anchored try of ``match``/``fullmatch``."""
    if use != "search":
        return getattr(pattern, use)
    return lambda text: sum(1 for _ in pattern.finditer(text))


def test_the_collector_finds_the_patterns_of_commands_understanding_privacy_and_safety():
    from wijkwijzer.core import privacy, safety, understanding
    from wijkwijzer.dialogs import routes

    found = all_patterns()
    commands = [command.pattern for route in routes() for command in route.commands]
    assert commands and all((p.pattern, p.flags, "search") in found for p in commands)
    for module in (privacy, safety, understanding):
        own = [v for v in vars(module).values() if isinstance(v, re.Pattern)]
        assert own and all((p.pattern, p.flags, "search") in found for p in own), module.__name__
    assert any(where.startswith("privacy.py:") for where in found.values())  # literals in function bodies


def _too_slow(scan: Callable[[str], object], texts: dict[int, str]) -> str | None:
    """Why ``scan`` is not linear on these texts, or None. Sizes grow tenfold and stop early when
    one is already far too slow, so a quadratic or cubic pattern fails in seconds, not hours."""
    tiny = _seconds(scan, texts[TINY], 1)
    if tiny > TINY_BUDGET_SECONDS:
        return f"{tiny * 1000:.0f} ms at {TINY:,} characters"
    small = _seconds(scan, texts[SMALL], 1)
    if small > SMALL_BUDGET_SECONDS:
        return f"{small * 1000:.0f} ms at {SMALL:,} characters"
    large = _seconds(scan, texts[LARGE], 1)
    if large < NOISE_SECONDS:
        return None
    small, large = _seconds(scan, texts[SMALL], 3), min(large, _seconds(scan, texts[LARGE], 1))
    if large > MAX_RATIO * small:
        return f"{small * 1000:.1f} ms at {SMALL:,} characters, {large * 1000:.0f} ms at {LARGE:,}"
    return None


def test_every_pattern_takes_linear_time_on_adversarial_text():
    texts = {size: dict(adversarial(size)) for size in (TINY, SMALL, LARGE)}
    slow = []
    for (source, flags, use), where in sorted(all_patterns().items(), key=lambda item: item[1]):
        scan = _scan(re.compile(source, flags), use)
        for shape in texts[LARGE]:
            why = _too_slow(scan, {size: by_shape[shape] for size, by_shape in texts.items()})
            if why:
                slow.append(f"{where}: {source[:80]!r} on {shape}: {why}")
                break  # one shape is proof enough
    assert not slow, "patterns that backtrack super-linearly:\n" + "\n".join(slow)
