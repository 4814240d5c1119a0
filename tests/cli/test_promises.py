"""`listen promises` and `listen follow-up`: the customer comes back a day later by the course clock."""

from __future__ import annotations

import json

import pytest

PROMISE = ("I'm so sorry the bike is late, with the party on Saturday that's stressful. I'll ring you tomorrow at 10 "
           "with the courier's answer.")
KEPT = ("Hi Amara, sorry you had to chase me. I rang the courier this morning as I said I would: the bike is on the "
        "van and should reach you on Friday.")
RENEGOTIATED = ("Amara, I'm sorry: I said I'd ring you with the courier's answer and I haven't got one yet, because "
                "their depot is closed for stock-taking. I'll call them first thing and ring you by 11 am tomorrow.")
LATER = "2030-01-02T09:00"


@pytest.fixture
def promised(listen, monkeypatch):
    monkeypatch.setenv("LISTEN_NOW", "2030-01-01T09:00")
    outcome = listen("--learner", "Ana", "answer", "empathy.late-gift", stdin=PROMISE)
    assert outcome.status == 0, outcome.err
    return listen


def _promises(listen):
    outcome = listen("promises", "--json")
    assert outcome.status == 0, outcome.err
    return json.loads(outcome.out)["promises"]


def test_a_promise_in_an_answer_is_listed_with_its_customer(promised):
    [promise] = _promises(promised)
    assert promise["state"] == "open" and promise["customer"] == "Amara Nwosu" and promise["channel"] == "chat"
    assert promise["words"] == "I'll ring you tomorrow at 10 with the courier's answer."
    assert (promise["made"], promise["due"]) == ("2030-01-01T09:00:00+00:00", "2030-01-02T09:00:00+00:00")
    listing = promised("promises").out
    assert "1 open" in listing and "Amara Nwosu comes back Wed 2 Jan, 09:00 UTC" in listing


def test_a_day_later_the_customer_is_back_and_the_follow_up_keeps_the_promise(promised, monkeypatch):
    monkeypatch.setenv("LISTEN_NOW", LATER)
    [waiting] = _promises(promised)
    assert waiting["state"] == "due"
    assert f"listen follow-up {waiting['id'][:8]}" in promised("promises").out
    outcome = promised("follow-up", stdin=KEPT)
    assert outcome.status == 0, outcome.err
    assert "PASSED" in outcome.out and "Promise kept." in outcome.out
    [kept] = _promises(promised)
    assert kept["state"] == "kept" and kept["settled_by"]
    status = json.loads(promised("status", "--json").out)
    assert status["attempts"] == 2  # the follow-up is recorded like any attempt


def test_renegotiating_brings_the_customer_back_about_the_new_step(promised, monkeypatch):
    monkeypatch.setenv("LISTEN_NOW", LATER)
    [waiting] = _promises(promised)
    outcome = promised("follow-up", waiting["id"][:6], stdin=RENEGOTIATED)
    assert outcome.status == 0 and "Promise renegotiated" in outcome.out, outcome.out + outcome.err
    old, new = _promises(promised)
    assert old["state"] == "renegotiated" and new["state"] == "open" and "11 am tomorrow" in new["words"]
    assert new["exercise"] == waiting["follow_up"]


def test_a_reply_that_ignores_the_promise_leaves_the_customer_waiting(promised, monkeypatch):
    monkeypatch.setenv("LISTEN_NOW", LATER)
    outcome = promised("follow-up", stdin="Hi Amara, thanks for getting in touch. How can I help you today?")
    assert outcome.status == 0 and "NOT YET" in outcome.out and "still waiting" in outcome.out
    assert [p["state"] for p in _promises(promised)] == ["due"]


@pytest.mark.parametrize("args, clock, status, words", [
    (["follow-up"], "2030-01-01T10:00", 1, "no customer is waiting on a promise from you now; Amara Nwosu comes back"),
    (["follow-up", "zzzz"], LATER, 2, "'zzzz' names none of your promises"),
    (["follow-up", "ab"], LATER, 2, "names none of your promises"),
    (["promises"], "next tuesday", 2, "LISTEN_NOW='next tuesday' is not a date and time"),
    (["follow-up"], "2030-01-20T09:00", 1, "no customer is waiting"),
])
def test_what_will_not_do_is_one_line(promised, monkeypatch, args, clock, status, words):
    monkeypatch.setenv("LISTEN_NOW", clock)
    outcome = promised(*args, stdin=KEPT)
    assert outcome.status == status
    lines = outcome.err.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], outcome.err
    assert "Traceback" not in outcome.err + outcome.out


def test_a_promise_not_due_or_too_late_is_refused_by_its_id(promised, monkeypatch):
    [promise] = _promises(promised)
    monkeypatch.setenv("LISTEN_NOW", "2030-01-01T12:00")
    early = promised("follow-up", promise["id"], stdin=KEPT)
    assert early.status == 2 and "Amara Nwosu is not back yet" in early.err
    monkeypatch.setenv("LISTEN_NOW", "2030-01-20T09:00")
    late = promised("follow-up", promise["follow_up"], stdin=KEPT)
    assert late.status == 2 and "never followed up" in late.err
    assert "never followed up" in promised("promises").out


def test_no_promises_yet_says_how_they_come(listen):
    assert listen("--learner", "Ana", "answer", "empathy.late-gift", stdin="I'm sorry, that sounds awful.").status == 0
    outcome = listen("promises")
    assert outcome.status == 0 and "Ana has made no promises to customers yet" in outcome.out


def test_promises_without_a_learner_says_how_to_start(listen):
    outcome = listen("promises")
    assert outcome.status == 2 and "no learner yet" in outcome.err


def test_answer_points_a_follow_up_to_its_own_command(promised, monkeypatch):
    monkeypatch.setenv("LISTEN_NOW", LATER)
    [promise] = _promises(promised)
    outcome = promised("answer", promise["follow_up"], stdin=KEPT)
    assert outcome.status == 2
    assert f"is a customer's follow-up: answer it with listen follow-up {promise['id'][:8]}" in outcome.err
