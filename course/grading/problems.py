"""Plain-English problems with a criterion's check and settings, for ``listen check``."""

from __future__ import annotations

from course.grading.techniques import AVOID_TECHNIQUES, CHECKS, TECHNIQUES

TYPE_CHECKING = False  # spelled out: importing `typing` costs more than this module
if TYPE_CHECKING:
    from typing import Any

    from course.content.model import Criterion

__all__ = ["criterion_problems", "SETTINGS"]

POSITIVE = tuple(t for t in TECHNIQUES if t not in AVOID_TECHNIQUES)

SETTINGS: dict[str, frozenset[str]] = {
    "mentions": frozenset({"facts", "facts_from", "at_least"}),
    "avoids": frozenset({"phrases", "techniques"}),
    "order": frozenset({"first", "then"}),
    "length": frozenset({"min_words", "max_words", "max_sentence_words", "min_sentences", "max_sentences"}),
    "plain_language": frozenset({"phrases"}),
    "not_parroting": frozenset({"max_overlap", "compare"}),
    "scripted": frozenset({"at_most"}),
    "keeps_private": frozenset(),
    "matches_case": frozenset(),
    "questions": frozenset({"at_least", "at_most", "open_at_least", "or_open_door"}),
}
"""The settings each check kind understands (a technique check takes none)."""


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_text(value: object) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip() != ""


def _phrases_problems(name: str, value: object) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not value:
        return [f"`{name}` must be a list of phrases"]
    if not all(_is_text(v) for v in value):
        return [f"`{name}` must hold only non-empty phrases"]
    return []


def _facts_problems(facts: object) -> tuple[list[str], int]:
    if not isinstance(facts, (list, tuple)) or not facts:
        return ["`facts` must be a list; each fact a phrase or a list of alternative phrases"], 0
    problems = []
    for number, fact in enumerate(facts, 1):
        if isinstance(fact, (list, tuple)):
            if not fact or not all(_is_text(a) for a in fact):
                problems.append(f"fact {number} must list one or more non-empty phrases")
        elif not _is_text(fact):
            problems.append(f"fact {number} must be a phrase or a list of alternative phrases")
    return problems, len(facts)


def _count_problems(params: dict[str, Any], names: tuple[str, ...]) -> list[str]:
    return [
        f"`{name}` must be a whole number, 0 or more (got {params[name]!r})"
        for name in names
        if name in params and not _is_count(params[name])
    ]


def _technique_problem(name: str, value: object) -> str | None:
    if value is None:
        return f"`{name}` is missing: name a technique ({', '.join(POSITIVE)})"
    if value not in TECHNIQUES:
        return f"`{name}: {value}` is not a technique; known: {', '.join(POSITIVE)}"
    return None


def criterion_problems(criterion: Criterion, *, in_conversation: bool = False) -> list[str]:
    """What is wrong with a criterion's check name and settings, in plain words ([] if nothing)."""
    check = criterion.check
    params = dict(criterion.params or {})
    if check in AVOID_TECHNIQUES:
        return [
            f"`check: {check}` is something to avoid, not to do: write `check: avoids` "
            f"with `techniques: [{check}]`"
        ]
    if check not in TECHNIQUES and check not in CHECKS:
        return [
            f"unknown check `{check}`; use a technique ({', '.join(POSITIVE)}) "
            f"or one of {', '.join(CHECKS)}"
        ]
    allowed = SETTINGS.get(check, frozenset())
    problems = [
        f"`{name}` means nothing to a `{check}` check"
        + (f" (it takes {', '.join(sorted(allowed))})" if allowed else " (it takes no settings)")
        for name in sorted(params)
        if name not in allowed
    ]
    if check == "mentions":
        problems += _mentions_problems(params, in_conversation)
    elif check == "avoids":
        if "phrases" not in params and "techniques" not in params:
            problems.append("`avoids` needs `phrases` and/or `techniques`")
        if "phrases" in params:
            problems += _phrases_problems("phrases", params["phrases"])
        if "techniques" in params:
            techniques = params["techniques"]
            techniques = [techniques] if isinstance(techniques, str) else techniques
            if not isinstance(techniques, (list, tuple)) or not techniques:
                problems.append("`techniques` must be a list of techniques to avoid")
            else:
                for technique in techniques:
                    if technique not in AVOID_TECHNIQUES:
                        problems.append(
                            f"`{technique}` can not be avoided; avoidable techniques: "
                            f"{', '.join(sorted(AVOID_TECHNIQUES))}"
                        )
    elif check == "order":
        for name in ("first", "then"):
            problem = _technique_problem(name, params.get(name))
            if problem:
                problems.append(problem)
        if params.get("first") is not None and params.get("first") == params.get("then"):
            problems.append("`first` and `then` name the same technique")
    elif check == "length":
        names = ("min_words", "max_words", "max_sentence_words", "min_sentences", "max_sentences")
        problems += _count_problems(params, names)
        if not set(names) & set(params):
            problems.append("`length` needs `min_words`, `max_words`, `max_sentence_words`, `min_sentences` or `max_sentences`")
        for least, most in (("min_words", "max_words"), ("min_sentences", "max_sentences")):
            if _is_count(params.get(least)) and _is_count(params.get(most)) and params[least] > params[most]:
                problems.append(f"`{least}` is larger than `{most}`: no answer can pass")
    elif check == "plain_language":
        if "phrases" in params:
            problems += _phrases_problems("phrases", params["phrases"])
    elif check == "not_parroting":
        value = params.get("max_overlap")
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1
        ):
            problems.append(f"`max_overlap` must be a share between 0 and 1 (got {value!r})")
    elif check == "scripted":
        problems += _count_problems(params, ("at_most",))
    elif check == "questions":
        problems += _count_problems(params, ("at_least", "at_most", "open_at_least"))
        low, high, open_low = params.get("at_least", 1), params.get("at_most"), params.get("open_at_least", 0)
        if _is_count(low) and _is_count(high) and low > high:
            problems.append("`at_least` is larger than `at_most`: no answer can pass")
        if _is_count(open_low) and _is_count(high) and open_low > high:
            problems.append("`open_at_least` is larger than `at_most`: no answer can pass")
    return problems


def _mentions_problems(params: dict[str, Any], in_conversation: bool) -> list[str]:
    problems: list[str] = []
    count = None
    if "facts_from" in params:
        if not in_conversation:
            problems.append("`facts_from` works only in a conversation; list the `facts` here instead")
        elif params["facts_from"] != "facts":
            problems.append(f"`facts_from` must be `facts` (got {params['facts_from']!r})")
        if "facts" in params:
            problems.append("give either `facts` or `facts_from`, not both")
    elif "facts" not in params:
        problems.append("`mentions` needs `facts`: the key facts to mention, each a phrase or a list of alternatives")
    else:
        fact_problems, count = _facts_problems(params["facts"])
        problems += fact_problems
    if "at_least" in params:
        at_least = params["at_least"]
        if not _is_count(at_least) or at_least < 1:
            problems.append(f"`at_least` must be a whole number, 1 or more (got {at_least!r})")
        elif count and at_least > count:
            problems.append(f"`at_least: {at_least}` is more than the {count} facts listed: no answer can pass")
    return problems
