"""The trainer's schema files are sound JSON Schema, and the trainer's core never needs the screen."""

from __future__ import annotations

import subprocess
import sys

import jsonschema
import pytest
from referencing import Registry, Resource

from course.trainer import export_bundle
from course.trainer.files import FORMATS, schema_of

from .conftest import GOOD_REPLY, answer


@pytest.mark.parametrize("kind", sorted(set(FORMATS.values())))
def test_each_schema_is_valid_draft_7(kind):
    jsonschema.Draft7Validator.check_schema(schema_of(kind))


def test_an_export_satisfies_the_reference_validator_too(course, store):
    """The fast validator listen uses and the reference one agree on what listen writes."""
    answer(course, store, "Dana", "empathy.late-gift", GOOD_REPLY)
    answer(course, store, "Dana", "empathy.best-statement", [1])
    document = export_bundle(course, store, "Dana")
    registry = Registry().with_resources(
        (schema_of(kind)["$id"], Resource.from_contents(schema_of(kind)))
        for kind in ("assignment", "results", "feedback")
    )
    jsonschema.Draft7Validator(schema_of("results"), registry=registry).validate(document)
    document["attempts"][0]["score"] = 2
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(schema_of("results"), registry=registry).validate(document)


def test_the_trainer_core_does_not_import_textual():
    code = (
        "import sys, course.trainer, course.trainer.report_html, course.trainer.report_text, course.trainer.imports; "
        "sys.exit(1 if any(m == 'textual' or m.startswith('textual.') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0
