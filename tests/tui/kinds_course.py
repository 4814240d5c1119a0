"""The app-test course with one more module: an exercise of every kind answered by arranging,
labelling or marking, and a short conversation with a customer who talks back.

Built from dataclasses on top of ``conftest.build_course`` so the pictures never move when
the bundled course is edited.
"""

from __future__ import annotations

from pathlib import Path

from course.content.model import (
    Branch,
    Conversation,
    Course,
    Criterion,
    CustomerLine,
    Exercise,
    LabelledItem,
    Lesson,
    Module,
    Rubric,
    Scenario,
    Section,
    TranscriptLine,
    Turn,
)

from .conftest import build_course

ORDER_ID = "capstone.steps"
CLASSIFY_ID = "capstone.sorting"
SPOT_ID = "capstone.slip"
CONVERSATION_ID = "capstone.double-charge"
PARAPHRASE_ID = "capstone.say-it-back"

STEPS = (
    "Thank them for getting in touch",
    "Name the feeling you hear",
    "Restate the facts",
    "Say what happens next, and when",
)

SORTED = (
    LabelledItem("I've rung three times this week.", "fact"),
    LabelledItem("Honestly, I'm at the end of my rope.", "feeling"),
    LabelledItem("Can you send the engineer before Friday?", "request"),
    LabelledItem("The meter was read on 4 March.", "fact"),
)

FIRST_PIECES = (
    CustomerLine("Hi. I've been charged twice for one order.", after=1.5),
    CustomerLine("89.99 both times, order 5521, and my rent goes out on the 1st.", after=2.0),
)
PASSING_REPLY = "I'm sorry you were charged twice for order 5521, that is worrying with rent due."
FAILING_REPLY = "Please calm down."
PASSING_SUMMARY = "So: you were charged twice, 89.99 each, on order 5521. Have I got that right?"
FAILING_SUMMARY = "OK, bye."


def _criterion(id: str, check: str, severity: str = "actionable", **params: object) -> Criterion:
    """A criterion with plain met and missed words."""
    return Criterion(id=id, check=check, severity=severity, params=params,
                     met=f"{id}: done well.", missed=f"{id}: missing.")


def conversation() -> Conversation:
    """Priya, charged twice: one reply, the closing summary, and two endings."""
    turns = {
        "start": Turn(
            id="start",
            customer=FIRST_PIECES,
            rubric=Rubric(criteria=(
                _criterion("heard-it", "mentions", facts=[["twice", "double"]]),
                _criterion("steady", "avoids", "essential", phrases=["calm down"]),
            ), pass_mark=0.7),
            on_pass=Branch("close", 1),
            on_fail=Branch("close", -1),
            model_answer="I'm sorry, Priya: two charges of 89.99 with rent due is worrying.",
        ),
        "close": Turn(
            id="close",
            customer=(CustomerLine("So what happens now?", after=1.0),),
            rubric=Rubric(criteria=(
                _criterion("facts", "mentions", "essential", facts_from="facts", at_least=2),
            ), pass_mark=0.7),
            on_pass=Branch("thanks", 1),
            on_fail=Branch("unsure", -1),
            summary=True,
            prompt="The refund is on its way. Sum up before she goes.",
            model_answer="So: charged twice, 89.99 each, order 5521. Have I got that right?",
        ),
        "thanks": Turn(id="thanks", customer=(CustomerLine("Great, thank you.", after=1.0),)),
        "unsure": Turn(id="unsure", customer=(CustomerLine("Hm. OK then.", after=1.0),)),
    }
    return Conversation(
        customer="Priya Shah", mood=0, facts=(("charged twice", "twice"), ("89.99",), ("5521",)),
        start="start", turns=turns,
    )


def kinds_course(root: Path) -> Course:
    """The app-test course plus a module holding order, classify, spot and conversation exercises."""
    base = build_course(root)
    exercises = {
        ORDER_ID: Exercise(
            id=ORDER_ID, kind="order", title="The shape of a good reply",
            prompt="Put the parts of a reply in the order that works best.",
            path=root / "exercises/capstone/steps.yaml", module_id="capstone", skill="empathy",
            items=STEPS, hints=("Feelings come before facts.",),
            explanation="Thanks, feeling, facts, then the next step: the customer hears they matter first.",
            content_hash="k1",
        ),
        CLASSIFY_ID: Exercise(
            id=CLASSIFY_ID, kind="classify", title="Feeling, fact or request?",
            prompt="Label each line: a feeling, a fact or a request.",
            path=root / "exercises/capstone/sorting.yaml", module_id="capstone", skill="attention",
            labels=("feeling", "fact", "request"), labelled=SORTED, content_hash="k2",
        ),
        SPOT_ID: Exercise(
            id=SPOT_ID, kind="spot", title="Where did it go wrong?",
            prompt="Mark the line where the agent stopped listening.",
            path=root / "exercises/capstone/slip.yaml", module_id="capstone", skill="attention",
            transcript=(
                TranscriptLine("customer", "My bill is £318; it's usually £90. I sent a reading on the 28th."),
                TranscriptLine("agent", "Thanks, I can see the £318 bill."),
                TranscriptLine("agent", "Could you send me a meter reading?"),
                TranscriptLine("customer", "I already did, on the 28th."),
            ),
            answers=(3,), explanation="Line 3 asks for the reading she had already sent.", content_hash="k3",
        ),
        PARAPHRASE_ID: Exercise(
            id=PARAPHRASE_ID, kind="paraphrase", title="Say it back", channel="phone",
            prompt="Say back what Priya told you, in your own words.",
            path=root / "exercises/capstone/say-it-back.yaml", module_id="capstone", skill="paraphrasing",
            scenario=Scenario(customer="Priya", message="You took the money twice and my rent is due."),
            rubric=Rubric(criteria=(
                _criterion("facts", "mentions", "essential", facts=[["twice", "double", "two times"], ["rent"]]),
            )),
            model_answer="So we charged you twice, and that leaves you short for the rent.",
            content_hash="k5",
        ),
        CONVERSATION_ID: Exercise(
            id=CONVERSATION_ID, kind="conversation", title="Charged twice", channel="chat",
            prompt="Priya has been charged twice. Let her finish, keep notes, and sum up at the end.",
            path=root / "exercises/capstone/double-charge.yaml", module_id="capstone",
            hints=("Wait until Priya has stopped typing.",), conversation=conversation(), content_hash="k4",
        ),
    }
    lesson = Lesson(
        id="capstone.putting-it-together", title="Putting it together", minutes=5, objectives=(),
        exercise_ids=tuple(exercises), sections=(Section("Putting it together", "Practise everything."),),
        path=root / "lessons/06-capstone/01-putting-it-together.md", module_id="capstone",
    )
    module = Module(
        id="capstone", number=6, title="Capstone", skill="", summary="Everything at once.",
        overview="Practise every kind of exercise.", lessons=(lesson,), path=root / "lessons/06-capstone",
    )
    return Course(
        modules=(*base.modules, module), exercises={**base.exercises, **exercises}, root=root, version="test",
    )


class Clock:
    """A clock the test moves by hand: the customer types only when it says so."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Let time pass."""
        self.now += seconds


def text_of(app: object) -> str:
    """Everything on the screen as plain text (what a learner reads)."""
    import html
    import re

    svg = app.export_screenshot()  # type: ignore[attr-defined]
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def help_text(dialog: object) -> str:
    """Everything a help window lists (its table), however much of it the window shows at once."""
    import io

    from rich.console import Console

    console = Console(width=200, record=True, file=io.StringIO())
    console.print(dialog._body)  # type: ignore[attr-defined]
    return console.export_text()


SIZE = (100, 34)
"""The size app tests run at."""


def app_at(course: Course, store: object, exercise_id: str, clock: Clock | None = None, screen: str = "exercise"):
    """The app for Dana (who must exist), ready for Continue to open this exercise (or its feedback)."""
    from course.progress import Place
    from course.tui.app import ListenApp

    from .conftest import LEARNER

    store.save_place(LEARNER, Place(screen, exercise_id))  # type: ignore[attr-defined]
    return ListenApp(course, store, clock=clock or Clock())  # type: ignore[arg-type]
