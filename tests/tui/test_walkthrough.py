"""A learner's way through the app, key by key, checked against what the store keeps."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static, TextArea

from course.progress import Place, ProgressStore
from course.tui.app import ListenApp
from course.tui.kinds import SCREENS
from course.tui.screens.dashboard import DashboardScreen
from course.tui.screens.feedback import FeedbackScreen
from course.tui.screens.learner import LearnerPicker, NameScreen
from course.tui.screens.lesson import LessonScreen
from course.tui.screens.module import ModuleScreen
from course.tui.screens.text_exercise import TextExerciseScreen

from .conftest import LEARNER

SIZE = (100, 34)
ANSWER = "I'm so sorry Dana, that sounds stressful with the party on Saturday."


def text_of(app: ListenApp) -> str:
    """Everything on the screen as plain text (what a learner reads)."""
    import html
    import re

    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


async def test_first_run_to_feedback_and_back(course, data_dir: Path) -> None:
    store = ProgressStore(data_dir)
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NameScreen)
        await pilot.press("enter")
        assert "Please type your name" in str(app.screen.query_one("#problem", Static).render())
        await pilot.press(*LEARNER, "enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert [learner.name for learner in store.learners()] == [LEARNER]

        await pilot.press("tab", "down", "enter")  # the modules list, Empathy
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen) and app.screen.module.id == "empathy"

        await pilot.press("enter")  # the first lesson
        await pilot.pause()
        lesson = app.screen
        assert isinstance(lesson, LessonScreen) and lesson.page == 0
        assert "page 1 of 3" in text_of(app)
        await pilot.press("n", "right")
        assert lesson.page == 2
        assert store.lesson_state(LEARNER, lesson.lesson.id).status == "done"
        await pilot.press("p")
        assert lesson.page == 1 and store.place(LEARNER) == Place("lesson", lesson.lesson.id, page=1)
        await pilot.press("n", "n")  # on the last page, n is Practise
        await pilot.pause()
        assert isinstance(app.screen, TextExerciseScreen)
        assert app.screen.exercise.id == "empathy.late-gift"

        await pilot.press(*ANSWER)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        attempts = store.attempts(LEARNER, "empathy.late-gift")
        assert len(attempts) == 1 and attempts[0].answer == ANSWER
        assert store.draft(LEARNER, "empathy.late-gift") is None
        shown = text_of(app)
        assert "✓ PASSED" in shown or "✗ NOT YET" in shown
        assert "must" in shown and "essential" not in shown

        await pilot.press("escape")  # feedback took the exercise's place: back is the lesson
        await pilot.pause()
        assert app.screen is lesson
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "lessons 1/2" in text_of(app)


async def test_quit_mid_answer_then_continue_lands_on_the_same_text(course, data_dir: Path, dana: str, store) -> None:
    store.save_place(dana, Place("exercise", "empathy.late-gift"))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Continue: The late birthday gift" in text_of(app)
        await pilot.press("enter")  # Continue has focus
        await pilot.pause()
        assert isinstance(app.screen, TextExerciseScreen)
        await pilot.press(*"Half an answer")
        await pilot.press("ctrl+q")  # long before the draft timer fires
    store.close()

    again = ProgressStore(data_dir)
    app = ListenApp(course, again)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, TextExerciseScreen)
        assert app.screen.query_one(TextArea).text == "Half an answer"
        assert isinstance(app.screen_stack[-2], ModuleScreen)  # escape goes where it should
    again.close()


async def test_answer_that_looks_like_markup_is_shown_as_typed(course, dana: str, store) -> None:
    store.save_draft(dana, "empathy.late-gift", "[bold]hi[/] [link=x]there")
    store.save_place(dana, Place("exercise", "empathy.late-gift"))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert "[bold]hi[/] [link=x]there" in text_of(app)


async def test_feedback_keys_retry_model_answer_next(course, dana: str, store) -> None:
    store.save_place(dana, Place("exercise", "empathy.late-gift"))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"Your order ships soon", "ctrl+s")
        await pilot.pause()
        assert "✗ NOT YET" in text_of(app)
        await pilot.press("m")
        await pilot.pause()
        assert "with the party on Saturday I can see why" in text_of(app)
        await pilot.press("escape", "r")
        await pilot.pause()
        assert "Keep your text" in text_of(app) and "Start afresh" in text_of(app)
        await pilot.press("enter")  # keeping the text is the ready choice
        await pilot.pause()
        assert isinstance(app.screen, TextExerciseScreen)
        assert app.screen.query_one(TextArea).text == "Your order ships soon"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, TextExerciseScreen)
        assert app.screen.exercise.id == "empathy.cold-reply"
        assert "The reply to rewrite" in text_of(app)
    assert len(store.attempts(dana, "empathy.late-gift")) == 2


async def test_retry_afresh_clears_the_box_and_a_rewrite_starts_from_the_reply(course, dana: str, store) -> None:
    store.save_place(dana, Place("exercise", "empathy.cold-reply"))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        original = course.exercise("empathy.cold-reply").original.strip()
        box = app.screen.query_one(TextArea)
        assert box.text == original  # nothing typed yet: the reply to rewrite is the starting point
        box.load_text("Sorry.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        await pilot.press("r", "a")  # start afresh
        await pilot.pause()
        assert isinstance(app.screen, TextExerciseScreen)
        assert app.screen.query_one(TextArea).text == original


async def test_feedback_hints_come_one_at_a_time(course, dana: str, store) -> None:
    store.save_place(dana, Place("exercise", "empathy.late-gift"))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"Your order ships soon", "ctrl+s")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        shown = text_of(app)
        assert "What is Dana feeling?" in shown and "Mention the party." not in shown and "Hint 1 of 2" in shown
        await pilot.press("escape", "h")
        await pilot.pause()
        assert "Mention the party." in text_of(app) and "Hint 2 of 2" in text_of(app)


async def test_hints_come_one_at_a_time(course, dana: str, store) -> None:
    store.save_place(dana, Place("exercise", "empathy.late-gift"))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+g")
        shown = text_of(app)
        assert "Hint 1 of 2: What is Dana feeling?" in shown and "Hint 2 of 2" not in shown
        await pilot.press("ctrl+g")
        assert "Hint 2 of 2: Mention the party." in text_of(app)
        assert app.screen.query_one(TextArea).text == ""  # hints never type into the answer


async def test_choice_exercise_right_answer_passes(course, dana: str, store) -> None:
    store.save_place(dana, Place("exercise", "welcome.first-step"))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        shown = text_of(app)
        assert shown.index("Forward it to a manager") < shown.index("Read the whole message")  # shuffled
        await pilot.press("end", "enter")  # the right option, shown last
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert "✓ PASSED" in text_of(app)
    [attempt] = store.attempts(dana, "welcome.first-step")
    assert attempt.answer == [0] and attempt.passed and attempt.score == 1.0


async def test_multi_exercise_judges_every_option(course, dana: str, store) -> None:
    store.save_place(dana, Place("exercise", "welcome.good-habits"))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("space", "down", "space", "ctrl+s")
        await pilot.pause()
        shown = text_of(app)
        assert "✓ PASSED" in shown and "3 of 3 options" in shown
    assert store.attempts(dana, "welcome.good-habits")[0].answer == [0, 1]


async def test_kinds_without_a_screen_are_never_listed(course, dana: str, store, monkeypatch) -> None:
    # Every kind has a screen now: pretend order has none, as a kind added to content first would.
    without_order = frozenset(SCREENS) - {"order"}
    monkeypatch.setattr("course.tui.app.playable_kinds", lambda: without_order)
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab", "down", "enter")
        await pilot.pause()
        shown = text_of(app)
        assert "The late birthday gift" in shown
        assert "Steps in order" not in shown
        contents = app.screen.query_one("#contents", OptionList)
        ids = [contents.get_option_at_index(n).id for n in range(contents.option_count)]
        assert "exercise:empathy.late-gift" in ids and "exercise:empathy.in-order" not in ids
        await pilot.press("escape")
        await pilot.pause()
        assert "lessons 0/2 · exercises 0/2" in text_of(app)  # the dashboard counts what can be done


async def test_several_learners_pick_the_last_one_or_add_someone(course, store) -> None:
    store.add_learner("Ali")
    store.add_learner(LEARNER)
    store.set_last_learner(LEARNER)
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LearnerPicker)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "Hello, Dana." in text_of(app)

    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("end", "enter")  # + New learner
        await pilot.pause()
        assert isinstance(app.screen, NameScreen)
        await pilot.press(*"Ali", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NameScreen)  # taken: the store says why
        assert str(app.screen.query_one("#problem", Static).render()).strip()
        app.screen.query_one(Input).value = ""
        await pilot.press(*"Sam", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert store.last_learner() == "Sam"


async def test_store_notices_are_shown(course, dana: str, store) -> None:
    store.notices.append("Your progress file was damaged; yesterday's backup was restored.")
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert "backup was restored" in text_of(app)


async def test_help_lists_the_keys_of_the_screen(course, dana: str, store) -> None:
    store.save_place(dana, Place("lesson", "empathy.naming-the-feeling", page=2))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        shown = text_of(app)
        assert "Practise" in shown and "Previous page" in shown and "Scroll the page" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)


async def test_command_palette_jumps_to_a_lesson(course, dana: str, store) -> None:
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"saying thank")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert app.screen.lesson.id == "empathy.saying-thanks"
        assert isinstance(app.screen_stack[-2], ModuleScreen)
        # A one-page lesson with nothing to practise here: n leads back to the module.
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen)


async def test_ctrl_c_quits_and_keeps_the_draft(course, dana: str, store) -> None:
    store.save_place(dana, Place("exercise", "empathy.late-gift"))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"kept", "ctrl+c")  # in the answer box, with nothing selected to copy
        await pilot.pause()
    assert app.return_code == 0
    assert store.draft(dana, "empathy.late-gift") == "kept"


async def test_tab_leaves_the_answer_box_and_h_then_gives_a_hint(course, dana: str, store) -> None:
    store.save_place(dana, Place("exercise", "empathy.late-gift"))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("h")  # in the box: a letter
        assert app.screen.query_one(TextArea).text == "h"
        await pilot.press("shift+tab", "h")  # out of the box: a hint
        assert app.screen.query_one(TextArea).text == "h"
        assert "Hint 1 of 2" in text_of(app)


async def test_the_grader_s_report_card_opens_from_the_command_palette(course, dana: str, store) -> None:
    from course.tui.screens.dialogs import ReportCardDialog

    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"trust the grader")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReportCardDialog)
        assert "a one-line rule gets" in text_of(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReportCardDialog)
