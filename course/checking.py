"""``listen check``: everything the loader finds, plus what needs the grader.

The grader's word lists are checked too: a trainer who extends them gets the
same ``path:line: message`` for a line that does not parse.

Proving example answers needs both content and grading, so it lives here,
above them: every criterion's check must be one the grader knows, every
passing example must pass, and every failing example must fail on exactly
the criteria it names.
"""

from __future__ import annotations

from pathlib import Path

from .content import Course, Exercise, Problem, read_course
from .content.model import Examples, Rubric

__all__ = ["check_course", "example_file_problems", "MAX_EXAMPLES_BYTES"]

MAX_EXAMPLES_BYTES = 5_000_000
"""The largest examples file ``listen check --examples`` reads."""


def check_course(root: Path) -> tuple[Course | None, list[Problem]]:
    """The course at ``root`` and every problem in it, loader's and grader's."""
    from .grading import lexicons

    course, problems = read_course(root)
    problems.extend(Problem(path, line, message) for path, line, message in lexicons.problems())
    if course is not None:
        for exercise in course.exercises.values():
            problems.extend(exercise_problems(exercise))
    return course, sorted(problems)


def exercise_problems(exercise: Exercise) -> list[Problem]:
    """Unknown checks and misbehaving example answers in one exercise."""
    from . import grading
    from .conversation import grade_turn

    found: list[Problem] = []
    if exercise.rubric is not None:
        found.extend(_rubric_problems(exercise.path, exercise.rubric, in_conversation=False))
        if not found:
            found.extend(_example_problems(exercise.path, exercise.examples,
                                           lambda answer: grading.grade(exercise, answer)))
    if exercise.conversation is not None:
        conversation = exercise.conversation
        for turn in conversation.turns.values():
            if turn.rubric is None:
                continue
            turn_problems = _rubric_problems(exercise.path, turn.rubric, in_conversation=True)
            for number, route in enumerate(turn.routes, start=1):
                for technique in route.uses:
                    if technique not in grading.TECHNIQUES:
                        turn_problems.append(Problem(
                            exercise.path, route.line,
                            f"turn '{turn.id}', route {number} uses '{technique}', which the grader does not know "
                            f"(known: {', '.join(grading.TECHNIQUES)})"))
            found.extend(turn_problems)
            if turn_problems:
                continue
            found.extend(_example_problems(
                exercise.path,
                turn.examples,
                lambda answer, turn=turn: grade_turn(exercise, turn, answer),
                where=f"turn '{turn.id}': ",
            ))
    return found


def _rubric_problems(path: Path, rubric: Rubric, *, in_conversation: bool) -> list[Problem]:
    from . import grading

    return [
        Problem(path, criterion.line, f"criterion '{criterion.id}': {message}")
        for criterion in rubric.criteria
        for message in grading.criterion_problems(criterion, in_conversation=in_conversation)
    ]


def _example_problems(path: Path, examples: Examples, grade, where: str = "") -> list[Problem]:  # type: ignore[no-untyped-def]
    found = []
    for number, answer in enumerate(examples.passing, start=1):
        result = grade(answer)
        if not result.passed:
            missed = ", ".join(sorted(result.missed_ids)) or "none"
            found.append(Problem(path, examples.line, f"{where}passing example {number} does not pass "
                                 f"(score {result.score:.2f}; misses: {missed}): {_clip(answer)}"))
    for number, example in enumerate(examples.failing, start=1):
        result = grade(example.answer)
        expected = set(example.misses)
        actual = set(result.missed_ids)
        if result.passed:
            found.append(Problem(path, example.line, f"{where}failing example {number} passes "
                                 f"(score {result.score:.2f}): {_clip(example.answer)}"))
        elif actual != expected:
            parts = []
            if expected - actual:
                parts.append(f"meets {', '.join(sorted(expected - actual))} though it says it misses them")
            if actual - expected:
                parts.append(f"also misses {', '.join(sorted(actual - expected))}")
            found.append(
                Problem(
                    path, example.line, f"{where}failing example {number} {'; '.join(parts)}: {_clip(example.answer)}"
                )
            )
    return found


def _clip(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return f'"{flat[:limit]}…"' if len(flat) > limit else f'"{flat}"'


def example_file_problems(course: Course, path: Path) -> tuple[int, list[Problem]]:
    """How many example answers an examples file (``listen review --examples``) holds, and every problem with
    them: the file's shape, exercises this course lacks, and each example proven as ``listen check`` proves
    those in an exercise file (a passing one must pass, a failing one fail on exactly the criteria it names)."""
    from . import grading
    from .content.model import FailingExample
    from .content.yamlfile import YamlProblem, line_of, parse_yaml
    from .plainfile import read_plain_file

    try:
        raw = read_plain_file(path, MAX_EXAMPLES_BYTES)
        if len(raw) > MAX_EXAMPLES_BYTES:
            return 0, [Problem(path, 0, f"it is over {MAX_EXAMPLES_BYTES:,} bytes")]
        data = parse_yaml(raw.decode("utf-8"))
    except (OSError, ValueError) as error:
        return 0, [Problem(path, 0, f"cannot read it: {getattr(error, 'strerror', None) or error}")]
    except YamlProblem as problem:
        return 0, [Problem(path, problem.line, problem.message)]
    exercises = data.get("exercises") if isinstance(data, dict) else None
    if not isinstance(exercises, dict):
        return 0, [Problem(path, line_of(data), "not an examples file: it needs an `exercises:` mapping of "
                                                "exercise ids to their pass and fail lists")]
    found: list[Problem] = []
    count = 0
    for exercise_id, entry in exercises.items():
        line = line_of(exercises, exercise_id)
        exercise = course.exercises.get(str(exercise_id))
        if exercise is None or exercise.rubric is None:
            found.append(Problem(path, line, f"'{exercise_id}' is not an exercise in this course with a rubric"))
            continue
        passing = entry.get("pass", []) if isinstance(entry, dict) else None
        failing = entry.get("fail", []) if isinstance(entry, dict) else None
        if not isinstance(passing, list) or not all(isinstance(a, str) for a in passing):
            found.append(Problem(path, line, f"'{exercise_id}': pass must be a list of answers"))
            continue
        if not isinstance(failing, list) or not all(
                isinstance(f, dict) and isinstance(f.get("answer"), str) and isinstance(f.get("misses"), list)
                for f in failing):
            found.append(Problem(path, line, f"'{exercise_id}': fail must be a list of answer and misses"))
            continue
        examples = Examples(
            tuple(answer.strip() for answer in passing),
            tuple(FailingExample(f["answer"].strip(), tuple(str(m) for m in f["misses"]),
                                 line_of(failing, index)) for index, f in enumerate(failing)),
            line_of(entry, "pass") or line,
        )
        count += len(examples.passing) + len(examples.failing)
        found.extend(_example_problems(path, examples, lambda answer, e=exercise: grading.grade(e, answer),
                                       where=f"{exercise_id}: "))
    return count, sorted(found)
