"""Read a course folder (``lessons/`` and ``exercises/``) into a ``Course``.

Every problem is collected with its file and line; nothing here raises on bad
content except ``load_course``, which raises one ``ContentError`` listing them all.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from course.plainfile import NotAFile, open_plain_file, read_plain_file

from .exercises import build_exercise
from .files import content_files
from .lessons import build_lesson, read_module
from .model import Course, Exercise, Lesson, Module
from .problems import ContentError, Problem
from .yamlfile import YamlProblem, parse_yaml

__all__ = ["load_course", "read_course", "content_files"]

MODULE_FOLDER = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")
LESSON_FILE = re.compile(r"^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
EXERCISE_SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 1_000_000


def load_course(root: Path) -> Course:
    """The course at ``root``; raises ContentError listing every problem."""
    course, problems = read_course(root)
    if problems or course is None:
        raise ContentError(problems or [Problem(root, 0, "no course found here")])
    return course


def read_course(root: Path) -> tuple[Course | None, list[Problem]]:
    """The course (None if nothing usable) and every problem found."""
    reader = _Reader(Path(root))
    return reader.read(), sorted(reader.problems)


class _Reader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.hashes: dict[Path, str] = {}
        self.home = self.root.resolve()
        """The course folder itself, links resolved: nothing outside it is read."""
        self.refused: set[Path] = set()
        """Paths that are links out of the folder, pipes or devices: never opened again."""
        self.unreadable_ids: set[str] = set()
        """Ids of exercise files that exist but are broken: lessons listing them are not to blame."""

    def problem(self, path: Path, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, message))

    def reporter(self, path: Path) -> Any:
        return lambda line, message: self.problem(path, line, message)

    def outside(self, path: Path) -> bool:
        """Whether ``path`` leads out of the course folder (a link); if so a problem is recorded.

        Where the link points is never said: the course must not quote files from elsewhere.
        """
        try:
            inside = path.resolve().is_relative_to(self.home)
        except (OSError, RuntimeError):  # a loop of links
            inside = False
        if not inside:
            self.refused.add(path)
            self.problem(path, 0, "this is a link to something outside the course folder; "
                                  "content must be inside the folder itself")
        return not inside

    def text(self, path: Path) -> str | None:
        """The file as UTF-8 text, or None with a problem recorded."""
        if self.outside(path):
            return None
        try:
            with open_plain_file(path) as stream:
                size = os.fstat(stream.fileno()).st_size
                if size > MAX_FILE_BYTES:
                    self.problem(
                        path, 0, f"the file is {size:,} bytes; content files must stay under {MAX_FILE_BYTES:,}"
                    )
                    return None
                raw = stream.read(MAX_FILE_BYTES + 1)
        except NotAFile as error:
            self.refused.add(path)
            self.problem(path, 0, f"{error.strerror}; content files are plain text files")
            return None
        except OSError as error:
            self.problem(path, 0, f"cannot read the file: {error.strerror or error}")
            return None
        if len(raw) > MAX_FILE_BYTES:  # it grew while being read
            self.problem(path, 0, f"the file is over {MAX_FILE_BYTES:,} bytes; content files must stay under that")
            return None
        self.hashes[path] = hashlib.sha256(raw).hexdigest()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            self.problem(path, line, f"not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file as UTF-8")
            return None
        text = text.removeprefix("\ufeff")
        if not text.strip():
            self.problem(path, 0, "the file is empty")
            return None
        if "\x00" in text:
            self.problem(path, text[: text.index("\x00")].count("\n") + 1, "the file contains a NUL character")
            return None
        return text

    def read(self) -> Course | None:
        lessons_dir = self.root / "lessons"
        if lessons_dir.is_symlink() and self.outside(lessons_dir):
            return None
        if not lessons_dir.is_dir():
            self.problem(self.root, 0, "no lessons/ folder here: is this a course folder?")
            return None
        modules = [module for module in map(self.module, sorted(lessons_dir.iterdir())) if module]
        exercises = self.exercises()
        modules = self.link(modules, exercises)
        if not modules:
            self.problem(lessons_dir, 0, "no modules found (folders named like 01-attention with a module.md)")
            return None
        version = hashlib.sha256(
            "".join(
                f"{path.relative_to(self.root)}:{digest}\n" for path, digest in sorted(self.hashes.items())
            ).encode()
        ).hexdigest()[:12]
        return Course(tuple(modules), {e.id: e for e in exercises.values()}, self.root, version)

    def module(self, folder: Path) -> Module | None:
        if folder.is_symlink() and self.outside(folder):
            return None
        if not folder.is_dir():
            if folder.name != "README.md" and not folder.name.startswith("."):
                self.problem(folder, 0, "stray file: lessons/ holds only module folders and README.md")
            return None
        match = MODULE_FOLDER.match(folder.name)
        if not match:
            self.problem(folder, 0, "module folders are named NN-name, e.g. 02-empathy")
            return None
        module_file = folder / "module.md"
        if not (module_file.exists() or module_file.is_symlink()):
            self.problem(folder, 0, "this module folder has no module.md")
            return None
        text = self.text(module_file)
        read = read_module(text, self.reporter(module_file)) if text is not None else None
        if read is None:
            return None
        fields, overview = read
        lessons = []
        for path in sorted(folder.iterdir()):
            if path.name == "module.md" or path.name.startswith("."):
                continue
            if not LESSON_FILE.match(path.name):
                self.problem(path, 0, "stray file: lessons are named NN-slug.md")
                continue
            text = self.text(path)
            lesson = build_lesson(text, path, self.reporter(path)) if text is not None else None
            if lesson is None:
                continue
            if lesson.id.split(".")[0] != fields["id"]:
                self.problem(path, 2, f"lesson id '{lesson.id}' should start with its module id '{fields['id']}.'")
            lessons.append(replace(lesson, module_id=fields["id"]))
        if not lessons:
            self.problem(folder, 0, "this module has no lessons")
        return Module(
            id=fields["id"],
            number=int(match.group(1)),
            title=fields["title"].strip(),
            skill=fields.get("skill", ""),
            summary=fields["summary"].strip(),
            overview=overview,
            lessons=tuple(lessons),
            path=folder,
        )

    def exercises(self) -> dict[str, Exercise]:
        base = self.root / "exercises"
        found: dict[str, Exercise] = {}
        if not base.is_dir() or (base.is_symlink() and self.outside(base)):
            return found
        for path in sorted(base.rglob("*")):
            if path.name == "README.md" or path.name.startswith("."):
                continue
            if path.is_dir() and not path.is_symlink():
                continue
            if path.is_symlink() and self.outside(path):
                continue
            if path.is_dir():
                continue  # a link to a folder inside the course: its files are read where they are
            if path.suffix not in EXERCISE_SUFFIXES:
                self.problem(path, 0, "stray file: exercises are .yaml files")
                continue
            text = self.text(path)
            if text is None:
                if path not in self.refused:
                    self.unreadable_ids.update(_declared_ids(path))
                continue
            try:
                data = parse_yaml(text)
            except YamlProblem as problem:
                self.problem(path, problem.line, problem.message)
                self.unreadable_ids.update(_declared_ids(path))
                continue
            exercise = build_exercise(data, path, self.hashes[path][:12], self.reporter(path))
            if exercise is None:
                self.unreadable_ids.update(_declared_ids(path))
                continue
            if exercise.id in found:
                self.problem(path, 1, f"exercise id '{exercise.id}' is already used by {found[exercise.id].path}")
                continue
            folder = path.relative_to(base).parts[0] if len(path.relative_to(base).parts) > 1 else ""
            if exercise.id.split(".")[0] != folder:
                self.problem(path, 1, f"exercise id '{exercise.id}' should start with its folder name '{folder}.'")
            found[exercise.id] = exercise
        return found

    def link(self, modules: list[Module], exercises: dict[str, Exercise]) -> list[Module]:
        """Check ids across files and give each exercise its module and default skill."""
        seen_modules: dict[str, Path] = {}
        seen_lessons: dict[str, Path] = {}
        listed_by: dict[str, Lesson] = {}
        for module in modules:
            if module.id in seen_modules:
                self.problem(
                    module.path / "module.md",
                    2,
                    f"module id '{module.id}' is already used by {seen_modules[module.id]}",
                )
            seen_modules.setdefault(module.id, module.path)
            for lesson in module.lessons:
                if lesson.id in seen_lessons:
                    self.problem(
                        lesson.path, 2, f"lesson id '{lesson.id}' is already used by {seen_lessons[lesson.id]}"
                    )
                seen_lessons.setdefault(lesson.id, lesson.path)
                for exercise_id in lesson.exercise_ids:
                    if exercise_id not in exercises and exercise_id in self.unreadable_ids:
                        listed_by.setdefault(exercise_id, lesson)
                    elif exercise_id not in exercises:
                        self.problem(lesson.path, _line_of_text(lesson.path, exercise_id),
                                     f"lists exercise '{exercise_id}', but no exercise file has that id")
                    elif exercise_id in listed_by:
                        self.problem(
                            lesson.path,
                            _line_of_text(lesson.path, exercise_id),
                            f"exercise '{exercise_id}' is already listed by lesson '{listed_by[exercise_id].id}'",
                        )
                    else:
                        listed_by[exercise_id] = lesson
        skills = {module.id: module.skill for module in modules}
        for exercise_id, exercise in list(exercises.items()):
            listing = listed_by.get(exercise_id)
            if listing is None:
                self.problem(
                    exercise.path, 1, f"no lesson lists exercise '{exercise_id}' (add it to a lesson's exercises:)"
                )
                continue
            exercises[exercise_id] = replace(
                exercise, module_id=listing.module_id, skill=exercise.skill or skills.get(listing.module_id, "")
            )
        for exercise_id in [key for key in exercises if key not in listed_by]:
            del exercises[exercise_id]
        return modules


ID_LINE = re.compile(rb"^id:\s*['\"]?([a-z0-9.-]+)", re.MULTILINE)


def _declared_ids(path: Path) -> set[str]:
    """The id a broken exercise file means to declare, read as plainly as possible."""
    try:
        return {match.decode("ascii") for match in ID_LINE.findall(read_plain_file(path, MAX_FILE_BYTES))}
    except OSError:
        return set()


def _line_of_text(path: Path, needle: str) -> int:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if needle in line:
                return number
    except (OSError, UnicodeDecodeError):
        pass
    return 1
