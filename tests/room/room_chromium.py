"""A headless Chromium driven over the DevTools protocol (aiohttp's websocket client, no extra package).

Used by the browser test and by bench/serve.py. Each tab records every URL it requests
(to prove nothing leaves 127.0.0.1) and the text the room's terminal sends it (to wait
for a screen). Keys go in as the browser's own key events, so xterm.js turns them into
what a terminal would send.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import aiohttp

__all__ = ["FLAGS", "chromium_binary", "Chromium", "Tab", "plain"]

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
)
ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
KEYS = {  # key, code, virtual key code, text
    "enter": ("Enter", "Enter", 13, "\r"),
    "tab": ("Tab", "Tab", 9, ""),
    "down": ("ArrowDown", "ArrowDown", 40, ""),
    "escape": ("Escape", "Escape", 27, ""),
}


def chromium_binary() -> str | None:
    """Debian's chromium (or Google's), if installed."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def plain(data: bytes) -> str:
    """Terminal output without its escape sequences."""
    return ESCAPES.sub("", data.decode("utf-8", "replace"))


class Chromium:
    """One headless Chromium with a fresh profile; ``await tab()`` opens pages in it."""

    def __init__(self, binary: str, profile: Path) -> None:
        self.binary, self.profile = binary, profile
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0
        self.session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Chromium:
        self.process = subprocess.Popen(
            [self.binary, *FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-port=0",
             "--window-size=1000,700", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        active = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not active.exists() or not active.read_text().strip():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("chromium did not start its DevTools port")
            await asyncio.sleep(0.05)
        self.port = int(active.read_text().split()[0])
        self.session = aiohttp.ClientSession()
        return self

    async def __aexit__(self, *_: object) -> None:
        if self.session is not None:
            await self.session.close()
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    async def tab(self) -> Tab:
        """A new blank tab, its network recorded."""
        assert self.session is not None
        async with self.session.put(f"http://127.0.0.1:{self.port}/json/new?about:blank") as response:
            target = await response.json()
        tab = Tab(await self.session.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0))
        tab.start()
        await tab.call("Network.enable")
        await tab.call("Page.enable")
        return tab


class Tab:
    """One page over the DevTools protocol."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.next_id = 0
        self.waiting: dict[int, asyncio.Future[Any]] = {}
        self.requested: list[str] = []
        """Every URL the page asked for (documents, scripts, fonts, websockets)."""
        self.screen = bytearray()
        """Everything the room's terminal has sent this page."""
        self.first_output: float | None = None
        self.reader: asyncio.Task[None] | None = None

    def start(self) -> None:
        self.reader = asyncio.ensure_future(self._read())

    async def _read(self) -> None:
        async for message in self.ws:
            data = json.loads(message.data)
            if "id" in data:
                future = self.waiting.pop(data["id"], None)
                if future is not None and not future.done():
                    future.set_result(data)
                continue
            method, params = data.get("method"), data.get("params", {})
            if method == "Network.requestWillBeSent":
                self.requested.append(params["request"]["url"])
            elif method == "Network.webSocketCreated":
                self.requested.append(params["url"])
            elif method == "Network.webSocketFrameReceived":
                frame = params["response"]
                if frame.get("opcode") == 2:
                    if self.first_output is None:
                        self.first_output = time.monotonic()
                    self.screen += base64.b64decode(frame["payloadData"])

    async def call(self, method: str, **params: Any) -> Any:
        self.next_id += 1
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.waiting[self.next_id] = future
        await self.ws.send_str(json.dumps({"id": self.next_id, "method": method, "params": params}))
        reply = await asyncio.wait_for(future, 30)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result")

    async def open(self, url: str) -> None:
        await self.call("Page.navigate", url=url)

    def text_since(self, mark: int) -> str:
        return plain(bytes(self.screen[mark:]))

    async def wait_for(self, words: str, *, since: int = 0, timeout: float = 30) -> None:
        """Until the terminal has shown ``words`` (after byte ``since``)."""
        deadline = time.monotonic() + timeout
        while words not in self.text_since(since):
            if time.monotonic() > deadline:
                tail = self.text_since(since)[-600:]
                raise AssertionError(f"the browser never showed {words!r}; last seen: {tail!r}")
            await asyncio.sleep(0.05)

    async def focus_terminal(self) -> None:
        await self.call("Runtime.evaluate", expression="document.querySelector('.xterm-helper-textarea').focus()")

    async def type(self, text: str) -> None:
        await self.call("Input.insertText", text=text)

    async def press(self, *keys: str) -> None:
        for name in keys:
            modifiers = 0
            if name.startswith("ctrl+"):
                modifiers, letter = 2, name[5:]
                key, code, vk, text = letter, f"Key{letter.upper()}", ord(letter.upper()), ""
            elif name in KEYS:
                key, code, vk, text = KEYS[name]
            else:
                key, code, vk, text = name, f"Key{name.upper()}", ord(name.upper()), name
            down: dict[str, Any] = {"type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": vk,
                                    "modifiers": modifiers}
            if text:
                down["text"] = text
            await self.call("Input.dispatchKeyEvent", **down)
            await self.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=code, windowsVirtualKeyCode=vk,
                            modifiers=modifiers)

    async def close(self) -> None:
        if self.reader is not None:
            self.reader.cancel()
        await self.ws.close()
