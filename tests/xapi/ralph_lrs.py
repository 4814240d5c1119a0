"""A real LRS for the tests: Ralph, in its own venv (made once and cached), on a free 127.0.0.1 port.

The venv lives in ``~/.cache/listen-tests/ralph-5.1.0`` (``LISTEN_TEST_CACHE``
moves it). When it is missing it is made with ``python -m venv`` and pip,
which needs PyPI; if that fails the tests that need Ralph fail with the
reason, unless ``LISTEN_SKIP_LRS=1`` asks to skip them.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from filelock import FileLock

RALPH_VERSION = "5.1.0"
PACKAGES = [f"ralph-malph[lrs]=={RALPH_VERSION}", "requests"]  # requests: used by ralph but missing from [lrs]
LAUNCHER = Path(__file__).with_name("ralph_launcher.py")


def _real_home() -> Path:
    try:
        import pwd

        return Path(pwd.getpwuid(os.getuid()).pw_dir)
    except (ImportError, KeyError):
        return Path.home()


# Read when the tests are collected: each test then points HOME at a temporary folder.
CACHE = Path(os.environ.get("LISTEN_TEST_CACHE") or _real_home() / ".cache" / "listen-tests")


class RalphUnavailable(Exception):
    """Ralph could not be installed or started; the message says why."""


def _python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _run(command: list[str], what: str, timeout: float) -> None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise RalphUnavailable(f"{what} failed: {error}") from None
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise RalphUnavailable(f"{what} failed (exit {done.returncode}):\n{tail}")


def ralph_venv() -> Path:
    """The cached venv holding Ralph, made now if missing; RalphUnavailable if it cannot be."""
    venv = CACHE / f"ralph-{RALPH_VERSION}"
    ready = venv / ".listen-ready"
    if ready.exists():
        return venv
    CACHE.mkdir(parents=True, exist_ok=True)
    with FileLock(str(venv) + ".lock", timeout=900):  # two test runs at once make it once
        if ready.exists():
            return venv
        shutil.rmtree(venv, ignore_errors=True)  # half made by a run that died
        _run([sys.executable, "-m", "venv", str(venv)], f"making a venv for Ralph in {venv}", 300)
        _run([str(_python(venv)), "-m", "pip", "install", "--disable-pip-version-check", "--quiet", *PACKAGES],
             f"pip install {' '.join(PACKAGES)} into {venv} (needs PyPI)", 900)
        _run(
            [str(_python(venv)), "-c", "import ralph.backends.lrs.fs, ralph.models.xapi, uvicorn, bcrypt"],
            "importing Ralph",
            120,
        )
        ready.write_text(" ".join(PACKAGES) + "\n")
    return venv


def free_port() -> int:
    """A port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Ralph:
    """One Ralph LRS with its own folder, user and port; ``start``/``stop`` it by its process id."""

    def __init__(self, venv: Path, folder: Path) -> None:
        self.python = _python(venv)
        self.folder = folder
        self.port = free_port()
        self.username = "trainer"
        self.password = secrets.token_urlsafe(12)
        self.process: subprocess.Popen[bytes] | None = None
        for name in ("run", "data", "app"):
            (folder / name).mkdir(parents=True, exist_ok=True)  # run/: a clean working dir (Ralph reads .env there)
        self.auth_file = folder / "auth.json"
        self._write_users()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI/"

    def _write_users(self) -> None:
        code = "import bcrypt, sys; print(bcrypt.hashpw(sys.argv[1].encode(), bcrypt.gensalt(4)).decode())"
        done = subprocess.run([str(self.python), "-c", code, self.password], capture_output=True, text=True,
                              timeout=60, check=True)
        users = [{"username": self.username, "hash": done.stdout.strip(), "scopes": ["all"],
                  "agent": {"mbox": "mailto:trainer@example.org"}}]
        self.auth_file.write_text(json.dumps(users))

    def start(self, timeout: float = 30.0) -> None:
        """Run Ralph and wait until it answers its heartbeat."""
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.folder),
            "LANG": "C.UTF-8",
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.folder / "data"),
            "RALPH_APP_DIR": str(self.folder / "app"),
            "RALPH_AUTH_FILE": str(self.auth_file),
        }
        log = open(self.folder / "ralph.log", "ab")
        launcher = self.folder / LAUNCHER.name  # a copy: no module next to it can shadow ralph's own
        shutil.copyfile(LAUNCHER, launcher)
        self.process = subprocess.Popen([str(self.python), str(launcher), str(self.port)], cwd=self.folder / "run",
                                        env=env, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RalphUnavailable(f"Ralph exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        self.stop()
        raise RalphUnavailable(f"Ralph did not answer within {timeout:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        """Stop Ralph by its process id (SIGTERM, then SIGKILL if it lingers)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def log_tail(self, lines: int = 20) -> str:
        try:
            text = (self.folder / "ralph.log").read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])
