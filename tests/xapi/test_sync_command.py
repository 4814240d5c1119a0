"""``listen sync`` as a learner or trainer types it: settings, messages, exit status, and a password kept secret."""

from __future__ import annotations

import json

import pytest

from tests.xapi.conftest import fill_outbox
from tests.xapi.fake_lrs import Fault
from tests.xapi.ralph_lrs import free_port

SECRET = "pw-Do-Not-Print-9f3"


@pytest.fixture
def lrs(fake_lrs, monkeypatch):
    """The fake LRS with a password that must never show; its settings in the environment."""
    fake_lrs.password = SECRET
    monkeypatch.setenv("LISTEN_LRS_ENDPOINT", fake_lrs.endpoint)
    monkeypatch.setenv("LISTEN_LRS_USERNAME", fake_lrs.username)
    monkeypatch.setenv("LISTEN_LRS_PASSWORD", SECRET)
    return fake_lrs


def assert_secret_kept(outcome, data_dir) -> None:
    assert SECRET not in outcome.out + outcome.err
    assert "Traceback" not in outcome.out + outcome.err
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_sync_sends_everything_and_says_so_in_one_line(listen, store, course, lrs, data_dir):
    fill_outbox(store, course, "Dana", 12)
    outcome = listen("sync", "--batch", "5")
    assert outcome.status == 0, outcome.err
    assert outcome.out.strip().splitlines() == ["sent 12 statements; the outbox is empty."]
    assert len(lrs.statements) == 12 and [len(p) for p in lrs.posts] == [5, 5, 2]
    assert "12/12" in outcome.err  # the progress bar, on stderr
    assert_secret_kept(outcome, data_dir)
    again = listen("sync")
    assert again.status == 0 and again.out.strip() == "nothing to send: the outbox is empty."


def test_some_kept_for_later_is_status_1(listen, store, course, lrs, data_dir):
    ids = fill_outbox(store, course, "Dana", 10)
    lrs.failing_ids = {ids[7]}
    outcome = listen("sync", "--batch", "5")
    assert outcome.status == 1
    assert outcome.out.strip() == ("sent 5 statements; 5 kept for later: "
                                   "the LRS answered 500 Internal Server Error (Internal Server Error).")
    assert listen.waits == [0.5, 1, 2, 4]  # backed off, without the test sleeping
    assert_secret_kept(outcome, data_dir)


def test_wrong_credentials_are_a_clear_message_and_status_2(listen, store, course, lrs, data_dir, monkeypatch):
    fill_outbox(store, course, "Dana", 3)
    monkeypatch.setenv("LISTEN_LRS_PASSWORD", "not-" + SECRET)
    outcome = listen("sync")
    assert outcome.status == 2
    assert outcome.err.strip().splitlines()[-1] == (
        "listen: the LRS refused these credentials (401 Unauthorized); 3 statements stay queued")
    assert "not-" + SECRET not in outcome.out + outcome.err
    assert store.outbox_count() == 3


def test_an_unreachable_lrs_is_a_clear_message_and_status_1(listen, store, course, data_dir, monkeypatch):
    fill_outbox(store, course, "Dana", 3)
    endpoint = f"http://127.0.0.1:{free_port()}/xAPI/"
    monkeypatch.setenv("LISTEN_LRS_PASSWORD", SECRET)
    outcome = listen("sync", "--endpoint", endpoint, "--username", "trainer")
    assert outcome.status == 1
    assert outcome.out.strip() == (f"sent 0 statements; 3 kept for later: could not reach the LRS at {endpoint} "
                                   "(connection refused).")
    assert_secret_kept(outcome, data_dir)


def test_options_beat_the_environment_which_beats_config(listen, store, course, lrs, data_dir, monkeypatch):
    fill_outbox(store, course, "Dana", 2)
    dead = f"http://127.0.0.1:{free_port()}/xAPI/"
    (data_dir / "config.json").write_text(json.dumps({"lrs": {"endpoint": dead, "username": "nobody"}}))
    assert listen("sync").status == 0  # the environment's endpoint and user, not config's
    fill_outbox(store, course, "Dana", 1)
    monkeypatch.setenv("LISTEN_LRS_ENDPOINT", dead)
    assert listen("sync", "--endpoint", lrs.endpoint).status == 0
    monkeypatch.delenv("LISTEN_LRS_ENDPOINT")
    monkeypatch.delenv("LISTEN_LRS_USERNAME")
    fill_outbox(store, course, "Dana", 1)
    outcome = listen("sync")  # config's dead endpoint and user now
    assert outcome.status == 1 and dead in outcome.out


def test_save_remembers_endpoint_and_user_but_never_the_password(listen, store, course, lrs, data_dir, monkeypatch):
    fill_outbox(store, course, "Dana", 2)
    monkeypatch.delenv("LISTEN_LRS_ENDPOINT")
    monkeypatch.delenv("LISTEN_LRS_USERNAME")
    monkeypatch.delenv("LISTEN_LRS_PASSWORD")
    monkeypatch.setenv("TEAM_LRS_PW", SECRET)
    outcome = listen("sync", "--endpoint", lrs.endpoint, "--username", lrs.username, "--password-env", "TEAM_LRS_PW",
                     "--save")
    assert outcome.status == 0, outcome.err
    config = json.loads((data_dir / "config.json").read_text())
    assert config == {"lrs": {"endpoint": lrs.endpoint, "username": lrs.username}}
    assert_secret_kept(outcome, data_dir)
    fill_outbox(store, course, "Dana", 1)
    assert listen("sync", "--password-env", "TEAM_LRS_PW").status == 0  # the rest from config.json


@pytest.mark.parametrize("args, env, words", [
    ([], {}, "no LRS set: pass --endpoint URL, set LISTEN_LRS_ENDPOINT"),
    (["--endpoint", "lrs.example.org"], {}, "is not a web address"),
    (["--endpoint", f"https://trainer:{SECRET}@lrs.example.org/xapi/"], {}, "must not hold a user name or password"),
    (["--endpoint", "https://lrs.example.org/xapi/", "--username", "trainer"], {}, "no password for trainer"),
    (["--endpoint", "https://lrs.example.org/xapi/", "--password-env", "NOPE", "--username", "t"], {},
     "no password for t: set NOPE"),
    (["--endpoint", "https://lrs.example.org/xapi/"], {"LISTEN_LRS_PASSWORD": SECRET}, "no user name"),
    (["--batch", "0"], {}, "--batch"),
])
def test_settings_that_do_not_add_up_are_one_line_and_status_2(listen, data_dir, monkeypatch, args, env, words):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    outcome = listen("sync", *args)
    assert outcome.status == 2 and words in outcome.err
    assert len(outcome.err.strip().splitlines()) == 1
    assert_secret_kept(outcome, data_dir)


def test_a_password_in_config_is_ignored_with_a_warning(listen, lrs, data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "config.json").write_text(json.dumps({"lrs": {"password": "hunter2"}}))
    outcome = listen("sync")
    assert outcome.status == 0 and "holds a password; listen ignores it" in outcome.err
    assert "hunter2" not in outcome.out + outcome.err


def test_a_busy_lrs_is_waited_for_as_it_asks(listen, store, course, lrs):
    fill_outbox(store, course, "Dana", 4)
    lrs.faults = [Fault("status", 429, retry_after="3"), Fault("cut")]
    outcome = listen("sync")
    assert outcome.status == 0 and listen.waits == [3.0, 1.0]  # as asked, then the second try's backoff
    assert outcome.out.strip() == "sent 4 statements; the outbox is empty."
