"""Restating the customer: reflects_content and summarizes_and_confirms.

A reflection says back what the customer told us, in the listener's words: "so the charge
went through twice after you cancelled", "it sounds like the engineer never turned up". It is
found by its frame ("sounds like", "so you...", "what I'm hearing"), by a sentence about the
customer ("you've been waiting since 9:30") that neither instructs, offers, thanks nor speaks for
us, or by "so..." carrying their own words back. Copying their words back verbatim (pronouns
swapped) is parroting, not a reflection.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from course.grading.clauses import is_list
from course.grading.detectors.common import Span, hits, lexicon_words, negated, opening, word_before
from course.grading.detectors.questions import question_kind
from course.grading.text import WORD, Sentence, Text
from course.grading.words import content_stems, parroted_share, stem

__all__ = ["reflects_content", "summarizes_and_confirms"]

# What may come before a "you..." frame in its clause and still leave it the main statement.
_LEAD = frozenset(
    "so and but okay ok yeah yes right now well then also really just sounds like it seems that i hear "
    "am hearing guess think mm um uh actually still kind of sort basically hmm oh alright all see "
    "understand get sense gather what is basically essentially honestly right correct okay if hear".split()
)
# Words that make a "you..." clause a condition, a question or a report rather than a restatement.
_SUBORDINATE = frozenset(
    "if when whenever whether because do did would could can will where which who unless once "
    "before after until as since while how why does should".split()
)
# "You..." / "your..." opening a sentence restates, unless what follows instructs ("you need to"),
# offers ("you can"), thanks ("you're welcome") or praises ("you sound like a caring person").
_NOT_RESTATING_AFTER_YOU = (
    # "you could easily have missed it", "you might have lost the day" say back what nearly happened
    r"(?:can|could|should|will|would|might|may|must)(?!\s+(?:\w+ly\s+|well\s+|so\s+)?have\s+(?:been|\w{2,}(?:ed|en|t|wn|ne))\b)|need to|have to|had better|know|see|too|guys|all|"
    r"and i|and me|(?:really |just |do not |don't )?need|are (?:very |more than |most |so )?welcome|"
    r"are (?:absolutely |quite |so |completely |totally )?right|"
    r"(?:are|sound|seem|look)(?: like)?(?: a| such a)?(?: very| really| so)? "
    r"(?:strong|brave|great|wonderful|amazing|good|kind|caring|determined|smart|right|lovely|on your way)"
)
_SUBJECT = re.compile(
    rf"^(?:(?:so|and|but|and so|okay so|then|now)\s+)?(?:you|your)\b(?!\s+(?:{_NOT_RESTATING_AFTER_YOU})\b)"
)
_THING_SUBJECT = re.compile(r"^(?:(?:so|and|but|then)\s+)?your\b")
# A sentence about the customer ("you", "your") that neither instructs, offers, thanks, asks
# nor speaks for us: the plainest way to say back what someone lives through.
_ABOUT_THEM = re.compile(r"\b(?:you|your|yours|yourself)\b")
_NOT_ABOUT_THEM = re.compile(
    r"\b(?:i|we|me|my|us|our|let|can|could|should|will|would|might|may|must|shall|need to|have to|if|when|whenever|"
    r"please|thank|thanks|welcome|nice to|good to|up to you|your choice|important that|"
    # praise, wishes and greetings speak to them, they do not restate them
    r"goodnight|good night|good day|there you go|nice of you|kind of you|believe in|proud|wish|luck|deserve|"
    r"amazing|wonderful|perfect|okay to|normal to|need to|needs to|do not need|welcome|per|as per|according to|"
    # praise and verdicts on what they did: "it's good that you asked", "good thing you kept it"
    r"good that|great that|glad that|good thing|great thing|awesome|excellent|brilliant|fantastic|a good start|a great start|"
    r"not alone|every right|do not have to|do not want to|better|depends on|same to you|as well|you too)\b"
)
# A clause opening with a wh-word asks ("what you need is..." aside); one in the middle is a relative clause.
_WH_OPENING = re.compile(r"^(?:what|how|why|where|which|who|whom|whose|when)\b")
_ORDER = re.compile(
    r"^(?:look|take|make|remember|consider|keep|think|tell|imagine|give|get|do|enjoy|have a|feel free|see|note|bear)\b"
)
# Something done for them ("your refund has been processed", "it is now fixed") informs, not restates.
_DONE_FOR_THEM = re.compile(r"\b(?:it|this|that|your \w+|the \w+) (?:has|have) (?:now |just |already )?been (?:now )?\w+(?:ed|en|t)\b|\b(?:is|are) now\b")
_MIN_RESTATING_WORDS = 4
"""Words a sentence needs to say back what the customer told us without a reflecting frame."""
_SHARED_FOR_RESTATING = 3
"""Content words a sentence must share with the customer's to say their situation back unnamed."""
# Terms and policy quoted at them restate the rules, not their story.
_POLICY = re.compile(
    r"\b(?:per|as per|according to|under) (?:the|our|your)? ?(?:terms|t&cs|t and cs|policy|rules|contract|agreement|conditions)\b"
    r"|\bnon[- ]refundable\b|\b(?:usually|normally|typically|generally|in most cases|as a rule)\b"
)
_FIRST_PERSON = re.compile(r"^(?:i|we|let me|let us|our|my)\b")
_SO_LEAD = re.compile(r"^(?:[\w']+[\s,]+){0,2}?so\b")
# "That sounds like a sync conflict" names a cause; it restates nothing unless it is about them.
_DIAGNOSIS = re.compile(r"\s+(?:a|an)\b")
_CLAUSE = re.compile(r"[:;]\s+|\s+-+\s+")
_PRONOUN_LEAD = re.compile(r"(?:it|that|this)\s+")
_INVERTED = re.compile(r"^(?:is|are|was|were|do|does|did|have|has|can|could|will|would|should)\b")
_STRONG = (
    "sound", "seem", "so you", "so your", "what i", "if i", "from what", "in other words", "on the one",
    "on one", "on the other", "part of you", "you feel", "you felt", "you are feel", "you were feel",
    "you have been feel", "i hear", "i am hearing", "i am picking", "i get the", "i sense", "i gather",
    "i can tell", "i can hear", "i can sense", "i can see", "i could tell", "i could hear", "i could see",
)


def _strong(norm: str, start: int) -> bool:
    """Whether a frame is one that restates wherever it stands ("...and it sounds like you...")."""
    lead = _PRONOUN_LEAD.match(norm, start)
    return norm.startswith(_STRONG, lead.end() if lead else start) or norm.startswith(_STRONG, start)


def _main_clause(text: Text, start: int) -> bool:
    """Whether a frame starting at ``start`` leads its clause (not inside "if you...", "do you...")."""
    before = [word.strip("-'\"") for word in word_before(text, start, 6)]
    if any(word in _SUBORDINATE for word in before):
        return False
    return all(word in _LEAD for word in before) or not before


# Sorry for what happened to them, said as it happened: "I'm sorry the reminder only came the day before".
_SORRY_THAT = re.compile(
    r"^(?:(?:i|we) (?:am|are) |i'm |we're )?(?:so |really |very |truly |terribly |genuinely )?sorry (?:that |to hear that )?"
    r"(?=(?:the|your|you|it|this|he|she|they|nobody|no one|no-one|our|we|my|his|her|their)\b)"
)


def _units(sentence: Sentence) -> list[Sentence]:
    """A sentence and the clauses after its colons, semicolons and dashes ("I see why: your rent..."),
    and what an apology is for when it is said as a clause ("sorry [that] your parcel went to the wrong door")."""
    units = [sentence]
    sorry = _SORRY_THAT.match(opening(sentence.text))
    if sorry:
        skipped = len(sentence.text) - len(opening(sentence.text)) + sorry.end()
        units.append(Sentence(sentence.start + skipped, sentence.end, sentence.text[skipped:]))
    for cut in _CLAUSE.finditer(sentence.text):
        start = sentence.start + cut.end()
        if start < sentence.end:
            units.append(Sentence(start, sentence.end, sentence.text[cut.end():]))
    return units


def _restates(text: Text, unit: Sentence, framed: list[Span], context_stems: AbstractSet[str], has_context: bool) -> bool:
    """Whether one sentence or clause says back what the customer lives through."""
    body = opening(unit.text)
    shared = content_stems(unit.text) & context_stems
    if len(body.split()) < _MIN_RESTATING_WORDS and not any(unit.start <= a < unit.end and _strong(text.norm, a) for a, _ in framed):
        return False  # "you too!", "same to you": too short to say anything back
    about_them = bool(_ABOUT_THEM.search(body))
    for start, end in framed:
        if not unit.start <= start < unit.end:
            continue
        if _DIAGNOSIS.match(text.norm, end) and not (about_them or shared):
            continue
        if _strong(text.norm, start) or (_main_clause(text, start) and not _DONE_FOR_THEM.search(unit.text)):
            return True
    if _DONE_FOR_THEM.search(body):
        return False
    if _SUBJECT.match(body):
        return not _THING_SUBJECT.match(body) or bool(shared)
    if _SO_LEAD.match(unit.text) and body != unit.text and shared and not _FIRST_PERSON.match(body):
        return True
    if (
        about_them
        and not _NOT_ABOUT_THEM.search(unit.text)
        and not _WH_OPENING.match(body)
        and not _ORDER.match(body)
        and not _instructs(body)
    ):
        return True
    # Their situation said back without naming them: "three hours on hold and then cut off",
    # "losing a day's wages because our engineer didn't show is serious". Enough of their own
    # words, in a sentence that is not ours to act on, to instruct with, or a list.
    return (
        len(shared) >= _SHARED_FOR_RESTATING
        and not _FIRST_PERSON.match(body)
        and not _WH_OPENING.match(body)
        and not _ORDER.match(body)
        and not _instructs(body)
        and not _POLICY.search(unit.text)
        and not hits(text, "blame_phrases", (unit.start, unit.end))
    )


def _instructs(body: str) -> bool:
    """Whether a clause opens with an instruction ("update the app on your phone")."""
    first = body.split(" ", 1)[0] if body else ""
    return first in lexicon_words("instruction_verbs")


def _reflection_sentences(text: Text, context: Text | None) -> list[tuple[Sentence, Span]]:
    """Sentences that restate the customer, each with the span that shows it."""
    from course.grading.detectors.actions import offers_solution  # late: actions imports questions

    framed = [span for span in hits(text, "reflection_frames") if not negated(text, span[0], 2)]
    offers = offers_solution(text, None)
    context_stems = content_stems(context.norm) if context else set()
    found = []
    for sentence in text.sentences:
        kind = question_kind(text, sentence) if sentence.is_question else None
        if kind == "open" or (kind is not None and _INVERTED.match(opening(sentence.text))):
            continue
        if context is not None and parroted_share(sentence.text, context.norm) >= 0.6 and len(sentence.text.split()) >= 4:
            continue  # said back word for word: parroting
        if hits(text, "blame_phrases", (sentence.start, sentence.end)):
            continue  # "that's because you didn't put the flat number on": a verdict, not their story
        if _not_saying_back(text, sentence, framed, offers):
            continue
        units = [unit for unit in _units(sentence) if unit is sentence or not _parroted(unit, context)]
        if any(_restates(text, unit, framed, context_stems, context is not None) for unit in units):
            found.append((sentence, (sentence.start, sentence.end)))
    return found


def _parroted(unit: Sentence, context: Text | None) -> bool:
    """Whether a clause is the customer's own words handed back ("sorry you have never felt so ignored")."""
    return context is not None and len(unit.text.split()) >= 4 and parroted_share(unit.text, context.norm) >= 0.6


def _not_saying_back(text: Text, sentence: Sentence, framed: list[Span], offers: list[Span]) -> bool:
    """Whether a sentence about them advises, cheers or wishes rather than says back.

    "Maybe take your mind off it", "you've got this!", "hope you are doing well": each is about
    the customer, none restates what they said. A sentence
    with a reflecting frame ("it sounds like...") is left to the frame.
    """
    if any(sentence.start <= a < sentence.end and _strong(text.norm, a) for a, _ in framed):
        return False
    window = (sentence.start, sentence.end)
    if hits(text, "warm_wishes", window) or hits(text, "encouragement", window):
        return True
    return any(sentence.start <= a < sentence.end for a, _ in offers)


def reflects_content(text: Text, context: Text | None) -> list[Span]:
    """Spans of sentences that restate what the customer said, in other words."""
    return [span for _, span in _reflection_sentences(text, context)]


# Asking the customer to check what we said back: "is that right?", "have I got that right?",
# "please confirm: ...", "could you confirm the following", "shout if I've got any of that wrong",
# "correct me if I've missed anything", "let me know if any of this is incorrect".
_CHECK = re.compile(
    r"\b(?:please|kindly|can you|could you|would you|will you|just)(?: just| quickly)? (?:confirm|check|verify|double check)\b"
    r"|\bconfirm (?:the following|these|this|that|for me|below)\b"
    r"|\b(?:shout|tell me|let me know|let us know|say|flag it|give me a shout|correct me|stop me|jump in|pipe up|speak up|do say|do tell me)"
    r"(?: now| straight away)? (?:if|where|whether|when)\b[^.?!]*\b(?:wrong|missed|incorrect|not right|not quite right|off|inaccurate|mistaken|left out|misunderstood|misheard|anything|something|different|changed|complete|incomplete|missing|the full list|the whole list|correct|right|accurate)\b"
    # the condition first: "if I've got any of that wrong or left something out, tell me"
    r"|\bif (?:i have|i) (?:got|get|missed|left|misunderstood|misheard|mixed)\b[^.?!]*\b(?:wrong|out|anything|something|up)\b[^.?!]*\b(?:tell me|let me know|shout|say so|correct me|give me a shout)\b"
    # teach-back: "can you tell me back the time for the pharmacy, just so I know I've explained it well?"
    r"|\b(?:tell|say|read|repeat|give) (?:it |that |them |those )?(?:back to me|me back)\b|\bjust so i know (?:i have |it is |that is )?(?:explained|clear|made (?:it|that) clear|got it across)\b"
    # the elliptical check after a list: "Anything missing?", "anything to add there?"
    r"|^(?:(?:and|so|okay|ok)\W+)?(?:is there )?anything (?:missing|to add|i should add|i have left off)(?: there| from (?:that|this|the list|my list))?\s*\?\s*$"
    r"|\b(?:is|was|does|did) (?:that|this|it|all that|all of that|any of that|everything) (?:sound |seem |look )?(?:right|correct|accurate|fair|about right|a fair summary|the gist|it|everything|ok|okay|all right|the picture|the whole picture|the story|the whole story|about the size of it|a fair picture|clear)\b"
    r"|\b(?:have|did|do) i (?:got|get|have|understood|understand|heard|hear|captured|capture|caught|catch)\b[^.?!]*\b(?:right|correctly|correct|well|properly|straight|all|everything|that)\b[^.?!]*\?"
    r"|\b(?:am i|are we) (?:right|correct|on the right track|on the same page)\b"
    r"|\b(?:did|have) i (?:miss|missed|leave|left|forget|forgotten|get) (?:anything|something|out|wrong)\b"
    r"|\bwhat (?:have|did) i (?:missed|miss|got wrong|get wrong|left out|leave out)\b"
    r"|\banything (?:i have|i|i have got|i got) (?:missed|got wrong|left out|misunderstood)\b"
    r"|(?:^|[,;:]\s*|\s[-\u2013\u2014]\s*)(?:right|correct|yes|yeah|yep|no|ok|okay|is that right|is it|yes or no)\s*\?\s*$"
    r"|\b(?:just )?(?:making|to make|want to make|wanted to make) sure (?:i have|i|i am|we have|we) (?:got|get|understood|understand|heard|right)\b"
)
# A check that comes first and leads into the recap: "please confirm: ...", "let me check I've got
# this right. Your son's inhaler...", "to make sure I've understood: ...".
_LEADING = re.compile(
    r"\b(?:please|kindly|can you|could you|would you)(?: just)? confirm\b|\bconfirm (?:the following|these|this|for me|below)\b"
    r"|\b(?:let me|can i|could i|i want to|i will just|i would like to) (?:just )?(?:check|make sure|confirm|be sure|double check)\b(?! in\b| on\b| with\b| back\b)"
    r"|\b(?:let me|i will|can i) (?:just )?(?:read|repeat|play|run) (?:that|this|it|those|these|everything|them|all that) (?:back|through)\b"
    # checking announced before acting on it: "checking before I book: ...", "three quick checks before I change anything"
    r"|\b(?:just |quickly )?(?:checking|(?:a )?(?:quick )?check|(?:two|three|four|a few|some|a couple of) (?:quick )?checks)(?: first)? (?:before (?:i|we)|that i|i have|i got)\b"
    r"|(?:^|\bjust )to check\s*[,:]"
)
# "To confirm, ..." checks only when it asks: "to confirm, you'd like $500 moved?", or "just to
# confirm, it's Tuesday at 10. Does that work?"; "just to confirm, your refund went out today" informs.
_TO_CONFIRM = re.compile(r"\bto (?:confirm|double check)\b|^(?:(?:so|okay|ok|right|great)\W+)?(?:just )?confirming\b")
_MIN_RECAPPED = 2
"""How many of the customer's own content words a recap must carry."""


# A short question pointing back at what was just said and asking whether it is right, complete
# or clear: "does that all match what you've got?", "anything in that you'd want changed?",
# "is that the full list?", "that about it?", "have you got that?".
_BACK = re.compile(r"\b(?:that|this|those|these|it|all|any of (?:that|this|it|them)|anything|everything|them)\b")
_RIGHT = re.compile(
    r"\b(?:right|correct|accurate|match|matches|wrong|off|changed?|add|missed|miss|left out|leave out|full|complete|"
    r"about it|that it|clear|got that|got it|make sense|makes sense|fair|gist|go over|sound|boxes|the lot|all of it|everything|work|works|suit|suits)\b"
)
_MAX_CHECK_WORDS = 16
# After a recap, the next move put to them before anything is done: "shall I hold off while I check for
# something earlier, or is it workable for you?", "do you want me to book that or look for something earlier?"
_YOUR_CALL = re.compile(
    r"\b(?:shall|should) (?:i|we)\b[^?]*\bor\b"
    r"|\b(?:do|would) you (?:want|like|rather|prefer)\b[^?]*\bor\b"
    r"|\b(?:does|would|will|is) (?:that|this|it) (?:feel|sound|seem|look|be)? ?(?:safe|workable|doable|okay|ok|all right|alright|manageable) (?:to|for) you\b"
)


def _check_question(sentence: Sentence) -> bool:
    # "does that all make sense, and is there anything else?": the check before the send-off
    first = re.split(r",? (?:and|or) (?:is there|is that|can i|anything)\b", sentence.text, maxsplit=1)
    if len(first) > 1 and _check_question_body(first[0] + "?"):
        return sentence.is_question
    return _check_question_body(sentence.text) and sentence.is_question


def _check_question_body(body: str) -> bool:
    words = body.split()
    return (
        len(words) <= _MAX_CHECK_WORDS
        and bool(_BACK.search(body)) and bool(_RIGHT.search(body))
        and not re.search(r"\b(?:else|help|assist|today)\b", body)
    )


def _checks(text: Text) -> list[Span]:
    """Where the reply asks the customer to confirm or correct what it said back."""
    found = [span for span in hits(text, "confirm_phrases") if not negated(text, span[0], 1)]
    sentences = text.sentences
    for index, sentence in enumerate(sentences):
        asked = sentence.is_question or (index + 1 < len(sentences) and sentences[index + 1].is_question)
        if asked:
            found += [(sentence.start + m.start(), sentence.start + m.end()) for m in _TO_CONFIRM.finditer(sentence.text)]
        if sentence.is_question and _YOUR_CALL.search(sentence.text):
            found.append((sentence.start, sentence.end))  # "shall I hold off, or is it workable for you?": the next move is theirs
        if _check_question(sentence):
            cut = max(sentence.text.rfind(","), sentence.text.rfind(":"), sentence.text.rfind(" - "))
            found.append((sentence.start + (cut + 1 if cut > 0 else 0), sentence.end))  # the asking tail only
        for match in list(_CHECK.finditer(sentence.text)) + list(_LEADING.finditer(sentence.text)):
            found.append((sentence.start + match.start(), sentence.start + match.end()))
    return found


def _recapped(text: Text, sentence: Sentence, context_stems: AbstractSet[str]) -> set[str]:
    """The customer's content words a sentence carries, outside lists of bare words."""
    words = {
        stem(m.group()) for m in WORD.finditer(text.norm, sentence.start, sentence.end)
        if len(m.group()) > 1
    }
    return {word for word in words if word in context_stems}


def _reads_back(sentence: Sentence) -> bool:
    """Whether a sentence opens a read-back: "please confirm the following:", "to confirm, ..."."""
    return bool(_LEADING.search(sentence.text) or _TO_CONFIRM.search(sentence.text))


# What a read-back states after its lead: a value ("is 12 High Street", "you want two tickets",
# "for 3 people at 7 pm"), not a detail asked for ("please confirm your date of birth").
_STATED = re.compile(r"\b(?:is|are|was|were|will be|that|you want|you would like|you need|you are)\b|\d|:")


_TAG_CHECK = re.compile(r",\s*(?:right|correct|yes|yeah|is that right|is that correct|have i got that right)\s*\?\s*$")


def _said_back(text: Text, sentence: Sentence, checks: list[Span]) -> bool:
    """Whether a sentence with no customer to compare reads as a recap: content beyond the check."""
    marked = hits(text, "recap_markers", (sentence.start, sentence.end)) + checks
    content = [
        m for m in WORD.finditer(text.norm, sentence.start, sentence.end)
        if not any(a <= m.start() < b for a, b in marked)
    ]
    if len(content) < 4:
        return False  # "just to check, is that everything?" recaps nothing
    if sentence.is_question and _TAG_CHECK.search(sentence.text) and len(content) >= 7:
        return True  # "you want to fly from Boston to Denver on the 5th, right?"
    lead = _LEADING.search(sentence.text) or _TO_CONFIRM.search(sentence.text)
    if lead and _STATED.search(sentence.text, lead.end()):
        return True  # "please confirm your new address is 12 High Street, Leeds"
    items = sentence.text.count(",") + sentence.text.count(" and ") + sentence.text.count(":")
    if hits(text, "recap_markers", (sentence.start, sentence.end)):
        return items >= 1
    return items >= 2 and len(sentence.text.split()) >= 6


def summarizes_and_confirms(text: Text, context: Text | None) -> list[Span]:
    """Spans of a recap of what the customer said followed (or led) by a check that it is right.

    The recap is one or more sentences carrying several of the customer's own facts, up to and
    including the sentence that asks the check; a check with nothing recapped ("is that right?"
    after "so it's broken") and a recap nobody is asked to check both miss.
    """
    checks = _checks(text)
    if not checks:
        return []
    # The check may follow the recap ("...have I got that right?") or lead into it ("stop me if
    # I get any of this wrong: ..."), so the recap is looked for in every sentence.
    context_stems = content_stems(context.norm) if context is not None else set()
    recap: list[Span] = []
    carried: set[str] = set()
    led = False
    for sentence in text.sentences:
        # Details read back as a list after "let me read that back:" or "please confirm the
        # following:" are a read-back; a list of their words with no such lead says nothing back.
        # (Grading credits recaps only in real sentences, so a list earns no marks either way.)
        read_back = led or _reads_back(sentence)
        led = _reads_back(sentence)
        if hits(text, "blame_phrases", (sentence.start, sentence.end)) or (is_list(text, sentence) and not read_back):
            continue  # a verdict, or a list of their words, says nothing back
        if context is not None:
            words = _recapped(text, sentence, context_stems)
            if words and not (sentence.is_question and _INVERTED.match(opening(sentence.text)) and len(words) < _MIN_RECAPPED):
                carried |= words
                recap.append((sentence.start, sentence.end))
        elif _said_back(text, sentence, checks):
            carried.add(str(sentence.start))
            carried.add(str(sentence.end))
            recap.append((sentence.start, sentence.end))
    if len(carried) < _MIN_RECAPPED or not recap:
        return []
    return recap + checks


