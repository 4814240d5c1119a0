"""A tiny course and a fresh progress store for every app test."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.content.model import (
    Course,
    Criterion,
    Exercise,
    Lesson,
    Module,
    Option,
    Rubric,
    Scenario,
    Section,
)

LEARNER = "Dana"


@pytest.fixture(autouse=True)
def listen_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every app test away from the real user data dir."""
    home = tmp_path / "listen-home"
    monkeypatch.setenv("LISTEN_HOME", str(home))
    return home


def _paragraphs(topic: str, count: int) -> str:
    """Enough text on a page to scroll at 100×34."""
    return "\n\n".join(
        f"Paragraph {n} about {topic}. Read the whole message before you answer, and let the "
        f"customer finish. Notice the words that carry feeling as well as the facts."
        for n in range(1, count + 1)
    )


def build_course(root: Path) -> Course:
    """Two modules, three lessons and five exercises of every kind the app plays (and one it does not)."""
    welcome_lesson = Lesson(
        id="welcome.how-it-works",
        title="How this course works",
        minutes=3,
        objectives=("Know how lessons and exercises fit together",),
        exercise_ids=("welcome.first-step", "welcome.good-habits"),
        sections=(
            Section("How this course works", "Lessons come a page at a time."),
            Section("Exercises", "Then you answer real customer messages.\n\n> I *really* need this today."),
        ),
        path=root / "lessons/00-welcome/01-how-it-works.md",
        module_id="welcome",
    )
    naming = Lesson(
        id="empathy.naming-the-feeling",
        title="Naming the feeling",
        minutes=6,
        objectives=("Spot emotion words", "Name the feeling before the fix"),
        exercise_ids=("empathy.late-gift", "empathy.cold-reply", "empathy.in-order"),
        sections=(
            Section("Naming the feeling", _paragraphs("feelings", 3)),
            Section("Why it works", _paragraphs("calm", 14)),
            Section(
                "A worked example",
                "> My order is late again.\n\n**Weak:** It ships Friday.\n\n**Strong:** That is frustrating.",
            ),
        ),
        path=root / "lessons/02-empathy/01-naming-the-feeling.md",
        module_id="empathy",
    )
    thanks = Lesson(
        id="empathy.saying-thanks",
        title="Saying thank you",
        minutes=4,
        objectives=(),
        exercise_ids=(),
        sections=(Section("Saying thank you", "Thank the customer for telling you."),),
        path=root / "lessons/02-empathy/02-saying-thanks.md",
        module_id="empathy",
    )
    criteria = (
        Criterion(
            id="names-feeling", check="acknowledges_emotion", weight=3, severity="essential",
            met="You named how Dana feels: that is what calms a message like this.",
            missed="Dana is upset and worried about the party. Say so before anything else.",
        ),
        Criterion(
            id="key-facts", check="mentions", params={"facts": [["party", "birthday"], ["saturday"]], "at_least": 1},
            met="You showed you caught the facts that matter to her.",
            missed="Mention the party or Saturday: it shows you read the whole message.",
        ),
        Criterion(
            id="no-blame", check="avoids", params={"phrases": ["calm down", "as per our policy"]},
            severity="essential",
            met="No blame and no brush-off.", missed="Leave out phrases that push the customer away.",
        ),
    )
    exercises = {
        "welcome.first-step": Exercise(
            id="welcome.first-step", kind="choice", title="The first thing to do",
            prompt="A customer writes in, upset. What do you do first?",
            path=root / "exercises/welcome/first-step.yaml", module_id="welcome",
            options=(
                Option("Read the whole message", correct=True, feedback="Yes: everything else builds on it."),
                Option("Reply at once with a fix", feedback="Fast, but you may fix the wrong thing."),
                Option("Forward it to a manager", feedback="Not before you know what it is about."),
            ),
            hints=("What would you need before you can help?",),
            explanation="Listening starts with reading all of it.",
            content_hash="h1",
        ),
        "welcome.good-habits": Exercise(
            id="welcome.good-habits", kind="multi", title="Good listening habits",
            prompt="Which of these are good listening habits?",
            path=root / "exercises/welcome/good-habits.yaml", module_id="welcome",
            options=(
                Option("Let the customer finish", correct=True, feedback="Yes."),
                Option("Name the feeling you hear", correct=True, feedback="Yes."),
                Option("Plan your answer while they talk", feedback="That is listening to yourself."),
            ),
            content_hash="h2",
        ),
        "empathy.late-gift": Exercise(
            id="empathy.late-gift", kind="reply", title="The late birthday gift", channel="chat",
            prompt="Write your first reply. Show Dana you heard her before you offer anything.",
            path=root / "exercises/empathy/late-gift.yaml", module_id="empathy",
            scenario=Scenario(
                customer="Dana",
                message="I ordered the bike for my son's birthday two weeks ago and it STILL hasn't arrived. "
                "His party is on Saturday. This is ridiculous.",
                history="Second contact about order 4471.",
            ),
            rubric=Rubric(criteria=criteria, pass_mark=0.7),
            hints=("What is Dana feeling? Which words tell you?", "Mention the party."),
            model_answer="I'm so sorry, Dana: with the party on Saturday I can see why you're upset. "
            "Let me check where the bike is right now.",
            content_hash="h3",
        ),
        "empathy.cold-reply": Exercise(
            id="empathy.cold-reply", kind="rewrite", title="Warm up a cold reply", channel="email",
            prompt="Rewrite this reply so the customer feels heard.",
            path=root / "exercises/empathy/cold-reply.yaml", module_id="empathy",
            original="As per our policy, refunds take 10 days.",
            rubric=Rubric(criteria=criteria[:1], pass_mark=0.7),
            content_hash="h4",
        ),
        "empathy.in-order": Exercise(
            id="empathy.in-order", kind="order", title="Steps in order",
            prompt="Put the steps in order.", path=root / "exercises/empathy/in-order.yaml",
            module_id="empathy", items=("Thank them", "Name the feeling"), content_hash="h5",
        ),
    }
    modules = (
        Module(
            id="welcome", number=0, title="Welcome", skill="",
            summary="How the course works and why listening matters.",
            overview="Start here: how lessons and exercises fit together.",
            lessons=(welcome_lesson,), path=root / "lessons/00-welcome",
        ),
        Module(
            id="empathy", number=2, title="Empathy", skill="empathy",
            summary="Show the customer you understand how they feel.",
            overview="Empathy is *showing* you understand. This module has two lessons.",
            lessons=(naming, thanks), path=root / "lessons/02-empathy",
        ),
    )
    return Course(modules=modules, exercises=exercises, root=root, version="test")


@pytest.fixture
def course(tmp_path: Path) -> Course:
    """The fixture course."""
    return build_course(tmp_path / "course")


@pytest.fixture
def data_dir(listen_home: Path) -> Path:
    """Where the progress store lives."""
    return listen_home


@pytest.fixture
def store(data_dir: Path):
    """A fresh progress store (closed after the test)."""
    from course.progress import ProgressStore

    opened = ProgressStore(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def dana(store) -> str:
    """A learner who already exists."""
    store.add_learner(LEARNER)
    return LEARNER
