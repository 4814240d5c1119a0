"""What the reply does about it: reassures, commits_to_action, offers_solution, overpromises."""

from __future__ import annotations

import re
from functools import lru_cache

from course.grading.detectors.common import (
    Span,
    clause_start_at,
    conditional,
    hits,
    lexicon_words,
    negated,
    phrase_hits,
    sarcastic,
    sentence_at,
    word_before,
)
from course.grading.detectors.questions import question_kind
from course.grading.text import Text
from course.grading.words import stem

__all__ = ["reassures", "commits_to_action", "offers_solution", "overpromises"]


_UNABLE = re.compile(r"\b(?:unable|not|never|cannot)\b")
# An instruction's verb is followed by what to act on ("restart the router", "log in again"),
# which tells "export the report" from "export problems are known".
_OBJECT = re.compile(
    r"\s+(?:the|a|an|your|it|this|that|them|these|those|our|my|his|her|its|in|on|off|out|up|back|to|through|again|"
    r"every|all|any|some|both|with|down|over|into|onto|from|by|for|at|yourself|yourselves|more|less|someone|somebody|something|\d)\b"
    # what to do, named by its -ing form after a verb of trying or keeping ("consider writing it
    # down", "avoid using the app"), and a check the customer makes ("make sure you keep the receipt")
    r"|(?:(?<=consider)|(?<=try)|(?<=avoid)|(?<=keep)|(?<=start)|(?<=stop))\s+(?!going\b)[a-z]{3,}ing\b|(?<=make)\s+sure (?:you|that|to|it|the|your|nothing|everything)\b"
)
_HOLDING_BACK = frozenset("before until without".split())


# "I hope you are doing well" wishes; it does not tell them anything.
_WISHING = frozenset("hope hoping hopefully wish wishing pray praying".split())


# A worried question about themselves or their things ("did I get it wrong?", "is it broken?",
# "have I lost the money?") answered "no" at once is the plainest reassurance there is.
_WORRIED_ASK = re.compile(
    r"\b(?:did|have|had|was|am|is|has|will|could) (?:i|it|this|that|my \w+) (?:\w+ )?(?:get|got|do|done|make|made|mess|messed|miss|missed|break|broken|"
    r"lose|lost|wrong|my fault|in trouble|going to (?:lose|be charged|miss)|be charged|charged|deleted|gone|ruined|too late|late)\b[^?]*\?"
)
_NO_AT_ONCE = re.compile(
    r"(?:(?:oh|ah|well|look),? )?(?:no(?:,? no)*|nope|not at all|not a bit|not one bit|absolutely not|definitely not|of course not|"
    r"you did not|you have not|you did nothing|it is not|it has not|it was not|it will not|nothing is|nothing has)\b"
)


def reassures(text: Text, context: Text | None) -> list[Span]:
    """Spans where the reply tells the customer they are safe, not at fault, or will be looked after."""
    spans = phrase_hits(text, "reassurance_phrases", sarcasm=True)
    kept = [
        span for span in spans
        if not _asked(text, span) and not _WISHING.intersection(word_before(text, span[0], 3))
    ]
    if context is not None and text.sentences and _WORRIED_ASK.search(context.norm):
        first = text.sentences[0]
        answer = _NO_AT_ONCE.match(first.text)
        if answer and not first.is_question and not any(a < first.start + answer.end() and b > first.start for a, b in kept):
            kept.insert(0, (first.start, first.start + answer.end()))
    return kept


# A visit or call already booked, said with its slot: "an engineer is booked for Thursday 8-12",
# "the nurse is coming at 10", "a courier is due tomorrow morning". Who does what, and when.
_BOOKED = re.compile(
    r"\b(?:an?|the|our|your|a local) (?:engineer|technician|electrician|plumber|courier|driver|nurse|doctor|gp|fitter|surveyor|crew|team|specialist|callback|call back|visit|appointment|delivery|replacement)"
    r"(?: visit)?(?: is|'s| has been| are| have been) (?:now |already |also )?(?:booked|coming|due|scheduled|arranged|confirmed|booked in|on (?:the|its|their) way|going out|visiting)\b"
    r"|(?:^|[,.;:]\s*)(?:engineer|technician|callback|call back|visit|appointment|delivery|courier|replacement)(?: visit)? (?:booked|scheduled|arranged|confirmed)\b"
    # What we send, with when it reaches them: "a corrected bill will be with you within 3 working days".
    r"|\b(?:an?|the|your) (?:corrected|new|revised|updated|replacement|final|amended|fresh|reissued) (?:bill|statement|card|letter|invoice|contract|pin|code|payslip)"
    r" (?:will be with you|will arrive|arrives|comes|will come|will reach you|reaches you|goes out|will go out|will be sent|is being sent|will be posted|is on its way)\b"
)
# Handed on, said without "I": "your suggestion has gone straight to our planners", "logged with our planners today".
_HANDED_ON = re.compile(
    r"\b(?:it|this|that|your (?:\d\d:\d\d |[a-z]+ ){0,2}(?:suggestion|idea|point|feedback|complaint|request|case|report|comments?|post|message|tweet|email|letter|note|words))(?: [^.!?,;]{1,60}?)? (?:has|have) (?:now |already |just )?(?:gone|been (?:passed|sent|logged|forwarded|raised|escalated|flagged|given|put)) (?:straight |directly |on |through )?(?:to|with|in front of) (?:our|the)\b(?! (?:relevant|appropriate|right|correct|responsible|concerned)\b)"
    r"|(?:^|[,.;:]\s*|\s[-\u2013\u2014]\s*)(?:logged|passed|sent|forwarded|raised|flagged|escalated|noted) (?:it |this |that )?(?:on |over )?(?:with|to|for) (?:our|the) (?!(?:relevant|appropriate|right|correct|responsible|concerned)\b)\w+"
)

# The first thing picked and taken on, said as the speaker's own plan: "first I'd like to look at
# the card reader", "I'd suggest starting with the card reader", "for today I begin with Bia's login".
_FIRST_PICK = re.compile(
    r"\b(?:first(?:ly)?,? (?:i|we) (?:would like to|want to|will|am going to|are going to) (?:look at|start (?:with|on)|tackle|sort|fix|deal with|check)"
    r"|(?:i|we) (?:would|will) (?:suggest|propose) (?:starting|we start|beginning) (?:with|on)"
    r"|(?:i|we) (?:will |am going to |are going to |would like to |want to |am |are )?(?:begin|start|beginning|starting) (?:with|on|by) (?:the|your|her|his|their|that|this|[a-z]+'s)"
    r"|to (?:begin|start)(?: with)?,? (?:i|we) (?:take|will take|look at|will look at|start with|am taking)"
    r"|first step from (?:me|us)"
    r"|let us (?:start|begin) (?:with|on) (?:the|that|this|[a-z]+'s) (?!name|details|basics|security)[a-z]+)\b"
)


def commits_to_action(text: Text, context: Text | None) -> list[Span]:
    """Spans of concrete next steps: someone will do something, and the sentence says when."""
    kept = []
    untimed: list[Span] = []
    times = hits(text, "time_expressions")
    for match in _BOOKED.finditer(text.norm):
        sentence = sentence_at(text, match.start())
        if sentence is None or sentence.is_question or negated(text, match.start(), 2):
            continue
        when = [t for t in times if sentence.start <= t[0] < sentence.end]
        day = re.search(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|tonight)\b", sentence.text)
        if when or day:
            kept.append(match.span())
            kept.extend(when)
    for match in list(_FIRST_PICK.finditer(text.norm)) + list(_HANDED_ON.finditer(text.norm)):
        start = match.start() + len(match.group()) - len(match.group().lstrip(",.;: "))
        sentence = sentence_at(text, start)
        if sentence is None or negated(text, start, 2):
            continue
        # "To begin, I take Bia's login: can you tell me what she sees?" takes it on, then asks
        if not sentence.is_question or ":" in text.norm[match.end():sentence.end]:
            kept.append((start, match.end()))
    # "I guarantee it will be with you tomorrow" promises an outcome; "I promise I'll ring at 3" a step
    promised = [span for span in hits(text, "overpromise_phrases") if not _OWN_STEP.match(text.norm, span[1])]
    for start, end in hits(text, "commitment_phrases"):
        if re.match(r"(?:i|we) (?:can|could)\b", text.norm[start:end]) and _OPTIONS.search(text.norm, start, _sentence_end(text, start)):
            continue  # "I can send a replacement today, or refund you in full": options to choose from, not a step
        if any(b <= start and len(text.norm[b:start].split()) <= 2 for _, b in promised):
            continue  # "I guarantee it will be with you tomorrow" promises an outcome, not a step
        if negated(text, start, 2) or _asked(text, (start, end)) or _UNABLE.search(text.norm, start, end + 12):
            continue
        if _HISTORY.search(text.norm, start, end):
            continue  # "your appointment was booked for Tuesday" tells what happened, not what will
        sentence = sentence_at(text, start)
        if sentence is None:
            continue
        when = [t for t in times if sentence.start <= t[0] < sentence.end and not negated(text, t[0], 1)]
        if when:
            kept.append((start, end))
            kept.extend(when)
        elif _DONE_OR_CONCRETE.match(text.norm, start) and not _VAGUE.search(text.norm, start, sentence.end):
            kept.append((start, end))  # "I've passed it to our planners", "I'll keep you posted here"
        elif _AND_CONCRETE.search(text.norm, end, sentence.end):
            kept.append((start, end))  # "I'll look into why it failed and raise a case about the fee"
        elif _CUSTOMER_STEP.search(sentence.text) and (
            text.norm.startswith("i ", start) or not _VAGUE.search(text.norm, start, sentence.end)
        ):
            # "DM me your account number and I'll look into it": who does what, and a person
            # who owns it; "DM us and we'll look into it" is the brush-off it replaces.
            kept.append((start, end))
        elif text.norm.startswith("i ", start) and _IN_PERSON.search(text.norm, end, sentence.end):
            kept.append((start, end))  # "I check your line personally": one person owns it
        elif _IF_NOT.match(sentence.text) and not _VAGUE.search(text.norm, start, sentence.end):
            kept.append((start, end))  # "Does that time suit? If not, I'll change it": the step hangs on their answer
        elif not sentence.is_question:
            untimed.append((start, end))
    for match in _NEXT_LABEL.finditer(text.norm):
        sentence = sentence_at(text, match.start())
        if sentence is None or _RECOUNTED.match(text.norm[match.end(): sentence.end].lstrip()):
            continue  # "Next: you moved out on 3 June" tells what happened, not what happens
        if any(sentence.start <= t[0] < sentence.end for t in times):
            kept.append(match.span())  # "Next from me: an email on Monday with the result"
        elif _BOTH_HALVES.match(text.norm, match.end(), sentence.end) and not _VAGUE.search(sentence.text):
            kept.append(match.span())  # "Next step: DM us so we can check your app privately"
    kept.extend(_consent_asked(text))
    kept.extend(_their_timed_step(text, times))
    kept.extend(_timeline(text, times))
    if untimed and not kept and _working_question(text):
        # "Yes, I'll fix it. Have you sent us a meter reading lately?": the step is taken on and
        # started in this very reply, by asking what it needs; no clock is wanted for that.
        kept.extend(untimed)
    return kept


# The customer's own next step, asked for plainly and tied to a time or the next event: "Please reply to
# confirm you can be at home for the visit", "then just be in on the morning of the 12th".
_THEIR_STEP = re.compile(
    r"(?:^|(?<=[.!?:]\s)|(?<=\n))\W*(?:(?:so|then|and|now|next|meanwhile)\W+)*"
    r"(?:(?:please|kindly)\s+(?:(?:just|also|then)\s+)?(?:reply|confirm|call|ring|phone|text|email|send|let (?:me|us) know|be (?:in|at home|home|there|available)|have|bring|book|log in|sign)"
    r"|just\s+(?:reply|confirm|let (?:me|us) know|be (?:in|at home|home|there|available)))\b"
)
_NEXT_EVENT = re.compile(
    r"\b(?:on the day|for the (?:visit|appointment|call|engineer|assessor|delivery)|when (?:the|your|he|she|they) (?:\w+ )?(?:comes?|arrives?|visits?|calls?)|"
    r"before (?:the|your|he|she|they)\b|(?:on|by|before) the \d{1,2}(?:st|nd|rd|th)\b|once (?:it|you|the|that)\b"
    r"|(?:at|for|on) (?:this|that) (?:time|slot|date|day|morning|afternoon|evening|appointment|visit)\b|that (?:morning|afternoon|evening|day)\b)"
)


_RECOUNTED = re.compile(
    r"(?:you|we|i|it|they|he|she|the \w+|your \w+)\s+(?:\w+ed|was|were|had|did|rang|came|went|told|said|sent|got|took|paid|left|wrote|saw|made|gave)\b"
)
"""What happened then, not what happens next: "3 June: you moved out"."""
_LINE_START = re.compile(r"(?:^|[.!?\n])\W*(?:(?:on|by|from|within|after|before|then)\s+)?$")
_LABELLED = re.compile(r"(?:[^\S\n]+[a-z]+){0,2}[^\S\n]*(?:[:\u2013\u2014]|\s-)\s*(?P<rest>[^.!?\n]{6,})")


def _timeline(text: Text, times: list[Span]) -> list[Span]:
    """Steps laid out against their times: "30 June: reading booked, account closes. Within 14 days: final bill"."""
    from course.grading.figures import DATE

    found = []
    for start, end in sorted(set(times) | {m.span() for m in DATE.finditer(text.norm)}):
        if not _LINE_START.search(text.norm[max(0, start - 12): start]):
            continue
        labelled = _LABELLED.match(text.norm, end)
        if labelled and not _VAGUE.search(labelled.group("rest")) and not _RECOUNTED.match(labelled.group("rest")):
            found.append((start, labelled.end()))
    return found


def _their_timed_step(text: Text, times: list[Span]) -> list[Span]:
    found = []
    for match in _THEIR_STEP.finditer(text.norm):
        sentence = sentence_at(text, match.start())
        if sentence is None or sentence.is_question or negated(text, match.end() - 1, 2):
            continue
        timed = any(sentence.start <= t[0] < sentence.end for t in times)
        if timed or _NEXT_EVENT.search(sentence.text):
            found.append((match.start() + len(match.group()) - len(match.group().lstrip(" \n.,;:!-")), match.end()))
    return found


# A step put to the customer for their yes: "Shall I ask the nurse to take his bloods now?",
# "Want me to see if the nurse can do it first?", or "I can get a cool box out to you. Shall I?"
_CONSENT = re.compile(
    r"^(?:(?:so|ok|okay|right|then|and|or|now)\W+)*"
    r"(?:shall (?:i|we)|should (?:i|we)|(?:do you )?want me to|would you like (?:me|us) to|are you happy for (?:me|us) to)"
    r"\s+(?:go ahead and\s+)?"
)
_CONSENT_STEP = re.compile(
    r"(?:ask (?:the|my|our|a|an|him|her|them|[a-z]+'s)|get (?:the|a|an|your|it|this|that|them|someone|him|her)|see (?:if|whether) (?:the|a|an|our|my|we|i) |"
    r"check (?:with|whether|if|stock|availability|the earliest)|arrange|send|book|call|ring|phone|text|email|put (?:you|it|this|that|a|the|your)|pass|add|move|"
    r"swap|cancel|refund|order|reserve|hold|transfer|reschedule|rebook|raise|log|flag|chase|request|fetch|grab|"
    r"speak to|talk to|sort (?:it|this|that|out|the)|set (?:that|it|this|up))\b"
)
_CONSENT_PRO_FORM = re.compile(
    r"^(?:(?:so|ok|okay|right|then|and|or|now)\W+)*(?:(?:shall|should) (?:i|we)(?: do (?:that|it|both|one|this))?|(?:do you )?want me to(?: do (?:that|it|both|this))?|"
    r"would you like (?:that|me to do (?:that|it|both|this))|do you want (?:that|me to do (?:that|it|both|this))|shall i go ahead|want (?:that|both))\W*$"
)

# "Shall I arrange it?" leans on the sentence before for what "it" is.
_ONLY_A_PRONOUN = re.compile(r"\s*(?:it|that|this|them|one|both)?(?: out| up)?(?: for you)?(?: now| today| then)?\W*$")


def _consent_asked(text: Text) -> list[Span]:
    """Concrete steps offered as a question for the customer's yes: the step waits only on them."""
    kept: list[Span] = []
    previous = None
    for sentence in text.sentences:
        if sentence.is_question and not _VAGUE.search(sentence.text):
            lead = _CONSENT.match(sentence.text)
            step = _CONSENT_STEP.match(sentence.text, lead.end()) if lead else None
            if step and not _ONLY_A_PRONOUN.match(sentence.text, step.end()):
                kept.append((sentence.start, sentence.end))
            elif (step or _CONSENT_PRO_FORM.match(sentence.text)) and previous is not None and not previous.is_question and (
                hits(text, "commitment_phrases", (previous.start, previous.end))
                or hits(text, "offer_phrases", (previous.start, previous.end))
            ) and not _VAGUE.search(previous.text):
                kept.append((previous.start, sentence.end))  # "I can send a cool box today. Shall I?"
        previous = sentence
    return kept


# Said in person: the speaker owns the step themselves.
_IN_PERSON = re.compile(r"\b(?:personally|myself)\b")
_HISTORY = re.compile(r"\b(?:was|were|had been)\b")
# A label that says what comes next: "Next from me:", "What's next:", "Next step:".
_NEXT_LABEL = re.compile(
    r"\b(?:next (?:from (?:me|us)|steps?(?: from (?:me|us))?|up)|what (?:is|happens) (?:next|now)|(?:my|our) next (?:step|move|promise|update|job)"
    r"|(?:my|our) promise|from (?:me|us)|what (?:i|we) (?:will )?do (?:next|now)|after that|what (?:i|we) need from you|over to you)\s*[:\-\u2013\u2014]"
    r"|(?:^|(?<=[.!?\n])|(?<=[.!?]\s))\W*(?:next|then)\s*[:\u2013\u2014]"
)
"""A step under a label: "Next from me: ...", "here's my next promise: an email by 5pm Monday", "Next: a corrected bill"."""
# A question that checks, closes or offers, not one that asks for what the work needs.
_CLOSING_QUESTION = re.compile(
    r"\b(?:is that (?:right|ok|okay|correct|alright|all right|fair|clear)|(?:does|did|do) (?:that|this|it) (?:sound|make|match|help|work|cover)|"
    r"have i (?:got|missed|understood)|did i (?:get|miss)|am i right|anything else|something else|all (?:good|ok|okay|clear)|"
    r"make sense|(?:shall|should|can|may) (?:i|we)\b|would you like|do you want|want me to|is there (?:anything|something)|"
    r"how does that|okay\?|ok\?|right\?|correct\?|alright\?|yes\?|fair\?|sound (?:ok|okay|good|fair|right))"
)


def _working_question(text: Text) -> bool:
    """Whether the reply asks the customer for something the work needs (not a check or an offer)."""
    for sentence in text.sentences:
        if not sentence.is_question or _CLOSING_QUESTION.search(sentence.text):
            continue
        if not re.search(r"\b(?:you|your)\b", sentence.text) or len(sentence.text.split()) < 4:
            continue  # "Four calls and still no news?" says their words back; it asks them nothing
        if question_kind(text, sentence) is not None:
            return True
    return False


_OPTIONS = re.compile(r"\bor\b|\bwhich (?:would you|do you)\b|\bwould you (?:prefer|rather)\b")


def _sentence_end(text: Text, position: int) -> int:
    sentence = sentence_at(text, position)
    if sentence is None:
        return len(text.norm)
    following = [s for s in text.sentences if s.start >= sentence.end][:1]
    return following[0].end if following else sentence.end  # "...today. Which would you prefer?"


# The customer's half of a two-step plan, in the same sentence as ours: "send us a DM and...",
# "...if you DM your account number". The plan is concrete because each side knows its part.
_HANDOVER = r"(?:send|dm|pm|drop|pop|message|reply|email|text|call|ring|give|share|forward|inbox|post|upload|attach|tell (?:me|us)|let (?:me|us) know)"
_CUSTOMER_STEP = re.compile(
    rf"(?:^|[,;:]\s+)(?:(?:please|just|so|then|and|now|ok|okay|right)\s+)*{_HANDOVER}\b"
    rf"|\b(?:if|once|when|as soon as) you(?: can)? (?:{_HANDOVER}|confirm|reply)\b"
    # asked for, then ours: "can you confirm by replying and I'll finish the booking"
    rf"|^(?:(?:so|and|now|ok|okay|then)\s+)*(?:can|could|would|will) you (?:please |just |kindly )?(?:{_HANDOVER}|confirm|reply)\b"
)


# The customer's part, then ours with what it is: "DM us so we can check your app".
_BOTH_HALVES = re.compile(rf"\W*(?:please )?{_HANDOVER}\b[^.!?]*?\b(?:so|and) (?:that )?(?:i|we) (?:can|will) (?:check|look at|fix|sort|see|change|move|book|refund|send|reset|unlock|confirm)\b")


# A step already taken by the speaker ("I've sent", "I have put a note on") or a concrete one
# promised to a named person, place or channel needs no clock to be a real next step; "I'll look
# into it" and "we'll see what we can do" are the vague kind that does.
_DONE_OR_CONCRETE = re.compile(
    r"(?:i|we) (?:have|had) (?:just |now |already |also )?(?!been\b|got to\b|had\b)\w+(?:ed|ent|ut|ot|ade|old|one|ung|ook|en)\b"
    r"|(?:i|we) (?:just |already |also |have )?(?:passed|sent|forwarded|gave|handed|emailed|logged|raised|flagged|booked|arranged|added|noted|"
    r"told|asked|rang|called|phoned|messaged|texted|cancelled|refunded|credited|reported|escalated|ordered)\b(?! you (?:that|about)\b)"
    r"|(?:i|we) (?:will|am going to|are going to) (?:personally |also |then |now |just )?(?:go and |go ahead and |nip (?:out |through )?and |pop (?:out |through )?and )?"
    r"(?:send|pass|put|note|make a note|add a note|book|arrange|refund|cancel|raise|issue|transfer|email|call|ring|phone|text|message|ask|tell|flag|log|"
    r"escalate|chase|reverse|credit|waive|grab|fetch|bring|pick (?:it|this) up|finish (?:the|your|it|this|that)|complete (?:the|your|it|this|that)|keep you (?:posted|updated|informed)|let you know|"
    r"come back|be back|pop back|report back|check back|drop back|update you|forward|submit|request|order|post|reply|answer|speak to|talk to|"
    r"feed (?:this |it |that |your \w+ )?back|pass (?:this|it|that) on|"
    r"get (?:the|a|an|your|someone|him|her)|add|register|sign you up|enrol|enroll|start (?:with|on)|begin (?:with|on)|"
    r"give you (?:a|the|your) (?:reference|ref|case|number|call|ring|update)|fix|find out|keep an eye on|be keeping an eye on|"
    r"get (?:it|this|that|them|(?:the|your) \w+) (?:looked at|checked|fixed|sorted|seen to|repaired|replaced|recalculated|corrected|reviewed|changed|put right|sent|moved|booked)|"
    r"be (?:back )?in touch with (?:the|your|an?) (?!chance\b)\w+)\b"
    # a step under way now: "I'm sending the cool box", "we're adding you to the register"
    r"|(?:i|we) (?:am|are) (?:now |just |already |also |personally )?(?:sending|passing|putting|noting|booking|arranging|refunding|cancelling|"
    r"raising|issuing|transferring|emailing|calling|ringing|phoning|texting|messaging|flagging|logging|escalating|chasing|reversing|crediting|"
    r"waiving|ordering|posting|adding|requesting|forwarding|fetching|getting (?:the|a|an|your|someone))\b"
    # a step said in the simple present, as many say it: "I go now to the nurse and ask", "I look at your line myself"
    r"|(?<!if )(?<!when )(?<!do )(?:i|we) (?:now |then |first |also |myself |personally |right now )?"
    r"(?:go (?:now )?(?:to|and) (?:the |ask|check|see|speak|talk|get)|come back (?:and|to you)|check (?:whether|if|your|the|it|this|that)|"
    r"look at (?:your|the|it|this|that)|ask (?:the|my|our|a)|send (?:you|it|the|a|an|your)|book (?:you|it|the|a|an|your)|"
    r"speak to (?:the|my|our|a)|talk to (?:the|my|our|a)|pass (?:it|this|that|the|your)|put (?:it|this|that|the|your|a))\b"
    # a step laid out as a plan: "what I'm doing: adding it to your account"
    r"|\bwhat (?:i am|we are|i will be|we will be) doing\W+\w+ing\b"
)
# A concrete step joined to a vague one in the same breath: "...and raise a case about the fee".
_AND_CONCRETE = re.compile(
    r"\b(?:and|then)\s+(?:(?:i|we) will |(?:i|we) am |also )?(?:raise|send|book|open|log|flag|email|call|ring|phone|text|refund|credit|cancel|arrange|"
    r"give you|put|add|order|post|escalate|pass)\b(?! (?:it|this|that) (?:a )?(?:try|go|look|think)\b)"
)
_IF_NOT = re.compile(
    r"\W*(?:and |but |so )?(?:if not|if it does not|if that does not|if they do not|if none of (?:them|those|these)|otherwise|failing that|if you cannot|if you can not)\b"
)
"""A sentence whose step hangs on the answer to what came just before: "If not, I'll move it"."""
_VAGUE = re.compile(r"\b(?:look into|investigate|see what|do (?:my|our) best|try (?:to|and)|in due course|at some point|when (?:i|we) can|as soon as possible|asap)\b")
_INSTRUCTION_LEAD = frozenset("please just simply then first so now and or also next otherwise meanwhile instead".split())


def _instructions(text: Text) -> list[Span]:
    """Instructions that open a clause ("use the Forgot password link", "then restart it")."""
    found = []
    for start, end in hits(text, "instruction_verbs"):
        lead = word_before(text, start, 3)
        if all(word in _INSTRUCTION_LEAD for word in lead) and _OBJECT.match(text.norm, end):
            sentence = sentence_at(text, start)
            if sentence is not None and not sentence.is_question:
                found.append((start, end))
    return found


# Advice and options put to the customer, by the shape of the sentence rather than its words:
# a modal addressed to them ("you could / should / might want to"), a suggestion asked as a
# question ("have you thought about...", "how about...?", "would that work?", "should I...?"),
# a recommendation ("it might help to", "the best thing would be to", "I'd suggest") or "let's".
_STATIVE = (
    r"(?:feel|felt|be|been|seem|sound|know|knew|think|thought|understand|see|hear|imagine|tell me|give me|"
    r"say|mean|want to (?:know|tell|talk|share)|like to (?:know|tell|talk|share)|expect|get (?:a|an|the) (?:email|text|letter|call)|"
    r"have (?:been|had|got|to wait)|find out|receive|notice)"
)
_ADVICE = re.compile(
    r"\byou(?: (?:really|just|also|still|probably|definitely|always|maybe|perhaps))?"
    rf" (?:should|could|might|may|can|need to|ought to|have to|might want to|may want to|will want to|want to)"
    rf"(?: (?:also|just|always|then|still|now|first|instead|simply|try and|try to))? (?!{_STATIVE}\b|not\b|never\b|have\b)[a-z]+"
    r"|\b(?:have|did) you (?:thought about|considered|contemplated|tried|looked into|thought of|reached out|contacted|talked to|spoken to|asked)\b"
    r"|\b(?:what if you|why not|why do not you|how about|what about) (?!(?:you|your|yourself)\b)"
    r"|\b(?:would|will|does|do|could) (?:that|this|it|either|any of (?:those|these)|one of (?:those|these)|(?:a|an|the) [^?.!]{1,40}?) (?:work|help|suit|do|be (?:okay|ok|alright|all right|better|easier|helpful|any good))\b"
    r"|\b(?:should|shall|can|could|may) (?:i|we) (?!(?:ask|have|take|get|check|confirm|just check|start by|start with|make sure|be sure|double check|clarify|understand|recap|go over|read|sum up|repeat|just make sure|just confirm)\b(?! (?:you|it|that|this) (?:a|an|the|new|another|some) ))[a-z]+"
    r"|\b(?:is it possible|would it help|would it be possible|do you think it would (?:help|benefit|be (?:worth|good|helpful)))\b"
    r"|\bit (?:might|may|could|would|will|can|often|sometimes) (?:be (?:a good idea|helpful|beneficial|worth|useful|good|best|wise|easier)|help)\b"
    r"|\b(?:it is|it would be|that would be|that is|it might be|it may be) (?:a good idea|worth|best|wise|helpful|a good start|a good starting point) (?:to|if)\b"
    r"|\bthe (?:best|easiest|quickest|simplest|safest) (?:thing|option|way|bet)(?: to do| for now)? (?:is|would be|might be|may be) (?:to|for)\b"
    r"|(?<!if )\bit (?:often |sometimes |usually |really |also |always )?helps (?:to|if|when)\b"
    r"|\b(?:i|we) (?:would|might|could) (?:suggest|recommend|advise|propose|also|just|personally|definitely|probably|maybe|try)\b"
    r"|\bif i were you\b|\b(?:i|we) (?:suggest|recommend|advise)\b"
    r"|\blet us (?!(?:know|see|hear|me)\b)[a-z]+"
    r"|\b(?:maybe|perhaps) (?:you|try|consider|think about|talk|speak|write|call|ask|start|take|give|look|find|join|be (?:kind|gentle|patient|honest|open|clear))\b"
    # a thing put forward by what it would do: "perhaps a short walk would clear your head"
    r"|\b(?:maybe|perhaps) (?:a|an|some|the|getting|taking|having|going|writing|talking|setting) [a-z]+(?: [a-z]+){0,5} (?:would|could|might|may) (?:really |also )?(?:help|clear|ease|calm|settle|suit|work|fit|save|do you good|be (?:better|easier|best|quicker|simpler|cheaper|kinder)|make (?:it|things|you|a difference))\b"
    # or opening the sentence with no hedge at all: "talking to a friend can really help",
    # "a payment holiday could give you some breathing space"
    r"|^(?:(?:and|but|so|also|honestly|sometimes|often)\s+)?(?:(?!(?:no|some|every|any)?thing\b|morning\b|evening\b|during\b|being\b)[a-z]+ing|(?:a|an|some) [a-z]+)(?: [a-z]+){0,8} (?:can|could|might|may|would|will|often|usually|sometimes)(?: really| also| often| usually| sometimes| probably)? (?:help|ease|calm|settle|do you (?:good|a world of good)|make (?:a|all the) (?:big |real |huge )?difference|take the (?:edge|pressure) off|give you (?:some|a|more)|save you|buy you)\b"
    # a thing put forward as a good pick: "the Varsity is a good choice if you like Italian"
    r"|(?<!that )(?<!this )(?<!it )(?<!which )\b(?:is|are|would be|could be|might be) (?:a|an) (?:good|great|safe|better|solid|decent|popular|nice|lovely) (?:choice|bet|pick|fit|match|alternative|compromise|shout)\b"
    # a proposal checked by how it sounds: "does the 9am slot sound good?"
    r"|\b(?:would|will|does|do|could) (?:that|this|it|either|(?:a|an|the) [^?.!]{1,40}?) sound (?:good|ok|okay|alright|all right|fair|better|like a plan|like a good idea)\b"
    # the way forward being worked out now: "checking now what I can get to you before Saturday",
    # "I'll look into getting the green one to you", "now I look what options we have"
    r"|\b(?:(?:i|we)(?: am| are| will| will now| am now| will also)?|now i) (?:checking|check|looking|look|finding|find|working out|work out)(?: now| right now| straight away)?"
    r" (?:(?:at|into|for|out)\s+)?(?:what (?:options|(?:i|we) can (?:get|offer|send|bring|arrange|do to get)|can be done|is possible|we have|i have)|which options|whether (?:i|we) can|how (?:i|we) can|getting (?:you|the|a|an|it|them)|options)\b"
    r"|^(?:checking|looking)(?: now| right now)? (?:at |into )?(?:what (?:i|we) can (?:get|offer|send|bring|arrange)|which options|whether (?:i|we) can|options)\b"
    # an offer with its auxiliary dropped: "want me to set that up?"
    r"|^(?:(?:so|okay|ok|right)\W+)?want (?:me|us) to [a-z]+"
    # what I would do in their place: "I would talk to them first", "I'd ring the landlord"
    r"|\b(?:i|we) would (?:just |probably |definitely |personally |also |first |honestly )?(?!(?:be|feel|love|like|imagine|think|say|guess|have|hate|want|need|not|never|expect|hope|wish|agree|understand|know|see|appreciate|prefer|rather)\b)[a-z]{3,}"
    # a thing recommended by what it does for them: "a counsellor can also be helpful", "walking is a good way to clear your head"
    r"|\b(?<!that )(?<!this )(?<!it )(?<!which )(?:is|are|(?:can|could|might|may|would|will)(?: also| often| usually| really| sometimes| probably| definitely)? be|seems like|seem like) (?:also |often |usually |always |really |very |actually |sometimes |probably )?"
    r"(?:(?:a|an|one) (?:good|great|nice|useful|helpful|healthy|smart|wise|brilliant|excellent|easy|simple|quick|free) (?:way|idea|place|option|thing|start|step|first step|outlet|tool|resource|route|habit)|"
    r"(?:really |very |also |so )?helpful|worth (?:trying|a try|a shot|looking into|considering|asking|checking)|(?:always )?better to|best to)\b"
)
# "Would you like to tell me more?" asks for information; it offers nothing.
_ASKING_FOR = re.compile(r"\b(?:tell|give|send|share|describe|explain|confirm|let) (?:me|us)\b|\bwould you like to (?:tell|talk|share|add|say)\b")
_IMPERATIVE_LEAD = frozenset(
    "please just simply then first so now and or also next otherwise meanwhile instead maybe perhaps always definitely really yes yeah well okay ok sure".split()
)
# Verbs that open a farewell or a check of our own, not advice: "take care", "let me see", "make sure I...".
_NOT_ADVICE_AFTER = re.compile(r"\s+(?:care|me|us know|sure (?:i|we)|a look|a moment|a minute|a second|your time|it easy|a seat|it with (?:me|us)|with (?:me|us))\b")
# "You can do it", "you can get through this": belief in them, not an option.
_BELIEF = re.compile(r"\byou (?:can|could|will) (?:do (?:it|this|that)|get through|make it|handle|manage|overcome|beat|turn (?:it|this|things))")


_FIGURE_OUT = re.compile(r"\b(?:what|how|where|whether|who)\s+$")
_HOW_CAN_I_HELP = re.compile(r"(?:should|shall|can|could|may) (?:i|we) (?:help|assist|do for)\b")


def _advice(text: Text) -> list[Span]:
    """Advice and options by sentence shape (see ``_ADVICE``), and imperatives that open a sentence."""
    found = []
    for sentence in text.sentences:
        body = sentence.text
        if _ASKING_FOR.search(body) and not _ADVICE.search(body.split(",")[0]):
            continue
        for match in _ADVICE.finditer(body):
            if _BELIEF.match(body, match.start()) or _FIGURE_OUT.search(body[: match.start()]):
                continue  # "I know you can do it"; "figure out what you should do"
            if _HOW_CAN_I_HELP.match(body, match.start()):
                continue  # "how can I help?" opens a conversation; it offers no fix
            found.append((sentence.start + match.start(), sentence.start + match.end()))
    for start, end in hits(text, "advice_verbs"):
        at = sentence_at(text, start)
        if at is None or at.is_question:
            continue
        lead = word_before(text, start, 4)
        if lead and not all(word in _IMPERATIVE_LEAD for word in lead):
            continue
        after = text.norm[end : end + 1]
        if (after and after.isalnum()) or _NOT_ADVICE_AFTER.match(text.norm, end):
            continue
        # "If you've got backup codes, use one": an instruction after the clause that sets its condition.
        clause_start = clause_start_at(text, start)
        previous = max(clause_start_at(text, max(clause_start - 1, 0)), at.start)
        after_condition = re.match(r"\s*(?:if|when|once|after|before|until|as soon as|whenever)\b", text.norm[previous:clause_start])
        if not _OBJECT.match(text.norm, end):
            continue  # "export problems are known" names a thing; "export the report" instructs
        if start == at.start or lead or after_condition:
            # "Talk to your manager", "then switch it off": a verb with nobody before it, and not
            # "look, ..." or "see?" said as a discourse word.
            if not re.match(r"[\s,]*(?:,|\?|!|$)", text.norm[end : end + 2]):
                found.append((start, end))
    return found


# A plan laid out under a label: "What I can do: re-rate the whole week", "Fix: an identity check, then...".
_PLAN_LABEL = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=^-\s)|(?<=\n-\s))\W*(?:what (?:i|we) (?:can|could|will|would) do|what (?:i am|we are) (?:going to do|doing)|"
    r"(?:doing|done|sorted) (?:now|today)|"
    r"here is what (?:i|we) (?:can|will) do|(?:my|our|the) (?:plan|offer|fix|solution|suggestion)|fix|solution|plan|the way forward|way forward)"
    r"\s*(?::|\u2013|\u2014| - )\s*(?!\s)(?!nothing|not\b|no\b|very little|little\b|sadly|unfortunately)(?P<rest>[^.!?\n]{12,})"
)


def _plans(text: Text) -> list[Span]:
    """Plans under a label, when what follows is more than a vague promise to look."""
    return [match.span("rest") for match in _PLAN_LABEL.finditer(text.norm) if not _VAGUE.search(match.group("rest"))]


def offers_solution(text: Text, context: Text | None) -> list[Span]:
    """Spans where the reply proposes a fix or an option (the same with or without the customer's words)."""
    found: list[Span] | None = text.memo.get("offers")
    if found is None:
        found = text.memo["offers"] = _offers(text)
    return list(found)


_DESCRIBES_PEOPLE = re.compile(r"\b(?:who|which|that) (?:can|could|will)\b")
_ASKS_OR_HOLDS_OFF = re.compile(r"\b(?:what|how|which|before|until|without)\s+$")


# A fix already under way: "I'm putting it on express now", "we're reversing the fee today".
_UNDER_WAY = re.compile(
    r"\b(?:i|we) (?:am|are) (?:now |just |also |already )?"
    r"(?!(?:hoping|wondering|thinking|waiting|trying|struggling|feeling|guessing|afraid|looking into|going)\b)"
    r"(?P<verb>[a-z]{3,}ing) (?:it|this|that|them|you|your|the|a|an|one|him|her)\b"
)


def _under_way(text: Text) -> list[Span]:
    found = []
    for match in _UNDER_WAY.finditer(text.norm):
        if stem(match.group("verb")) not in _fixing_stems():
            continue  # "I'm keeping that in mind", "I'm taking this on myself": no fix in hand
        sentence = sentence_at(text, match.start())
        if sentence is None or sentence.is_question or _VAGUE.search(sentence.text):
            continue
        found.append(match.span())
    return found


@lru_cache(maxsize=1)
def _fixing_stems() -> frozenset[str]:
    """The stems of the verbs that carry out a fix ("send", "refund", "put ... on express")."""
    return frozenset(stem(verb) for verb in lexicon_words("step_verbs")) | frozenset(
        stem(verb) for verb in "putting sending booking refunding crediting reversing cancelling processing ordering posting "
        "dispatching replacing reconnecting resetting moving raising escalating waiving holding reserving rebooking issuing "
        "transferring fixing switching upgrading swapping changing updating arranging".split()
    )


def _offers(text: Text) -> list[Span]:
    kept = []
    for start, end in hits(text, "offer_phrases") + _instructions(text) + _advice(text) + _plans(text) + _under_way(text):
        if negated(text, start, 2):
            continue
        if _DESCRIBES_PEOPLE.search(text.norm[start:end]):
            continue  # "the ones who can book" describes people; "the nurse can book you in" offers
        if _ASKS_OR_HOLDS_OFF.search(text.norm[max(0, start - 10) : start]):
            continue  # "what would you like us to do?" asks; "before I suggest anything" holds off
        sentence = sentence_at(text, start)
        if sarcastic(text, sentence):
            continue
        if sentence is not None and hits(text, "rhetorical_questions", (sentence.start, sentence.end)):
            continue
        if sentence is not None and sentence.is_question and _ASKING_FOR.search(sentence.text, start - sentence.start):
            continue  # "would you like to give me your postcode?" asks for information
        if sentence is not None and _SIMPLE_PAST.match(text.norm, start) and _BACK_THEN.search(sentence.text):
            continue  # "we refunded this fee on 9 January" is history, not a fix
        if _WHAT_NEARLY_HAPPENED.match(text.norm, start):
            continue  # "you could easily have missed it" is what nearly happened, not an option
        kept.append((start, end))
    return kept


_WHAT_NEARLY_HAPPENED = re.compile(r"(?:you|we|i) (?:could|might|may|would) (?:\w+ly |well |so )?have (?:been|\w{2,}(?:ed|en|t|wn|ne))\b")
# A fix said in the simple past is made now unless the sentence dates it: "we refunded it last March".
_SIMPLE_PAST = re.compile(r"(?:i|we) (?:\w+ )?\w+ed\b")
_BACK_THEN = re.compile(
    r"\b(?:ago|last (?:week|month|year|time|spring|summer|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"previously|earlier this (?:year|month)|back in|before that|at the time|that time|"
    r"(?:on|in) (?:the )?\d|(?:on|in) (?:january|february|march|april|may|june|july|august|september|october|november|december))\b"
)


# Promising one's own next step is what the course teaches: "I promise I'll ring you at 3".
_OWN_STEP = re.compile(
    r"\W*(?:(?:that|you|to you)\s+)?(?:(?:i|we)\s+(?:will|shall|am going to|are going to)|to)\s+(?:personally\s+|definitely\s+|also\s+|then\s+|100 ?(?:%|percent|per cent)\s+)?"
    r"(?:call|ring|phone|email|message|text|write|update|check|chase|look|get back|come back|contact|follow up|send|let you know|"
    r"keep you|be in touch|speak|ask|raise|book|arrange|pass|put|note|log|flag|escalate|read|reply|answer|stay|be there|be here|do)\b"
)
_WARRANTY = re.compile(
    r"\b(?:warranty|guarantee period|manufacturer|year guarantee|month guarantee|guaranteed? (?:it |them )?for (?:\w+ )?(?:years?|months?))\b"
    r"|\bguarantees? (?:it |them |this )?for (?:a |one |two |three |\d+ )(?:years?|months?)\b"
)
# Certainty about what someone else will do, or how things will turn out: "the doctor will
# definitely fit you in", "your refund will 100% be there by Monday", "they always approve it".
_CERTAIN = re.compile(
    r"\b(?:definitely|certainly|surely|absolutely|for sure|without (?:a )?doubt|no question|no doubt|guaranteed|for certain|forever|ever again)\b|\b100 ?(?:%|percent\b|per cent\b)"
    r"|\b(?:i am|i am absolutely|i am 100 (?:%|percent)) (?:certain|sure|positive|confident)\b|\btrust me\b|\bno chance (?:of|that)\b|\bthey always\b|\bwill never (?:happen|fail|break|go wrong)\b"
)
_OTHERS_OUTCOME = re.compile(
    r"\b(?:it|this|that|they|he|she|the \w+|your \w+(?: \w+)?|you)\s+(?:will|is going to|are going to)\s+(?:\S+\s+){0,2}?"
    r"(?:be|get|arrive|come|work|fix|approve|fit|pay|refund|replace|reach|happen|go|stay|clear|sort|last|fail|break|see|accept)\b"
    r"|\b(?:is|are) (?:gone|fixed|sorted|solved) (?:forever|for good)\b|\bno chance of (?:it|this|that)\b"
)


# A firm time for something that rests on others: money landing, a fix done, a service back.
# "The refund will be with you by this evening", "we'll get the 07:42 back to 8 carriages from
# Monday". Said with a hedge ("usually", "should", "they expect") it is honest, and no promise.
_FIRM_ARRIVAL = re.compile(
    r"\b(?:it|this|that|they|the money|the refund|your refund|the (?:fix|repair|engineer|parcel|order|power|supply|service|signal|connection|credit|payment|replacement|money)|"
    r"your (?:money|refund|parcel|order|power|supply|service|broadband|connection|payment|credit|replacement|card|account|bill))"
    r" will (?:definitely |certainly |all )?(?:be (?:with you|in your account|back|there|on again|back on|fixed|restored|sorted|resolved|credited|cleared|paid|refunded|delivered|working|up and running|at your (?:hotel|home|house|door|flat|address|office))|"
    r"arrive|reach you|land|clear|come back|go through|work again)\b"
    r"|\b(?:i|we) will (?:get|have) (?:\S+ ){1,5}?(?:fixed|restored|repaired|running|working|back up|back on|back to|wiped|reissued|cancelled|written off)\b"
    # any fault's cure promised in the passive: "the mould will be fixed by Friday"
    r"|\b(?:the|your) (?:[a-z]+ ){0,2}[a-z]+ will (?:definitely |certainly |all )?be (?:fixed|repaired|replaced|restored|sorted|resolved|treated|cured|gone|cleared|reconnected|back to normal)\b"
    r"|\b(?:they|he|she|the team|the \w+ team|our team) will (?:get|have) (?:\S+ ){1,5}?(?:fixed|restored|repaired|running|working|back up|back on|wiped|reissued|cancelled|written off|closed|sorted|done|resolved|cleared|settled)\b"
)
_HEDGE = re.compile(
    r"\b(?:usually|normally|typically|generally|should|expect|expects|expected|aim|aims|hope|hoping|likely|probably|estimate|estimated|"
    r"around|about|roughly|approximately|they say|say they|due|scheduled|forecast|if|once|as long as|may|might|could|can|depends|hopefully|"
    r"latest|update)\b"
)


_VOUCHING = re.compile(r"\b(?:i|we) (?:can|could) (?:promise|guarantee|assure)\b")
_SPAN_OF_TIME = re.compile(r"(?:within|in|(?:the )?next (?:working |business )?day|(?:\d+|one|two|three|four|five|six|seven|ten) (?:to|-))\b|\S+ (?:to|-) \S+ (?:working|business)")


def _firm_times(text: Text) -> list[Span]:
    times = hits(text, "time_expressions")
    found = []
    for sentence in text.sentences:
        if sentence.is_question or _HEDGE.search(_VOUCHING.sub(" ", sentence.text)):
            continue  # "I can promise you..." vouches; it hedges nothing
        for match in _FIRM_ARRIVAL.finditer(sentence.text):
            start = sentence.start + match.start()
            if negated(text, start, 2) or conditional(text, start, 3):
                continue
            # a point in time ("by this evening", "from Monday"); a policy's span ("within 3 working days") is not firm
            if any(start <= a < sentence.end and not _SPAN_OF_TIME.match(text.norm, a) for a, _ in times):
                found.append((start, sentence.start + match.end()))
    return found


# A policy made up on the spot for every time to come, or a worry promised away for good: "any
# fees in future get refunded automatically", "you'll never have to worry about this again".
_FOR_GOOD = re.compile(
    r"\b(?:any|all|every)\b[^.!?]{0,30}?\b(?:in (?:the )?future|future|from now on|going forward)\b[^.!?]{0,40}?\b(?:refunded|waived|credited|cancelled|covered|free|reversed)\b"
    r"|\b(?:refunded|waived|credited|reversed) automatically\b[^.!?]{0,20}?\b(?:in (?:the )?future|from now on|every time|each time)\b"
    r"|\byou will never (?:have|need) to (?:worry|pay|deal|chase|call|go through|think)\b|\bnever (?:be a problem|be an issue|happen to you) again\b"
    r"|\byou (?:will not|won't) (?:have|need) to (?:do|lift|think about|worry about) (?:another|a single|one more|anything|a) ?(?:thing|finger)?\b"
    # someone else's part guaranteed: "I'll make sure the driver waits for you", "you can count on it"
    r"|\b(?:i|we) will make sure (?:that )?(?:the|your|our|they|he|she) (?:driver|engineer|courier|doctor|nurse|team|bank|insurer|landlord|crew|pilot|airline|hotel|manager|billing|disputes team|planners?|\w+ team)\b(?! (?:knows?|hears?|is told|has|gets? (?:the|your|a) (?:message|note|details)))"
    r"|\byou can (?:count|bank|rely) on (?:it|that|having|getting|us getting)\b|\b(?:almost )?always go (?:the customer's|your|in your) (?:way|favour|favor)\b"
)


_VOUCH = re.compile(r"(?:i|we) (?:promise|swear)(?: you)?|promise you|(?:i|we) (?:can )?assure you(?: that)?")
_FUTURE = re.compile(r"\b(?:will|shall|going to|gonna|from now on|next time|again|always|never|definitely|certainly|for sure)\b")


def _vouched(text: Text, start: int, end: int) -> str:
    """What "I promise" vouches for: the clause after it, or before it when it is a tag ("not your fault, I promise")."""
    sentence = text.sentence_at(start)
    s_start = sentence.start if sentence is not None else 0
    s_end = sentence.end if sentence is not None else len(text.norm)
    around = (text.norm[s_start:start] + " " + text.norm[end:s_end]).strip(" ,:-")
    if re.search(r"\w", around):
        return around
    previous = text.sentence_at(s_start - 2) if s_start >= 2 else None
    return previous.text if previous is not None else ""


def _vouches_for_fact(text: Text, start: int, end: int) -> bool:
    """ "No script, I promise", "you haven't done anything wrong, I promise": a fact vouched for, no outcome promised."""
    if not _VOUCH.fullmatch(text.norm[start:end]):
        return False
    return not _FUTURE.search(_vouched(text, start, end))


# Someone else's part promised as settled: "I'll make sure they prioritise it", "I'll have a word
# with the driver so he holds the coach", "you're safe", "back by Friday at the latest". Asking them
# ("I'll ask the driver whether he can wait") is the honest form, and is left alone.
_OTHERS_PART = re.compile(
    r"\b(?:i|we) (?:will|shall|am going to|are going to|can) (?:also |personally )?make sure (?:that )?"
    r"(?:they|he|she|the (?:\w+ )?(?:team|driver|engineer|courier|crew|workshop|manager|supervisor|doctor|nurse|airline|insurer|landlord|bank|hotel|office|department|lab|surgery|hospital)|someone|somebody)"
    r" (?:will )?(?!(?:knows?|hears?|is|are|was|were|be|has|have|had|gets? (?:the|your|a|my) (?:message|note|details|notes)|sees? (?:the|your|my) (?:note|notes|message)|calls? you|rings? you|contacts? you|reads?)\b)[a-z]+"
    r"|\b(?:i|we) (?:will|shall|am going to|are going to|can) (?:also |personally )?make sure (?:that )?(?:the|your|this|that) [^.!?]{0,40}?"
    r"\b(?:is|are|gets?|will be) (?:\w+ )?(?:written off|refunded|waived|paid back|credited|reimbursed|compensated|approved|cancelled|wiped|dropped|removed)\b"
    r"|\b(?:have a word with|speak to|talk to|get on to|lean on|push) (?:the|your|our) (?:\w+ ){0,2}?(?:so|and) (?:that )?(?:he|she|they|it)"
    r" (?:will |would )?(?:holds?|waits?|keeps?|lets?|gives?|fits?|prioriti[sz]es?|approves?|agrees?|speeds?|fast[- ]tracks?|bumps?|moves?|squeezes?)\b"
    r"|\byou (?:are|will be) (?:totally |completely |100 ?% |definitely |all )?(?:safe|in the clear)\b(?! to\b)"
    r"|\b(?:back|there|with you|ready|fixed|done|delivered|arrived|sorted|home|repaired|returned|in your account) by (?:\w+ ){0,4}?at the (?:very )?latest\b"
    r"|\bnothing (?:at all )?to worry about\b"
    r"|\byou will get (?:every penny|every cent|all (?:of )?(?:your|the) money|the (?:whole|full) (?:amount|sum|lot)|it all) back\b"
    r"|\b(?:i|we) will (?:also )?(?:cover|pay for|pay|reimburse|compensate you for|make up) (?:the|your|any) (?:\w+ ){0,2}?(?:wages|earnings|pay|loss|losses|costs|expenses|time off|day off|travel|taxi|hotel|damage)\b"
    r"|\b(?:so )?you (?:will not|won't) be (?:out of pocket|left out of pocket|a penny worse off)\b|\bno questions asked\b"
    r"|\b(?:i am|i'm) (?:very |really |quite |fairly )?(?:confident|sure|certain|positive) (?:that )?(?:we|they|he|she|it|the \w+|your \w+) (?:will|are going to|is going to)\b"
    r"|\bif (?:anything like (?:this|that)|this|that|it) (?:ever )?happens again\b[^.!?]{0,40}?\bwill be (?:refunded|waived|credited|reversed|cancelled|covered)\b"
    r"|\b(?:this|that|it) (?:will not|will never|is not going to|is never going to) happen (?:to you )?again\b"
    r"|\b(?:i|we) will (?:definitely|certainly|absolutely|100 ?%|for sure|of course) (?:\w+ )?(?:refund|waive|pay|cover|compensate|reimburse|replace|approve|write off|cancel|remove|credit)\b"
    r"|\b(?:switch|roll|change|put|revert|move|take|set) (?:\w+ ){0,3}?back to (?:the old|the previous|the former|version \d+|how it was) ?(?:version|layout|design|interface|app|look|system|plan|tariff|format|screen|site)?\b"

)
_SAFE_WHEN = re.compile(r"\b(?:make sure|as long as|so long as|if|once|until|check|so that|keeping|keep|stay|feel)\b[^.!?]{0,30}$")


def _others_part(text: Text) -> list[Span]:
    found = []
    for match in _OTHERS_PART.finditer(text.norm):
        sentence = text.sentence_at(match.start())
        if sentence is not None and sentence.is_question:
            continue
        if negated(text, match.start(), 3) or conditional(text, match.start(), 3):
            continue
        said = match.group()
        before = text.norm[sentence.start if sentence is not None else 0 : match.start()]
        if said.startswith("you") and (_SAFE_WHEN.search(before) or re.search(r"\bso (?:that )?$", before)):
            continue  # "make sure you're safe", "so that you are safe tonight" (what a step is for)
        if said.startswith("back") or " by " in said:
            if re.search(r"\b(?:should|expect|estimate\w*|aim|hope|usually|normally|says|say|quoted|quote)\b", before):
                continue  # "it should be back by the 12th at the latest, they say"
        found.append(match.span())
    return found


_MAKE_SURE_OF_OTHERS = re.compile(
    r"\b(?:i|we) will (?:personally |also |just |definitely )?make sure (?:that )?(?!(?:i|we|you|to|it is|this is|that is)\b)"
    r"(?:[a-z]+\s){0,3}?(?:sees|see|gets seen|get seen|arrives|arrive|comes|come|turns up|turn up"
    r"|(?:is|are|will be) (?:seen|with you|there|back|fixed|approved|next|first|on time|refunded|replaced|well before))\b"
)


def overpromises(text: Text, context: Text | None) -> list[Span]:
    """Spans where the reply promises an outcome the agent does not control.

    Promising one's own step ("I promise I'll call you at 3") is not one: the speaker controls it.
    """
    kept = []
    for start, end in hits(text, "overpromise_phrases"):
        if negated(text, start, 4) or conditional(text, start, 2):
            continue
        if any(word in _HOLDING_BACK for word in word_before(text, start, 3)):
            continue  # "before I promise anything" is the honest opposite
        if _OWN_STEP.match(text.norm, end) or _vouches_for_fact(text, start, end):
            continue
        if _WARRANTY.search(text.norm, max(0, start - 40), min(len(text.norm), end + 40)):
            continue  # "the manufacturer guarantees it for two years": a warranty, not a promise
        kept.append((start, end))
    for sentence in text.sentences:
        if sentence.is_question:
            continue
        certain = _CERTAIN.search(sentence.text)
        if certain is None or not _OTHERS_OUTCOME.search(sentence.text):
            continue
        start = sentence.start + certain.start()
        if negated(text, start, 3) or conditional(text, start, 3):
            continue
        if not any(a <= start < b for a, b in kept):
            kept.append((start, sentence.start + certain.end()))
    for match in _MAKE_SURE_OF_OTHERS.finditer(text.norm):
        if not negated(text, match.start(), 3) and not conditional(text, match.start(), 2) \
                and not any(a <= match.start() < b for a, b in kept):
            kept.append(match.span())  # "I'll make sure Mele is seen next": someone else's decision promised
    for match in _FOR_GOOD.finditer(text.norm):
        if not negated(text, match.start(), 3) and not conditional(text, match.start(), 3) \
                and not any(a <= match.start() < b for a, b in kept):
            kept.append(match.span())
    for span in _firm_times(text) + _others_part(text):
        if not any(a <= span[0] < b or span[0] <= a < span[1] for a, b in kept):
            kept.append(span)
    return sorted(kept)


# "Let me run and ask, yeah?": a tag at the end checks in; the sentence still says what happens.
_TAG = re.compile(r"[,;]\s*(?:yeah|yes|ok|okay|alright|all right|right|yes|no|eh|is that okay|is that ok|sound good|sounds good)\W*$")


def _asked(text: Text, span: Span) -> bool:
    """Whether the span sits in a sentence that asks (a question is not a statement of fact)."""
    sentence = sentence_at(text, span[0])
    if sentence is None or not sentence.is_question or _TAG.search(sentence.text):
        return False
    return question_kind(text, sentence) is not None
