"""A sitting with ``listen --plain``: the main menu, modules, lessons, progress, settings, learners, leaving."""

from __future__ import annotations

import io

from course.plain import MAIN_MENU, MenuEntry, run_plain
from course.progress import Attempt, Place
from course.tui.preferences import conversation_preferences
from tests.tui.kinds_course import CONVERSATION_ID, PASSING_REPLY, Clock

from .conftest import LEARNER


def numbered(out: str, title: str) -> list[str]:
    """The numbered lines of the first menu with this title, as the learner reads them."""
    lines = out.splitlines()
    start = lines.index(title) + 1
    menu = []
    for line in lines[start:]:
        if not line.startswith("  ") or not line.strip()[:1].isdigit():
            break
        menu.append(line.strip())
    return menu


def test_the_main_menu_is_numbered_and_quit_leaves_with_status_0(sit) -> None:
    sitting = sit("6")
    assert sitting.status == 0
    assert numbered(sitting.out, f"Main menu · {LEARNER}") == [
        "1. Continue where I stopped: start with “How this course works” (c)",
        "2. Modules (m)",
        "3. Today's review: done for today (r)",
        "4. My progress (p)",
        "5. Settings (s)",
        "6. Quit (q)",
    ]
    assert sitting.out.rstrip().endswith("Goodbye.")


def test_a_choice_that_does_not_fit_is_said_in_one_line_and_asked_again(sit) -> None:
    sitting = sit("9", "modules?", "m", "b", "q")
    assert "There is no choice '9' here: type a number from 1 to 6, or one of the letters in brackets." in sitting.out
    assert "There is no choice 'modules?' here" in sitting.out
    assert "Modules" in sitting.out.splitlines() and "Traceback" not in sitting.out


def test_enter_alone_says_the_menu_again(sit) -> None:
    sitting = sit("", "q")
    assert sitting.out.count(f"Main menu · {LEARNER}") == 2


def test_the_modules_and_a_module_list_everything_with_its_status(sit, store) -> None:
    store.save_lesson_state(LEARNER, "welcome.how-it-works", status="done")
    store.record_attempt(LEARNER, Attempt("welcome.first-step", [0], 1.0, True))
    sitting = sit("m", "1", "q")
    assert numbered(sitting.out, "Modules") == [
        "1. Module 0, Welcome: score 50%", "2. Module 2, Empathy: score 0%", "3. Module 6, Capstone: score 0%",
        "4. Back to the main menu (b)",
    ]
    assert "Module 0, Welcome: score 50% · lessons 1 of 1 read · exercises 1 of 2 passed" in sitting.out
    assert numbered(sitting.out, "Lessons and exercises:") == [
        "1. Lesson: How this course works · 3 min · done",
        "2.   Exercise: The first thing to do · choose one · passed, best 100%",
        "3.   Exercise: Good listening habits · choose all that apply · new",
        "4. Back to the main menu (b)",
    ]


def test_a_lesson_reads_a_page_at_a_time_as_plain_text_and_its_last_page_marks_it_read(sit, store) -> None:
    sitting = sit("c", "n", "q")
    out = sitting.out
    assert "Page 1 of 2: How this course works" in out and "Page 2 of 2: Exercises" in out
    assert "Lessons come a page at a time." in out
    assert "    I really need this today." in out  # the quotation indented, its emphasis without asterisks
    assert "*" not in out.split("Page 2 of 2")[1].split("End of page")[0]
    state = store.lesson_state(LEARNER, "welcome.how-it-works")
    assert (state.status, state.page) == ("done", 1)
    assert store.place(LEARNER) == Place("lesson", "welcome.how-it-works", page=1)


def test_continue_lands_on_the_page_left_and_leaving_half_way_keeps_the_lesson_started(sit, store) -> None:
    store.save_place(LEARNER, Place("lesson", "empathy.naming-the-feeling", page=1))
    sitting = sit("c", "q")
    assert "Continue where I stopped: Naming the feeling · page 2 of 3" in sitting.out
    assert "Page 2 of 3: Why it works" in sitting.out and "Page 1 of 3" not in sitting.out
    assert store.lesson_state(LEARNER, "empathy.naming-the-feeling").status == "started"


def test_practise_at_the_end_of_a_lesson_opens_its_first_exercise(sit) -> None:
    sitting = sit("c", "n", "e", "q")
    assert "Practise: The first thing to do (e)" in sitting.out
    assert "Exercise 1 of 2 in Welcome · choose one" in sitting.out


def test_my_progress_says_each_module_the_skills_and_the_answers_recorded(sit, store) -> None:
    sit("c", "n", "e", "2")  # a wrong pick: recorded all the same
    sitting = sit("p", "q")
    assert "Your progress, Dana: 0 of 3 modules passed, 1 answers recorded." in sitting.out
    assert "- Module 0, Welcome: score 0% · lessons 1 of 1 read · exercises 0 of 2 passed" in sitting.out
    assert "Skills (from your latest answer to each exercise):" in sitting.out


def test_settings_turn_the_finished_cue_off_and_the_conversation_stops_saying_it(sit, store) -> None:
    sitting = sit("s", "f", "t", "2", "b", "q")
    chosen = conversation_preferences(store.data_dir, LEARNER)
    assert (chosen.finished_cue, chosen.pace) == (False, "slow")
    assert "Say when the customer has finished (“Priya has finished: your turn.”): off" in sitting.out
    quiet = sit("c", at=Place("exercise", CONVERSATION_ID))
    assert "Priya: Hi. I've been charged twice for one order." in quiet.out
    assert "has finished: your turn" not in quiet.out
    sit("s", "f", "b", "q")
    said = sit("c", at=Place("exercise", CONVERSATION_ID))
    assert "✓ Priya has finished: your turn.\nyou> " in said.out


def test_another_feature_adds_a_main_menu_entry_with_one_line(sit, monkeypatch) -> None:
    entries = list(MAIN_MENU)
    entries.insert(-1, MenuEntry("x", "Something extra", "tests.plain.extra_entry:greet",
                                 offered="tests.plain.extra_entry:offered"))
    monkeypatch.setattr("course.plain.menu.MAIN_MENU", entries)
    monkeypatch.setattr("course.plain.session.MAIN_MENU", entries)
    sitting = sit("x", "q")
    assert "6. Something extra (x)" in sitting.out and "7. Quit (q)" in sitting.out
    assert "The extra entry ran." in sitting.out


def test_a_first_learner_gives_their_name_and_a_second_picks_themselves(course, private_data_dir) -> None:
    from course.progress import ProgressStore

    store = ProgressStore(private_data_dir)
    out = io.StringIO()
    assert run_plain(course, store, None, stdin=io.StringIO("   \nAna\nq\n"), stdout=out, clock=Clock()) == 0
    assert "What is your name?" in out.getvalue() and "Hello, Ana." in out.getvalue()
    store.add_learner("Ben")
    out = io.StringIO()
    run_plain(course, store, None, stdin=io.StringIO("2\nq\n"), stdout=out, clock=Clock())
    assert "Who is learning?" in out.getvalue() and "1. Ana (last here)" in out.getvalue()
    assert "Hello, Ben." in out.getvalue() and store.last_learner() == "Ben"
    store.close()


def test_the_end_of_input_anywhere_leaves_cleanly(sit) -> None:
    for lines in ([], ["m"], ["m", "3"], ["c", "n"]):
        sitting = sit(*lines)
        assert sitting.status == 0 and sitting.out.rstrip().endswith("Goodbye."), lines


def test_a_sitting_is_a_session_in_the_learners_records_as_the_apps_is(course, tmp_path) -> None:
    from course.progress import ProgressStore
    from course.xapi import statement_maker

    store = ProgressStore(tmp_path / "data", statements=statement_maker(tmp_path / "data", course))
    run_plain(course, store, "Ana", stdin=io.StringIO("q\n"), stdout=io.StringIO(), clock=Clock())
    verbs = [queued.statement["verb"]["id"].rsplit("/", 1)[-1] for queued in store.outbox()]
    assert verbs == ["initialized", "terminated"]
    store.close()


def test_the_reply_read_in_the_conversation_is_the_apps_own_words(sit) -> None:
    sitting = sit("c", PASSING_REPLY, at=Place("exercise", CONVERSATION_ID))
    assert "✓ Good reply · 2 of 2 points · Priya: calmer ▲ up 1" in sitting.out
