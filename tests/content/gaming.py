"""Answers built from an exercise's own data to game the grader; every one must fail.

Each maker takes a free-text task (an exercise, or one graded turn of a conversation) and
returns the gamed answer, or None where the trick does not apply to that task.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from course.content.model import Exercise, Rubric, Turn
from course.conversation import grade_turn, turn_context
from course.grading import Grade, grade
from course.grading.checks import fact_list
from course.grading.lexicons import entries
from course.grading.text import analyse

STOCK_STACK = (
    "I hear you. I completely understand how frustrating this must be. So what you're saying is "
    "that this has been a really difficult experience, is that right? I'm so sorry to hear that. "
    "Thank you for your patience. Rest assured, I'll look into it for you."
)
"""Every stock listening line at once."""
BLAME = " To be fair, this only happened because you didn't check the details before you contacted us."
OUTCOME_PROMISE = " I guarantee it will all be sorted by tomorrow, 100%."
STOCK_EMPATHY = "I understand your frustration."


@dataclass(frozen=True)
class Task:
    """One free-text task: what the customer said, the rubric, the model answer, and how to grade."""

    name: str
    exercise: Exercise
    turn: Turn | None
    rubric: Rubric
    message: str
    model_answer: str

    def grade(self, answer: str) -> Grade:
        """The grader's verdict on an answer to this task."""
        if self.turn is not None:
            return grade_turn(self.exercise, self.turn, answer)
        return grade(self.exercise, answer)


def tasks(course) -> list[Task]:  # type: ignore[no-untyped-def]
    """Every free-text exercise and every graded conversation turn in a course."""
    found = []
    for exercise in course.exercises.values():
        if exercise.is_text and exercise.rubric is not None:
            message = exercise.scenario.message if exercise.scenario else ""
            found.append(Task(exercise.id, exercise, None, exercise.rubric, message, exercise.model_answer))
        elif exercise.conversation is not None:
            for turn in exercise.conversation.turns.values():
                if turn.rubric is not None:
                    found.append(Task(f"{exercise.id}#{turn.id}", exercise, turn, turn.rubric,
                                      turn_context(exercise.conversation, turn), turn.model_answer))
    return found


def _facts(task: Task) -> list[str]:
    words = []
    for criterion in task.rubric.criteria:
        params = criterion.params or {}
        if criterion.check != "mentions":
            continue
        raw = (
            task.exercise.conversation.facts
            if params.get("facts_from") and task.exercise.conversation
            else fact_list(params.get("facts"))
        )
        words += [alternatives[0] for alternatives in raw]
    return words


def comma_list(task: Task) -> str | None:
    """The rubric's facts and the customer's feeling as a comma list, with a check on the end."""
    facts = _facts(task)
    if not facts:
        return None
    return ", ".join(dict.fromkeys([*facts, "frustrating", "sorry"])).capitalize() + ". Is that right?"


def pasted_back(task: Task) -> str | None:
    """The customer's message handed back as the answer."""
    return task.message.strip() or None


_STOP = frozenset(entries("stopwords"))


def content_fragments(task: Task) -> str | None:
    """The model answer's content words, as fragments."""
    if not task.model_answer:
        return None
    words = [w for w in re.findall(r"[\w£$€'.:]+", task.model_answer) if w.lower().strip(".") not in _STOP]
    chunks = [" ".join(words[i : i + 2]).strip(".") for i in range(0, len(words), 2)]
    return ", ".join(chunks) + "."


def stacked_stock(task: Task) -> str:
    """Every stock listening phrase stacked."""
    return STOCK_STACK


def specific_empathy_replaced(task: Task) -> str | None:
    """The model answer with each sentence that earns empathy credit swapped for a stock line.

    Only for tasks whose rubric makes naming the feeling essential.
    """
    essential = [c for c in task.rubric.criteria if c.check == "acknowledges_emotion" and c.severity == "essential"]
    if not essential or not task.model_answer:
        return None
    result = task.grade(task.model_answer)
    spans = [span for r in result.results if r.id == essential[0].id for span in r.evidence]
    if not spans:
        return None
    text = analyse(task.model_answer)
    answer = task.model_answer
    cuts = []
    for sentence in text.sentences:
        start, end = text.span(sentence.start, sentence.end)
        if any(start <= a < end for a, _ in spans):
            cuts.append((start, end))
    for start, end in reversed(cuts):
        answer = answer[:start] + STOCK_EMPATHY + answer[end:]
    return answer


def with_blame(task: Task) -> str | None:
    """The model answer with a clause blaming the customer."""
    return task.model_answer.rstrip() + BLAME if task.model_answer else None


def with_outcome_promise(task: Task) -> str | None:
    """The model answer with a promise of an outcome nobody here controls."""
    return task.model_answer.rstrip() + OUTCOME_PROMISE if task.model_answer else None


def original_unchanged(task: Task) -> str | None:
    """For a rewrite: the reply to rewrite, handed back."""
    return task.exercise.original.strip() if task.exercise.kind == "rewrite" and task.exercise.original else None


def lightly_edited(task: Task) -> str | None:
    """For a rewrite: the original with a greeting, a thank-you and a word or two changed."""
    original = original_unchanged(task)
    if original is None:
        return None
    swaps = {
        "Unfortunately": "Sadly",
        "unfortunately": "sadly",
        "However": "But",
        "however": "but",
        "Please": "Kindly",
        "please": "kindly",
    }
    edited = re.sub(r"\b(" + "|".join(swaps) + r")\b", lambda m: swaps[m.group()], original)
    return (
        f"Hi {task.exercise.scenario.customer.split()[0] if task.exercise.scenario else 'there'}, thanks "
        f"for your message. {edited} Thanks."
    )


MAKERS: dict[str, Callable[[Task], str | None]] = {
    "facts as a comma list": comma_list,
    "the customer's message pasted back": pasted_back,
    "the model answer's content words as fragments": content_fragments,
    "every stock listening phrase stacked": stacked_stock,
    "specific empathy replaced by a stock line": specific_empathy_replaced,
    "the model answer plus blame": with_blame,
    "the model answer plus an outcome promise": with_outcome_promise,
    "a rewrite that hands back the original": original_unchanged,
    "a rewrite that lightly edits the original": lightly_edited,
}
"""Every way of gaming the grader, by name."""
