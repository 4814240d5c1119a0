"""Questions: which sentences ask something, and which of them ask openly.

A sentence asks when it ends with a question mark (unless it is a bare "okay?" check-in, a
rhetorical jab such as "why would you do that?", a question quoted rather than put ('you're
thinking "what's the point?"'), or a feeling said back with a rising tone: "so you feel let
down?" reflects), or when it asks without one: an inverted question ("what else can you tell
me.", "do you have the receipt", "about the refund, have you had the email"), "I wonder...",
"I'm curious about...", "I wanted to see how...", "if that's okay, I'll...", "tell me...",
"could you tell me...". A question the speaker breaks off and does not take up ("are you-- this
is your second call") asks nothing. It asks openly when it invites the customer to answer in
their own words: what / how / why..., "tell me about...", "anything else?", "you paid how much?".
"""

from __future__ import annotations

import re

from course.grading.detectors.common import Span, hits, opening
from course.grading.text import Sentence, Text

__all__ = ["question_kind", "questions", "asks_question", "asks_open_question"]

_WH = r"(?:what|how|why|where|when|which|who|whom|whose)"
_AUX = r"(?:is|are|was|were|am|do|does|did|have|has|had|can|could|will|would|shall|should|may|might|must)"
_SUBJECT = r"(?:you|i|we|they|he|she|it|there|that|this|these|those|your|my|our|the|anyone|anybody|anything|someone|everything|everyone)"
_WH_START = re.compile(rf"^{_WH}\b")
# Wh-word, up to two words ("how confident", "what kind of"), then an inverted verb and subject.
_FILLER = r"(?:\s+(?!(?:i|you|we|they|he|she|it|this|that|there|if|is|are)\b)[\w']+){0,2}?"
_WH_INVERTED = re.compile(rf"(?:^|[,;:]\s*|\b(?:and|but|so|then|or)\s+)(?!which is\b)(?P<wh>{_WH}){_FILLER}\s+{_AUX}(?:\s+not)?\s+{_SUBJECT}\b")
_WH_COPULA = re.compile(rf"^(?!which\b|what if\b){_WH}{_FILLER}\s+(?:is|are|was|were|has|have|did|does|do|can|could|would|will|should)\s+(?!why\b|because\b|not\b)")
# Wh-words that open a statement: "what I can do is...", "how we fix it is...", "when you are ready, ...".
_WH_STATEMENT = re.compile(rf"^{_WH}\s+(?:i|we|you|they|it|this|that|he|she)\s+(?!(?:is|are|was|were|do|does|did|have|has|had|can|could|will|would|should|think|mean)\b)")
_AUX_QUESTION = re.compile(
    rf"^(?:is|are|was|were|do|does|did|have|has|can|could|would|will|may|might)(?:\s+not)?\s+{_SUBJECT}\b"
)
_ANY = re.compile(r"^(?:any|anything|anyone|anybody|is there anything)\b")
_INVITE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|or|so|but|then|now|first|maybe|perhaps|please|just|if you (?:can|could|would|will)|(?:can|could|would|will) you(?: please| just)?|(?:would|do) you (?:like|want|mind) to|(?:need|want|like|love) you to|you (?:can|could|might|may)(?: just)?)\s+)"
    r"(?:tell me|talk to me|talk me through|walk me through|take me through|describe|explain|say (?:a bit |a little |a little bit )?more|share|point me to|point out|show me where|give me (?:an idea|a sense|a (?:little )?(?:timeframe|picture|rundown|sense)))\b"
)
_WONDER = re.compile(
    r"\b(?:i|we)(?: am| was| were)?(?: just| really| also| only| still| kind of| sort of| a bit| a little)? (?:wonder|wondering|wondered|curious|interested in(?: is)? (?:what|how|why|whether|hearing|knowing)|interested to (?:know|hear)|keen to (?:know|hear)|would (?:like|love) to (?:know|hear|understand|find out|learn|ask you))\b"
    r"|\bif (?:that is|it is|that would be|that's) (?:okay|ok|alright|all right)(?: with you)?\W*$"
    r"|^(?:(?:i|we) (?:guess|think) )?(?:just )?wondering\b"
    r"|\bhelp me understand\b"
    # "I wanted to check in with you and see how the class went": the speaker asks to hear it.
    r"|\b(?:i|we) (?:wanted|want|would like|would love|was hoping|were hoping) to (?:(?:just |also )?check in(?: with you)?(?: and| to)? )?(?:see|hear) (?=(?:how|what|whether|if|why|where|when)\b)"
    # "If it is okay, I will go over the results": the speaker asks leave before going on.
    r"|^if (?:it is|that is|that would be) (?:okay|ok|alright|all right)(?: with you)?,? (?:i|we) (?:will|would|could|can|am going to|might)\b"
)
_OPEN_WORD = re.compile(rf"\b(?:{_WH}|more|about|anything|thoughts|experience)\b")
_SIGN_OFF = re.compile(r"^(?:is there )?anything else (?:i|we) (?:can|could|may) (?:help|assist|do)\b")
_OPEN_INVITE = re.compile(r"^(?:anything else|is there anything|what about|how about (?:you|your))\b")
# Wh-word as the subject: "what happened", "what worries you most" (but not "what happened was...").
_WH_SUBJECT = re.compile(
    r"^(?:what|who|which \w+)(?: else| exactly| really)? (?:happened|happens|sounds|seems|feels|worries|worried|matters|helps|helped|makes|made|brings|brought|would|could|will|might|went|goes|caused|causes|changed|stops|stopped|led)\b(?!.*\b(?:is|was)\b)"
)
# A speaker breaking off and starting again ("are you-- this is...", "I- I mean"): the dash sticks
# to the word left unfinished.
_RESTART = re.compile(r"(?<=[\w'])-+\s+")
_NEXT_WORD = re.compile(r"\S+")
# "What's happening in your account is a sync delay": a wh-clause as the subject of a statement.
_CLEFT = re.compile(r"^what (?:is|was|are|were) \w+ing\b.*\b(?:is|was)\b")
# "I'll share what I know", "we can explain": the speaker does it, so it invites nothing.
_SPEAKER_DOES = re.compile(
    r"\b(?:i|we)(?: will| would| can| could| shall| am going to| are going to| might| may)?"
    r"(?: (?:perhaps|maybe|just|also|then|now|first))? (?:tell|talk|walk|take|describe|explain|say|share|give)\b[^,;:]*$"
)
# "About your friends, have you thought about telling them": the question after a lead-in phrase.
# Not after a filler or a subject ("you, um, do have a sense"): there the verb is the statement's own.
_AUX_AFTER_COMMA = re.compile(
    r"(?<!\bum)(?<!\buh)(?<!\ber)(?<!\byou)(?<!\bwe)(?<!\bi)(?<!\bthey)"
    r"[,;]\s+(?:have|do|did|are|were|can|could|would|will)\s+you\b(?!\s+(?:know|see)\b)"
)
# The wh-word left in place at the end: "you paid how much?", "and this happens how often?".
_WH_AT_END = re.compile(r"\b(?:how come|what exactly|when exactly|where exactly)\W*$")
# A question after a quantity or a scale wants a number, not an account: "roughly how many
# times?", "on a scale of 1 to 10, how ready are you?". ("How long has it been going on?" is
# heard as an invitation to tell the story, and stays open.)
_DEGREE = re.compile(
    r"^(?:(?:and|so|but|okay|ok|then|now|just|roughly|about|around|approximately|exactly|again)[\s,]+)*how (?:many|much)\b"
    r"|\bon a scale (?:of|from) (?:\d+|zero|one|nought) to (?:\d+|ten|five|a hundred|one hundred)\b"
)
_DEGREE_OPEN = re.compile(r"\b(?:what|why|tell me|describe|talk me through|walk me through)\b[^?]*\b(?:that|it|this|like|mean|happen)\b")
# "I'd like to ask you a couple of questions": it announces the questions; they come later.
_ANNOUNCED = re.compile(r"(?:,?\s*(?:uh|um|just|quickly|now),?)*\s+(?:a|an|one|some|another|two|three|few|a few|a couple of|couple of|kind of a|sort of a|one more|more)\b[^.?!]*?\bquestions?\b")
# "Which browser?", "who served you?": the answer is one item from a short list, so it is closed.
# A pick or one datum: "which one?", "who did you speak to?", "for what date?", "what time suits?".
_PICK = re.compile(
    r"^(?:which(?! (?:part|parts|bit|bits|moment|moments|point|points|line|lines|aspect|aspects|step|steps)\b)|who|whom|whose|(?:(?:for|at|on|in|from|to|by|until|since) )?what (?:time|date|day|size|number|address"
    r"|colou?r|model|postcode|post code|amount|price|year|month|name|email|brand|flight|seat|room|floor|version)s?)\b"
)
# A wh-word on its own, or with one word, asks nothing the customer can tell in their own words.
_BARE = re.compile(rf"(?:{_WH}|huh|eh|pardon|sorry)(?:\s+(?:so|then|exactly|else|now|not|again|that|this|is that|come))?\W*")
# "How about a refund?", "what about Tuesday?": an option put forward, answered yes or no.
_OFFERING = re.compile(r"^(?:how|what) about (?!(?:you|your|yourself|the rest|everything else|anything else|other)\b)")
# "For what date?", "at what time?", "in which branch?": the wh-word after its preposition.
_PREPOSITION_WH = re.compile(rf"^(?:for|at|on|in|from|to|with|by|since|until|about|of|under)\s+(?P<wh>{_WH})\b")
_CONFIRM_PLAIN = re.compile(r"\b(?:did|have) i (?:get|got|understand|understood) (?:that|this|it|you|everything) (?:right|correctly)\b")


def _quoted(text: Text, sentence: Sentence) -> Sentence | None:
    """The part of a sentence before a quotation its question mark sits in, or None if not quoted.

    'You're thinking, "what's the point?"' reports a question; 'Did you click "Help?"' asks one,
    so the words before the quotation decide.
    """
    mark = sentence.text.rfind("?")
    if mark < 0 or text.norm.count('"', 0, sentence.start + mark) % 2 == 0:
        return None
    opened = sentence.text.rfind('"', 0, mark)
    return Sentence(sentence.start, sentence.start + max(opened, 0), sentence.text[: max(opened, 0)])


def question_kind(text: Text, sentence: Sentence, *, last: bool = False) -> str | None:
    """``"open"``, ``"closed"`` or None (not a question) for one sentence."""
    if len(text.sentences) == 1 and re.fullmatch(r"(?:oh,? |and |so )?(?:okay|ok|right|yeah|yes|no|alright|sure|really)\?+", sentence.text.strip(" \"'-*")):
        return "closed"  # "okay?" said on its own asks; after a statement it only checks in
    before_quote = _quoted(text, sentence)
    if before_quote is not None:
        return _part_kind(text, before_quote)
    if not sentence.is_question:
        restart = _restart(sentence.text)
        if restart:  # "are you-- this is something you've done before": what was said after counts
            return _part_kind(text, Sentence(sentence.start + restart, sentence.end, sentence.text[restart:]))
    return _part_kind(text, sentence)


def _part_kind(text: Text, part: Sentence) -> str | None:
    """The kind of a sentence, or of the part of one that counts, once quotes and restarts are set aside."""
    body = opening(part.text.strip(" \"'-*"))
    if not re.search(r"[^\W\d_]", body) or hits(text, "rhetorical_questions", (part.start, part.end)):
        return None
    if not part.is_question and _CLEFT.match(body):
        return None
    return _kind(text, part, body)


def _restart(words: str) -> int:
    """Where a speaker last broke off and started afresh ("are you-- this is..."), or 0.

    A break that repeats the words before it ("is that you- is that you") mends a slip and
    carries on the same sentence, so it is no fresh start.
    """
    at = 0
    for found in _RESTART.finditer(words):
        before = words[max(0, found.start() - 60) : found.start()].split()[-3:]
        after = _NEXT_WORD.match(words, found.end())
        if after and after.group() not in before:
            at = found.end()
    return at


# Asking for one detail, with or without a question mark: "what's your date of birth?",
# "DM us your booking ref", "please confirm your postcode".
_DETAIL = r"(?:name|full name|date of birth|birthday|postcode|post code|zip code|address|account number|order number|booking (?:ref|reference|number)|reference|ref|email(?: address)?|phone number|number|card number|membership number|policy number)"
_FACT_ASK = re.compile(rf"^what (?:is|was|are) (?:your|the) {_DETAIL}\b")
_REQUEST = re.compile(r"(?:^|[,;:]\s*)(?:please |can you |could you |just )?(?:dm|message|send|pop|drop|give|tell|text|email|confirm|share)(?: (?:us|me))? (?:your|the|a photo of|a screenshot of|over)\b|^(?:please )?confirm\b")


def _kind(text: Text, sentence: Sentence, body: str) -> str | None:
    """``question_kind`` once quotations, restarts and greetings are dealt with."""
    if _FACT_ASK.match(body):
        return "closed"  # one fact to give, not an account in their own words
    if not sentence.is_question and _REQUEST.search(body):
        return "closed"
    wonder = _WONDER.search(body)
    if wonder and re.match(r"\s+(?:the same|that too|that myself|the same thing|about that too|about (?:this|that|the|your|it|all))\b", body[wonder.end():]):
        wonder = None  # "I wondered the same thing", "I'm wondering about this other world": a thought, not a question
    if wonder and not _ANNOUNCED.match(body, wonder.end()):
        return "open" if _OPEN_WORD.search(body[wonder.end():]) else "closed"
    invite = _INVITE.search(body)
    if invite and not _SPEAKER_DOES.search(body, 0, invite.end()):
        return "open"
    if _DEGREE.search(body) and not _DEGREE_OPEN.search(body):
        return "closed"  # "how many drinks?", "on a scale of 1 to 10, how ready are you?": a number or a degree
    inverted = _WH_INVERTED.search(body)
    if inverted and not _WH_STATEMENT.match(body):
        return "closed" if _PICK.match(inverted.group("wh")) else "open"
    if sentence.is_question:
        if _BARE.fullmatch(body):
            return "closed"  # "What?", "Why?", "How so?": a question, but it invites no account
        if _OFFERING.match(body):
            return "closed"  # "How about a replacement?": an offer to take or leave
        if _SIGN_OFF.search(body):
            return "closed"  # "Is there anything else I can help you with?": the script's close, a yes or a no
        if _OPEN_INVITE.match(body) or _ANY.match(body) or _WH_AT_END.search(body):
            return "open"
        if re.match(r"how (?:many|much)\b", body):
            return "closed"  # a number to give
        if (_WH_START.match(body) or _PREPOSITION_WH.match(body)) and not _WH_STATEMENT.match(body):
            return "closed" if _PICK.match(body) else "open"
        lead_in = re.search(rf"(?:[,;:]|\s[-\u2013\u2014])\s*(?=(?:{_WH}|(?:in|for|at|on|to|from|with|by) (?:what|which|whom))\b)", body)
        if lead_in and not _WH_STATEMENT.match(body[lead_in.end():]):
            return "closed" if _PICK.match(body[lead_in.end():]) else "open"  # "before I suggest anything, what's been happening?"
        if re.fullmatch(r"(?:okay|ok|right|yeah|yes|no|alright|all right|sure|hmm|mm|huh|eh|see|really)\W*", body):
            return None
        return "closed"
    if _CONFIRM_PLAIN.search(body):
        return "closed"
    if _WH_SUBJECT.match(body):
        return "open"
    if _WH_COPULA.match(body) and not _WH_STATEMENT.match(body) and not sentence.text.endswith("!"):
        return "open"
    if (_AUX_QUESTION.match(body) or _AUX_AFTER_COMMA.search(body)) and not sentence.text.endswith("!"):
        return "closed"
    return None


# A statement said with a rising tone about how the customer feels ("so you feel let down?",
# "you're hoping it gets fixed today?") says back what they told us: a reflection, not a question.
_FEELING_BACK = re.compile(
    r"^(?:(?:so|and|but|or|okay|then|now|yeah|right)\s+)*you (?:(?:really|still|just|kind of|sort of) )?"
    r"(?:feel|felt|are feeling|were feeling|have been feeling|are not feeling|do not feel|did not feel|"
    r"are hoping|are wanting|are worried|are saying)\b"
)
_REFLECTING_FRAME = re.compile(
    r"\b(?:it|that|this) (?:sounds|seems|feels) (?:to me |to you )?(?:like|as if|that)\b|\bpart of you\b|\bon the one hand\b"
    r"|\bwhat (?:you are|you have been|you were) (?:saying|telling me) is\b|\bwhat i am (?:hearing|picking up|getting)(?: from you)? is\b"
)


def _asked_form(body: str) -> bool:
    """Whether a sentence has the form of a question (inversion, wh-word, invitation), not a statement's."""
    return bool(
        _WH_START.match(body) or _AUX_QUESTION.match(body) or _WH_INVERTED.search(body) or _INVITE.search(body)
        or _WONDER.search(body) or _ANY.match(body) or _OPEN_INVITE.match(body)
    )


def _says_back(sentence: Sentence) -> bool:
    """Whether a statement ending in "?" only says back the customer's feeling or account."""
    body = opening(sentence.text.strip(" \"'-*"))
    if not sentence.is_question or _asked_form(body):
        return False
    return bool(_FEELING_BACK.match(body) or _REFLECTING_FRAME.search(body))


def questions(text: Text) -> list[tuple[Sentence, str]]:
    """Every asking sentence of a text with its kind (``open`` or ``closed``).

    A statement that only says the customer's feeling back with a question mark ("so you feel
    let down?") is a reflection, not a question.
    """
    found = []
    sentences = text.sentences
    for index, sentence in enumerate(sentences):
        kind = question_kind(text, sentence, last=index == len(sentences) - 1)
        answered = index + 1 < len(sentences) and sentences[index + 1].text.startswith("because")
        if answered and len(sentence.text.split()) <= 3:
            continue  # "Why? Because the system won't let me": asked and answered in one breath
        if kind and not (kind == "closed" and _says_back(sentence)):
            found.append((sentence, kind))
    return found


def asks_question(text: Text, context: Text | None) -> list[Span]:
    """Spans of the sentences that ask the customer something."""
    return [(s.start, s.end) for s, _ in questions(text)]


def asks_open_question(text: Text, context: Text | None) -> list[Span]:
    """Spans of the sentences that ask openly (what, how, tell me...)."""
    return [(s.start, s.end) for s, kind in questions(text) if kind == "open"]
