"""listen's small config file in the data dir, and where the LRS settings come from.

``config.json`` looks like::

    {"home_page": "https://example.org",
     "lrs": {"endpoint": "https://lrs.example.org/xapi/", "username": "listen"}}

``home_page`` is the organisation's web address: learners appear in the LRS as
accounts on it. A trainer's assignment file may carry it too
(``set_home_page``). The password is never kept here: it comes from the
environment only. Other keys in the file are kept as they are.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from course.plainfile import NotAFile, read_plain_file
from course.progress.storage import write_atomically
from course.safe_text import is_safe

__all__ = [
    "CONFIG_FILE",
    "DEFAULT_HOME_PAGE",
    "ENDPOINT_VARIABLE",
    "USERNAME_VARIABLE",
    "PASSWORD_VARIABLE",
    "ConfigError",
    "XapiConfig",
    "LrsSettings",
    "load_config",
    "save_config",
    "set_home_page",
    "lrs_settings",
    "web_address_problem",
]

CONFIG_FILE = "config.json"
"""The config file's name inside the data dir."""

DEFAULT_HOME_PAGE = "https://listen.invalid"
"""The accounts' home page until the organisation sets its own."""

ENDPOINT_VARIABLE = "LISTEN_LRS_ENDPOINT"
USERNAME_VARIABLE = "LISTEN_LRS_USERNAME"
PASSWORD_VARIABLE = "LISTEN_LRS_PASSWORD"


class ConfigError(Exception):
    """A setting is missing or wrong; the message says which and how to fix it."""


@dataclass(frozen=True)
class XapiConfig:
    """What config.json says about the organisation and its LRS."""

    home_page: str = DEFAULT_HOME_PAGE
    """The organisation's web address, the home page of every learner's account."""
    endpoint: str = ""
    """The LRS's xAPI endpoint, if set."""
    username: str = ""
    """The user name for the LRS, if set."""
    problems: tuple[str, ...] = ()
    """What was wrong with the file (its values were then left out)."""


@dataclass(frozen=True)
class LrsSettings:
    """Where the LRS is and how to sign in: options > environment > config.json."""

    endpoint: str
    """The xAPI endpoint, ending in ``/``."""
    username: str | None
    """User name for basic authentication, or None to send none."""
    password: str | None = None
    """Its password (from the environment only); never printed or saved."""

    def __repr__(self) -> str:  # a stray print or traceback must not show the password
        return f"LrsSettings(endpoint={self.endpoint!r}, username={self.username!r}, password=***)"


def web_address_problem(value: Any) -> str | None:
    """Why ``value`` is not an absolute http(s) address, or None if it is one."""
    if not isinstance(value, str) or not value.strip():
        return "it is empty"
    if not is_safe(value) or any(character.isspace() for character in value.strip()):
        return "it holds spaces or control characters"
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "it must start with https:// (or http://) and name a host"
    if parts.username is not None or parts.password is not None:
        return "it must not hold a user name or password"
    return None


def _read(data_dir: Path) -> tuple[dict[str, Any], list[str]]:
    path = Path(data_dir) / CONFIG_FILE
    try:
        data = json.loads(read_plain_file(path, 1_048_576).decode("utf-8"))  # a pipe here must not hang sync
    except FileNotFoundError:
        return {}, []
    except NotAFile as error:
        return {}, [f"{path} could not be read ({error.strerror}); listen uses its defaults"]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return {}, [f"{path} could not be read ({error}); listen uses its defaults"]
    if not isinstance(data, dict):
        return {}, [f"{path} does not hold a JSON object; listen uses its defaults"]
    return data, []


def load_config(data_dir: Path) -> XapiConfig:
    """The xAPI settings in ``data_dir/config.json``; defaults for what is missing or wrong."""
    data, problems = _read(data_dir)
    home_page = data.get("home_page", DEFAULT_HOME_PAGE)
    why = web_address_problem(home_page)
    if why:
        if "home_page" in data:
            problems.append(f"home_page in {CONFIG_FILE} is not a web address ({why}); using {DEFAULT_HOME_PAGE}")
        home_page = DEFAULT_HOME_PAGE
    found = data.get("lrs")
    lrs: dict[str, Any] = found if isinstance(found, dict) else {}
    if "password" in lrs or "password" in data:
        problems.append(f"{CONFIG_FILE} holds a password; listen ignores it: set {PASSWORD_VARIABLE} instead")
    endpoint, username = lrs.get("endpoint", ""), lrs.get("username", "")
    return XapiConfig(
        home_page=home_page.strip().rstrip("/") or DEFAULT_HOME_PAGE,
        endpoint=endpoint if isinstance(endpoint, str) else "",
        username=username if isinstance(username, str) else "",
        problems=tuple(problems),
    )


def save_config(data_dir: Path, *, home_page: str | None = None, endpoint: str | None = None,
                username: str | None = None) -> None:
    """Change config.json (atomically), keeping every other key; never takes a password."""
    for name, value in (("home page", home_page), ("endpoint", endpoint)):
        why = web_address_problem(value) if value is not None else None
        if why:
            raise ConfigError(f"the {name} {value!r} is not a web address: {why}")
    data, _ = _read(data_dir)
    if home_page is not None:
        data["home_page"] = home_page.strip().rstrip("/")
    found = data.get("lrs")
    lrs: dict[str, Any] = found if isinstance(found, dict) else {}
    if endpoint is not None:
        lrs["endpoint"] = endpoint.strip()
    if username is not None:
        lrs["username"] = username
    lrs.pop("password", None)
    if lrs:
        data["lrs"] = lrs
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_atomically(Path(data_dir) / CONFIG_FILE, text.encode("utf-8"))


def set_home_page(data_dir: Path, home_page: str) -> None:
    """Set the organisation's home page (from an assignment file, say); ConfigError if it is not a web address."""
    save_config(data_dir, home_page=home_page)


def lrs_settings(data_dir: Path, *, endpoint: str | None = None, username: str | None = None,
                 password_variable: str | None = None, environ: dict[str, str] | None = None) -> LrsSettings:
    """Where the LRS is and how to sign in: options > LISTEN_LRS_* variables > config.json.

    ConfigError, in words a trainer can act on, if no endpoint is set, it is
    not a web address, or a user name has no password.
    """
    env = os.environ if environ is None else environ
    config = load_config(data_dir)
    endpoint = endpoint or env.get(ENDPOINT_VARIABLE) or config.endpoint
    if not endpoint:
        raise ConfigError(f"no LRS set: pass --endpoint URL, set {ENDPOINT_VARIABLE}, "
                          f"or put it in {Path(data_dir) / CONFIG_FILE}")
    why = web_address_problem(endpoint)
    if why and "password" in why:  # the address is not echoed: it may hold the password
        raise ConfigError(f"the LRS endpoint must not hold a user name or password: "
                          f"use --username and {PASSWORD_VARIABLE}")
    if why:
        raise ConfigError(f"the LRS endpoint {endpoint} is not a web address: {why}")
    username = username or env.get(USERNAME_VARIABLE) or config.username or None
    variable = password_variable or PASSWORD_VARIABLE
    password = env.get(variable) or None
    if username and password is None:
        raise ConfigError(f"no password for {username}: set {variable}"
                          + ("" if password_variable else " (or name another variable with --password-env)"))
    if password is not None and not username:
        raise ConfigError(f"{variable} is set but no user name: pass --username or set {USERNAME_VARIABLE}")
    return LrsSettings(endpoint.strip().rstrip("/") + "/", username, password)
