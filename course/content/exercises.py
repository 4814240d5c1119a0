"""Exercise files (YAML) into ``Exercise`` objects, with every problem located."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .model import (
    Branch,
    Conversation,
    Criterion,
    CustomerLine,
    Examples,
    Exercise,
    FailingExample,
    LabelledItem,
    Option,
    Route,
    Rubric,
    Scenario,
    TranscriptLine,
    Turn,
)
from .schema import schema_faults
from .yamlfile import line_of

__all__ = ["build_exercise"]

Report = Callable[[int, str], None]
"""Records a problem at a line of the file being read."""

CRITERION_FIELDS = {"id", "check", "met", "missed", "weight", "severity", "skill"}


def build_exercise(data: Any, path: Path, content_hash: str, report: Report) -> Exercise | None:
    """Validate parsed YAML and build the exercise; None if it is too broken to use."""
    if not isinstance(data, dict):
        report(getattr(data, "line", 1), "an exercise file must be a mapping of fields (id: ..., kind: ...)")
        return None
    faults = list(schema_faults("exercise", data))
    for line, message in faults:
        report(line, message)
    if faults:
        return None
    before = _Counter(report)
    exercise = Exercise(
        id=data["id"],
        kind=data["kind"],
        title=data["title"].strip(),
        prompt=data["prompt"].strip(),
        path=path,
        channel=data.get("channel", ""),
        skill=data.get("skill", ""),
        scenario=_scenario(data.get("scenario")),
        rubric=_rubric(data.get("rubric"), before),
        hints=tuple(hint.strip() for hint in data.get("hints", ())),
        model_answer=data.get("model_answer", "").strip(),
        explanation=data.get("explanation", "").strip(),
        examples=_examples(data.get("examples"), data.get("rubric"), before),
        options=tuple(Option(o["text"].strip(), o.get("correct", False), o.get("feedback", "").strip())
                      for o in data.get("options", ())),
        items=tuple(item.strip() for item in data.get("items", ()) if isinstance(item, str)),
        labels=tuple(label.strip() for label in data.get("labels", ())),
        labelled=tuple(LabelledItem(item["text"].strip(), item["label"].strip())
                       for item in data.get("items", ()) if isinstance(item, dict)),
        transcript=tuple(TranscriptLine(line["who"], line["text"].strip()) for line in data.get("transcript", ())),
        answers=tuple(data.get("answers", ())),
        original=data.get("original", "").strip(),
        conversation=_conversation(data, before) if data["kind"] == "conversation" else None,
        content_hash=content_hash,
    )
    _check_kind(exercise, data, before)
    return None if before.count else exercise


class _Counter:
    """Passes problems on and counts them."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.count = 0

    def __call__(self, line: int, message: str) -> None:
        self.count += 1
        self.report(line, message)


def _scenario(data: Any) -> Scenario | None:
    if not data:
        return None
    return Scenario(data["customer"].strip(), data["message"].strip(), data.get("history", "").strip())


def _fact(value: Any) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    return tuple(str(part).strip() for part in values)


def _criterion(data: dict[str, Any]) -> Criterion:
    params = {key: value for key, value in data.items() if key not in CRITERION_FIELDS}
    if "facts" in params:
        params["facts"] = tuple(_fact(fact) for fact in params["facts"])
    for key in ("phrases", "techniques"):
        if key in params:
            params[key] = tuple(str(value) for value in params[key])
    return Criterion(
        id=data["id"],
        check=data["check"],
        met=data["met"].strip(),
        missed=data["missed"].strip(),
        weight=float(data.get("weight", 1)),
        severity=data.get("severity", "actionable"),
        skill=data.get("skill", ""),
        params=params,
        line=getattr(data, "line", 0),
    )


def _rubric(data: Any, report: Report) -> Rubric | None:
    if not data:
        return None
    seen: dict[str, int] = {}
    for index, criterion in enumerate(data["criteria"]):
        line = line_of(data, "criteria", index)
        if criterion["id"] in seen:
            report(
                line,
                f"criterion id '{criterion['id']}' is used twice in this rubric (first at line "
                f"{seen[criterion['id']]})",
            )
        seen.setdefault(criterion["id"], line)
    return Rubric(tuple(_criterion(c) for c in data["criteria"]), float(data.get("pass_mark", 0.7)))


def _examples(data: Any, rubric: Any, report: Report) -> Examples:
    if not data:
        return Examples()
    known = {criterion["id"] for criterion in rubric["criteria"]} if rubric else set()
    failing = []
    for index, example in enumerate(data.get("fail", ())):
        for miss in example["misses"]:
            # "harm." names a criterion every rubric inherits from the grader (exercises/README.md).
            if rubric and miss not in known and not str(miss).startswith("harm."):
                report(line_of(data, "fail", index, "misses"),
                       f"failing example {index + 1} names criterion '{miss}', which the rubric does not have")
        failing.append(
            FailingExample(example["answer"].strip(), tuple(example["misses"]), line_of(data, "fail", index))
        )
    return Examples(tuple(text.strip() for text in data.get("pass", ())), tuple(failing), getattr(data, "line", 0))


def _route(data: dict[str, Any], line: int) -> Route:
    def names(key: str) -> tuple[str, ...]:
        value = data.get(key, ())
        return (value,) if isinstance(value, str) else tuple(value)

    return Route(
        goto=data["goto"],
        mood=data.get("mood", 0),
        met=names("met"),
        missed=names("missed"),
        uses=names("uses"),
        says=tuple(_fact(fact) for fact in data.get("says", ())),
        interrupted=data.get("interrupted"),
        passed=data.get("passed"),
        line=line,
    )


def _conversation(data: dict[str, Any], report: Report) -> Conversation:
    turns: dict[str, Turn] = {}
    for turn_id, turn in data["turns"].items():
        next_ = turn.get("next", {})
        branches = {key: Branch(value["goto"], value.get("mood", 0)) for key, value in next_.items() if key != "when"}
        routes = tuple(
            _route(route, line_of(next_, "when", index)) for index, route in enumerate(next_.get("when", ()))
        )
        turns[turn_id] = Turn(
            id=turn_id,
            customer=tuple(
                CustomerLine(line["text"].strip(), float(line.get("after", 1.0))) for line in turn["customer"]
            ),
            rubric=_rubric(turn.get("rubric"), report),
            on_pass=branches.get("pass"),
            on_fail=branches.get("fail"),
            routes=routes,
            summary=bool(turn.get("summary", False)),
            prompt=turn.get("prompt", "").strip(),
            model_answer=turn.get("model_answer", "").strip(),
            examples=_examples(turn.get("examples"), turn.get("rubric"), report),
        )
    customer = data["customer"]
    return Conversation(
        customer=customer["name"].strip(),
        mood=customer.get("mood", 0),
        facts=tuple(_fact(fact) for fact in data.get("facts", ())),
        start=data.get("start", "start"),
        turns=turns,
    )


def _check_kind(exercise: Exercise, data: dict[str, Any], report: Report) -> None:
    """What the schema cannot say: relations between fields."""
    kind = exercise.kind
    if kind in ("choice", "multi"):
        correct = sum(option.correct for option in exercise.options)
        if kind == "choice" and correct != 1:
            report(
                line_of(data, "options"),
                f"a choice exercise needs exactly one correct option, not {correct} (use kind: multi for several)",
            )
        if kind == "multi" and correct < 1:
            report(line_of(data, "options"), "a multi exercise needs at least one correct option")
    if kind == "order" and len(set(exercise.items)) != len(exercise.items):
        report(line_of(data, "items"), "the same step appears twice, so its place is ambiguous")
    if kind == "classify":
        for index, item in enumerate(exercise.labelled):
            if item.label not in exercise.labels:
                report(
                    line_of(data, "items", index),
                    f"label '{item.label}' is not one of the labels: {', '.join(exercise.labels)}",
                )
    if kind == "spot":
        for answer in exercise.answers:
            if answer > len(exercise.transcript):
                report(
                    line_of(data, "answers"),
                    f"answer {answer} is past the end of the transcript ({len(exercise.transcript)} lines)",
                )
            elif exercise.transcript[answer - 1].who != "agent":
                report(line_of(data, "answers"), f"answer {answer} is a customer line; mark the agent's lines")
    if exercise.is_text and not exercise.examples.passing:
        report(line_of(data, "examples"), "a free-text exercise needs at least one passing example answer")
    if exercise.is_text and not exercise.examples.failing:
        report(line_of(data, "examples"), "a free-text exercise needs at least one failing example answer")
    if exercise.conversation:
        _check_conversation(exercise.conversation, data, report)


def _check_conversation(conversation: Conversation, data: dict[str, Any], report: Report) -> None:
    turns = conversation.turns
    if conversation.start not in turns:
        report(
            line_of(data, "start") or line_of(data, "turns"),
            f"the conversation starts at '{conversation.start}', but there is no such turn",
        )
        return
    for turn in turns.values():
        for branch in (turn.on_pass, turn.on_fail):
            if branch and branch.goto not in turns:
                report(
                    line_of(data, "turns", turn.id, "next"),
                    f"turn '{turn.id}' goes to '{branch.goto}', but there is no such turn",
                )
        known = {criterion.id for criterion in turn.rubric.criteria} if turn.rubric else set()
        for number, route in enumerate(turn.routes, start=1):
            line = route.line or line_of(data, "turns", turn.id, "next")
            if route.goto not in turns:
                report(line, f"turn '{turn.id}', route {number} goes to '{route.goto}', but there is no such turn")
            for name in (*route.met, *route.missed):
                if name not in known and not name.startswith("harm."):
                    report(line, f"turn '{turn.id}', route {number} names criterion '{name}', "
                           "which the turn's rubric does not have")
            if set(route.met) & set(route.missed):
                report(line, f"turn '{turn.id}', route {number} asks for the same criterion met and missed, "
                       "so it can never be taken")
        if turn.rubric is None and turn.routes:
            report(line_of(data, "turns", turn.id),
                   f"turn '{turn.id}' has no rubric, so it ends the conversation; remove its 'next'")
        if turn.rubric is None and (turn.on_pass or turn.on_fail):
            report(
                line_of(data, "turns", turn.id),
                f"turn '{turn.id}' has no rubric, so it ends the conversation; remove its 'next'",
            )
        if turn.rubric is not None and (turn.on_pass is None) != (turn.on_fail is None):
            report(
                line_of(data, "turns", turn.id, "next"),
                f"turn '{turn.id}' says where to go on one outcome only; give both pass and fail",
            )
        if turn.rubric is not None and not (turn.examples.passing and turn.examples.failing):
            report(line_of(data, "turns", turn.id), f"turn '{turn.id}' needs passing and failing example answers")
        if turn.summary and turn.rubric is None:
            report(line_of(data, "turns", turn.id), f"turn '{turn.id}' is the summary step, so it needs a rubric")
        for criterion in turn.rubric.criteria if turn.rubric else ():
            if criterion.params.get("facts_from") and not conversation.facts:
                report(criterion.line, "facts_from: facts needs a 'facts' list on the conversation")
    reachable, queue = set(), [conversation.start]
    while queue:
        turn_id = queue.pop()
        if turn_id in reachable or turn_id not in turns:
            continue
        reachable.add(turn_id)
        queue.extend(branch.goto for branch in (turns[turn_id].on_pass, turns[turn_id].on_fail) if branch)
        queue.extend(route.goto for route in turns[turn_id].routes)
    for turn_id in turns:
        if turn_id not in reachable:
            report(
                line_of(data, "turns", turn_id), f"turn '{turn_id}' can never be reached from '{conversation.start}'"
            )
    if not any(turn.rubric is None for turn in turns.values()):
        report(
            line_of(data, "turns"),
            "the conversation never ends: add a turn without a rubric (the customer's last word)",
        )
