"""The learner's progress in plain lines: each module, each skill, each assignment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from course.trainer import assignment_statuses
from course.trainer.profile import SKILL_NAMES, learner_profile

if TYPE_CHECKING:
    from course.progress import Place

    from .session import PlainSession

__all__ = ["progress_text", "show_progress"]


def progress_text(session: PlainSession) -> str:
    """Modules (lessons read, exercises passed), the skills seen so far, and any assignments."""
    study = session.study
    rows = study.module_rows()
    done = sum(row.status == "done" for row in rows)
    lines = [f"Your progress, {study.learner}: {done} of {len(rows)} modules passed, "
             f"{study.store.attempt_count(study.learner)} answers recorded.", "", "Modules:"]
    for row in rows:
        passed = " (passed)" if row.passed else ""
        lines.append(f"- Module {row.module.number}, {row.module.title}: score {round(row.score * 100)}%{passed} · "
                     f"lessons {row.lessons_done} of {row.lessons_total} read · "
                     f"exercises {row.exercises_passed} of {row.exercises_total} passed")
    profile = learner_profile(study.store, study.learner)
    skills = [f"- {name}: {round(share * 100)}% of what your answers were judged on"
              for skill, name in SKILL_NAMES.items() if (share := profile.share(skill)) is not None]
    if skills:
        lines += ["", "Skills (from your latest answer to each exercise):", *skills]
    titles = {module.id: module.title for module in study.course.modules}
    statuses = assignment_statuses(study.course, study.store, study.learner)
    if statuses:
        lines += ["", "Assignments:"]
    for status in statuses:
        assignment = status.assignment
        modules = ", ".join(titles.get(module, module) for module in assignment.modules)
        lines.append(f"- {modules}: due {assignment.due} ({status.due_words}) · pass mark "
                     f"{round(assignment.pass_mark * 100)}% · now {round(status.score * 100)}%")
    return "\n".join(lines)


def show_progress(session: PlainSession) -> Place | None:
    """Say the progress; back to the main menu."""
    session.say("")
    session.say(progress_text(session))
    return None
