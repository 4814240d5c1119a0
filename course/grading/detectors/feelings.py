"""Feelings: naming the customer's feeling (acknowledges_emotion) or waving it away (dismisses_feeling)."""

from __future__ import annotations

import re

from course.grading.detectors.common import (
    Span,
    conditional,
    hits,
    lexicon_words,
    negated,
    opening,
    overlapping,
    phrase_hits,
    sarcastic,
    sentence_at,
    word_before,
)
from course.grading.text import Text

__all__ = ["acknowledges_emotion", "dismisses_feeling"]

# A question that asks about the feeling ("are you upset?", "why are you frustrated?") does not name it.
_ASKING = re.compile(r"^(?:are|were|is|was|do|does|did|have|has|why|how|what|would|will|can|could)\b")
# Imperative dismissals ("calm down") count only where they give an order, not in "you can relax now":
# only these words may come before them in their clause.
_ORDER_LEAD = frozenset(
    "please just now okay ok so look listen sir madam ma'am oh well you need to should must try i want".split()
)
# Words that open an empathy frame; a negation just before one of them cancels it ("I'm not sorry"),
# while a negation before a plain noun belongs to the noun ("with no laptop sounds stressful").
_FRAME_STARTS = frozenset(
    "i we you your that this it which all sorry so really very truly how what such no not anyone anybody "
    "everyone most makes left made hang stay keep hope hopefully".split()
)
# Encouragements said as orders ("keep going") count only in the order's place, as above.
_IMPERATIVES = frozenset("keep hang stay take look be go".split())
# What may come before an exclamation ("oh, how awful!") for it to react rather than describe.
_CLAUSE_LEAD = frozenset("oh wow gosh god well and but so ah ugh hmm okay ok".split())
_BARE_REACTION = re.compile(
    r"^(?:(?:so|really|very|totally|utterly|properly|absolutely|just|pretty|quite|rather|bloody|dead|well|how)\s+)?(?P<word>[a-z]+)"
    r"(?:,?\s+(?:and|but also|and also)\s+(?:(?:so|really|very|quite|a bit|pretty)\s+)?(?P<second>[a-z]+))?\W*$"
)
_SORRY = re.compile(r"(?<![\w'])sorry(?![\w'])")
# Reading the person: "you sound shattered", "she looks like she's burning up". Not "you seem to have
# two accounts", "they'll look into it", "that looks fine": a fact or a step, not how they are.
_PERCEIVED_STATE = re.compile(
    r"(?<![\w'])(?:you|she|he|they|your (?:little one|baby|son|daughter|dad|mum|father|mother|wife|husband|partner|child|kid))"
    r"(?: do not| did not| does not)? (?:sound|seem|look|sounded|seemed|looked|sounds|seems|looks)\b"
    r"(?! (?:at|for|into|up|through|after|over|forward|back|around|good|great|fine|right|correct|ok|okay|to|as if you have got|like you have got)\b)(?=\s+\w)"
)
# The state of the person in front of you, said plainly: "oh, she's very hot, isn't she".
_STATE_SEEN = re.compile(
    r"(?<![\w'])(?:she|he) is (?:very |so |really |quite |ever so |a bit |a little |still )?"
    r"(?:hot|warm|burning up|poorly|unwell|ill|sick|pale|flushed|feverish|drowsy|floppy|clammy|grizzly|"
    r"uncomfortable|distressed|in pain|in a bad way|not well|not herself|not himself|struggling)\b"
)
# A verdict on how hard it is, then what it is: "It is very hard, new baby and washing clothes in the sink".
# Said after "I understand" or as the whole sentence too: "I understand it is very annoying, your salary...".
_VERDICT_THEN_WHAT = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[,;:]\s)|(?<=\bso\s)|(?<=\band\s)|(?<=\bbut\s))(?:(?:i|we) (?:understand|know|see|get|can see|can imagine|realise|realize),? (?:that )?)?"
    r"(?:it|this|that|all this|all that) (?:is|was|has been|must be|sounds|seems)"
    r"(?: very| so| really| truly| properly| such)* (?P<word>[a-z]+)(?=\s*[,:;\u2013\u2014-]|\s*[.!]|\s*$)"
)
# Hearing past their word: '"fine" did not sound very fine', '"that is all" sounds like a lot'.
_QUOTED_DOUBT = re.compile(r'(?<=")[^"\n]{1,40}"\s+(?:did not |does not |do not |is not |was not )?(?:sound|seem|sounds|seems|sounded|seemed)\b')


def _candidates(text: Text) -> list[Span]:
    """Empathy phrases, clause-initial exclamations, and apologies that are more than a script."""
    spans = hits(text, "empathy_phrases")
    for start, end in hits(text, "feeling_exclamations"):
        if all(word.strip(",.!") in _CLAUSE_LEAD for word in word_before(text, start, 3)):
            spans.append((start, end))
    # A feeling said on its own, as a reaction: "Stressful." "Really worrying!"
    feelings = lexicon_words("situation_words")
    for sentence in text.sentences:
        bare = _BARE_REACTION.match(opening(sentence.text))
        for group in ("word", "second"):  # "Stressful." "Confusing, and worrying."
            word = bare.group(group) if bare is not None else None
            if word and word in feelings:
                start = sentence.start + sentence.text.find(word)
                spans.append((start, start + len(word)))
    spans.extend(found.span() for found in _PERCEIVED_STATE.finditer(text.norm))
    spans.extend(found.span() for found in _QUOTED_DOUBT.finditer(text.norm))
    spans.extend(found.span() for found in _STATE_SEEN.finditer(text.norm))
    spans.extend(found.span() for found in _VERDICT_THEN_WHAT.finditer(text.norm) if found.group("word") in feelings)
    scripted = hits(text, "apology_objects")
    for found in _SORRY.finditer(text.norm):
        start, end = found.span()
        following = text.norm[end : end + 8].lstrip(" ,")
        if any(a <= end + 2 and b > end for a, b in scripted) or following.startswith(("but", "if")):
            continue
        spans.append((start, end))
    return spans


def acknowledges_emotion(text: Text, context: Text | None) -> list[Span]:
    """Spans where the reply names or reflects how the customer feels."""
    not_feelings = hits(text, "not_a_feeling")
    dismissals = dismisses_feeling(text, context)
    kept = []
    for start, end in _candidates(text):
        # "with no laptop sounds stressful": a negation before a plain noun subject is about the noun.
        subject = text.norm[start:end].split(" ", 1)[0]
        if subject in _IMPERATIVES and not all(word in _ORDER_LEAD for word in word_before(text, start, 3)):
            continue  # "keep going" cheers someone on; "I keep going back" does not
        if (subject in _FRAME_STARTS and negated(text, start)) or conditional(text, start, 2):
            continue
        if overlapping((start, end), not_feelings):
            continue
        sentence = sentence_at(text, start)
        if sarcastic(text, sentence):
            continue
        if sentence is not None and sentence.is_question:
            asked = opening(sentence.text)
            if _ASKING.match(asked) and text.norm.startswith("you", start):
                continue  # "do you feel let down?" asks about the feeling; it does not name it
        if overlapping((start, end), dismissals):
            continue
        kept.append((start, end))
    return kept


# The trouble shrugged off for them, or others' patience promised on their behalf: "a bit of that
# is normal", "your students will understand", "people won't mind".
_SHRUGGED = re.compile(
    r"\b(?:a bit of|some of|a little of|a certain amount of|a little bit of) (?:that|this|it|the \w+) is (?:just )?(?:normal|to be expected|expected|unavoidable|how it is|part of (?:it|life))\b"
    r"|\b(?:your|the) (?:\w+ )?(?:students|customers|clients|guests|boss|family|kids|class|team|colleagues|manager|pupils|learners|audience|viewers|neighbours|neighbors|passengers|patients)"
    r" (?:will|would|are going to) (?:(?:surely|probably|definitely|all|totally|completely) )?(?:understand|not mind|be fine|cope|forgive you|get over it|not notice)\b"
    r"|\b(?:they|everyone|people|most people) (?:will|would) (?:(?:surely|probably|definitely|all|totally) )?understand\b"
    r"|\b(?:nobody|no one|none of them) (?:will|would|is going to) (?:(?:even|really) )?(?:mind|notice|care)\b"
    r"|\b(?:please )?(?:do not|try not to) worry (?:too much|so much|too hard)\b"
    r"|\b(?:nothing|no need|no reason) to get (?:so |too |all )?(?:worked up|upset|excited|stressed|wound up|angry|annoyed) (?:about|over)\b"
    r"|\b(?:tends? to|will|should|usually|normally) (?:all )?even (?:itself |themselves )?out\b|\b(?:you|we) (?:would not|wouldn't|will not|won't) (?:have )?(?:lose|lost) (?:anything|a thing|out)\b|\bin the long run\b"
    r"|\b(?:often|usually|sometimes|can|tends to|tend to|probably|just) (?:look|looks|seem|seems|appear|appears|come across|comes across) (?:\w+ ){0,2}?(?:under|in|indoors|on screen|on camera|at night|in daylight|in photos)\b"
    r"|\b(?:is|are|was|were) (?:usually |just |only |generally |normally |probably )?(?:low priority|a low priority|not urgent|not a priority|not an emergency|not serious|nothing serious|not a big deal)\b"
)


def _shrugged_off(text: Text) -> list[Span]:
    found = []
    for match in _SHRUGGED.finditer(text.norm):
        sentence = sentence_at(text, match.start())
        if (sentence is not None and sentence.is_question) or conditional(text, match.start(), 2) or negated(text, match.start(), 2):
            continue
        found.append(match.span())
    return found


def dismisses_feeling(text: Text, context: Text | None) -> list[Span]:
    """Spans where the reply tells the customer their feeling is wrong, small or too much."""
    kept = []
    for start, end in hits(text, "dismissive_phrases"):
        if text.norm.startswith(" to ", end):
            continue  # "it happens to lots of people" normalises; "it happens" shrugs
        if re.search(r"\b(?:still|again|keeps|when|whenever|if|where|how|why|every time|each time|what)\s+$", text.norm[max(0, start - 14) : start]) \
                or re.match(r"\s+(?:again|every|each|when|at|around|whenever|most|daily|nightly)\b", text.norm[end : end + 12]):
            continue  # "but still it happens", "it happens every evening": the fault, said back
        if text.norm[start:end].endswith("happens") and re.match(r"\s+(?!sometimes|all\b|a lot|though|unfortunately|i am afraid)[a-z0-9]", text.norm[end : end + 20]):
            continue  # "that happens before 8 tonight": an event, not a shrug
        if re.search(r"\b(?:while|as|until|before|after|since)\s+$", text.norm[max(0, start - 8) : start]):
            continue  # "juggling towels while it happens"
        if re.match(r"^(?:it is|it was)\b", text.norm[start:end]) and re.match(r"(?:\s+\S+){0,4}\s+(?:that|who)\s+\w", text.norm[end : end + 50]):
            continue  # "it was only a text on Monday that told you": who was told, not how much it matters
        sentence = sentence_at(text, start)
        if sentence is not None and sentence.is_question and not text.norm.startswith(("why", "what"), start):
            continue
        if conditional(text, start, 2) or negated(text, start, 2):
            continue
        kept.append((start, end))
    for start, end in hits(text, "dismissive_orders"):
        lead = word_before(text, start, 4)
        if all(word in _ORDER_LEAD for word in lead) and not negated(text, start, 2):
            kept.append((start, end))
    kept.extend(phrase_hits(text, "dismissive_questions", negation=False))
    kept.extend(_shrugged_off(text))
    return sorted(kept)
