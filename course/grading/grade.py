"""Grading an answer against a rubric: per-criterion results, score and pass."""

from __future__ import annotations

from dataclasses import dataclass

from course.grading.checks import CHECK_FUNCTIONS, FORBIDDING, Reading, fact_list
from course.grading.harms import HARM_PREFIX
from course.grading.techniques import AVOID_TECHNIQUES, CHECK_SKILL, TECHNIQUE_SKILL, TECHNIQUES
from course.grading.text import analyse

# The content model is needed for its types only; importing `typing` just for TYPE_CHECKING
# would cost the import time the course promises, so the constant is spelled out here.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from course.content.model import Criterion, Exercise, Rubric
    from course.grading.figures import Case

__all__ = ["CriterionResult", "Grade", "grade", "grade_rubric", "default_skill"]

_LONGEST = 12_000
"""Past this many characters (about 2,000 words) only the start of an answer is graded: the longest
model answer is under 700, and the worst 50,000-character input grades in about half a second."""
_EPSILON = 1e-9


@dataclass(frozen=True)
class CriterionResult:
    """How an answer did on one criterion."""

    criterion: Criterion
    """The criterion judged."""
    met: bool
    """Whether the answer meets it."""
    evidence: tuple[tuple[int, int], ...]
    """Spans of the answer that earned credit (for avoids-like checks: the offending words)."""
    feedback: str
    """What to tell the learner: the criterion's ``met`` or ``missed`` text."""
    skill: str
    """The skill this criterion evidences."""

    @property
    def id(self) -> str:
        """The criterion's id."""
        return self.criterion.id

    @property
    def severity(self) -> str:
        """The criterion's severity (essential, actionable, informative)."""
        return self.criterion.severity

    @property
    def weight(self) -> float:
        """The criterion's weight in the score."""
        return self.criterion.weight

    @property
    def costs(self) -> bool:
        """Whether its evidence is words that cost the answer (avoids-like checks), not credit."""
        return self.criterion.check in FORBIDDING

    @property
    def inherited(self) -> bool:
        """Whether it is one of the course-wide harm criteria every rubric inherits."""
        return self.criterion.id.startswith(HARM_PREFIX)


@dataclass(frozen=True)
class Grade:
    """The verdict on one answer."""

    score: float
    """Weighted share of criteria met, from 0 to 1."""
    passed: bool
    """Score at or above the pass mark and no essential criterion missed."""
    pass_mark: float
    """The score needed to pass."""
    results: tuple[CriterionResult, ...]
    """One result per criterion, in rubric order."""

    @property
    def shown(self) -> tuple[CriterionResult, ...]:
        """The results a learner is shown: the rubric's own, and an inherited harm check only when missed."""
        return tuple(r for r in self.results if not (r.inherited and r.met))

    @property
    def met(self) -> tuple[CriterionResult, ...]:
        """Results of the criteria met."""
        return tuple(r for r in self.results if r.met)

    @property
    def missed(self) -> tuple[CriterionResult, ...]:
        """Results of the criteria missed."""
        return tuple(r for r in self.results if not r.met)

    @property
    def missed_ids(self) -> frozenset[str]:
        """Ids of the criteria missed."""
        return frozenset(r.id for r in self.results if not r.met)

    @property
    def essential_missed(self) -> tuple[CriterionResult, ...]:
        """Results of the essential criteria missed (any one fails the answer)."""
        return tuple(r for r in self.results if not r.met and r.severity == "essential")


def default_skill(criterion: Criterion) -> str:
    """The skill a criterion evidences when neither it nor its exercise names one."""
    check = criterion.check
    if check in TECHNIQUE_SKILL:
        return TECHNIQUE_SKILL[check]
    params = criterion.params or {}
    if check == "order" and params.get("first") in TECHNIQUE_SKILL:
        return TECHNIQUE_SKILL[params["first"]]
    if check == "avoids":
        techniques = params.get("techniques") or ()
        techniques = [techniques] if isinstance(techniques, str) else list(techniques)
        for technique in techniques:
            if technique in TECHNIQUE_SKILL:
                return TECHNIQUE_SKILL[technique]
    return CHECK_SKILL.get(check, "attention")


def _judge(criterion: Criterion, reading: Reading) -> tuple[bool, list[tuple[int, int]]]:
    """Whether one criterion is met, and its normalised evidence spans."""
    check = criterion.check
    try:
        if check in TECHNIQUES and check not in AVOID_TECHNIQUES:
            from course.grading.credit import credited_spans  # late: keeps ``import course.grading`` light

            spans = credited_spans(check, reading.answer, reading.context, reading.norm_spans(check), reading.norm_spans)
            return bool(spans), spans
        function = CHECK_FUNCTIONS.get(check)
        if function is None:
            return False, []  # `listen check` reports it; grading never crashes on bad content
        return function(criterion.params or {}, reading)
    except (ValueError, TypeError, KeyError):
        return False, []


def grade_rubric(
    rubric: Rubric,
    answer: str,
    *,
    context: str = "",
    facts: tuple[tuple[str, ...], ...] = (),
    skill: str = "",
    source: str | None = None,
    rewrite: bool = False,
    message: str | None = None,
    public: bool = False,
    history: str | None = None,
    case: Case | None = None,
) -> Grade:
    """Grade one answer against a rubric.

    ``context`` is what the customer said (the detectors' context and, unless ``source`` is
    given, what ``not_parroting`` compares with); ``facts`` serve ``facts_from: facts``;
    ``skill`` is the exercise's skill, used when a criterion names none; ``rewrite`` says the
    answer rewrites ``source``, which it must not hand back barely changed; ``message`` is the
    customer's words alone, which no answer may hand back (default: ``context``); ``public``
    says the reply is posted where anyone can read it, so it must keep the customer's details private;
    ``history`` is what the agent's screen shows, which safety is judged against as well;
    ``case`` holds the figures the reply must not contradict (``figures``; none checked without it).

    Every rubric is judged with the course-wide harm criteria as well (``harms``). The answer
    passes when no essential criterion is missed and its score reaches the pass mark.
    """
    text = answer if isinstance(answer, str) else ("" if answer is None else str(answer))
    analysed = analyse(text[:_LONGEST])
    context_text = analyse(context[:_LONGEST]) if context else None
    source_text = analyse(source[:_LONGEST]) if source else context_text
    customer = analyse(message[:_LONGEST]) if message else context_text
    reading = Reading(analysed, context_text, source_text, fact_list(facts) if facts else (), customer=customer,
                      history=history[:_LONGEST] if history else "", case=case)
    results = []
    from course.grading.harms import with_harms

    for criterion in with_harms(rubric, rewrite=rewrite, public=public):
        met, spans = _judge(criterion, reading)
        results.append(
            CriterionResult(
                criterion=criterion,
                met=met,
                evidence=analysed.spans(spans),
                feedback=criterion.met if met else criterion.missed,
                skill=criterion.skill or skill or default_skill(criterion),
            )
        )
    total = sum(max(float(r.weight), 0.0) for r in results)
    if total > 0:
        score = sum(max(float(r.weight), 0.0) for r in results if r.met) / total
    else:
        score = (sum(r.met for r in results) / len(results)) if results else 1.0
    score = min(1.0, max(0.0, score))
    missed = [r for r in results if not r.met]
    essential_missed = any(r.severity == "essential" for r in missed)
    passed = not essential_missed and score + _EPSILON >= rubric.pass_mark
    return Grade(score=score, passed=passed, pass_mark=rubric.pass_mark, results=tuple(results))


PUBLIC_CHANNELS = frozenset({"social"})
"""Channels where a reply is read by everyone, not only the customer."""


def grade(exercise: Exercise, answer: str) -> Grade:
    """Grade a learner's answer to a reply, paraphrase or rewrite exercise.

    Replies and paraphrases are read against the customer's message; a rewrite against the
    reply it rewrites (and the customer's message, when there is one). ValueError for an
    exercise that is not answered in free text, or has no rubric.
    """
    from course.content.model import TEXT_KINDS

    if exercise.kind not in TEXT_KINDS:
        raise ValueError(f"{exercise.id}: a {exercise.kind!r} exercise is not graded from free text")
    if exercise.rubric is None:
        raise ValueError(f"{exercise.id}: no rubric to grade against")
    message = exercise.scenario.message if exercise.scenario else ""
    if exercise.kind == "rewrite":
        context = "\n\n".join(part for part in (message, exercise.original) if part)
        source: str | None = exercise.original or message
    else:
        context, source = message, None
    return grade_rubric(
        exercise.rubric, answer, context=context, skill=exercise.skill, source=source,
        rewrite=exercise.kind == "rewrite", message=message or None, public=exercise.channel in PUBLIC_CHANNELS,
        history=(exercise.scenario.history if exercise.scenario else None) or None,
        case=case_of_exercise(exercise),
    )


_CASES: dict[int, tuple[object, Case]] = {}
"""Each exercise's case, worked out once (by identity: exercises are not hashable)."""


def case_of_exercise(exercise: Exercise) -> Case:
    """The figures of an exercise's case: the customer's message, the notes, the task, the reply to
    rewrite, with the model answer and the answers proven to pass."""
    kept = _CASES.get(id(exercise))
    if kept is not None and kept[0] is exercise:
        return kept[1]
    from course.grading.figures import case_of

    scenario = exercise.scenario
    texts = (scenario.message, scenario.history) if scenario else ()
    case = case_of(*texts, exercise.prompt, exercise.original,
                   answers=(exercise.model_answer, *exercise.examples.passing))
    if len(_CASES) >= 512:
        _CASES.clear()
    _CASES[id(exercise)] = (exercise, case)
    return case
