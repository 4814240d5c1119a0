"""Free-text exercises and graded conversation turns short of 3 passing and 5 failing example answers.

Run from the repository root: ``python bench/example_counts.py``.
"""

from pathlib import Path

from course.content import read_course

PASSING, FAILING = 3, 5


def main() -> None:
    course, _ = read_course(Path("."))
    if course is None:
        raise SystemExit("the course does not load: run `listen check`")
    short = []
    for exercise in course.exercises.values():
        if exercise.rubric is not None:
            short.append((exercise.id, "", len(exercise.examples.passing), len(exercise.examples.failing)))
        for turn in exercise.conversation.turns.values() if exercise.conversation else ():
            if turn.rubric is not None:
                short.append((exercise.id, turn.id, len(turn.examples.passing), len(turn.examples.failing)))
    short = [row for row in short if row[2] < PASSING or row[3] < FAILING]
    print(f"{'exercise':<40} {'turn':<12} pass fail")
    for exercise_id, turn_id, passing, failing in short:
        print(f"{exercise_id:<40} {turn_id:<12} {passing:>4} {failing:>4}")
    print(f"{len(short)} short of {PASSING} passing and {FAILING} failing")


if __name__ == "__main__":
    main()
