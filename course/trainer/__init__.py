"""Trainers: assignments, results bundles, feedback files and cohort reports, all offline.

Everything a trainer and a learner pass between machines is a JSON file with
a ``format`` and a ``schema_version``, checked in full before anything is
written. This package sits on ``course.progress`` and never imports Textual.
"""

from importlib import import_module
from typing import Any

__all__ = [
    "Assignment",
    "TrainerNote",
    "ImportCounts",
    "make_assignment",
    "assignment_document",
    "assignment_statuses",
    "note_completed_assignments",
    "ResultsBundle",
    "export_bundle",
    "bundle_from_document",
    "CohortReport",
    "cohort_report",
    "bundle_paths",
    "read_bundles",
    "works_from_store",
    "AnswerToReview",
    "FeedbackDraft",
    "feedback_for",
    "MAX_FILE_BYTES",
    "RejectedFile",
    "read_document",
    "write_document",
    "Imported",
    "import_file",
    "SkillProfile",
    "learner_profile",
    "skill_profile",
    "DEFAULT_PASS_MARK",
    "AssignmentStatus",
    "LearnerWork",
    "ModuleStanding",
]

_HOMES = {
    "Assignment": "course.progress.trainer_work",
    "ImportCounts": "course.progress.trainer_work",
    "TrainerNote": "course.progress.trainer_work",
    "assignment_document": ".assignments",
    "assignment_statuses": ".assignments",
    "make_assignment": ".assignments",
    "note_completed_assignments": ".assignments",
    "ResultsBundle": ".bundles",
    "bundle_from_document": ".bundles",
    "export_bundle": ".bundles",
    "CohortReport": ".cohort",
    "cohort_report": ".cohort",
    "bundle_paths": ".collect",
    "read_bundles": ".collect",
    "works_from_store": ".collect",
    "AnswerToReview": ".feedback",
    "FeedbackDraft": ".feedback",
    "feedback_for": ".feedback",
    "MAX_FILE_BYTES": ".files",
    "RejectedFile": ".files",
    "read_document": ".files",
    "write_document": ".files",
    "Imported": ".imports",
    "import_file": ".imports",
    "SkillProfile": ".profile",
    "learner_profile": ".profile",
    "skill_profile": ".profile",
    "DEFAULT_PASS_MARK": ".standing",
    "AssignmentStatus": ".standing",
    "LearnerWork": ".standing",
    "ModuleStanding": ".standing",
}
"""Where each public name lives: imported on first use, so the app's start pays only for what it shows."""


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = import_module(home, __name__) if home.startswith(".") else import_module(home)
    return getattr(module, name)
