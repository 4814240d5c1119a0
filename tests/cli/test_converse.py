"""`listen converse`: a conversation played in a plain terminal, recorded as the app records it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from course.cli import cli
from course.content import load_course
from course.conversation import ConversationRun
from course.judging import ReplayClock, answer_of, judge, replay
from course.paths import bundled_content_dir
from course.progress import ProgressStore
from course.recording import attempt_of
from tests.fuzz_settings import fuzz

COURSE = load_course(bundled_content_dir())
EXERCISE = next(e for e in COURSE.exercises.values() if e.kind == "conversation")
ESC_BAD = {chr(code) for code in [*range(0x20), *range(0x7F, 0xA0)] if chr(code) not in "\n\t"} | set(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def model_path() -> list[str]:
    """The model reply at each turn along the passing branches, from the start to an ending."""
    assert EXERCISE.conversation is not None
    turns, replies, turn = EXERCISE.conversation.turns, [], EXERCISE.conversation.start
    while turns[turn].rubric is not None:
        replies.append(" ".join(turns[turn].model_answer.split()))
        branch = turns[turn].on_pass
        assert branch is not None
        turn = branch.goto
    return replies


def played(replies: list[str]) -> ConversationRun:
    """The conversation as the app plays it when every reply waits for the customer to finish."""
    clock = ReplayClock()
    run = ConversationRun(EXERCISE, clock)
    for text in replies:
        while (wait := run.seconds_to_next_piece()) is not None:
            clock.now += wait + 1e-6
        run.send(text)
    return run


def converse(*args: str, stdin: str):
    return CliRunner().invoke(cli, ["--learner", "Ana", "converse", *args], input=stdin, catch_exceptions=False)


def test_a_piped_conversation_is_played_through_and_recorded_as_the_app_records_it(private_data_dir: Path) -> None:
    replies = model_path()
    outcome = converse(EXERCISE.id, stdin="\n".join(replies) + "\n")
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stdout.count("you> ") == len(replies)
    assert "✓ Good reply" in outcome.stdout and "■ End of the conversation." in outcome.stdout
    assert "✓ PASSED" in outcome.stdout and f"Saved: attempt 1 at {EXERCISE.id} for Ana." in outcome.stdout
    first_piece = EXERCISE.conversation.turns[EXERCISE.conversation.start].customer[0].text.strip()
    assert first_piece in outcome.stdout
    run = played(replies)
    store = ProgressStore(private_data_dir)
    [attempt] = store.attempts("Ana", EXERCISE.id)
    app_would = attempt_of(EXERCISE, answer_of(run), judge(EXERCISE, run), seconds=0)
    assert attempt.answer == app_would.answer
    assert (attempt.passed, attempt.score, attempt.outcomes) == (True, app_would.score, app_would.outcomes)
    assert judge(EXERCISE, attempt.answer).passed  # the app's feedback screen judges the record the same way
    store.close()


def test_a_reply_that_misses_takes_the_failing_branch_as_in_the_app(private_data_dir: Path) -> None:
    assert EXERCISE.conversation is not None
    start = EXERCISE.conversation.turns[EXERCISE.conversation.start]
    assert start.on_fail is not None and start.on_pass is not None and start.on_fail.goto != start.on_pass.goto
    outcome = converse(EXERCISE.id, stdin="ok\n")
    assert "✗ Not yet" in outcome.stdout
    after_failing = EXERCISE.conversation.turns[start.on_fail.goto].customer[0].text.strip()
    assert after_failing in outcome.stdout


def test_input_ending_first_records_nothing_and_keeps_the_conversation_to_go_on(private_data_dir: Path) -> None:
    replies = model_path()
    outcome = converse(EXERCISE.id, stdin=replies[0] + "\n")
    assert outcome.exit_code == 1
    [line] = outcome.stderr.strip().splitlines()
    assert "input ended before the conversation did: nothing was recorded" in line
    store = ProgressStore(private_data_dir)
    assert store.attempts("Ana", EXERCISE.id) == []
    kept = json.loads(store.draft("Ana", EXERCISE.id) or "{}")
    assert kept["replies"] == replies[:1]
    again = replay(EXERCISE, kept)  # exactly what the app's conversation screen does with the draft
    assert [reply.text for reply in again.replies] == replies[:1] and not again.finished
    store.close()
    rest = converse(EXERCISE.id, stdin="\n".join(replies[1:]) + "\n")
    assert rest.exit_code == 0, rest.output
    assert "Going on from where you left off." in rest.stdout and f"you> {replies[0]}" in rest.stdout
    store = ProgressStore(private_data_dir)
    [attempt] = store.attempts("Ana", EXERCISE.id)
    assert attempt.answer["replies"] == replies and attempt.passed
    assert store.draft("Ana", EXERCISE.id) is None
    store.close()


def test_blank_lines_are_not_replies(private_data_dir: Path) -> None:
    replies = model_path()
    outcome = converse(EXERCISE.id, stdin="\n\n" + "\n\n".join(replies) + "\n")
    assert outcome.exit_code == 0
    store = ProgressStore(private_data_dir)
    assert store.attempts("Ana", EXERCISE.id)[0].answer["replies"] == replies
    store.close()


def test_nothing_said_before_input_ends_keeps_nothing(private_data_dir: Path) -> None:
    outcome = converse(EXERCISE.id, stdin="")
    assert outcome.exit_code == 1 and "nothing was recorded" in outcome.stderr
    store = ProgressStore(private_data_dir)
    assert store.draft("Ana", EXERCISE.id) is None and store.attempts("Ana", EXERCISE.id) == []
    store.close()


@pytest.mark.parametrize("kind", ["reply", "choice"])
def test_converse_is_for_conversations(kind: str, listen) -> None:
    other = next(e for e in COURSE.exercises.values() if e.kind == kind)
    outcome = listen("--learner", "Ana", "converse", other.id)
    assert outcome.status == 2
    [line] = outcome.err.strip().splitlines()
    assert "not a conversation" in line and f"listen answer {other.id}" in line


def test_an_unknown_conversation_is_one_line(listen) -> None:
    outcome = listen("--learner", "Ana", "converse", "capstone.no-such-talk")
    assert outcome.status == 2 and "no exercise with id 'capstone.no-such-talk'" in outcome.err


@fuzz()
@given(reply=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=80))
def test_whatever_a_learner_pipes_in_is_shown_harmlessly(reply: str) -> None:
    outcome = converse(EXERCISE.id, stdin=reply.replace("\n", " ") + "\n")
    assert outcome.exit_code in (0, 1)
    assert not ESC_BAD & set(outcome.stdout + outcome.stderr)
    assert "Traceback" not in outcome.output


def test_a_customer_line_with_escape_sequences_is_printed_harmlessly(tmp_path: Path) -> None:
    import shutil

    content = tmp_path / "course"
    shutil.copytree(bundled_content_dir() / "lessons", content / "lessons")
    shutil.copytree(bundled_content_dir() / "exercises", content / "exercises")
    path = EXERCISE.path.relative_to(bundled_content_dir())
    data = yaml.safe_load((content / path).read_text(encoding="utf-8"))
    data["turns"][data.get("start", "start")]["customer"][0]["text"] = "\x1b]0;pwned\x07\x1b[2Jhi \u202egnp.exe"
    (content / path).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    outcome = CliRunner().invoke(cli, ["--content", str(content), "--learner", "Ana", "converse", EXERCISE.id],
                                 input="", catch_exceptions=False)
    assert "␛]0;pwned␇␛[2Jhi" in outcome.stdout
    assert not ESC_BAD & set(outcome.stdout + outcome.stderr)
