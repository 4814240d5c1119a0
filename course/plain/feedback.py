"""Feedback as plain text: the verdict, what the answer did well, what it missed, and what comes next.

It is the judgment the app shows (``course.judging``), said in lines. Where
the app underlines or strikes the learner's own words, they are quoted here,
under the point they earned or cost. Then: try again, a hint, the model
answer, the next exercise, or back to the module.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from course.judging import Judgment, Point, judge, verdict_line
from course.progress import Place

from .asking import say_hint
from .menu import Choice, choose

if TYPE_CHECKING:
    from course.content.model import Exercise

    from .session import PlainSession

__all__ = ["feedback_text", "model_answer_text", "feedback"]


def _verdict(judgment: Judgment) -> str:
    """``✓ PASSED · 83% (strong)``: a score word only on a pass, as in the app."""
    return verdict_line(judgment)


def _quoted(judgment: Judgment, point: Point) -> str:
    """The learner's words that earned (or cost) the point, quoted: ``Your words: "..."``."""
    if judgment.shown is None or not point.evidence:
        return ""
    text = judgment.shown.text
    words = list(dict.fromkeys(" ".join(text[start:end].split()) for start, end in point.evidence
                               if 0 <= start < end <= len(text)))
    if not words:
        return ""
    what = "Your words that cost it" if point.costs else "Your words"
    return f"\n  {what}: " + ", ".join(f"“{word}”" for word in words if word)


def _point(judgment: Judgment, point: Point) -> str:
    """One point: what it is about, its mark and tag, what to tell the learner, their words quoted."""
    mark = point.mark if point.mark.strip("· ") else ""  # an option not chosen, and rightly so, has no mark
    tag = ", ".join(part for part in (mark, point.label) if part)
    feedback = point.feedback.strip() + _quoted(judgment, point)
    if point.heading.strip():
        return f"- {point.heading.strip()}" + (f" ({tag})" if tag else "") + f"\n  {feedback}"
    return f"- {tag}: {feedback}"


def _indented(text: str) -> str:
    return "\n".join(f"    {line}".rstrip() for line in text.split("\n"))


def feedback_text(exercise: Exercise, judgment: Judgment) -> str:
    """The feedback on an answer as plain lines (see the module)."""
    parts = [_verdict(judgment)]
    if judgment.summary:
        parts[0] += "\n" + judgment.summary
    if exercise.explanation.strip():
        parts.append(f"Why: {exercise.explanation.strip()}")
    if exercise.is_text:
        well = [_point(judgment, point) for point in judgment.lines if point.met]
        missed = [_point(judgment, point) for point in judgment.lines if not point.met]
        if well:
            parts.append("What you did well:\n" + "\n".join(well))
        if missed:
            parts.append("What was missed:\n" + "\n".join(missed))
    else:
        replies = judgment.replies if exercise.conversation is not None else ()
        lines = []
        for number, point in enumerate(judgment.lines):
            line = _point(judgment, point)
            for criterion in replies[number].lines if number < len(replies) else ():
                line += f"\n  {criterion.mark}: {criterion.feedback.strip()}"
            lines.append(line)
        heading = {"choice": "Every option:", "multi": "Every option:"}.get(exercise.kind, "What your answer did:")
        parts.append(heading + "\n" + "\n".join(lines))
    if judgment.shown is not None and judgment.shown.text.strip():
        parts.append("Your answer:\n" + _indented(judgment.shown.text))
    return "\n\n".join(parts)


def model_answer_text(exercise: Exercise, judgment: Judgment) -> str:
    """A strong answer to compare with: the model answer, the right options, steps, labels or lines."""
    if exercise.model_answer.strip():
        return exercise.model_answer.strip()
    if exercise.options:
        return "\n".join(f"✓ {option.text.strip()}" for option in exercise.options if option.correct)
    if exercise.items:
        return "\n".join(f"{number}. {item.strip()}" for number, item in enumerate(exercise.items, start=1))
    if exercise.labelled:
        return "\n".join(f"- {item.text.strip()}: {item.label}" for item in exercise.labelled)
    if exercise.answers:
        lines = [f"Line {number}: {exercise.transcript[number - 1].text.strip()}" for number in exercise.answers
                 if 0 < number <= len(exercise.transcript)]
        return "\n".join(lines)
    run = judgment.run
    if run is not None:
        turns = run.conversation.turns
        return "\n\n".join(f"Reply {number}: {turns[reply.turn_id].model_answer.strip()}"
                           for number, reply in enumerate(run.replies, start=1) if turns[reply.turn_id].model_answer)
    return ""


def _last_answer(session: PlainSession, exercise: Exercise) -> tuple[Any, str]:
    """The last recorded answer (None if there is none) and a word if the exercise has changed since."""
    attempts = session.study.store.attempts(session.study.learner, exercise.id)
    if not attempts:
        return None, ""
    last = attempts[-1]
    changed = last.content_hash and last.content_hash != exercise.content_hash
    return last.answer, ("This exercise has changed since you answered it: the feedback is for its current version."
                         if changed else "")


def _retry(session: PlainSession, exercise: Exercise, answer: Any) -> Place | None:
    """Keep the answer to improve it, or start afresh (as the app asks); a conversation starts again."""
    if exercise.conversation is not None:
        session.study.save_draft(exercise, "")
        return Place("exercise", exercise.id)
    what = "your text" if isinstance(answer, str) else "your answer"
    picked = choose(session.terminal, "Try again:", [
        Choice(f"Keep {what} to improve it", "keep", "k"),
        Choice("Start afresh", "afresh", "a"),
        Choice("Not now", "cancel", "c"),
    ])
    if picked == "cancel":
        return None
    kept = (answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False)) if picked == "keep" else ""
    session.study.save_draft(exercise, kept)
    return Place("exercise", exercise.id)


def _contest(session: PlainSession, exercise: Exercise) -> None:
    """Ask why the learner thinks the grade is wrong and keep it for their trainer (an empty line sends nothing)."""
    from course.progress import StoreError

    session.say("Say why, for your trainer, on one line: it goes with your results when you export them "
                "(listen export), and their answer comes back with their feedback. An empty line sends nothing.")
    reason = session.terminal.line("Why: ").strip()
    if not reason:
        session.say("Nothing was sent.")
        return
    try:
        session.study.contest_grade(exercise, reason)
    except (ValueError, StoreError) as error:
        session.say(f"Not kept: {error}")
        return
    session.say(session.study.contest_words(exercise))


def feedback(session: PlainSession, place: Place) -> Place:
    """The feedback on the answer just given (or the last one recorded), then what the learner does next."""
    study = session.study
    exercise = session.exercise_at(place)
    if exercise is None:
        return Place("dashboard")
    module = study.module_of(exercise)
    answer, note = session.answer, ""
    session.answer = None
    if answer is None:
        answer, note = _last_answer(session, exercise)
    if answer is None:
        return Place("exercise", exercise.id)
    judgment = judge(exercise, answer)
    session.say("")
    session.say(f"Feedback · {exercise.title}")
    if note:
        session.say(note)
    session.say(feedback_text(exercise, judgment))
    said = study.contest_words(exercise)
    if said:
        session.say(said)
    model = model_answer_text(exercise, judgment)
    # a follow-up stands outside the course's order: after it, back to the module
    following = study.next_exercise(exercise) if exercise.id in study.course.exercises else None
    while True:
        choices: list[Choice[str]] = [Choice("Try again", "retry", "r")]
        if exercise.hints:
            choices.append(Choice("A hint", "hint", "h"))
        if model:
            choices.append(Choice("The model answer", "model", "m"))
        if following is not None:
            choices.append(Choice(f"Next exercise: {following.title}", "next", "n"))
        if study.latest_attempt(exercise) is not None:
            choices.append(Choice("I think this grade is wrong: tell my trainer why", "contest", "w"))
        choices.append(Choice(f"Back to the module ({module.title})", "back", "b"))
        session.say("")
        picked = choose(session.terminal, "What next?", choices)
        if picked == "retry":
            again = _retry(session, exercise, answer)
            if again is not None:
                return again
        elif picked == "hint":
            say_hint(session, exercise)
        elif picked == "model":
            session.say("Model answer:\n" + _indented(model))
        elif picked == "contest":
            _contest(session, exercise)
        elif picked == "next" and following is not None:
            return Place("exercise", following.id)
        else:
            return Place("module", module.id)
