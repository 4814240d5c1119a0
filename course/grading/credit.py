"""What earns credit in a graded answer, beyond what a detector finds.

A detector says whether a technique shows in a text; a trainer marking an answer asks more of it.
Empathy earns credit when it names a feeling and is tied to this customer's own situation: "I
understand your frustration" is said to everyone, while "no wonder you're worried with the party
on Saturday" could only be said to this customer. A wish ("good luck", "take care", "<3") or a
bare apology names no feeling. A recap or reflection earns credit when it carries the
customer's content in real sentences, not as a list of their words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from functools import lru_cache

from course.grading.clauses import in_real_words, is_list
from course.grading.detectors.common import BEREAVED, conditional, hits, lexicon_words, negated, overlapping
from course.grading.text import WORD, Sentence, Text
from course.grading.words import content_stems, parroted_share, stem

__all__ = ["credited_spans"]

Spans = list[tuple[int, int]]


# A wish or a farewell reaches out; it does not say what the customer feels.
_WISH = re.compile(
    r"\b(?:hope|hoping|hopefully|wish|wishing|luck|take care|look after yourself|stay (?:safe|strong)|"
    r"hugs?|love|vibes|best wishes|thoughts are with|prayers?|cheers|enjoy)\b|<3"
)
# Words that carry a feeling, or say how hard a thing is to live through.
_FEELING_LISTS = ("emotion_words", "emotion_nouns", "situation_words", "vivid_situations", "positive_feelings")
# A frame that takes the customer's side without a feeling word: "no wonder", "I'd be the same".
# An apology on its own says sorry; it does not say what the customer feels.
_APOLOGY = re.compile(r"(?:(?:i|we) (?:am|are) (?:\w+ )?|(?:my|our) )?(?:sorry|apologi[sz]e|apologies)\b")
# Reading the person in front of you is about them by its nature: "you don't sound sure",
# "she looks really poorly".
_PERCEIVED = re.compile(
    r"(?:you|she|he|they|your (?:little one|\w+)) (?:do not |did not |does not )?(?:sound|seem|look|sounded|seemed|looked|sounds|seems|looks)\b"
    r"|(?:she|he) is (?:very |so |really |quite |ever so |a bit |a little |still )?(?:hot|warm|burning up|poorly|unwell|ill|sick|pale|flushed|feverish|drowsy|floppy|clammy|grizzly|uncomfortable|distressed|in pain|in a bad way|not well|not herself|not himself|struggling)\b"
)
# Their own word heard past: '"fine" did not sound very fine'.
_QUOTED = re.compile(r'[^"\n]{1,40}"\s+(?:did not |does not |do not |is not |was not )?(?:sound|seem)')
_MIN_OWN_WORDS = 3
"""How many words of its own (not the customer's, not stock) an empathy line needs to be specific."""


class _Sentences:
    """What ``_feeling_named`` asks of each sentence, worked out once per sentence, not per phrase."""

    def __init__(self, text: Text, candidates: Spans) -> None:
        self.text = text
        self.frames = sorted(a for a, _ in candidates if not _APOLOGY.match(text.norm, a))
        self.feeling: dict[int, bool] = {}

    def has_feeling_word(self, sentence: Sentence) -> bool:
        if sentence.start not in self.feeling:
            window = (sentence.start, sentence.end)
            self.feeling[sentence.start] = any(hits(self.text, name, window) for name in _FEELING_LISTS)
        return self.feeling[sentence.start]

    def has_other_frame(self, sentence: Sentence) -> bool:
        at = bisect_left(self.frames, sentence.start)
        return at < len(self.frames) and self.frames[at] < sentence.end


def _feeling_named(text: Text, sentence: Sentence, span: tuple[int, int], known: _Sentences,
                   context_stems: AbstractSet[str]) -> bool:
    """Whether the empathy names a feeling or takes the customer's side, not only apologises."""
    if not _APOLOGY.match(text.norm, span[0]):
        return True
    if known.has_feeling_word(sentence):
        return True
    if _apology_for_their_trouble(text, sentence, span, context_stems):
        return True
    # "I'm sorry, nobody likes being charged when they checked": another empathy frame beside it.
    return known.has_other_frame(sentence)


_APOLOGY_OBJECT = re.compile(r"\s*(?:,\s*)?(?:about|for|that|to hear|to hear that|(?=\w))")


def _apology_for_their_trouble(text: Text, sentence: Sentence, span: tuple[int, int], context_stems: AbstractSet[str]) -> bool:
    """Whether an apology says what it is for, in this customer's own terms.

    "I'm sorry your salary was late" and "sorry about the wait" name the trouble they told us
    about; a bare "sorry" and "sorry for any inconvenience" (``apology_objects``) name nothing.
    """
    if not context_stems:
        return False
    clause_end = len(text.norm)
    for stop in (".", ",", ";", ":", "!", "?", " but ", " and i ", " and we "):
        found = text.norm.find(stop, span[1] + 1, sentence.end)
        if found != -1:
            clause_end = min(clause_end, found)
    clause_end = min(clause_end, sentence.end)
    if not _APOLOGY_OBJECT.match(text.norm, span[1]):
        return False
    said = text.norm[span[1]:clause_end]
    for a, b in sorted(hits(text, "apology_objects", (span[1], clause_end)), reverse=True):
        said = said[: a - span[1]] + " " + said[b - span[1]:]  # "sorry for the wait" is scripted; "and the power" is not
    return bool(content_stems(said) & context_stems)


_APOLOGY_WORD = re.compile(r"(?<![\w'])(?:sorry|apologies|apologise|apologize|apologising|apologizing)(?![\w'])")
# An apology for what they were put through: "sorry you've had to chase us", "sorry you were left waiting".
_PUT_THROUGH = re.compile(
    r"^\W*(?:that |for )?(?:you|your \w+) (?:have |has |had |were |was |are |have been |had been )?"
    r"(?:had to|have had to|needed to|been (?:left|kept|made|forced|chasing|waiting|passed|bounced)|left|kept|made to|"
    r"forced to|chased|chasing|waited|waiting|been through|went through|going through|put up with|heard nothing"
    # left in the dark: "sorry you've not been told anything", "sorry, you've been sat there with no idea"
    r"|(?:not|never) been (?:told|updated|kept (?:informed|posted|in the loop)|called|contacted|given (?:an|any) (?:update|answer|reason))"
    r"|(?:been )?told nothing|had no (?:news|word|update|updates|idea|call|explanation|answer)"
    r"|(?:been )?(?:sat|sitting|waiting|left|stuck) (?:there |here |out here )?(?:\w+ ){0,3}?(?:with no|without (?:a|any|news))\b)\b"
)


_VOCATIVE = re.compile(r"\W*(?:[a-z]+\s?){1,2}\W*")
"""A name or a term of address between an apology and what it is for ("sorry, bab, you've...")."""


# A customer who tells of waiting, in any words: "on hold forty minutes", "eighteen hours with no
# power", "still nothing", "I've chased twice".
_WAITED = re.compile(
    r"\b(?:on hold|hold music|waiting|waited|queu\w*|chas(?:e|ed|ing)|still (?:no|not|nothing|waiting|have not|has not)"
    r"|no (?:reply|response|answer|news|word|update|call back|callback)|(?:nobody|no one) (?:has |have )?(?:called|rung|replied|answered|got back|told|updated|said)"
    r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|several|many)"
    r"(?:\s|-)(?:minutes?|mins|hours?|days?|weeks?|months?)\b)"
)
_WAIT_OBJECT = re.compile(r"\b(?:wait\w*|delays?|hold|queue|keeping you|kept you|late reply|slow reply|late response)\b")


def _sentence_after(text: Text, sentence: Sentence) -> Sentence | None:
    """The sentence that follows one, if any."""
    sentences = text.sentences
    index = sentences.index(sentence) + 1
    return sentences[index] if index < len(sentences) else None


def _next_is_theirs(text: Text, sentence: Sentence, theirs: AbstractSet[str]) -> bool:
    """Whether a sentence, or the statement after it, speaks of something of the customer's own."""
    if content_stems(sentence.text) & (theirs - _APOLOGY_STEMS):
        return True
    after = _sentence_after(text, sentence)
    return after is not None and not after.is_question and bool(content_stems(after.text) & theirs)


_APOLOGY_STEMS = frozenset(content_stems("sorry apologise apologies wait waiting delay hold"))


def _sorry_for_their_trouble(text: Text, context: Text) -> Spans:
    """Apologies that name what this customer went through, though no feeling word is said.

    "Sorry you've had to chase us four times", "apologies for the silence after four calls",
    "sorry about the wait" to someone who has waited an hour: the apology is about *their*
    trouble. "Sorry for any inconvenience", "sorry for the delay" to a customer who spoke of no
    delay, a bare "sorry", and "sorry, but..." are scripts and earn nothing.
    """
    theirs = content_stems(context.norm) - _feeling_stems(text)
    # "Sorry about the wait" to someone on hold forty minutes, in a reply that goes on to their own
    # trouble; beside "I understand your frustration" and "how can I help?" it is the script.
    waiting_heard = _WAITED.search(context.norm) is not None and not hits(text, "stock_empathy")
    opening_heard = not _stock_in_place_of_feeling(text, context)
    kept = []
    for found in _APOLOGY_WORD.finditer(text.norm):
        start, end = found.span()
        sentence = text.sentence_at(start)
        if sentence is None or is_list(text, sentence) or negated(text, start, 2) or conditional(text, start, 2):
            continue
        if _WISH.search(text.norm, max(sentence.start, start - 30), end):
            continue
        clause_end = sentence.end
        for stop in (".", ",", ";", ":", "!", "?", " but ", " and i ", " and we ", " so ", " because "):
            at = text.norm.find(stop, end + 1, sentence.end)
            if at != -1:
                clause_end = min(clause_end, at)
        said = text.norm[end:clause_end]
        if said.lstrip(" ,").startswith(("but", "if", "to ask", "to bother", "to trouble", "to interrupt")):
            continue
        if _PUT_THROUGH.match(said):
            kept.append((start, clause_end))
            continue
        if _VOCATIVE.fullmatch(said):  # "sorry, love, you've been sat there with no idea what's happening"
            rest = text.norm[clause_end:sentence.end].lstrip(" ,")
            if _PUT_THROUGH.match(rest):
                kept.append((start, sentence.end - len(rest) + len(rest.split(",")[0])))
                continue
        objects = hits(text, "apology_objects", (end, clause_end))
        if waiting_heard and any(_WAIT_OBJECT.search(text.norm, a, b) for a, b in objects) \
                and _next_is_theirs(text, sentence, theirs):
            kept.append((start, clause_end))  # "sorry about the wait" to someone on hold forty minutes
            continue
        for a, b in sorted(objects, reverse=True):
            if not content_stems(text.norm[a:b]) & theirs:  # "for the wait" to someone who waited is theirs
                said = said[: a - end] + " " + said[b - end :]
        if content_stems(said) & theirs:
            kept.append((start, clause_end))
            continue
        # "Four calls and no news from us was poor, sorry.": the trouble named first, the apology after it.
        if not _POINTS_BACK.fullmatch(text.norm, end, sentence.end):
            continue
        clause_start = max(sentence.start, *(text.norm.rfind(stop, sentence.start, start) + len(stop)
                                             for stop in (". ", "; ", ": ", "! ", "? ", " but ")))
        before = text.norm[clause_start:start]
        if len(content_stems(before) & theirs) >= 2 and not is_list(text, sentence):
            kept.append((clause_start, end))
            continue
        # "Four calls should have got you this news days ago, and they didn't. We're sorry.": a short
        # apology right after the sentence that names their trouble.
        index = text.sentences.index(sentence)
        if index and len(before.split()) <= 4 and not is_list(text, sentence):
            previous = text.sentences[index - 1]
            if not previous.is_question and not is_list(text, previous) and content_stems(previous.text) & theirs \
                    and _WENT_WRONG.search(previous.text):
                kept.append((previous.start, sentence.end))
        elif index == 0 and len(before.split()) <= 4 and opening_heard and re.match(r"\s+(?:for|about)\b", text.norm[end:]) \
                and _next_is_theirs(text, sentence, theirs):
            # "Sorry about that. Yes, he's on the list...": the reply opens by owning what they
            # wrote about, and goes straight on to their own trouble (a bare "Sorry." owns nothing).
            kept.append((start, sentence.end))
    return kept


_WENT_WRONG = re.compile(
    r"\b(?:not|no|never|nothing|nobody|no one|should have|failed|wrong|late|without|lost|missing|again|still|had to|instead of|left you)\b"
)
"""A sentence that says what went wrong for them, not news of the fix."""
_POINTS_BACK = re.compile(r"(?:\s+(?:for|about) (?:that|this|it|all (?:of )?(?:that|this)|all that|all this))?\W*")
"""What may follow an apology for what was just said: nothing, or "for that", "about all this"."""


# Their stake said back beside an apology: "Sorry about that, Amara, I know the party is on Saturday".
_STAKE_SEEN = re.compile(r"\b(?:i|we) (?:do |really |fully |completely |totally )?(?:know|can see|realise|realize|appreciate|understand|get|have seen|see)(?: that| how)? (?=\w)")


def _stakes_acknowledged(text: Text, context: Text) -> Spans:
    """An apology for the trouble, and what is at stake for this customer said back in a real sentence."""
    if not any(not negated(text, m.start(), 2) for m in _APOLOGY_WORD.finditer(text.norm)):
        return []
    theirs = content_stems(context.norm) - _feeling_stems(text)
    kept = []
    for found in _STAKE_SEEN.finditer(text.norm):
        sentence = text.sentence_at(found.start())
        if sentence is None or sentence.is_question or is_list(text, sentence) or negated(text, found.start(), 2):
            continue
        clause_end = sentence.end
        for stop in (".", ";", "!", "?", " but ", " so "):
            at = text.norm.find(stop, found.end(), sentence.end)
            if at != -1:
                clause_end = min(clause_end, at)
        said = text.norm[found.end():clause_end]
        if len(said.split()) >= 3 and len(content_stems(said) & theirs) >= 1 and in_real_words(text, found.start()):
            kept.append((found.start(), clause_end))
    return kept


# Taking their side without a feeling word: "that was not your fault", "fair criticism", "you have
# nothing to apologise for".
_VALIDATION = re.compile(
    r"\b(?:(?:was|is|were|are) not (?:your fault|down to you|on you)|(?:none of this|none of it|this|it) (?:is|was) not (?:your fault|on you)"
    r"|not your fault|through no fault of your own|no fault of yours|you (?:did|have done) nothing wrong|you (?:did|have done) (?:everything|exactly what) (?:right|you should)"
    r"|you (?:are|were) (?:quite |completely |absolutely )?right (?:to|that|about)|fair (?:criticism|point|comment|challenge)|you have every right"
    r"|(?:nothing|no need) (?:for you )?to (?:be sorry|apologi[sz]e)(?: for| about)?|(?:please )?do not apologi[sz]e)\b"
)


def _stock_in_place_of_feeling(text: Text, context: Text) -> bool:
    """Whether a stock line stands where the feeling should be: in a sentence that says nothing of
    theirs ("I understand your frustration."), not one that goes on to it ("I understand the salary
    was late")."""
    key = ("stock in place of feeling", context.norm)
    found: bool | None = text.memo.get(key)
    if found is None:
        theirs = content_stems(context.norm) - _feeling_stems(text)
        found = text.memo[key] = any(
            (sentence := text.sentence_at(start)) is None or len(content_stems(sentence.text) & theirs) < 2
            for start, _ in hits(text, "stock_empathy")
        )
    return found


def _validated(text: Text, context: Text) -> Spans:
    """Their side taken, in a sentence about this customer's own trouble (or beside one)."""
    theirs = content_stems(context.norm) - _feeling_stems(text)
    kept = []
    for found in _VALIDATION.finditer(text.norm):
        sentence = text.sentence_at(found.start())
        if sentence is None or sentence.is_question or is_list(text, sentence) or conditional(text, found.start(), 2):
            continue
        if parroted_share(sentence.text, context.norm) >= _PARROTED:
            continue  # "your employer paid late, that's not your fault": their own case handed back
        if len(content_stems(sentence.text) & theirs) >= 2:
            kept.append(found.span())
            continue
        after = _sentence_after(text, sentence)
        if after is not None and not is_list(text, after) and len(content_stems(after.text) & theirs) >= 2 \
                and _WENT_WRONG.search(after.text):
            kept.append(found.span())  # "Fair criticism. Nobody should lose a lunch break queueing to pay rent."
    return kept


def _feeling_stems(text: Text) -> frozenset[str]:
    return _stems_of(tuple(lexicon_words(name) for name in _FEELING_LISTS + ("generic_words", "intensifiers")))


@lru_cache(maxsize=4)
def _stems_of(lists: tuple[frozenset[str], ...]) -> frozenset[str]:
    """The stems of every word in some lists (keyed by the lists, so a list read again is stemmed again)."""
    return frozenset(stem(word.rstrip("*")) for words in lists for word in words)


def _anchored(text: Text, sentence: Sentence, context_stems: AbstractSet[str], skip: frozenset[str]) -> bool:
    """Whether a sentence names something of this customer's own situation."""
    own = {s for s in content_stems(sentence.text) if s not in skip}
    if own & context_stems:
        return True
    return len(own) >= _MIN_OWN_WORDS and not is_list(text, sentence)


# The condolence that answers a death the customer has just told of (``BEREAVED``): however often
# "sorry for your loss" is said, it is what a bereaved caller needs to hear first.
_CONDOLENCE = re.compile(
    r"\b(?:sorry|condolences|sympathies|sympathy)\b[^.!?]{0,40}?\b(?:loss|bereavement|passing|passed|died|death|lost)\b"
    r"|\b(?:my|our) (?:deepest |sincere |sincerest |heartfelt )?(?:condolences|sympathies)\b"
)


def _empathy(text: Text, context: Text | None, spans: Spans) -> Spans:
    stock = hits(text, "stock_empathy")
    wishes = hits(text, "warm_wishes")
    skip = _feeling_stems(text)
    context_stems = content_stems(context.norm) - skip if context is not None else set()
    sentences = text.sentences
    order = {sentence.start: index for index, sentence in enumerate(sentences)}
    known = _Sentences(text, spans)
    bereaved = context is not None and BEREAVED.search(context.norm) is not None
    kept = []
    for span in spans:
        sentence = text.sentence_at(span[0])
        if sentence is None or is_list(text, sentence):
            continue  # "Lisbon, hotel, frustrating, sorry." names nothing
        if context is not None and len(sentence.text.split()) >= 6 and parroted_share(sentence.text, context.norm) >= _PARROTED:
            continue  # "so what you're saying is ... my father isn't great in the mornings": their words handed back
        if _WISH.search(text.norm, max(sentence.start, span[0] - 30), span[1]) or overlapping(span, wishes):
            continue
        if not _feeling_named(text, sentence, span, known, context_stems):
            continue
        if context is None or _PERCEIVED.match(text.norm, span[0]) or _QUOTED.match(text.norm, span[0]) or _anchored(text, sentence, context_stems, skip):
            kept.append(span)
            continue
        if bereaved and _CONDOLENCE.search(sentence.text):
            kept.append(span)  # "I'm so sorry for your loss" to someone who has just said their wife died
            continue
        if any(a <= span[0] < b or span[0] <= a < span[1] for a, b in stock):
            continue  # a stock line earns credit only in a sentence about this customer
        index = order[sentence.start]
        neighbours = sentences[max(index - 1, 0) : index] + sentences[index + 1 : index + 2]
        if any(_anchored(text, other, context_stems, skip) and not is_list(text, other) for other in neighbours):
            kept.append(span)
    return kept


_LIVED = re.compile(r"\b(?:you|your)\b|\b(?:sounds|seems|must be|must have been) like\b")


def _impact(text: Text, context: Text, reflections: Spans, reassured: Spans) -> Spans:
    """Empathy shown through specifics: what they are living through said back in real sentences.

    The sentence says what happened to *them* ("you've been on hold forty minutes with that bill
    in your hand"), not news about their account ("your bill was estimated") or reassurance.
    """
    lived = []
    for span in reflections:
        sentence = text.sentence_at(span[0])
        if sentence is None or not _LIVED.search(sentence.text):
            continue
        if _THANKS_LEAD.match(_GREETING.sub("", sentence.text)):
            continue  # "thank you for the photos and the readings" thanks them for their part
        if any(sentence.start <= a < sentence.end for a, _ in reassured):
            continue
        lived.append(span)
    return _recap(text, context, lived, 2)


# What matters most to them, put first: "Salma, the insulin first", "let's start with your dad's insulin".
_PUT_FIRST = re.compile(
    r"\b(?:first|comes first|come first|matters most|most important(?:ly)?|the priority|top priority|before anything else|"
    r"let us start with|let us deal with|straight away)\b"
)
# A question after their wellbeing, not a request for details: "how is she doing?", "is he still on the line?".
_CARING_QUESTION = re.compile(r"(?:how|is (?:she|he|it|your)|are (?:you|they|your)|has (?:she|he|your)|have you|does (?:she|he|your)|do you)\b")
_SALUTE_NAME = re.compile(r"^(?:(?:hi|hello|hey|oh|right|okay|ok|so)\W+)?(?:(?:mr|mrs|ms|miss|dr|mx)\W+)?(?:[a-z'-]+\W+)?(?=how|is|are|has|have|does|do)")
_PARROTED = 0.5
"""Share of an opening's three-word runs copied from the customer past which it answers nothing."""
_ANSWER_LEAD = re.compile(r"^(?:yes|yeah|yep|no|not at all|of course|absolutely|definitely|he is|she is|it is|they are|you are|he has|she has|it has|we have|we do)\b")


def _worry_heard(text: Text, context: Text, message: Text | None) -> Spans:
    """Empathy shown by going first to what worries them, in their own terms.

    The reply's opening sentence either puts the customer's own concern first ("the insulin
    first: I'm sending a cool box") or answers the anxious question they ended on ("Is he even
    on the list?" "Yes, he's on the list, two ahead of him").
    """
    said = message if message is not None else context
    if not text.sentences or not said.sentences:
        return []
    skip = _feeling_stems(text)
    theirs = content_stems(said.norm) - skip
    opening = text.sentences[0]
    if is_list(text, opening) or hits(text, "stock_empathy", (opening.start, opening.end)):
        return []
    if opening.is_question:
        # "How long can your dad's insulin stay where it is?": asking first after what worries them
        asks = _CARING_QUESTION.match(_SALUTE_NAME.sub("", opening.text))
        own = content_stems(opening.text) - skip
        if asks and len(own & theirs) >= 2 and parroted_share(opening.text, said.norm) < _PARROTED:
            return [(opening.start, opening.end)]
        return []
    if parroted_share(opening.text, said.norm) >= _PARROTED:
        return []  # their own words handed back answer nothing
    if _THANKS_LEAD.match(_GREETING.sub("", opening.text)):
        return []  # "Dear Fatima, thank you for the photos" thanks them; it answers no worry
    own = content_stems(opening.text) - skip
    span = [(opening.start, opening.end)]
    if _PUT_FIRST.search(opening.text) and own & theirs:
        return span
    questions = [sentence for sentence in said.sentences if sentence.is_question]
    if questions:
        asked = content_stems(questions[-1].text) - skip
        lead = _SALUTE.sub("", opening.text)
        shared = own & asked
        if len(shared) >= 2 or (shared and _ANSWER_LEAD.match(lead)):
            return span
    return []


_GREETING = re.compile(r"^(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\W+)?(?:(?:mr|mrs|ms|miss|dr|mx)\W+)?(?:[a-z'-]+\W+)?(?=thank|thanks|cheers|many thanks)")
_THANKS_LEAD = re.compile(r"^(?:thank|thanks|cheers|many thanks)\b")
_SALUTE = re.compile(r"^(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|right|ok|okay|so|well)\W+)?(?:(?:mr|mrs|ms|miss|dr|mx)\W+)?(?:[a-z'-]+\W+)?(?=yes|no|he|she|it|they|you|we|not|of|absolutely|definitely)")


def _in_real_words(text: Text, spans: Spans) -> Spans:
    # A step laid out under a label in a listed sentence ("Today: our supervisor is coming out to make
    # the path safe") still says something when its own words are a real phrase.
    return [span for span in spans if _real_sentence(text, span)
            or (len(text.norm[span[0]:span[1]].split()) >= 6 and in_real_words(text, (span[0] + span[1]) // 2))]


def _real_sentence(text: Text, span: tuple[int, int]) -> bool:
    sentence = text.sentence_at(span[0])
    return sentence is None or not is_list(text, sentence)


def _recap(text: Text, context: Text | None, spans: Spans, needed: int) -> Spans:
    """Reflections and recaps: real sentences carrying at least ``needed`` of the customer's words."""
    if context is None:
        return _in_real_words(text, spans)
    context_stems = content_stems(context.norm)
    kept = []
    carried: set[str] = set()
    for span in spans:
        sentence = text.sentence_at(span[0])
        if sentence is None or is_list(text, sentence):
            continue
        words = {
            stem(m.group()) for m in WORD.finditer(text.norm, sentence.start, sentence.end)
            if in_real_words(text, m.start())
        }
        carried |= words & context_stems
        kept.append(span)
    return kept if len(carried) >= needed else []


def credited_spans(technique: str, text: Text, context: Text | None, spans: Spans,
                   find: Callable[[str], Spans] | None = None) -> Spans:
    """The detector's spans for ``technique`` that earn credit in a graded answer.

    ``find`` gives another technique's spans in the same answer (the rubric's cached detections).
    """
    if technique == "acknowledges_emotion":
        kept = _empathy(text, context, spans)
        if not kept and find is not None and context is not None and not hits(text, "stock_empathy") and not find("dismisses_feeling"):
            # Empathy through specifics: their situation said back, in their terms. Not for an
            # answer that reached for a stock line where the feeling should be, or waved it away.
            kept = _impact(text, context, find("reflects_content"), find("reassures"))
            if not kept:
                kept = _worry_heard(text, context, None)
        if not kept and context is not None and (find is None or not find("dismisses_feeling")):
            kept = _sorry_for_their_trouble(text, context) or _stakes_acknowledged(text, context)
            if not kept and not _stock_in_place_of_feeling(text, context):
                kept = _validated(text, context)
        return kept
    if technique == "reflects_content":
        return _recap(text, context, spans, 1)
    if technique == "summarizes_and_confirms":
        return _recap(text, context, spans, 2)
    return _in_real_words(text, spans)
