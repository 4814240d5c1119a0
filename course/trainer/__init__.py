"""Trainers: assignments, results bundles, feedback files and cohort reports, all offline.

Everything a trainer and a learner pass between machines is a JSON file with
a ``format`` and a ``schema_version``, checked in full before anything is
written. This package sits on ``course.progress`` and never imports Textual.
"""

from course.progress.trainer_work import Assignment, ImportCounts, TrainerNote

from .assignments import assignment_document, assignment_statuses, make_assignment, note_completed_assignments
from .bundles import ResultsBundle, bundle_from_document, export_bundle
from .cohort import CohortReport, cohort_report
from .collect import bundle_paths, read_bundles, works_from_store
from .feedback import AnswerToReview, FeedbackDraft, feedback_for
from .files import MAX_FILE_BYTES, RejectedFile, read_document, write_document
from .imports import Imported, import_file
from .profile import SkillProfile, learner_profile, skill_profile
from .standing import DEFAULT_PASS_MARK, AssignmentStatus, LearnerWork, ModuleStanding

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
