"""``wijkwijzer serve --workers N``: N server processes on one port (Linux, ``SO_REUSEPORT``).

The parent prepares once what must happen once (migrations, the pseudonym key file; see
``commands/serve.py``), then forks the workers. Each worker builds its own app and listens on the
same address with ``SO_REUSEPORT``: the kernel spreads new connections over the workers, and a
worker that is busy with a long turn does not hold up the others. The parent only supervises:

- SIGTERM or SIGINT goes to every worker; each finishes its requests in flight
  (``WIJKWIJZER_SHUTDOWN_TIMEOUT``) and the parent exits when the last one has;
- a worker that dies while serving (killed, out of memory) is replaced by a new one;
- a worker that stops before it listened (a configuration or knowledge-base problem) stops them
  all: the same problem would stop every replacement too. The exit code is the worker's. A
  worker says it listens by writing one byte to a pipe that the parent reads when it ends.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from types import FrameType

log = logging.getLogger(__name__)

READY = b"R"


@dataclass
class Supervisor:
    """Forks ``count`` workers that each run ``serve(index, ready)``, which calls ``ready()`` once
    it listens and returns an exit code."""

    count: int
    serve: Callable[[int, Callable[[], None]], int]
    children: dict[int, tuple[int, int]] = field(default_factory=dict)
    stopping: bool = False
    exit_code: int = 0

    def run(self) -> int:
        previous = {sig: signal.signal(sig, self._stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            for index in range(self.count):
                self._start(index)
            while self.children:
                try:
                    pid, status = os.wait()
                except ChildProcessError:
                    break
                self._ended(pid, os.waitstatus_to_exitcode(status))
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        return self.exit_code

    def _start(self, index: int) -> None:
        readable, writable = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker
            os.close(readable)
            code = 1
            try:
                for sig in (signal.SIGTERM, signal.SIGINT):
                    signal.signal(sig, signal.SIG_DFL)
                code = self.serve(index, lambda: _say_ready(writable))
            except BaseException:
                log.exception("worker %d failed", index)
            finally:
                logging.shutdown()
                os._exit(code)
        os.close(writable)
        os.set_blocking(readable, False)
        self.children[pid] = (index, readable)
        log.info("worker %d started (pid %d)", index, pid)

    def _ended(self, pid: int, code: int) -> None:
        found = self.children.pop(pid, None)
        if found is None:
            return
        index, readable = found
        try:
            listened = os.read(readable, 1) == READY
        except BlockingIOError:
            listened = False
        os.close(readable)
        if self.stopping:
            if code > 0:  # not the signal that stopped it
                self.exit_code = self.exit_code or code
            return
        if not listened:
            log.error("worker %d (pid %d) stopped during start-up (exit code %d); stopping all workers",
                      index, pid, code)
            self.exit_code = code or 1
            self._stop_all()
            return
        log.warning("worker %d (pid %d) stopped unexpectedly (exit code %d); starting a new one", index, pid, code)
        self._start(index)

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        log.info("stopping %d worker(s) (%s)", len(self.children), signal.Signals(signum).name)
        self._stop_all()

    def _stop_all(self) -> None:
        self.stopping = True
        for pid in list(self.children):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)


def _say_ready(writable: int) -> None:
    try:
        os.write(writable, READY)
        os.close(writable)
    except OSError:  # said before (or the parent is gone)
        pass
