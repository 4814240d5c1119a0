"""How the reply sounds: uses_jargon and blames_customer."""

from __future__ import annotations

import re

from course.grading.detectors.common import Span, conditional, hits, lexicon_words, negated
from course.grading.text import Text

__all__ = ["uses_jargon", "blames_customer"]

_ACRONYM = re.compile(r"(?<![\w'])[A-Z][A-Z0-9]{1,5}s?(?![\w'])")


_EXPLAINED = re.compile(r"(?:call(?:s|ed)? (?:it|this|that)|known as|short for|called|stands for)(?: the| a| an)?\s*$")


# A term explained right after it is named: "an 'arrears balance', which only means money that's behind",
# "Arrears balance: the money not yet paid", "the letter says 'arrears' (that just means...)".
_EXPLAINED_AFTER = re.compile(
    r"(?:\s+[a-z]+)?[\"'\u2019\u201d]?\s*(?:[,(]\s*|\s+-\s+|\s*[:\u2013\u2014]\s*)?"
    r"(?:(?:(?:which|that|this|it)\s+)?(?:just |only |simply |really |basically )?(?:means|meaning)\b"
    r"|(?:which|that|this) (?:is|are) (?:just |simply |basically |only )?(?:the|a|an|money|what)\b|(?:i\.?e\.?|in other words|or in plain words)\b)"
    r"|(?:\s+[a-z]+)?[\"'\u2019\u201d]?\s*[:\u2013\u2014]\s+(?:the|money|what|that|it|an?|your)\b"
)
_QUOTED_TERM = re.compile(r"\b(?:calls?|called|says?|said|uses? the words?|the words?|the term|letter(?:'s)?)\s+(?:that |it |this )?(?:an? |the )?[\"'\u2018\u201c]\s*$")


def explained(text: Text, span: Span) -> bool:
    """Whether a term is explained as it is named: before it ("we call it the ONT") or right after it."""
    before = text.norm[max(0, span[0] - 30) : span[0]]
    return bool(_EXPLAINED.search(before) or _QUOTED_TERM.search(before)
                or _EXPLAINED_AFTER.match(text.norm, span[1], min(len(text.norm), span[1] + 60)))


def uses_jargon(text: Text, context: Text | None) -> list[Span]:
    """Spans of in-house terms and unexplained acronyms a customer may not know."""
    # "the white box on the wall (we call it the ONT)": a term named as it is explained is fine.
    spans = [span for span in hits(text, "jargon") if not explained(text, span)]
    plain = lexicon_words("plain_acronyms")
    original = text.original
    # An acronym counts only in ordinary writing: a shouted all-capitals line has no acronyms.
    letters = [c for c in original if c.isalpha()]
    shouting = letters and sum(c.isupper() for c in letters) > 0.5 * len(letters)
    if not shouting:
        for found in _ACRONYM.finditer(original):
            word = found.group().lower()
            if word in plain or word.rstrip("s") in plain or not any(c.isalpha() for c in word[1:]):
                continue
            if re.match(r"[-/ ]?\d", original[found.end() : found.end() + 2]):
                continue  # "SR-88412", "RMA 5521": a reference to quote, not a term to explain
            if re.search(r"(?:call(?:s|ed)? (?:it|this|that)|known as|short for|called|stands for)(?: the| a| an)?\s*$", original[max(0, found.start() - 30) : found.start()], re.I):
                continue  # "the box on the wall (we call it the ONT)": explained as it is named
            start, end = text.norm_span(found.start(), found.end())
            if end > start and not explained(text, (start, end)):
                spans.append((start, end))
    return spans


# Blame by what the customer left undone: "because you didn't give me your order number", "you
# probably didn't press submit". Verbs of what happened to them ("you never got a reply", "you
# didn't ask for this") say it back instead, so they are left out.
_OMISSION = re.compile(
    r"\byou(?: (?:probably|must have|clearly|obviously|likely|just|simply|maybe|possibly))?"
    r" (?:did not|never|have not|had not|forgot to|failed to|neglected to|omitted to|did not even|never even)"
    r"(?: (?:actually|properly|even|correctly|fully))? (?P<verb>[a-z]+)\b(?P<rest> anything wrong| wrong| a thing wrong)?"
)
_NOT_ONE_S_DOING = frozenset(
    """get got receive received hear heard have had know knew see saw expect expected want wanted mean meant
    need needed like deserve deserved ask asked agree agreed choose chose cause caused plan planned intend
    intended sign be been lose lost miss missed realise realize notice noticed think thought hang experience
    find found feel felt understand sleep manage do sound sounded seem seemed look looked""".split()
)


# A lesson for next time, after the harm is done: "in future, make sure you keep the receipt".
_LECTURE = re.compile(
    r"\b(?:next time|in future|in the future|for next time|for the future)\s*[,:]?\s*(?:please\s+)?"
    r"(?:always|make sure you|remember to|try to|do not forget to|be sure to|you should|you might want to|you need to|it is best to|it is worth)\b"
)


# Telling verbs with nothing after them say what was not done for the customer ("...and you never told").
_TOLD = frozenset("told informed notified updated warned contacted called rung phoned texted emailed".split())


# Blame by cause: something the customer did, then "that's why" / "which is why" / "so the...".
_DID = re.compile(
    r"\byou(?: (?:have|had|just|clearly|obviously|probably))? (?:typed|entered|put|left|let|missed|forgot|chose|picked|selected|"
    r"clicked|pressed|gave|sent|used|ordered|booked|ticked|signed|agreed|cancelled|canceled|deleted|ignored|paid|waited|opened)\b"
)
# "You typed..." blames; "the data you used" is a relative clause about a thing, and blames no one.
_SUBJECT_PLACE = re.compile(r"(?:^|[,;:]\s*|\b(?:because|since|as|and|but|so|then|when|once|well|sir|madam)\s+)$")
_CAUSE = re.compile(r"\b(?:that is why|which is why|this is why|that is what|so the|so your|so it|hence|because of that|and that is why)\b|\b(?:is|was|are) (?:late|failing|blocked|declined|wrong|missing|rejected) because you\b")


# "You shouldn't have had to ring four times to hear nothing" takes their side: what they should
# not have had to do is what we failed to do for them.
_REPEATED_EFFORT = re.compile(
    r"[^.!?]*?\b(?:twice|three times|four times|five times|\d+ times|(?:so )?many times|again and again|over and over|"
    r"to hear nothing|for nothing|to get nowhere|to be ignored|just to)\b"
)


# "Your mistake: none." "Your fault? No." names the fault to deny it.
_NONE_OF_IT = re.compile(r"\s*[:?,-]\s*(?:none|nothing|no|not at all|not one bit|zero)\b")


# "As I told you on Tuesday, I'm writing today": the speaker keeping their word, not a reproach.
_OWN_WORD_KEPT = re.compile(
    r"(?:\s+(?:on|last|this|yesterday|earlier|before|in)\b[^,.;]{0,30})?\s*[,:]?\s*(?:i|we)\s+(?:will|am|are|write|have|promised|would)\b"
)
# "a mistake you didn't make", "for something you did not order": a relative clause about a thing.
_THING_BEFORE = re.compile(
    r"\b(?:a|an|the|that|this|any|some|one|something|anything|nothing|everything)"
    r"(?:\s+(?!(?:is|was|are|were|be|been|being|that is|because|so|and|but|if|when)\b)[a-z]+){0,2}\s+$"
)


def _relative(text: Text, start: int) -> bool:
    return text.norm.startswith("you", start) and bool(_THING_BEFORE.search(text.norm[max(0, start - 40) : start]))


# "I rang the workshop on Tuesday as I said": the speaker's own step, then that it was what they promised.
_WORD_KEPT_BEFORE = re.compile(
    r"(?:^|[.!?]\s|,\s)(?:(?:and|so|yes|ok|okay|right|hi|hello)\W+)?(?:[a-z]+\W+){0,2}(?:i|we) (?:have |had |did |just |already )?"
    r"(?:rang|called|phoned|spoke|sent|emailed|checked|chased|asked|went|got|made|booked|looked|raised|passed|wrote|texted|messaged|did|kept|followed)\b[^.!?;:,]*$"
    r"|(?:^|[.!?,]\s)(?:\w+\W+){0,3}(?:i am |we are )?(?:back|here|on time)\b[^.!?;:,]*$"
)


# What was done to them, not by them: "you shouldn't have paid that £27.40", "you should never have been cut off".
_WRONGED = re.compile(
    r"you (?:\w+ )?should (?:not|never) have (?:had to |needed to |been )?"
    r"(?:paid|pay|charged|billed|asked|ask|told|kept|left|waited|wait|sent|cut off|disconnected|chased|chase|rung|ring|called|call)\b"
)


# Fault guessed onto the customer: "that error usually shows up when the app hasn't been updated",
# "if you installed it yourselves, that might not be covered", "you'd have known that money was
# spent", "it's always worth keeping track of your own spending", "to be fair, you did...".
_GUESSED_CAUSE = re.compile(
    r"\b(?:most likely|probably|likely|chances are|my guess is)\b[^.!?]{0,60}\b(?:from|on|at) your (?:side|end)\b"
    r"|\b(?:usually|normally|often|mostly|generally) (?:because|when) (?:people|customers|users|someone|you)\b"
    r"|\b(?:usually|often|normally|generally|mostly|typically|nearly always|almost always)\s+(?:comes?|is caused|are caused|happens?|results?|is down|starts?)\s+"
    r"(?:from|by|because of|due to|when|with)\s+(?:\w+ )?\w+ing\b"
    r"|\b(?:usually|often|normally|generally|mostly|typically|commonly|nine times out of ten|most of the time)\b[^.!?]{0,50}?"
    r"\b(?:when|if|because|where) (?:you|your (?:\w+ )?(?:app|phone|device|router|settings|browser|details|card|payment|machine)|the (?:app|phone|device|router|browser|settings))"
    r"(?: (?:has|have|had|is|are|was|were|did|do|does))? (?:not|never|forgot to|failed to)\b"
    r"|\b(?:usually|often|normally|generally|mostly|typically|commonly)\b[^.!?]{0,40}?\b(?:down to|caused by|because of) (?:the |a |an |your )?(?:\w+ ){0,4}?"
    r"(?:fitted|installed|set up|plumbed|wired|connected|used|put|placed|positioned|stored|handled) (?:\w+ )?(?:wrong|wrongly|badly|incorrectly|too (?:low|high|tight|loose)|by (?:you|the customer|yourself|yourselves))\b"
)
_OWN_HANDIWORK = re.compile(
    r"\bif you (?:\w+ )?(?:installed|fitted|plumbed|set up|assembled|wired|connected|moved|dropped|opened|repaired|serviced|built|mounted) "
    r"(?:it|them|the \w+|that|this)?\s*(?:yourself|yourselves|on your own|by yourself|by yourselves)\b"
    r"|\b(?:you|your) (?:would|should|must|could|ought to) (?:have|'ve) (?:known|checked|realised|realized|noticed|seen|read|remembered|been aware|looked|kept track)\b"
    r"|\b(?:keep|keeping|kept) (?:a )?(?:track|an eye|a check|on top) (?:of|on) (?:your|what you) own\b"
    r"|\b(?:it is|it's|it would be|it would have been) (?:always |really |probably )?(?:worth|best|wise|a good idea|sensible) (?:to )?(?:keep|keeping|check|checking|read|reading|look|looking)\b[^.!?]{0,40}?\byour (?:own|spending|balance|statements|emails|junk)\b"
    r"|\bto be fair\b[,\s]+(?:[^.!?]{0,30}?\b)?(?:you|your)\b"
)


# A cause guessed from the customer's side of things, said as what usually happens: "an orange light
# usually means it's not been plugged into the right socket", "if the engineer couldn't get an answer at
# the door they often just leave", "sometimes crews can't find a leak if it's not clearly reported".
# A cause on our side ("it usually happens when our system hasn't updated") blames no one.
_SPECULATED = re.compile(
    r"\b(?:usually|often|normally|generally|sometimes|typically|commonly|mostly|nine times out of ten|most of the time|more often than not|"
    r"in most cases|possible|possibly|perhaps|maybe|likely|probably|chances are|may have|might have|could have)\b"
)
_THEIR_SIDE = re.compile(
    r"\b(?:(?:(?:it|they|the \w+|your \w+|both|that|this) (?:not |never )?|(?:is|are|was|were|has|have|had) (?:not |never )?(?:been )?)(?:clearly |properly |correctly |both |fully )?"
    r"(?:reported|described|explained|plugged|set up|entered|updated|registered|installed|connected|fitted|charged|switched on|turned on|read|answered|collected)\b"
    r"|(?:could not|couldn't|did not|didn't|can not|cannot|can't) get (?:an answer|a reply|a response|in|access|hold of you)"
    r"|(?:no one|nobody) (?:was |is )?(?:in|home|there|answered|answers|around)|(?:you|they) (?:were|was|are) (?:not|never) (?:in|home|there|around|available)"
    r"|(?:you|they) (?:were|was) (?:out|away)|you (?:missed|overlooked|did not see|did not hear) (?:them|him|her|it|the \w+)"
    r"|set up (?:twice|two|both|for the same))\b"
)
_CAUSAL = re.compile(r"\b(?:means?|meant|happens?|happened|shows? up|comes? up|because|down to|caused|causes|when|if|where)\b")
_OUR_SIDE = re.compile(r"\b(?:our|we|us|ours|the bank's|our system|our end|on us|our side|our fault|our mistake)\b")
# What the customer may have done, guessed: "you may have missed it in your inbox", "he may have set it up twice".
_MAY_HAVE_DONE = re.compile(
    r"\b(?:it is|it's) (?:possible|likely|probable|quite possible) (?:that )?(?:you|he|she) (?:missed|overlooked|did not|forgot|were out|were not)\b|"
    # a slip of theirs guessed at in the passive: "it's possible the size L was selected by mistake when ordering"
    r"\b(?:possible|possibly|may have|might have|must have|probably|perhaps|likely|maybe|could have)\b(?:(?!\b(?:we|i|our|us|me|my)\b)[^.!?]){0,60}?"
    r"\b(?:selected|chosen|picked|ordered|entered|typed|clicked|ticked|unticked|amended|cancelled|canceled|changed|deleted|tapped|pressed|set up|put in|switched off|turned off)\b"
    r"[^.!?]{0,30}?\b(?:by mistake|by accident|accidentally|in error|by error)\b|"
    # their slip as the usual cause: "usually when a standing order stops it's because the customer has amended it"
    r"\b(?:usually|normally|often|generally|typically|most of the time|nine times out of ten|in most cases)\b[^.!?]{0,60}?\bbecause "
    r"(?:the customer|the account holder|the user|the patient|the member|people|customers|users|someone|you)\b(?: (?:has|have|had))? (?:\w+ )?"
    r"(?:amended|cancelled|canceled|changed|deleted|entered|typed|forgot|forgotten|missed|set|turned|switched|moved|clicked|selected|not|did not)\b|"
    r"\b(?:you|he|she|they) (?:may|might|must|probably|possibly|perhaps|likely) (?:well |just |simply )?have (?:not )?"
    r"(?:missed|overlooked|ignored|deleted|forgotten|forgot|set|entered|typed|chosen|clicked|pressed|put|made|skipped|misread|mistyped|not seen|not read|not noticed|binned|thrown)\b"
)
# A lesson on their own care, after the harm is done: "it's always worth checking the list before you
# travel", "it's a good idea to put your appointment in your diary so you're not relying on the letter".
_ADVICE_AFTER = re.compile(
    r"\b(?:it is|it's|it would be|it would have been|it is always|it's always|it might be|it may be|it could be|it will be) (?:always |usually |generally |really |probably |well )?"
    r"(?:worth|a good idea|best|wise|sensible|important|helpful) (?:to )?(?:always )?(?:check|checking|put|putting|read|reading|keep|keeping|look|looking|make sure|making sure|note|noting|save|saving|write|writing|double[- ]check\w*|set|setting|have|having)\b"
    r"(?=[^.!?]{0,80}?\b(?:before you|so (?:that )?(?:this|that|it|a|an|the|you) [^.!?]{0,40}?(?:does not|doesn't|will not|won't|do not|don't|are not|is not)|so you are not|so you're not|next time|in future|"
    r"in the future|yourself|your own|your diary|your calendar|in case|your inbox|your emails|your post|your account|your balance)\b)"
)
# Hindsight turned on them: "you actually were told about this", "a quick look at the help article would
# have shown you", "it's easy to tap the wrong one", "most of our patients keep a note", "for future
# reference, if you can make sure our readers can get in...".
_HINDSIGHT = re.compile(
    r"\byou (?:(?:actually|already) (?:were|had been|have been)|(?:were|had been|have been) (?:actually|already)) (?:told|informed|emailed|sent|notified|warned|written to|advised)\b"
    r"|\byou (?:were|had been|have been) (?:told|informed|emailed|notified|warned|written to|advised) about (?:this|it|that|the (?:change|increase|rise))\b(?! (?:too late|late|only|after))"
    r"|\b(?:would|could|might) have (?:shown|told|saved|helped|explained to|warned) you\b"
    r"|\b(?:it is|it's|it can be) (?:very |really |so |quite )?easy to (?:tap|click|pick|choose|select|press|miss|get|order|misread|mix up|confuse)\b"
    r"|\bmost (?:of our )?(?:customers|patients|people|clients|members|tenants|guests|users) (?:keep|check|read|remember|note|know|manage|set up|make|write)\b"
    r"|\b(?:for future reference|for next time|just so you know for next time|going forward)\b[^.!?]{0,80}?\b(?:if you (?:can |could )?(?:make sure|remember|keep|check|let)|you (?:should|need to|must|will want to|might want to))\b"
    r"|\b(?:a bit of a|just a|simply a|only a) (?:misreading|misunderstanding|mix-up|mixup|misunderstanding on your part)\b"
)


def _guessed_onto_them(text: Text) -> list[Span]:
    found = []
    for sentence in text.sentences:
        if sentence.is_question or _OUR_SIDE.search(sentence.text):
            continue
        offset = 0
        for clause in re.split(r"(?<=[,;:])", sentence.text):  # the guess, its cause and their side in one clause
            side = _THEIR_SIDE.search(clause)
            # "it's usually checked within 5 days" says how long, not why
            if side is not None and _SPECULATED.search(clause) and _CAUSAL.search(clause):
                start = sentence.start + offset
                found.append((start + side.start(), start + side.end()))
            offset += len(clause)
    for pattern in (_GUESSED_CAUSE, _OWN_HANDIWORK, _MAY_HAVE_DONE, _ADVICE_AFTER, _HINDSIGHT):
        for match in pattern.finditer(text.norm):
            around = text.sentence_at(match.start())
            if around is not None and around.is_question:
                continue
            if negated(text, match.start(), 2) or _WRONGED.match(text.norm, match.start()):
                continue
            found.append(match.span())
    return found


# What they should have done, said to them: "you really should have moved the authenticator first". What
# they should have had from us ("you should have received a text") or been spared is not on them.
_SHOULD_HAVE = re.compile(
    r"\byou (?:\w+ly |really |honestly |probably |just |simply )?(?:should|ought to) have "
    r"(?!(?:received|got|gotten|been|had|heard|seen (?:a|an|the|our|my) (?:text|email|letter|message|notification)|known about)\b)"
    r"(?:\w+ )?\w+(?:ed|en|wn|ne|ht|pt|lt|ck|un|ad)\b"
)
# A lesson for next time, at the end of the sentence: "perhaps consider keeping a buffer in future".
_LECTURE_AFTER = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))\W*(?:perhaps |maybe |so |just |please )?(?:consider|try to|remember to|make sure you|be sure to|always)\b"
    r"[^.!?\n]{0,80}\b(?:in future|in the future|next time|going forward|from now on)\b"
    # told how to behave from now on, anywhere in a sentence: "so you should keep your reports shorter going forward"
    r"|\byou (?:really )?(?:should|ought to|must|need to|will need to|have to)\b(?! (?:get|receive|hear|see|have|find|notice|be able|not)\b)[^.!?\n]{0,60}\b(?:in future|in the future|next time|going forward|from now on)\b"
)
# The fault laid on them as their duty: "it's really up to you to keep a buffer", "it was on you to
# check". Their choice is not a duty: "it's up to you to decide", "up to you to pick a day".
_THEIR_JOB = re.compile(
    r"\b(?:it|that|this) (?:is|was|would be|will be) (?:\w+ly |all |just |always |only )?(?:up to you|on you|your job|your duty|down to you) to "
    r"(?!(?:decide|choose|pick|say|tell (?:us|me)|let (?:us|me) know|select|opt|go ahead|call|ring|take your time)\b)\w+"
)
_TOO_MUCH = re.compile(r"\s+(?:twice|double|two times|extra|too much|more than|over the odds|for nothing)\b")
_PUT_RIGHT = re.compile(r"\b(?:not|never|rather than|instead of)\b[^,.;!?]{0,40}$")
_AS_I_SAID = re.compile(r"(?:as|like) (?:i|we)\b")
_WHY_YOU = re.compile(r"(?:that|this|which) is why you\b")
_THEIR_DOING = re.compile(
    r"\byou (?:did not|never|have not|had not|forgot|failed|missed|chose|picked|should|were supposed to|were meant to|ignored|clicked|typed|entered)\b"
)


def _own_word_put_right(text: Text, span: Span) -> bool:
    """ "It was active from 2 June, not 8 June as I told you": the agent correcting themselves, not a reminder."""
    return bool(_AS_I_SAID.match(text.norm, span[0]) and _PUT_RIGHT.search(text.norm[max(0, span[0] - 50): span[0]]))


def _explains_without_them(text: Text, span: Span) -> bool:
    """ "Morocco is not in the plan, that is why you got the charges": a cause that is not the customer's doing."""
    if not _WHY_YOU.match(text.norm, span[0]):
        return False
    sentence = text.sentence_at(span[0])
    start = sentence.start if sentence is not None else 0
    before = text.norm[max(0, start - 120): span[0]]
    return not (_THEIR_DOING.search(before) or _DID.search(before))


def blames_customer(text: Text, context: Text | None) -> list[Span]:
    """Spans where the reply puts the fault on the customer."""
    spans = [
        span for span in hits(text, "blame_phrases")
        if not negated(text, span[0], 2) and not _relative(text, span[0])
        and not (text.norm.startswith(("as ", "like "), span[0]) and _OWN_WORD_KEPT.match(text.norm, span[1])) and not re.search(r"\bwhat\s+$", text.norm[max(0, span[0] - 6) : span[0]])
        and not re.search(r"\b(?:none of|no part of|nothing (?:about|of))\b[^,.;]*$", text.norm[max(0, span[0] - 30) : span[0]])
        and not _WRONGED.match(text.norm, span[0])
        and not _own_word_put_right(text, span)
        and not _explains_without_them(text, span)
        and not (_WORD_KEPT_BEFORE.search(text.norm[max(0, span[0] - 80) : span[0]])
                 and not re.match(r"\s*[,:;]?\s*you (?:need|should|must|have|had|entered|did|were|are|will|forgot|missed|chose|picked|clicked|sent|typed)\b",
                              text.norm[span[1] : span[1] + 24]))
    ]
    spans = [
        span for span in spans
        if not (text.norm.startswith("you", span[0]) and _REPEATED_EFFORT.match(text.norm, span[1], min(len(text.norm), span[1] + 60)))
        and not _NONE_OF_IT.match(text.norm, span[1])
    ]
    for sentence in text.sentences:
        did = next((m for m in _DID.finditer(sentence.text) if _SUBJECT_PLACE.search(sentence.text[: m.start()])), None)
        caused = did is not None and (
            _CAUSE.search(sentence.text, did.end()) or re.search(r"\b(?:because|since)\s+$", sentence.text[: did.start()])
        )
        if did and caused and not sentence.is_question and not conditional(text, sentence.start + did.start(), 2):
            spans.append((sentence.start + did.start(), sentence.start + did.end()))
        elif _CAUSE.search(sentence.text) and re.search(r"\bbecause you\b", sentence.text):
            blame = re.search(r"\bbecause you\b", sentence.text)
            if blame is not None:
                spans.append((sentence.start + blame.start(), sentence.start + blame.end()))
    for found in _SHOULD_HAVE.finditer(text.norm):
        at = text.sentence_at(found.start())
        if at is not None and at.is_question or conditional(text, found.start(), 2) or _WRONGED.match(text.norm, found.start()):
            continue
        if re.search(r"\b(?:what|everything|all|just what|exactly what|anything)\s+$", text.norm[max(0, found.start() - 16): found.start()]):
            continue  # "you did exactly what you should have done": praise
        spans.append(found.span())  # "you really should have moved the app before trading the phone in"
    for found in _LECTURE_AFTER.finditer(text.norm):
        at = text.sentence_at(found.start())
        if at is not None and not at.is_question:
            spans.append(found.span())  # "perhaps consider keeping a buffer in future"
    for found in _THEIR_JOB.finditer(text.norm):
        if not negated(text, found.start(), 2) and not conditional(text, found.start(), 2):
            spans.append(found.span())  # "it's really up to you to keep a buffer in the account"
    for found in _LECTURE.finditer(text.norm):
        at = text.sentence_at(found.start())
        if at is not None and not at.is_question and not conditional(text, found.start(), 2):
            spans.append(found.span())  # "next time, always pack a change of clothes"
    for found in _OMISSION.finditer(text.norm):
        if found.group("verb") in _NOT_ONE_S_DOING or found.group("rest") or _relative(text, found.start()):
            continue
        if _TOO_MUCH.match(text.norm, found.end()):
            continue  # "you haven't paid twice": it denies an overcharge, it blames nobody
        if found.group("verb") in _TOLD and re.match(r"\s*(?:[.,;:!?)]|$|and\b|but\b|so\b)", text.norm[found.end():]):
            continue  # "two visits cancelled and you never told": they were never told
        at = text.sentence_at(found.start())
        if at is not None and at.is_question:
            continue
        if conditional(text, found.start(), 2):
            continue  # "if you didn't get the text, that's on us"
        spans.append(found.span())
    return spans + _guessed_onto_them(text)
