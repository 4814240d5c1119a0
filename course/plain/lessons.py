"""A lesson, a page at a time, as plain text; the page reached is kept, and the last page marks it read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from course.progress import Place
from course.showing import lesson_heading

from .markdown import plain_markdown
from .menu import Choice, choose

if TYPE_CHECKING:
    from course.content.model import Lesson

    from .session import PlainSession

__all__ = ["read_lesson"]


def _keep(session: PlainSession, lesson: Lesson, page: int) -> None:
    """The page reached, and the lesson started or (on its last page) read; the app's scroll is left as it was."""
    study = session.study
    last = page == len(lesson.sections) - 1
    study.save("your reading position", lambda: study.store.save_lesson_state(
        study.learner, lesson.id, status="done" if last else "started", page=page))
    study.save_place(Place("lesson", lesson.id, page=page))


def read_lesson(session: PlainSession, place: Place) -> Place:
    """Show the lesson from the page in ``place``; where the learner goes after it."""
    study = session.study
    try:
        lesson = study.course.lesson(place.target)
    except KeyError:
        session.say("That lesson is not in the course any more.")
        return Place("dashboard")
    module = study.module_of(lesson)
    pages = len(lesson.sections)
    page = max(0, min(place.page, pages - 1))
    session.say("")
    session.say(lesson_heading(lesson))
    while True:
        _keep(session, lesson, page)
        section = lesson.sections[page]
        session.say("")
        session.say(f"Page {page + 1} of {pages}: {section.title}")
        session.say("")
        session.say(plain_markdown(section.markdown))
        session.say("")
        practice = study.practice_for(lesson)
        choices: list[Choice[str]] = []
        if page < pages - 1:
            choices.append(Choice("Next page", "next", "n"))
        elif practice is not None:
            choices.append(Choice(f"Practise: {practice.title}", "practise", "e"))
        if page > 0:
            choices.append(Choice("Previous page", "previous", "p"))
        if page < pages - 1 and practice is not None:
            choices.append(Choice(f"Practise now: {practice.title}", "practise", "e"))
        choices.append(Choice(f"Back to the module ({module.title})", "back", "b"))
        done = " (the lesson is read)" if page == pages - 1 else ""
        picked = choose(session.terminal, f"End of page {page + 1} of {pages}{done}.", choices)
        if picked == "next":
            page += 1
        elif picked == "previous":
            page -= 1
        elif picked == "practise" and practice is not None:
            return Place("exercise", practice.id)
        else:
            return Place("module", module.id)
