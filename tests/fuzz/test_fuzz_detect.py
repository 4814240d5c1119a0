"""Fuzzing ``listen detect``: whatever arrives on standard input, one strict JSON line comes out per line in."""

from __future__ import annotations

import json

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from course.cli import cli
from tests.fuzz_settings import fuzz

TECHNIQUES = ("acknowledges_emotion", "asks_question", "unsafe_advice")

VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=12,
)
ITEMS = st.fixed_dictionaries(
    {}, optional={"id": VALUES, "text": st.text(max_size=200) | VALUES, "context": st.text(max_size=80) | VALUES}
)


def _run(data: bytes) -> list[dict]:
    result = CliRunner().invoke(cli, ["detect", *TECHNIQUES], input=data, catch_exceptions=False)
    assert result.exit_code in (0, 1, 2), result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    parsed = []
    for line in lines:
        item = json.loads(line, parse_constant=lambda name: (_ for _ in ()).throw(AssertionError(name)))
        assert isinstance(item, dict)
        parsed.append(item)
    return parsed


@fuzz()
@given(st.lists(ITEMS, min_size=1, max_size=4))
def test_any_json_objects_give_one_strict_json_line_each(items: list[dict]) -> None:
    data = "".join(json.dumps(item) + "\n" for item in items).encode("utf-8")
    out = _run(data)
    assert len(out) == len(items)
    for item in out:
        assert "error" in item or set(item["found"]) == set(TECHNIQUES)


@fuzz()
@given(st.lists(st.binary(max_size=120).filter(lambda b: b"\n" not in b and b"\r" not in b), min_size=1, max_size=4))
def test_any_bytes_give_one_strict_json_line_per_line(lines: list[bytes]) -> None:
    out = _run(b"\n".join(lines) + b"\n")
    blank = sum(1 for line in lines if not line.decode("utf-8", "replace").strip())
    assert len(out) == len(lines) - blank  # blank lines are skipped, every other line answered
