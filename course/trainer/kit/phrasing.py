"""Turning the course's own sentences round for a kit: to the customer, about the agent, by the learner.

A criterion's ``met`` line speaks to the learner ("You named how Amara
feels."); an observer ticks what they saw ("The agent named how Amara
feels."). A lesson objective is an instruction ("Name the feeling before the
fix"); a learner rates a claim ("I can name the feeling before the fix"). A
customer's message is read for what they ask and what they feel, with the
grader's own word lists, so a kit never needs words of its own about a
scenario.
"""

from __future__ import annotations

import re

from course.grading.lexicons import pattern
from course.grading.text import normalise

__all__ = [
    "sentences",
    "asks",
    "feelings",
    "known_details",
    "observable",
    "i_can",
    "to_the_customer",
    "flowing",
    "CHANNEL_WORDS",
]

CHANNEL_WORDS = {
    "chat": ("in a chat window", "You type your lines into the chat."),
    "email": ("by email", "You wrote this as an email: read it out, or hand it over on paper."),
    "phone": ("on the phone", "You are on a call: sit back to back with the agent, so you only hear each other."),
    "social": ("in a public post on social media", "Everyone can read your post: say it as if others are watching."),
    "in-person": ("face to face, at the desk or counter", "You are standing in front of the agent."),
}
"""How a customer gets in touch on each channel, and how to play it in a room."""

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9£$€])")
_ASKING = re.compile(
    r"\?|\b(i want|i need|i'd like|i would like|i expect|can you|could you|will you|would you|please|"
    r"i'm asking|i am asking|tell me|let me know|sort (?:it|this) out)\b",
    re.IGNORECASE,
)
_TELLING = re.compile(
    r"^(?:please |just |so )?(refund|cancel|fix|send|tell|call|ring|sort|stop|give|put|change|help|explain|check|"
    r"let|get|make|take|book|remove|close|switch)\b",
    re.IGNORECASE,
)
"""A sentence that opens with an order ("Refund it now.") asks for something too."""
_SHOUTING = re.compile(r"\b[A-Z]{4,}\b|!|\?\?")
_FEELING_LISTS = ("emotion_words", "emotion_nouns", "vivid_situations")

# A history card mixes the customer's own record with what only the agent knows: what the agent may
# do, the rules, the news the customer is waiting for. So a clause reaches the customer's card only
# when it opens like an entry of their own record (an order, an account, a past contact) and says
# nothing of the agent's side: a clause left out is safe, one let through could answer the task.
_THEIR_RECORD = re.compile(
    r"^(?:(?:Online )?[Oo]rder\b|(?:[A-Z]\w+ )?[Aa]ccount\b|Booking\b|Booked\b|Bag tag\b|Owner of\b|Runs a\b"
    r"|Tenant of\b|Patient:|Guest since\b|Customer (?:since|for)\b|Pays by\b|Uses\b|Speaks\b|Family name\b"
    r"|Personal loan\b|Referral for\b|Devices:|Last stay\b|Earlier replies\b|An email from\b"
    r"|(?:First|Second|Third|Fourth|Fifth|Two|Three|Four|Five) (?:contacts?|chats?|calls?|emails?)\b"
    r"|(?:\d{1,2}[:.]\d{2} )?[Aa]ppointment\b|[A-Z][\w ]{0,30}\bplan\b"
    r"|\d{1,2} [A-Z][a-z]+:|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*(?: \d{1,2} [A-Z][a-z]+)?:)"
    r"|\b(?:bought|paid|ordered|delivered|charged|customer (?:at|since|for)|claim [A-Z]{1,3}-?\d)\b"
)
_AGENT_SIDE = re.compile(
    r"\b(?:you|your|yours|can|cannot|can't|could|must|should|allowed|allows|entitled|guidance|procedure|policy|"
    r"usually|available|in stock|options?|we|our|team|teams|accepted|workaround|known fault|in error|by mistake|"
    r"within|next)\b",
    re.IGNORECASE,
)
_AGENT_SIDE_AS_WRITTEN = re.compile(r"\b(?:may|us)\b")
"""Matched as written, so that "May" the month and "US" the country stay."""


def sentences(text: str) -> list[str]:
    """``text`` split into sentences, each on one line (a message's own line breaks become spaces)."""
    flat = " ".join(text.split())
    return [part for part in _SENTENCE_END.split(flat) if part]


def flowing(text: str) -> str:
    """A file's text as it reads: lines wrapped in the file joined up, blank-line paragraphs kept."""
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in re.split(r"\n\s*\n", text.strip()))


def asks(lines: tuple[str, ...] | list[str]) -> list[str]:
    """The sentences in which the customer asks for something: what they want."""
    return [sentence for line in lines for sentence in sentences(line)
            if _ASKING.search(sentence) or _TELLING.search(sentence)]


def feelings(lines: tuple[str, ...] | list[str]) -> list[str]:
    """The sentences that carry the customer's feeling: its words, capitals, ``!`` or ``??``."""
    found = []
    for line in lines:
        for sentence in sentences(line):
            norm = normalise(sentence)
            if _SHOUTING.search(sentence) or any(pattern(name).search(norm) for name in _FEELING_LISTS):
                found.append(sentence)
    return found


def known_details(history: str) -> list[str]:
    """The clauses of a customer's history card that are their own record: their order, account, past contacts.

    What the agent may do, the rules and the news the customer is waiting for stay on the agent's card.
    """
    found = []
    for sentence in sentences(history):
        for clause in sentence.split("; "):
            clause = clause.strip()
            if (_THEIR_RECORD.search(clause) and not _AGENT_SIDE.search(clause)
                    and not _AGENT_SIDE_AS_WRITTEN.search(clause)):
                clause = clause[:1].upper() + clause[1:]
                found.append(clause if clause.endswith((".", "!", "?")) else f"{clause}.")
    return found


_LEAD = re.compile(r"^((?:[A-Z][a-z]+: )?)(You|you|Your|your)\b")
# "you" after these is the object ("aimed at you", "correct you"); anywhere else, the subject
_OBJECT_BEFORE = frozenset((
    "to", "for", "with", "at", "from", "about", "of", "on", "by", "against", "behind", "than", "hold", "correct",
    "tell", "told", "give", "gave", "thank", "thanked", "ask", "asked", "help", "helped", "let", "show", "showed",
    "call", "called", "reach", "trust", "believe", "send", "sent", "contact", "remind", "promised", "offered",
    "owe", "owes", "hear", "heard", "see", "saw", "meet", "join", "leave", "left", "keep", "kept", "expect",
))
_SECOND_PERSON = re.compile(r"\b(you're|you've|you'll|you'd|yourself|yours|your|you)\b(\W*)", re.IGNORECASE)
_THIRD = {"you're": "they're", "you've": "they've", "you'll": "they'll", "you'd": "they'd",
          "yourself": "themselves", "yours": "theirs", "your": "their"}


def observable(met: str) -> str:
    """A criterion's ``met`` line as an observer's check: its first sentence, about the agent.

    "You named how Amara feels. A stressed parent..." → "The agent named how Amara feels."
    """
    first = sentences(met)[0] if sentences(met) else met.strip()
    first = _LEAD.sub(lambda m: m.group(1) + ("the agent's" if m.group(2).lower() == "your" else "the agent"),
                      first, count=1)
    first = _swap(first, _THIRD, subject="they", object_="them")
    return first[:1].upper() + first[1:]


_FIRST = {"you're": "I'm", "you've": "I've", "you'll": "I'll", "you'd": "I'd",
          "yourself": "myself", "yours": "mine", "your": "my"}


def i_can(objective: str) -> str:
    """A lesson objective as the learner's claim: "Name the feeling first" → "I can name the feeling first."."""
    text = " ".join(objective.split()).rstrip(".")
    if len(text) > 1 and text[1].islower():  # keep an acronym's capitals ("CRM notes...")
        text = text[0].lower() + text[1:]
    return f"I can {_swap(text, _FIRST, subject='I', object_='me')}."


def _swap(text: str, forms: dict[str, str], *, subject: str, object_: str) -> str:
    """Second-person words replaced: ``forms`` for the fixed ones, ``you`` as subject or object by its place."""

    def one(match: re.Match[str]) -> str:
        word, after = match.group(1), match.group(2)
        lowered = word.lower()
        if lowered != "you":
            new = forms[lowered]
        else:
            before = text[: match.start()].split()
            is_object = (not after.strip() == "" and after.strip()[0] in ".,;:!?)") or (
                bool(before) and before[-1].lower() in _OBJECT_BEFORE) or match.end() == len(text)
            new = object_ if is_object else subject
        if word[0].isupper() and new[0].islower():
            new = new[0].upper() + new[1:]
        return new + after

    return _SECOND_PERSON.sub(one, text)


def to_the_customer(name: str) -> str:
    """A customer's name as it is said to them: "Olumide Bankole, your team leader" → "..., the agent's team leader"."""
    return re.sub(r"\byour\b", "the agent's", name)
