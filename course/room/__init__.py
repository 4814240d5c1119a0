"""``listen serve``: a training room, the same app in each learner's browser.

Built on textual-serve: every browser that opens the page gets its own ``listen`` process
(``listen room-seat``), which asks who is learning, so each browser is its own learner on the
one shared progress store (the store's file lock keeps their saves apart). The page and
everything it loads come from this server: textual-serve's own page fetches its font from a
CDN, so ours (``templates/app_index.html``) serves that font from textual-serve's static files.
"""

from __future__ import annotations

import errno
import shlex
import socket
import sys
from pathlib import Path
from typing import Any

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "RoomError", "seat_command", "check_address", "lan_hint", "serve"]

DEFAULT_HOST = "127.0.0.1"
"""Only this machine can open the room unless the trainer says otherwise."""
DEFAULT_PORT = 8000
TEMPLATES = Path(__file__).parent / "templates"
"""Our page: textual-serve's, with its font served locally."""


class RoomError(Exception):
    """The room cannot open: one clear line, and whether it was the address asked for (usage) or the machine."""

    def __init__(self, message: str, *, usage: bool) -> None:
        super().__init__(message)
        self.usage = usage


def seat_command(data_dir: Path, content_dir: Path) -> str:
    """The shell command that runs one browser's ``listen``: same store, same course, asks who is learning."""
    return shlex.join([sys.executable, "-m", "course", "--data-dir", str(data_dir),
                       "--content", str(content_dir), "room-seat"])


def check_address(host: str, port: int) -> None:
    """Raise RoomError, in plain words, if the room could not listen on ``host:port``."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise RoomError(f"no such address to listen on: {host!r} (try 127.0.0.1, or 0.0.0.0 for every network)",
                        usage=True) from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except PermissionError:
            raise RoomError(f"no permission to listen on port {port} (ports below 1024 need an administrator; "
                            f"try --port {DEFAULT_PORT})", usage=True) from None
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise RoomError(f"port {port} on {host} is already in use (another listen serve?); "
                                f"try --port {port + 1}", usage=True) from None
            if error.errno == errno.EADDRNOTAVAIL:
                raise RoomError(f"{host} is not an address of this machine (try 127.0.0.1, or 0.0.0.0 for "
                                "every network)", usage=True) from None
            raise RoomError(f"cannot listen on {host}:{port}: {error.strerror or error}", usage=False) from None


def lan_address() -> str | None:
    """This machine's address on its local network, if it has one (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # a documentation address: connecting a UDP socket only picks a route
            address = str(probe.getsockname()[0])
        except OSError:
            return None
    return None if address.startswith("127.") else address


def lan_hint(host: str, port: int) -> str:
    """One line: how the other people in the room get in."""
    if host in ("0.0.0.0", "::", ""):
        address = lan_address()
        where = f"http://{address}:{port}" if address else f"this machine's address, port {port}"
        return f"Learners on your network open {where}"
    if host.startswith("127.") or host in ("localhost", "::1"):
        return f"Only this machine can open it; for learners on your network: listen serve --host 0.0.0.0 --port {port}"
    return f"Learners on your network open http://{host}:{port}"


def _room_server(command: str, host: str, port: int) -> Any:
    """textual-serve's server, with our page, its links relative to whatever address the browser used."""
    import textual_serve
    from aiohttp import web
    from textual_serve.server import Server, to_int

    class TrainingRoom(Server):  # type: ignore[misc]
        async def handle_index(self, request: web.Request) -> dict[str, Any]:
            # textual-serve writes absolute links from the address it binds to (useless from another
            # machine when that is 0.0.0.0); the browser's own Host header always works.
            scheme = "wss" if request.secure else "ws"
            return {
                "font_size": to_int(request.query.get("fontsize", "16"), 16),
                "app_websocket_url": f"{scheme}://{request.host}/ws",
                "config": {"static": {"url": "/static/"}},
                "application": {"name": self.title},
                "ping_url": "",
            }

        async def on_startup(self, app: web.Application) -> None:
            return None  # ``serve`` says where the room is, in our words

    import aiohttp_jinja2

    TrainingRoom.handle_index = aiohttp_jinja2.template("app_index.html")(TrainingRoom.handle_index)
    return TrainingRoom(command, host=host, port=port, title="listen: a training room",
                        statics_path=Path(textual_serve.__file__).parent / "static", templates_path=TEMPLATES)


def serve(data_dir: Path, content_dir: Path, host: str, port: int, say: Any) -> None:
    """Open the room until Ctrl+C; RoomError if it cannot listen on ``host:port``."""
    check_address(host, port)
    server = _room_server(seat_command(data_dir, content_dir), host, port)
    shown = f"[{host}]" if ":" in host else host
    say(f"listen: training room open at http://{shown}:{port} (Ctrl+C closes it)")
    say(lan_hint(host, port))
    try:
        server.serve()
    except OSError as error:  # taken between the check and the start
        raise RoomError(f"cannot listen on {host}:{port}: {error.strerror or error}", usage=False) from None
