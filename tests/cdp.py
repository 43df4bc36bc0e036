"""A minimal Chrome DevTools Protocol client over ``--remote-debugging-pipe`` (no dependency):
open a page at a given viewport width, evaluate JavaScript in it, take a screenshot.

The report forbids scripts (Content-Security-Policy); DevTools evaluation is not a page
script, so the page is measured exactly as a reader gets it. Headless Chromium will not make
a window narrower than 500 px, so the width is set by device-metrics emulation instead.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import signal
import time
from pathlib import Path

#: Chromium flags: headless, offline, nothing from the network, a fresh profile.
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--remote-debugging-pipe",
)  # fmt: skip


class Browser:
    """One headless Chromium; ``with Browser(exe, profile) as b: b.open(url, 400)``."""

    def __init__(self, exe: str, profile: Path, timeout: float = 90) -> None:
        to_child, self._write = os.pipe()
        self._read, from_child = os.pipe()
        # the child gets its ends as fds 3 and 4, as Chromium expects; every other pipe end is
        # close-on-exec, so it holds nothing else
        actions = [
            (os.POSIX_SPAWN_DUP2, to_child, 3),
            (os.POSIX_SPAWN_DUP2, from_child, 4),
            (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
        ]
        argv = [exe, *FLAGS, f"--user-data-dir={profile}"]
        self.pid = os.posix_spawn(exe, argv, dict(os.environ), file_actions=actions)
        os.close(to_child)
        os.close(from_child)
        self.timeout, self._n, self._buffer, self._events = timeout, 0, b"", []
        self.session = ""

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        with contextlib.suppress(OSError, RuntimeError):
            self.send("Browser.close")
        for _ in range(300):  # up to 30 s for Chromium to exit
            if os.waitpid(self.pid, os.WNOHANG) != (0, 0):
                break
            time.sleep(0.1)
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self._write)
        os.close(self._read)

    def send(self, method: str, params: dict | None = None, *, page: bool = False) -> dict:
        """Send one command (to the page's session with ``page``) and return its result."""
        self._n += 1
        message = {"id": self._n, "method": method, "params": params or {}}
        if page:
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._next()
            if reply.get("id") == self._n:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def _next(self) -> dict:
        while b"\0" not in self._buffer:
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def _wait(self, method: str) -> dict:
        for i, event in enumerate(self._events):
            if event.get("method") == method:
                return self._events.pop(i)
        while True:
            event = self._next()
            if event.get("method") == method:
                return event
            self._events.append(event)

    def open(self, url: str, width: int, height: int = 900) -> None:
        """Open ``url`` in a new tab whose viewport is ``width`` CSS pixels wide (a phone's
        when narrow) and wait for it to load."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 700}
        self.send("Emulation.setDeviceMetricsOverride", metrics, page=True)
        self.send("Page.enable", page=True)
        self.send("Runtime.enable", page=True)
        self.send("Page.navigate", {"url": url}, page=True)
        self._wait("Page.loadEventFired")

    def evaluate(self, expression: str):
        """The JSON value of a JavaScript expression evaluated in the open page."""
        result = self.send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True}, page=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(str(result["exceptionDetails"]))
        return result["result"].get("value")

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", {"format": "png"}, page=True)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def console_errors(self) -> list[str]:
        """Console messages and exceptions the page produced (the report has no script, so
        any is a fault)."""
        kinds = ("Runtime.exceptionThrown", "Runtime.consoleAPICalled", "Log.entryAdded")
        return [json.dumps(e)[:300] for e in self._events if e.get("method") in kinds]
