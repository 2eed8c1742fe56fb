"""Instructions per turn, under callgrind: a figure that does not move with the machine's load.

    .venv/bin/python bench/instructions.py [--requests 200] [--concurrency 1] [--targets echo,teams,wa-floor,whatsapp]

The wall-clock channel bench (``bench/channels.py``) scatters by a third on a shared VM. This one
runs each target's server (the same servers as ``channels.py``) under
``valgrind --tool=callgrind --instr-atstart=no``, sends the same warm-up, switches instruction
counting on with ``callgrind_control -i on`` for the measured requests only, and divides the
count by their number. The same code gives the same figure to within about 2 % (hash seeds and
address layout differ per run), where wall-clock figures on a shared VM differ by a third.
Instructions are not time (cache misses and branch mispredictions cost extra, and a Teams turn
has more of them per instruction than an echo turn), so this is for comparing changes; the
target itself is measured by ``channels.py``. Needs valgrind (``callgrind_control`` comes with
it); each target takes 15-60 seconds. The WhatsApp targets count until the last reply reached
the fake Graph API (which runs outside valgrind), since their turns run after the webhook's 200.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import channels  # the servers and the request bodies (a sibling module: bench/ is on sys.path)

TARGETS = ("echo", "teams", "wa-floor", "whatsapp")


def measure(target: str, requests: int, concurrency: int) -> float:
    """Instructions per measured request of ``target``'s server process."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "callgrind.out"
        env = {**os.environ, "PYTHONWARNINGS": "ignore"}
        graph, graph_url = None, None
        if target in channels.WHATSAPP_TARGETS:
            graph, graph_port = channels.start_server("graph")
            graph_url = env["BENCH_GRAPH_URL"] = f"http://127.0.0.1:{graph_port}"
        server = subprocess.Popen(
            ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
             sys.executable, channels.__file__, "--serve", target],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        try:
            line = server.stdout.readline()
            if not line.startswith("READY "):
                raise SystemExit(f"server {target} did not start under valgrind")
            path = "/api/whatsapp" if graph_url else "/api/messages"
            url = f"http://127.0.0.1:{int(line.split()[1])}{path}"
            # WhatsApp turns run after the 200 and share one SQLite connection: under valgrind, 256
            # at once would wait past the pool's timeout, so they warm up at concurrency 32.
            warmup_concurrency = 32 if graph_url else channels.USERS
            asyncio.run(send(target, url, channels.USERS * 2, warmup_concurrency, "warmup", graph_url))
            counting(server.pid, True)
            asyncio.run(send(target, url, requests, concurrency, "measure", graph_url))
            counting(server.pid, False)
        finally:
            for process in (server, graph):
                if process is not None:
                    process.send_signal(signal.SIGTERM)
                    process.wait(timeout=120)
        return total_instructions(out) / requests


async def send(target: str, url: str, total: int, concurrency: int, run: str, graph_url: str | None = None) -> None:
    """Like channels.load's warm-up: every user's first contact before any second one (and, for
    WhatsApp, its replies) before any second one."""
    from aiohttp import ClientSession, TCPConnector

    async with ClientSession(connector=TCPConnector(limit=concurrency)) as session:
        for first in range(0, total, channels.USERS):
            _, errors = await channels.run_requests(
                session, target, url, min(channels.USERS, total - first), concurrency, run, first)
            if errors:
                raise SystemExit(f"{target}: {errors} requests failed")
            if graph_url:
                await channels.replies_settled(session, graph_url)


def counting(pid: int, on: bool) -> None:
    subprocess.run(["callgrind_control", "-i", "on" if on else "off", str(pid)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def total_instructions(out: Path) -> int:
    """The ``totals:`` line of every dump callgrind wrote for the process (one per thread part)."""
    total = 0
    for dump in out.parent.glob(out.name + "*"):
        for line in dump.read_text().splitlines():
            if line.startswith("totals:"):
                total += int(line.split()[1])
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--targets", default=",".join(TARGETS))
    args = parser.parse_args()
    if not shutil.which("valgrind") or not shutil.which("callgrind_control"):
        print("valgrind (with callgrind_control) is not installed; nothing measured")
        return 1
    print(f"{args.requests} measured requests per target at concurrency {args.concurrency}, after "
          f"{channels.USERS * 2} warm-up requests")
    figures = {}
    for target in args.targets.split(","):
        figures[target] = measure(target, args.requests, args.concurrency)
        print(f"{target:<8} {figures[target] / 1e6:6.2f} M instructions per request", flush=True)
    for target, floor in channels.PAIRS:
        if {floor, target} <= figures.keys():
            print(f"{target} / {floor}: {figures[target] / figures[floor]:.2f} times the instructions (at that ratio "
                  f"of CPU, {target} would reach {figures[floor] / figures[target]:.0%} of {floor}'s requests/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
