"""ProgressStore: what each learner on this machine has read, answered and left half-done."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from tinydb import where

from .archive import INDEX, LIMITS
from .events import StatementMaker, event_time
from .learners import check_name, ensure_learner, find_learner, meta, stored_name
from .outbox import LearningEvents, attempt_event_id
from .progressfile import STORE_FILE, ProgressFile
from .promise_book import PromiseBook, keep_promise, settle_promise
from .promises import Promise, Settlement, promise_id_of
from .records import (
    LESSON_STATUSES,
    SCREENS,
    Attempt,
    Learner,
    LessonState,
    Place,
    attempt_from_row,
    attempt_row,
    completed,
    learner_from_row,
    lesson_state_from_row,
    now,
    place_from_row,
)
from .storage import META, META_ROW
from .tallies import ExerciseTally, merged, tally_stored
from .trainer_work import TrainerWork
from .windows import left_behind, new_window_id, window_running

__all__ = ["ProgressStore"]

# The tables that hold one learner's own work, and what a reset clears.
_OWN_WORK = ("lesson_state", "attempts", "drafts", "places", "results", "promises")


class ProgressStore(LearningEvents, TrainerWork, PromiseBook):
    """Every learner's progress in one file in ``data_dir``, safe against crashes and other windows.

    Given a ``statements`` maker (``course.xapi.statement_maker``), every
    learning event also queues its statement in the outbox, in the same save.
    """

    def __init__(self, data_dir: Path, *, lock_timeout: float = 5.0,
                 statements: StatementMaker | None = None) -> None:
        self.data_dir = Path(data_dir)
        """The folder holding the progress file and its backups."""
        self.path = self.data_dir / STORE_FILE
        """The progress file."""
        self._file = ProgressFile(self.data_dir, lock_timeout=lock_timeout)
        self.notices: list[str] = self._file.notices
        """Plain-language notes for the learner gathered on open (a repaired file, a read-only folder)."""
        self._statements = statements
        self._sessions: dict[str, tuple[str, str]] = {}
        self.window = new_window_id()
        """This window's id: its drafts are its own (see ``save_draft``)."""
        self._drafts_seen: dict[tuple[str, str], dict[str, str]] = {}  # (learner, exercise) -> window -> text read
        self._tallies: dict[str, tuple[int, dict[str, ExerciseTally]]] = {}  # learner -> (generation, records)

    def close(self) -> None:
        """Let go of the store; everything is already saved."""
        self._file.db.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- learners -------------------------------------------------------------

    def learners(self) -> list[Learner]:
        """Everyone who studies on this machine, in the order they joined."""
        with self._file.reading() as db:
            return [learner_from_row(row) for row in db.table("learners").all()]

    def learner(self, name: str) -> Learner | None:
        """The learner called ``name`` (ignoring case), or None."""
        with self._file.reading() as db:
            row = find_learner(db, name)
            return learner_from_row(row) if row else None

    def add_learner(self, name: str) -> Learner:
        """A new learner; ValueError with a plain message if the name is empty, too long or taken."""
        name = check_name(name)
        with self._file.transaction() as db:
            existing = find_learner(db, name)
            if existing:
                raise ValueError(f"There is already a learner called {existing['name']}.")
            stamp = now()
            db.table("learners").insert({"name": name, "created": stamp, "last_seen": stamp})
            return Learner(name, stamp, stamp)

    def ensure_learner(self, name: str) -> Learner:
        """The learner called ``name``, made if new; either way marked as seen now."""
        with self._file.transaction() as db:
            return learner_from_row(ensure_learner(db, name))

    def rename_learner(self, old: str, new: str) -> None:
        """Give a learner a new name, keeping all their work."""
        new = check_name(new)
        with self._file.transaction() as db:
            row = find_learner(db, old)
            if row is None:
                raise ValueError(f"There is no learner called {old}.")
            clash = find_learner(db, new)
            if clash is not None and clash["name"] != row["name"]:
                raise ValueError(f"There is already a learner called {clash['name']}.")
            old = row["name"]
            db.table("learners").update({"name": new}, where("name") == old)
            for table in db.tables() - {META, "learners", INDEX}:
                db.table(table).update({"learner": new}, where("learner") == old)
            for table in LIMITS:
                self._file.archive.rewrite(self._file.storage.data, table, old, lambda row: {**row, "learner": new})
            self._file.storage.forget_rows()  # attempts rows were changed in place
            if old in self._sessions:
                self._sessions[new] = self._sessions.pop(old)
            if meta(db).get("last_learner") == old:
                db.table(META).update({"last_learner": new}, doc_ids=[int(META_ROW)])

    def delete_learner(self, name: str) -> None:
        """Remove a learner and all their work, keeping a backup first."""
        with self._file.transaction() as db:
            row = find_learner(db, name)
            if row is None:
                raise ValueError(f"There is no learner called {name}.")
            name = row["name"]
            self._file.backup_now(f"before-deleting-{name}")
            db.table("learners").remove(where("name") == name)
            for table in db.tables() - {META, "learners", INDEX}:
                db.table(table).remove(where("learner") == name)
            for table in LIMITS:
                self._file.archive.rewrite(self._file.storage.data, table, name, lambda row: None)
            if meta(db).get("last_learner") == name:
                db.table(META).update({"last_learner": None}, doc_ids=[int(META_ROW)])

    def arrive(self, name: str) -> str:
        """The learner sits down to study in this window: seen now, the last learner here, a session
        started; all in one save (a room of learners starting at once makes one save each). The session's id."""
        with self._file.transaction():
            self.ensure_learner(name)
            self.set_last_learner(name)
            return self.start_session(name)

    def last_learner(self) -> str | None:
        """Who studied here last, if they are still a learner."""
        with self._file.reading() as db:
            name = meta(db).get("last_learner")
            row = find_learner(db, name) if name else None
            return row["name"] if row else None

    def set_last_learner(self, name: str) -> None:
        """Remember ``name`` as who studied here last (ValueError if there is no such learner)."""
        with self._file.transaction() as db:
            row = find_learner(db, name)
            if row is None:
                raise ValueError(f"There is no learner called {name}.")
            if meta(db).get("last_learner") != row["name"]:  # no save when nothing changes
                db.table(META).update({"last_learner": row["name"]}, doc_ids=[int(META_ROW)])

    # -- lessons --------------------------------------------------------------

    def lesson_state(self, learner: str, lesson_id: str) -> LessonState:
        """How far ``learner`` got in a lesson; status ``new`` if never opened."""
        with self._file.reading() as db:
            rows = db.table("lesson_state").search(
                (where("learner") == stored_name(db, learner)) & (where("lesson_id") == lesson_id)
            )
            return lesson_state_from_row(rows[0]) if rows else LessonState(lesson_id, "new")

    def lesson_states(self, learner: str) -> dict[str, LessonState]:
        """Every lesson ``learner`` has opened, by lesson id."""
        with self._file.reading() as db:
            rows = db.table("lesson_state").search(where("learner") == stored_name(db, learner))
            return {row["lesson_id"]: lesson_state_from_row(row) for row in rows}

    def save_lesson_state(
        self,
        learner: str,
        lesson_id: str,
        *,
        status: str | None = None,
        page: int | None = None,
        scroll: float | None = None,
    ) -> None:
        """Note a lesson's status, page and scroll; a status only moves forward (``done`` stays done)."""
        if status is not None and status not in LESSON_STATUSES:
            raise ValueError(f"A lesson's status is one of {', '.join(LESSON_STATUSES)}, not {status!r}.")
        fields: dict[str, Any] = {}
        if page is not None:
            fields["page"] = max(0, int(page))
        if scroll is not None:
            fields["scroll"] = _finite(scroll)
        with self._file.transaction() as db:
            name = ensure_learner(db, learner)["name"]
            table = db.table("lesson_state")
            which = (where("learner") == name) & (where("lesson_id") == lesson_id)
            rows = table.search(which)
            before = rows[0]["status"] if rows else "new"
            wanted = status or "started"
            fields["status"] = max(before, wanted, key=LESSON_STATUSES.index)
            fields["updated"] = now()
            if rows:
                table.update(fields, which)
            else:
                table.insert({"learner": name, "lesson_id": lesson_id, "page": 0, "scroll": 0.0, **fields})
            if before == "new":
                self._event(db, "experienced", name, "lesson", lesson_id)
            if before != "done" and fields["status"] == "done":
                self._event(db, "completed", name, "lesson", lesson_id)

    # -- attempts -------------------------------------------------------------

    def record_attempt(self, learner: str, attempt: Attempt, *, promise: Promise | None = None,
                       settles: Settlement | None = None) -> Attempt:
        """Save an answer; it is on disk (fsync'd) when this returns. The attempt with its time and id.

        ``promise`` is a promise the answer made to its customer and ``settles``
        the promise a follow-up answer settled: both are saved in the same write
        as the attempt, or neither is.
        """
        if not attempt.at:  # to the millisecond: answers within one second keep their order in an LRS
            attempt = replace(attempt, at=event_time())
        attempt = completed(attempt)
        with self._file.transaction() as db:
            name = ensure_learner(db, learner)["name"]
            table = db.table("attempts")
            tables = self._file.storage.data
            for row in tables.get("attempts", {}).values():  # plain loop: ~20x a TinyDB query
                if row.get("id") == attempt.id:  # the same attempt sent twice is kept once
                    return attempt_from_row(row)
            archived = self._file.archive.find(tables, "attempts", attempt.id, attempt.at)
            if archived is not None:
                return attempt_from_row(archived)
            table.insert(attempt_row(name, attempt))
            if settles is not None:
                settle_promise(db, name, settles, attempt.id)
            if promise is not None:
                keep_promise(db, name, promise, attempt.id)
            self._event(db, "answered", name, "exercise", attempt.exercise_id,
                        id=attempt_event_id(attempt.id), at=attempt.at, attempt=attempt)
            kept = self._tallies.get(name)
            before = self._file.generation
        if kept is not None and kept[0] == before and self._file.generation == before + 1:
            # Nothing but this save happened since the records were counted: count the new answer in.
            kept[1].setdefault(attempt.exercise_id, ExerciseTally()).add(attempt.score, attempt.passed, attempt.seconds)
            self._tallies[name] = (self._file.generation, kept[1])
        return attempt

    def attempts(self, learner: str, exercise_id: str | None = None) -> list[Attempt]:
        """A learner's attempts (at one exercise, if given), oldest first.

        Only the rows are taken under the store's lock; the closed files are read and the attempts built
        after it, so a screen reading progress meanwhile never waits for a year of history.
        """
        with self._file.reading() as db:
            name = stored_name(db, learner)
            which = where("learner") == name
            if exercise_id is not None:
                which &= where("exercise_id") == exercise_id
            live = db.table("attempts").search(which)
            index = {INDEX: dict(self._file.storage.data.get(INDEX) or {})}
        archived = self._file.archive.rows(index, "attempts", learner=name, exercise_id=exercise_id)
        return [attempt_from_row(row) for row in (*archived, *live)]

    def exercise_tallies(self, learner: str) -> dict[str, ExerciseTally]:
        """The learner's record at each exercise they tried (with the trainer's grade where they changed one).

        Counted from the stored rows without building the attempts, and kept
        until progress changes, so a screen can ask for it every time it shows.
        """
        with self._file.reading() as db:
            name = stored_name(db, learner)
            kept = self._tallies.get(name)
            if kept is None or kept[0] != self._file.generation:
                tables = self._file.storage.data
                counted = merged(self._file.archive.tallies(tables, name), tally_stored(tables, name))
                kept = (self._file.generation, counted)
                if not self._file.in_transaction:  # unsaved changes are not kept as the file's
                    self._tallies[name] = kept
            return {exercise_id: record.copy() for exercise_id, record in kept[1].items()}

    def latest_attempt(self, learner: str, exercise_id: str) -> Attempt | None:
        """The learner's last saved answer to one exercise, if any (found from the newest end)."""
        with self._file.reading() as db:
            name = stored_name(db, learner)
            tables = self._file.storage.data
            for row in reversed(tables.get("attempts", {}).values()):
                if row.get("exercise_id") == exercise_id and row.get("learner") == name:
                    return attempt_from_row(row)
            for row in self._file.archive.rows(tables, "attempts", learner=name, exercise_id=exercise_id,
                                               newest_first=True):
                return attempt_from_row(row)
            return None

    def attempt_count(self, learner: str | None = None) -> int:
        """How many attempts are saved, for one learner or everyone."""
        with self._file.reading() as db:
            table, archive = db.table("attempts"), self._file.archive
            if learner is None:
                return len(table) + archive.count(self._file.storage.data, "attempts")
            name = stored_name(db, learner)
            return table.count(where("learner") == name) + archive.count(self._file.storage.data, "attempts", name)

    # -- drafts ---------------------------------------------------------------
    #
    # Each window keeps its own draft row, so two windows on one learner never
    # overwrite each other's half-typed answer. A window reads the newest draft
    # of an exercise; when it saves or clears its own, the rows it has taken
    # in (read unchanged) and rows of windows no longer running go with it.

    def save_draft(self, learner: str, exercise_id: str, text: str) -> None:
        """Keep a half-typed answer; an empty one clears the draft."""
        if not text:
            self.clear_draft(learner, exercise_id)
            return
        with self._file.transaction() as db:
            name = ensure_learner(db, learner)["name"]
            table = db.table("drafts")
            which = (where("learner") == name) & (where("exercise_id") == exercise_id)
            self._drop_taken_in(table, table.search(which), name, exercise_id)
            table.upsert(
                {"learner": name, "exercise_id": exercise_id, "text": str(text), "updated": event_time(),
                 "window": self.window},
                which & (where("window") == self.window),
            )
            self._drafts_seen[(name, exercise_id)] = {self.window: str(text)}

    def draft(self, learner: str, exercise_id: str) -> str | None:
        """The newest half-typed answer kept for an exercise (by any window), or None."""
        with self._file.reading() as db:
            name = stored_name(db, learner)
            rows = db.table("drafts").search((where("learner") == name) & (where("exercise_id") == exercise_id))
            if not rows:
                return None
            self._drafts_seen[(name, exercise_id)] = {row.get("window", ""): row["text"] for row in rows}
            newest = max(rows, key=lambda row: (str(row.get("updated", "")), row.doc_id))
            return str(newest["text"])

    def clear_draft(self, learner: str, exercise_id: str) -> None:
        """Forget this window's half-typed answer for an exercise (and the ones it took in)."""
        with self._file.transaction() as db:
            name = stored_name(db, learner)
            table = db.table("drafts")
            rows = table.search((where("learner") == name) & (where("exercise_id") == exercise_id))
            self._drop_taken_in(table, rows, name, exercise_id, own_too=True)
            self._drafts_seen.pop((name, exercise_id), None)

    def other_windows(self, learner: str) -> int:
        """How many other listen windows have ``learner`` open now (as far as this machine can tell)."""
        with self._file.reading() as db:
            name = stored_name(db, learner)
            mine = self._sessions.get(name, ("", ""))[0]
            return sum(1 for row in db.table("sessions").search(where("learner") == name)
                       if row.get("id") != mine and not left_behind(row))

    def _drop_taken_in(
        self, table: Any, rows: list[Any], name: str, exercise_id: str, *, own_too: bool = False
    ) -> None:
        seen = self._drafts_seen.get((name, exercise_id), {})
        gone = [row.doc_id for row in rows
                if (own_too and row.get("window", "") == self.window)
                or (row.get("window", "") != self.window
                    and (seen.get(row.get("window", "")) == row["text"] or not window_running(row.get("window", ""))))]
        if gone:
            table.remove(doc_ids=gone)

    # -- resume ---------------------------------------------------------------

    def save_place(self, learner: str, place: Place) -> None:
        """Remember where the learner is, to land exactly there next time."""
        if place.screen not in SCREENS:
            raise ValueError(f"A place's screen is one of {', '.join(SCREENS)}, not {place.screen!r}.")
        row = {
            "screen": place.screen,
            "target": str(place.target),
            "page": max(0, int(place.page)),
            "scroll": _finite(place.scroll),
            "updated": now(),
        }
        with self._file.transaction() as db:
            name = ensure_learner(db, learner)["name"]
            db.table("places").upsert({"learner": name, **row}, where("learner") == name)

    def place(self, learner: str) -> Place | None:
        """Where the learner was when they left, or None."""
        with self._file.reading() as db:
            rows = db.table("places").search(where("learner") == stored_name(db, learner))
            return place_from_row(rows[0]) if rows else None

    # -- resets ---------------------------------------------------------------

    def reset_exercise(self, learner: str, exercise_id: str) -> None:
        """Clear a learner's attempts and draft for one exercise, keeping a backup first."""
        self.reset_lessons_and_exercises(learner, (), (exercise_id,))

    def reset_lessons_and_exercises(self, learner: str, lesson_ids: Iterable[str], exercise_ids: Iterable[str]) -> None:
        """Clear a learner's state for these lessons and exercises (a module), keeping a backup first."""
        lessons, exercises = frozenset(lesson_ids), frozenset(exercise_ids)
        # A follow-up started afresh leaves its promise waiting again; promises its answers made go with them.
        answered = frozenset(filter(None, map(promise_id_of, exercises)))
        self._reset(
            learner,
            {
                "lesson_state": lambda row: row.get("lesson_id") in lessons,
                "attempts": lambda row: row.get("exercise_id") in exercises,
                "drafts": lambda row: row.get("exercise_id") in exercises,
                "promises": lambda row: row.get("exercise_id") in exercises,
            },
            unsettle=answered,
        )

    def reset_all(self, learner: str) -> None:
        """Clear all of a learner's progress (not the learner), keeping a backup first."""
        self._reset(learner, {table: lambda row: True for table in _OWN_WORK})

    def backup_now(self, reason: str) -> Path:
        """Copy the progress file into ``backups/`` now; the copy's path."""
        return self._file.backup_now(reason)

    # -- inside ---------------------------------------------------------------

    def _reset(self, learner: str, clear: dict[str, Any], *, unsettle: frozenset[str] = frozenset()) -> None:
        with self._file.transaction() as db:
            name = stored_name(db, learner)
            mine = where("learner") == name
            found = {
                table: [row.doc_id for row in db.table(table).search(mine) if clear[table](row)] for table in clear
            }
            settled = [row.doc_id for row in db.table("promises").search(mine)
                       if row.get("id") in unsettle and row.get("outcome")]
            # Rewritten closed files are saved with the rest, so the backup below still copies the file before
            # any of it; the files they replace are set aside only after that save.
            closed_away = "attempts" in clear and self._file.archive.rewrite(
                self._file.storage.data, "attempts", name, lambda row: None if clear["attempts"](row) else row)
            if not any(found.values()) and not settled and not closed_away:
                return
            self._file.backup_now(f"before-reset-{name}")
            for table, doc_ids in found.items():
                if doc_ids:
                    db.table(table).remove(doc_ids=doc_ids)
            if settled:
                db.table("promises").update({"settled_by": "", "outcome": "", "settled": ""}, doc_ids=settled)


def _finite(value: float) -> float:
    number = float(value)
    return number if math.isfinite(number) else 0.0
