"""A promise to come back about, as the store would keep it."""

from __future__ import annotations

from datetime import datetime, timezone

from course.progress import Promise
from course.progress.promises import DUE_AFTER, stamp

MADE = datetime(2026, 3, 3, 9, 0, tzinfo=timezone.utc)
"""A Tuesday morning."""


def a_promise(*, words: str = "I'll ring you on Friday with the engineer's slot.", channel: str = "phone",
              customer: str = "Priya Shah", exercise_id: str = "empathy.no-heating") -> Promise:
    """Priya's boiler has failed; the learner promised to ring with the engineer's slot."""
    return Promise(
        id="0123456789abcdef0123456789abcdef", exercise_id=exercise_id, customer=customer, channel=channel,
        words=words, made=stamp(MADE), due=stamp(MADE + DUE_AFTER), title="No heating",
        context="My boiler has packed up and I have a baby at home. I need someone out this week.",
    )


def a_course(root):
    """One module, one lesson, one reply exercise whose customer can be promised something."""
    from course.content.model import Course, Criterion, Exercise, Lesson, Module, Rubric, Scenario, Section

    exercise = Exercise(
        id="follow-through.no-heating", kind="reply", title="No heating", prompt="Reply to Priya.",
        path=root / "no-heating.yaml", channel="phone", module_id="follow-through",
        scenario=Scenario("Priya Shah", "My boiler has packed up and I have a baby at home."),
        rubric=Rubric((Criterion("next-step", "commits_to_action", "You said when.", "Say when.",
                                 severity="essential"),), pass_mark=0.7),
        content_hash="abc",
    )
    lesson = Lesson("follow-through.promises", "Promises", 3, (), (exercise.id,), (Section("Promises", "Keep them."),),
                    root / "lesson.md", module_id="follow-through")
    module = Module("follow-through", 5, "Follow-through", "follow_through", "Close the loop.", "", (lesson,),
                    root / "module.md")
    return Course((module,), {exercise.id: exercise}, root, "v1")
