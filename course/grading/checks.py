"""The check kinds with settings: mentions, avoids, order, length, plain_language, not_parroting, questions, scripted, keeps_private, matches_case.

Each check takes the criterion's params and a ``Reading`` of the answer and returns whether it is
met and the normalised spans to show: what earned credit, or for the checks that forbid
something (avoids, plain_language, not_parroting), the offending words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from course.grading.detect import find_spans
from course.grading.facts import fact_spans
from course.grading.text import WORD, Text, analyse
from course.grading.words import overlap_runs, parroted_share

TYPE_CHECKING = False  # spelled out: importing `typing` costs more than this module
if TYPE_CHECKING:
    from typing import Any

    from course.grading.figures import Case

__all__ = ["Reading", "CHECK_FUNCTIONS", "FORBIDDING", "fact_list", "DEFAULT_MAX_OVERLAP", "DEFAULT_MOST_STOCK_LINES"]

FORBIDDING = frozenset({"avoids", "not_parroting", "plain_language", "length", "scripted", "keeps_private", "matches_case"})
"""Checks whose evidence is the offending words: shown struck through, never as credit."""
DEFAULT_MAX_OVERLAP = 0.45
"""``not_parroting``: the share of three-word runs an answer may copy."""

Spans = list[tuple[int, int]]


@dataclass
class Reading:
    """One answer being graded, with what it answers; detections are worked out once each."""

    answer: Text
    """The analysed answer."""
    context: Text | None = None
    """What the customer said (for the detectors)."""
    source: Text | None = None
    """The text an answer must not copy (customer message, or the reply to rewrite)."""
    facts: tuple[tuple[str, ...], ...] = ()
    """A conversation's facts, for ``facts_from: facts``."""
    customer: Text | None = None
    """The customer's own words alone (in a rewrite, ``context`` also holds the reply rewritten)."""
    history: str = ""
    """What the agent's screen shows: safety is judged against it as well as what the customer said."""
    case: Case | None = None
    """The figures of the case (dates, times, amounts, counts, references) a reply must not contradict."""
    _seen: dict[str, Spans] = field(default_factory=dict)

    def norm_spans(self, technique: str) -> Spans:
        """Normalised spans showing a technique in the answer (worked out once per answer)."""
        if technique not in self._seen:
            context = self._situation() if technique in _SITUATED else self.context
            spans = find_spans(technique, self.answer, context)
            if technique == "overpromises" and self.history and spans:
                notes = analyse(self.history)
                spans = [span for span in spans if not _from_the_notes(self.answer, span, notes)
                         and not _answers_their_question(self.answer, span, self.customer or self.context, notes)]
            self._seen[technique] = spans
        return self._seen[technique]

    def _situation(self) -> Text | None:
        """The customer's words with the agent's screen: a hazard or an access need on either counts."""
        if not self.history:
            return self.context
        said = self.context.original if self.context is not None else ""
        return analyse("\n\n".join(part for part in (said, self.history) if part))


_VOUCHED = re.compile(r"\b(?:guarantee\w*|promise\w*|definitely|certainly|for sure|100|absolutely|without fail|no matter what)\b")
_CLAUSE = re.compile(r"[.!?;,\n]|\bbut\b|\bso\b")


def _clause_of(answer: Text, span: tuple[int, int]) -> str:
    start = max((m.end() for m in _CLAUSE.finditer(answer.norm, 0, span[0])), default=0)
    after = _CLAUSE.search(answer.norm, span[1])
    return answer.norm[start: after.start() if after else len(answer.norm)]


def _from_the_notes(answer: Text, span: tuple[int, int], notes: Text) -> bool:
    """Whether a stated outcome only repeats what the agent's screen says ("express delivery arrives the next
    working day"): the service as documented, not a promise, unless the reply vouches for it on top."""
    from course.grading.words import content_stems

    if _VOUCHED.search(answer.norm, max(0, span[0] - 30), span[1] + 10):
        return False
    said = content_stems(_clause_of(answer, span))
    return any(len(said & content_stems(sentence.text)) >= 3 for sentence in notes.sentences)


_PERMITTED = re.compile(r"\b(?:allowed|permitted|can go ahead|may go ahead|(?:is|are) fine|(?:does|do|will) not affect|no effect on)\b")


def _answers_their_question(answer: Text, span: tuple[int, int], customer: Text | None, notes: Text) -> bool:
    """Whether a stated outcome answers the customer's own question from what the agent's screen allows.

    "Will that affect my claim?" asked of repairs the notes say "are allowed before the assessor visits":
    "it won't affect your claim" is the rule told, not an outcome promised, unless the reply vouches for it.
    """
    from course.grading.words import content_stems

    if customer is None or _VOUCHED.search(answer.norm, max(0, span[0] - 30), span[1] + 10):
        return False
    said = content_stems(_clause_of(answer, span))
    if len(said) < 2:
        return False
    asked = [content_stems(sentence.text) for sentence in customer.sentences
             if sentence.is_question and said <= content_stems(sentence.text)]
    return any(_PERMITTED.search(sentence.text) and content_stems(sentence.text) & question
               for sentence in notes.sentences for question in asked)


_SITUATED = frozenset({"unsafe_advice"})
"""Techniques judged against the whole situation (message and history), not the message alone."""


def fact_list(raw: Any) -> tuple[tuple[str, ...], ...]:
    """Facts as written in a rubric (a phrase or a list of alternatives each) as tuples of strings."""
    if raw is None:
        return ()
    if isinstance(raw, (str, int, float)):
        raw = [raw]
    facts = []
    for fact in raw:
        if isinstance(fact, (list, tuple)):
            alternatives = tuple(str(a) for a in fact if a is not None and str(a).strip())
        else:
            alternatives = (str(fact),) if fact is not None and str(fact).strip() else ()
        if alternatives:
            facts.append(alternatives)
    return tuple(facts)


def _mentions(params: Mapping[str, Any], reading: Reading) -> tuple[bool, Spans]:
    facts = reading.facts if params.get("facts_from") else fact_list(params.get("facts"))
    at_least = params.get("at_least")
    needed = len(facts) if at_least is None else min(int(at_least), len(facts))
    spans: Spans = []
    found = 0
    for alternatives in facts:
        from course.grading.clauses import in_real_words  # late: keeps ``import course.grading`` light

    # A fact counts where the answer says something about it, not in a list of words.
        where = [span for span in fact_spans(reading.answer, alternatives) if in_real_words(reading.answer, span[0])]
        if where:
            found += 1
            spans.extend(where)
    return found >= needed and (found > 0 or needed == 0), spans


def _phrase_spans(text: Text, phrases: Any) -> Spans:
    """Where literal phrases occur, whole words, after the same normalisation as the answer."""
    if isinstance(phrases, str):
        phrases = [phrases]
    spans: Spans = []
    for phrase in phrases or ():
        words = WORD.findall(analyse(str(phrase)).norm)
        if not words:
            continue
        pattern = r"(?<![\w'])" + r"\W+".join(re.escape(w) for w in words) + r"(?![\w'])"
        spans.extend(m.span() for m in re.finditer(pattern, text.norm))
    return spans


def _avoids(params: Mapping[str, Any], reading: Reading) -> tuple[bool, Spans]:
    from course.grading.detectors.common import negated, refused_in_list  # late: detectors load on first use

    # "I won't ask you to reboot", "please don't use Forgot password": naming it to rule it out.
    answer = reading.answer
    spans = [
        span for span in _phrase_spans(answer, params.get("phrases"))
        if not negated(answer, span[0], 4) and not _ruled_out(answer, span) and not refused_in_list(answer, span[0])
    ]
    techniques = params.get("techniques") or ()
    if isinstance(techniques, str):
        techniques = [techniques]
    for technique in techniques:
        spans.extend(reading.norm_spans(technique))
    return not spans, spans


# Named to set it aside: "skip the reboot", "instead of a password reset", "the Forgot password
# link won't help".
_SET_ASIDE_BEFORE = re.compile(
    r"\b(?:skip|skipping|forget|forget about|instead of|rather than|no need (?:to|for)|ditch|drop)\b(?:\W+\w+){0,2}\W*$"
    r"|\b(?:no|not|without|never)\W*$"  # no "turn it off and on" from us
)
_SET_ASIDE_AFTER = re.compile(
    r"^(?:\W+\w+){0,2}\W+(?:will not|would not|does not|did not|cannot|is not going to|is not|are not|is no|was not|never) "
    r"(?:help|work|fix|solve|do it|do anything|the (?:answer|fix|problem|issue|way)|going to help|needed|necessary|relevant|the right)\b"
)


def _ruled_out(text: Text, span: tuple[int, int]) -> bool:
    sentence = text.sentence_at(span[0])
    start = sentence.start if sentence is not None else 0
    end = sentence.end if sentence is not None else len(text.norm)
    return bool(_SET_ASIDE_BEFORE.search(text.norm[start : span[0]]) or _SET_ASIDE_AFTER.match(text.norm[span[1] : end])
                or _put_right(text, start, span, end))


# An earlier wrong answer quoted to correct it: "last week I told you it started on 8 June and the
# charges were correct. That was wrong."
_TOLD_BEFORE = re.compile(
    r"\b(?:i|we) (?:told|said to|wrote to|informed|advised) you\b|\b(?:i|we) (?:said|wrote|replied)\b|\byou were told\b"
    r"|\bmy (?:last |earlier |previous )?(?:answer|reply|message|email)\b"
)
_WAS_WRONG = re.compile(
    r"\b(?:that|which|this|it) (?:was|is) (?:wrong|incorrect|not right|not true|not correct|a mistake|my mistake|our mistake|my error|our error)\b"
    r"|\bi (?:was|got (?:that|it|this)) wrong\b"
)


def _put_right(text: Text, start: int, span: tuple[int, int], end: int) -> bool:
    if not _TOLD_BEFORE.search(text.norm, start, span[0]):
        return False
    return bool(_WAS_WRONG.search(text.norm, span[1], min(len(text.norm), end + 80)))


def _order(params: Mapping[str, Any], reading: Reading) -> tuple[bool, Spans]:
    from course.grading.credit import credited_spans  # late: keeps ``import course.grading`` light

    # What comes first must earn credit as it would on its own: stock empathy first is no empathy.
    name = str(params.get("first"))
    first = credited_spans(name, reading.answer, reading.context, reading.norm_spans(name), reading.norm_spans)
    then = reading.norm_spans(str(params.get("then")))
    if not first:
        return False, []
    if not then:
        return True, first
    earliest_then = min(a for a, _ in then)
    before = [span for span in first if span[0] < earliest_then]
    return bool(before), before


def _word_count(text: Text) -> int:
    return sum(1 for _ in WORD.finditer(text.original))


def _length(params: Mapping[str, Any], reading: Reading) -> tuple[bool, Spans]:
    count = _word_count(reading.answer)
    low = params.get("min_words")
    high = params.get("max_words")
    met = (low is None or count >= int(low)) and (high is None or count <= int(high))
    longest = params.get("max_sentence_words")
    spans: Spans = []
    if longest is not None:
        spans = [(s.start, s.end) for s in reading.answer.sentences if len(WORD.findall(s.text)) > int(longest)]
    fewest, most = params.get("min_sentences"), params.get("max_sentences")
    if fewest is not None or most is not None:
        # "in two to four sentences": greetings and sign-offs are not sentences of the reply
        sentences = [s for s in reading.answer.sentences if len(WORD.findall(s.text)) >= _SENTENCE_WORDS]
        met = met and (fewest is None or len(sentences) >= int(fewest)) and (most is None or len(sentences) <= int(most))
        if most is not None and len(sentences) > int(most):
            spans = spans or [(s.start, s.end) for s in sentences[int(most):]]
    return met and not spans, spans


_SENTENCE_WORDS = 3
"""Words a sentence needs to count towards a sentence limit ("Hi Hina," and "Thanks, Raj" do not)."""


def _plain_language(params: Mapping[str, Any], reading: Reading) -> tuple[bool, Spans]:
    answer = reading.answer
    # Jargon only: a long sentence is a matter of length, judged by ``length`` where a task asks.
    from course.grading.detectors.tone import explained  # late: detectors load on first use

    phrases = [span for span in _phrase_spans(answer, params.get("phrases")) if not explained(answer, span)]
    spans = reading.norm_spans("uses_jargon") + phrases
    return not spans, spans


def _not_parroting(params: Mapping[str, Any], reading: Reading) -> tuple[bool, Spans]:
    limit = params.get("max_overlap")
    limit = DEFAULT_MAX_OVERLAP if limit is None else float(limit)
    # ``compare: customer`` reads the answer against what the customer said even in a rewrite.
    source = (reading.customer or reading.context) if params.get("compare") == "customer" else reading.source
    if source is None:
        return True, []
    words = list(WORD.finditer(reading.answer.norm))
    runs = max(len(words) - 2, 0)
    copied = overlap_runs(reading.answer.norm, source.norm)
    if not runs:
        return True, []
    met = len(copied) / runs <= limit
    return met, [] if met else [(words[i].start(), words[i + 2].end()) for i in copied]


def _questions(params: Mapping[str, Any], reading: Reading) -> tuple[bool, Spans]:
    from course.grading.detectors.questions import questions  # late: detectors load on first use

    asked = questions(reading.answer)
    total = len(asked)
    open_count = sum(1 for _, kind in asked if kind == "open")
    at_least = params.get("at_least")
    at_least = 1 if at_least is None else int(at_least)
    at_most = params.get("at_most")
    open_at_least = int(params.get("open_at_least") or 0)
    met = total >= at_least and open_count >= open_at_least and (at_most is None or total <= int(at_most))
    spans = [(s.start, s.end) for s, _ in asked]
    if not met and params.get("or_open_door") and total == 0 and at_least <= 1 and open_at_least == 0:
        doors = [(s.start, s.end) for s in reading.answer.sentences if _OPEN_DOOR.search(s.text)]
        return bool(doors), doors
    return met, spans


# A close that leaves the door open instead of asking: "if anything else on that bill looks off, send it
# over and I'll check it", "do message me again if anything else needs checking".
_OPEN_DOOR = re.compile(
    r"\b(?:if|should|whenever)\b[^.!?]{0,60}?\b(?:anything|something|any other|any more|anything else|more)\b[^.!?]{0,60}?"
    r"\b(?:let (?:me|us) know|message|send|reply|get back to|call|ring|phone|tell (?:me|us)|shout|get in touch|reach out|contact|drop (?:me|us))\b"
    r"|\b(?:message|reply to|get back to|contact|call|ring|email|write to) (?:me|us)(?: again| back| here)? (?:if|whenever|any time|anytime)\b"
)


DEFAULT_MOST_STOCK_LINES = 2
"""``scripted``: how many distinct stock lines a reply may use before it reads as a script."""


SCRIPTED_SHARE = 0.3
"""``scripted``: the share of a reply's words in stock lines at which a few of them read as a script."""


def _scripted(params: Mapping[str, Any], reading: Reading) -> tuple[bool, Spans]:
    from course.grading.detectors.common import hits  # late: detectors load on first use

    spans = sorted(set(hits(reading.answer, "stock_lines")))
    distinct: list[tuple[int, int]] = []
    for span in spans:
        if not any(a < span[1] and span[0] < b for a, b in distinct):
            distinct.append(span)
    at_most = params.get("at_most")
    limit = DEFAULT_MOST_STOCK_LINES if at_most is None else int(at_most)
    if len(distinct) <= limit:
        return True, []
    # A few set lines around a reply full of this customer's own facts is a plain voice, not a
    # script; a reply mostly made of them, or stacked with many, is.
    answer = reading.answer
    words = max(1, len(answer.norm.split()))
    stock_words = sum(len(answer.norm[a:b].split()) for a, b in distinct)
    # Their own words handed back are no more the agent's voice than a set line is.
    said = reading.customer or reading.context
    if said is not None:
        for sentence in answer.sentences:
            if len(sentence.text.split()) >= 4 and parroted_share(sentence.text, said.norm) >= 0.5:
                inside = sum(len(answer.norm[a:b].split()) for a, b in distinct if sentence.start <= a < sentence.end)
                stock_words += len(sentence.text.split()) - inside
    if len(distinct) <= 2 * limit and stock_words / words < SCRIPTED_SHARE:
        return True, []
    return False, distinct


def _keeps_private(params: Mapping[str, Any], reading: Reading) -> tuple[bool, Spans]:
    from course.grading.detectors.safety import private_details  # late: detectors load on first use

    spans = private_details(reading.answer)
    return not spans, spans


def _matches_case(params: Mapping[str, Any], reading: Reading) -> tuple[bool, Spans]:
    if reading.case is None:
        return True, []
    from course.grading.figures import misquoted  # late: only a graded reply needs it

    answer = reading.answer
    spans = [answer.norm_span(a, b) for a, b in misquoted(answer.original, reading.case)]
    return not spans, spans


CHECK_FUNCTIONS: dict[str, Callable[[Mapping[str, Any], Reading], tuple[bool, Spans]]] = {
    "mentions": _mentions,
    "avoids": _avoids,
    "order": _order,
    "length": _length,
    "plain_language": _plain_language,
    "not_parroting": _not_parroting,
    "questions": _questions,
    "scripted": _scripted,
    "keeps_private": _keeps_private,
    "matches_case": _matches_case,
}
"""Check kind -> function ``(params, reading) -> (met, normalised spans)``."""
