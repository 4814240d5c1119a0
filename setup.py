"""Ship the course content (lessons/ and exercises/) inside the wheel.

The content lives in top-level folders so trainers can read and edit it as
plain files; at build time it is copied into the package as
``course/bundled/`` so an installed ``listen`` finds it from any directory.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent
CONTENT_FOLDERS = ("lessons", "exercises")


class BuildWithContent(build_py):
    """Copy the course content into the built package."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "course" / "bundled"
        for folder in CONTENT_FOLDERS:
            source = ROOT / folder
            if source.is_dir():
                destination = target / folder
                if destination.exists():
                    shutil.rmtree(destination)
                shutil.copytree(source, destination)


setup(cmdclass={"build_py": BuildWithContent})
