"""What every subcommand shares: the global options, the course, the learner's store, the learner.

The course and the store are opened only by the commands that need them,
and their packages are imported only then, so ``listen --version`` and
``--help`` start at once.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, overload

import click

from .say import say
from .stop import Refused

if TYPE_CHECKING:
    from ..content import Course, Exercise
    from ..follow_up import CourseClock
    from ..progress import ProgressStore

__all__ = ["Settings", "settings_of", "exercise_or_stop"]


@dataclass
class Settings:
    """The global options, shared by every subcommand."""

    data_dir: Path
    content_dir: Path
    learner: str | None

    def course(self) -> Course:
        """The course, or Refused with a pointer to ``listen check`` if it is broken."""
        from ..content import ContentError  # on use, as every heavy import here (see the module)
        from ..content.cache import load_course_cached

        cache = self.data_dir / "cache" if self.data_dir.is_dir() else None  # never makes a folder by reading
        try:
            return load_course_cached(self.content_dir, cache)
        except ContentError as error:
            first = error.problems[0] if error.problems else "no course found"
            raise Refused(
                f"the course at {self.content_dir} has {len(error.problems)} problem(s), first: {first} "
                f"(run: listen check {self.content_dir})"
            ) from None

    def clock(self) -> CourseClock:
        """The course clock (``LISTEN_NOW`` or the computer's); Refused when ``LISTEN_NOW`` names no moment."""
        from ..follow_up import course_now

        try:
            course_now()
        except ValueError as error:
            raise Refused(str(error)) from None
        return course_now

    def store(self, course: Course | None = None, *, say_notices: bool = True) -> ProgressStore:
        """The learner's progress store, opened safely (its notices printed unless the app shows them).

        Every learning event it records also queues an xAPI statement in its outbox,
        named from ``course`` when given (ids otherwise).
        """
        from ..progress import ProgressStore, StoreError
        from ..xapi import statement_maker

        try:
            store = ProgressStore(self.data_dir, statements=statement_maker(self.data_dir, course))
        except StoreError as error:
            raise click.ClickException(str(error)) from None
        for notice in store.notices if say_notices else ():
            say(f"listen: {notice}", err=True)
        return store

    def reading_store(self, course: Course | None = None) -> ProgressStore:
        """The store for a command that only reads: Refused (status 2) when the data folder does not exist.

        Opening a store makes its folder; a command that only reads must not.
        """
        if not self.data_dir.is_dir():
            raise Refused(f"no learner yet: nothing is kept in {self.data_dir} (run `listen` to create your profile, "
                       "or check --data-dir)")
        return self.store(course)

    def reading_learner(self, store: ProgressStore) -> str:
        """The learner a read-only command reads: ``--learner`` only if that profile exists; never created or made
        the default."""
        if self.learner is None:
            return self.learner_name(store)
        name = self.learner.strip()
        known = store.learner(name)
        if known is None:
            names = [learner.name for learner in store.learners()]
            close = difflib.get_close_matches(name, names, n=1)
            hint = f" (did you mean {close[0]}?)" if close else (
                f" (known: {', '.join(names)})" if names else " (no profiles yet: run `listen` to create one)")
            raise Refused(f"no learner named {name!r}{hint}")
        return known.name

    @overload
    def learner_name(self, store: ProgressStore, *, required: Literal[True] = True, say: bool = True) -> str: ...

    @overload
    def learner_name(self, store: ProgressStore, *, required: bool, say: bool = True) -> str | None: ...

    def learner_name(self, store: ProgressStore, *, required: bool = True, say: bool = True) -> str | None:
        """``--learner`` (created on first use), else the last learner, else ask to create one."""
        if self.learner is not None:
            from ..progress import StoreError, StoreNotWritable

            name = self.learner.strip()
            try:
                store.ensure_learner(name)
                store.set_last_learner(name)
            except ValueError as error:
                raise Refused(str(error)) from None
            except StoreNotWritable as error:
                known = store.learner(name)
                if known is None:  # nobody to show: say why they cannot be added
                    raise click.ClickException(str(error)) from None
                # Their progress can still be read: say once that nothing new will be kept.
                store.notices.append(str(error))
                if say:
                    click.echo(f"listen: {error}", err=True)
                return known.name
            except StoreError as error:
                raise click.ClickException(str(error)) from None
            return name
        last = store.last_learner()
        if last is None and required:
            raise Refused("no learner yet: run `listen` to create your profile, or pass --learner NAME")
        return last


def exercise_or_stop(course: Course, exercise_id: str) -> Exercise:
    """The exercise with this id, or Refused with a close match."""
    try:
        exercise = course.exercise(exercise_id)
    except KeyError:
        from ..progress.promises import promise_id_of

        promise_id = promise_id_of(exercise_id)
        if promise_id is not None:
            raise Refused(f"'{exercise_id[:60]}' is a customer's follow-up: answer it with "
                          f"listen follow-up {promise_id[:8]}") from None
        close = difflib.get_close_matches(exercise_id, list(course.exercises), n=1)
        hint = f" (did you mean {close[0]}?)" if close else " (see them all with: listen list)"
        raise Refused(f"no exercise with id '{exercise_id}'{hint}") from None
    return exercise


def settings_of(ctx: click.Context) -> Settings:
    """The global options of the ``listen`` command this context runs under."""
    settings = ctx.find_root().obj
    assert isinstance(settings, Settings)
    return settings
