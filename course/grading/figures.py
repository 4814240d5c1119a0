"""Figures: the dates, times, amounts, counts and references a reply states, checked against the case.

A trainer fails a reply that tells the customer the wrong day, the wrong amount or the wrong
reference, however kind it is: the customer acts on it. The case is what the agent can see (the
customer's message, the notes on screen, the model answer and the answers its author proved),
and a figure in a reply is *misquoted* when the case holds figures of the same sort and none of
them is this one:

- a date ("26 September") where the case's dates are others; a day of the week likewise;
- a clock time ("6 pm") where the case's times are others;
- an amount of money or a reference that is a near miss of one in the case ("£752" for £725,
  "R-20714" for R-20417): a new amount or reference is not a misreading, a transposed one is;
- a count of something the case counts ("2 to 3 days" where the case says 7 to 10 working days,
  "250 pages" where it says 200), numbers in words included ("fifteen minutes").

A figure the agent sets for their own next step is theirs to choose ("I'll call you at 3 pm"), a
figure denied or corrected ("not 8 June") is not stated, and sums, halves and shares of the
case's amounts are worked out from it ("£17.67 a month" of £212 over 12 months).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from course.grading.lexicons import entries
from course.grading.text import normalise
from course.grading.words import content_stems

__all__ = ["Figure", "figures", "misquoted", "Case", "case_of"]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45,
    "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100,
}
_MINUTES = {"minute": 1, "min": 1, "mins": 1, "hour": 60, "hr": 60, "day": 1440, "night": 1440,
            "week": 10080, "fortnight": 20160, "month": 43800, "year": 525600}
"""Lengths of time in minutes, so a count of one unit compares with a count of another."""
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUMBER = r"\d+(?:[.,]\d+)*|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))

DATE = re.compile(
    rf"(?<![\w.,£$€])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? (?P<month>{_MONTH})\b"
    rf"|\b(?P<month2>{_MONTH}) (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?![\w:.]\d)\b"
    r"|\b(?:on|by|from|until|till|before|after|since|for) the (?P<day3>\d{1,2})(?:st|nd|rd|th)\b(?! (?!(?:of|and|or|but|so|at|to|for|when|then|too|as|in|if|is|was|will|which|that|because)\b)[a-z])"
)
_WEEKDAY = re.compile(r"\b(?P<weekday>" + "|".join(_WEEKDAYS) + r")s?\b")
_HOURS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_CLOCK = re.compile(
    r"(?<![\w.,£$€:])(?P<hour>\d{1,2})(?:[:.](?P<minute>[0-5]\d))?\s?(?P<half>am|pm|a\.m\.|p\.m\.)(?!\w)"
    r"|(?<![\w.,£$€:])(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?![\d:])"
    r"|\b(?P<noon>noon|midday|midnight)\b"
    r"|(?<![\w.,£$€:])(?P<oclock>\d{1,2}|" + "|".join(_HOURS) + r")\s?o['\u2019]?\s?clock\b"
)
_BARE_CLOCK = re.compile(
    rf"\b(?:at|by|before|after|from|since|until|till|between|around|about)\s+(?P<half_past>half (?:past )?)?"
    rf"(?P<hour>\d{{1,2}}|{'|'.join(list(_NUMBER_WORDS)[:11])})(?:[:.](?P<minute>[0-5]\d))?(?:\s*o['\u2019]?\s?clock)?(?![\w.,:])"
)
_PAST_MINUTES = {"five": 5, "ten": 10, "quarter": 15, "a quarter": 15, "twenty": 20, "twenty-five": 25, "twenty five": 25, "half": 30}
_SAID_CLOCK = re.compile(
    r"\b(?P<minutes>" + "|".join(sorted(_PAST_MINUTES, key=len, reverse=True)) + r") (?P<way>past|to) "
    r"(?P<hour>" + "|".join(_HOURS) + r"|1[0-2]|[1-9])\b"
)
"""A time said in words: "twenty to one", "quarter past nine" (read in the case, where customers say it so)."""
_WORKING = re.compile(r"\b(?:working|business)\b")
_MONEY = re.compile(
    r"(?:[£$€₹¥]|\b(?:r|us|a|c|nz)\$)\s?(?P<amount>\d[\d,]*(?:\.\d{1,2})?)(?![\d])"
    r"|(?<![\w.,])(?P<amount2>\d[\d,]*(?:\.\d{1,2})?)\s?(?P<currency>zł|zl|kr|pounds|euros|dollars|rand|rupees|pesos|reais|yen|pence|p)\b"
)
"""An amount of money: "£27.40", "R$60", "1,249 zł", "45 euros"."""
_CODE = re.compile(r"(?<![\w-])(?P<code>[a-z]{1,4}-?\d{3,}(?:[-/]\d+)*|\d{5,})(?![\w-])")
_COUNT = re.compile(
    rf"(?<![\w.,£$€:-])(?P<low>{_NUMBER})(?:\s?(?:-|–|to|or)\s?(?P<high>{_NUMBER}))?"
    r"(?:\s+|-)(?:(?:working|business|calendar|full|clear|whole|more|extra|further|separate|other|different)\s+)?"
    r"(?P<unit>[a-z][a-z'-]+)\b"
)
# Words after which a figure is denied or corrected, not stated: "not 8 June", "rather than 2 days".
_CORRECTED = re.compile(
    r"(?:\bnot|\bnever|\brather than|\binstead of|\bno longer|\bisn't|\bwasn't|\bwrongly|\bwrong)\W+"
    r"(?:(?:the|a|an|on|at|by|for|from|until|till|before|after|of|in|it|as|said|say|says|was|is|be|been|until)\W+){0,3}$"
)
"""A figure denied where it stands: "not 8 June", "instead of on the 8th" (and not "instead of eight on the 07:24")."""
_CORRECTED_AFTER = re.compile(r"^\W*(?:\w+\W+){0,2}(?:(?:and )?(?:that|which|it) (?:was|is) (?:wrong|incorrect|a mistake|my mistake|our mistake))")
# A sentence where the agent sets their own next step: "I'll call you at 3 pm", "any time Wednesday works for me".
_OWN_STEP = re.compile(
    r"\b(?:i|we)(?:['\u2019](?:ll|d|m going to|re going to)\b|\s+(?:\w+\s+)?(?:will|shall|can|could|would|am going to|are going to|want to|aim to|plan to|promise to|"
    r"call|ring|phone|email|write|text|send|come back|check|book)\b)"
    r"|\b(?:i|we)(?:['\u2019]ve| have)(?: \w+)? (?:booked|arranged|scheduled|rebooked|set up|put you down|moved|made)\b"
    r"|\b(?:from|for|with|to) (?:me|us)\b|\bme (?:by|on|at|before)\b|\b(?:let me|let us|give me)\b"
    r"|\b(?:would|does|do|will|is|could|can)\b[^.!?]*\b(?:suit|suits|work for you|be ok|be okay|be convenient|be good|be better)\b"
)
# A booking made as the customer asked: its dates are the case's, not ours to set. A move to new
# dates ("I've moved it to", "rebooked for") is ours, and stays an own step.
_BOOKED_AS_ASKED = re.compile(r"\b(?:i|we)(?:['\u2019]ve| have)(?: \w+)? (?:booked|reserved|confirmed)\b(?![^.!?]{0,40}\b(?:instead|new|now|moved|rebooked)\b)")
_ROUGHLY = re.compile(r"\b(?:about|around|roughly|approximately|approx|nearly|almost|some|something like|in the region of)\s+$")
_OR_SO = re.compile(r"\s*(?:or so|-ish|ish)\b")
_SENTENCE_BREAK = re.compile(r"[.!?\n]")

Value = tuple[object, ...]


_PART_BREAK = re.compile(
    r"[;:\u2013\u2014]|\s-\s|\b(?:but|so)\b|\band\s+(?=(?:he|she|they|it|you|the|your|this|that|there)\b)"
)
"""Where a sentence turns to another clause: "she meets the team on Tuesday, so I'll raise it then"."""
_LEADING_PREPOSITION = re.compile(r"\W*(?:by|at|on|before|after|from|until|till|for|in|within|between|around)\b")


def _part_of(lowered: str, start: int, end: int) -> str:
    """The part of its sentence a figure is in ("she meets the team every thursday" of "..., so I'll raise it
    then"), with the part before it when the figure's part only says when ("I'll email you, by 5 pm at the
    latest") and the part after as well when the figure stands alone ("by tomorrow, 5 pm: I'll email you")."""
    begin = max((m.end() for m in _SENTENCE_BREAK.finditer(lowered, 0, start)), default=0)
    after = _SENTENCE_BREAK.search(lowered, end)
    sentence_end = after.start() if after else len(lowered)
    cuts = [begin] + [m.start() for m in _PART_BREAK.finditer(lowered, begin, sentence_end)] + [sentence_end]
    index = max(i for i, cut in enumerate(cuts[:-1]) if cut <= start)
    part_start, part_end = cuts[index], cuts[index + 1]
    alone = len((lowered[part_start:start] + lowered[end:part_end]).split()) <= 3
    if alone or _LEADING_PREPOSITION.match(lowered, part_start + 1 if index else part_start):
        part_start = cuts[max(index - 1, 0)]
    if alone:
        part_end = cuts[min(index + 2, len(cuts) - 1)]
    return lowered[part_start:part_end]


@dataclass(frozen=True)
class Figure:
    """One figure a text states: its sort, its value and where it is (in the lowered text)."""

    sort: str
    """``date``, ``day`` (a day of the month alone), ``weekday``, ``clock``, ``money``, ``code`` or ``count:<unit>``."""
    value: Value
    start: int
    end: int
    about: frozenset[str] = frozenset()
    """The content words around it in its clause: what it is the date, time or count of."""


def _number(word: str) -> float | None:
    word = word.replace(",", "")
    if word in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[word])
    try:
        return float(word)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _not_units() -> frozenset[str]:
    """Words that cannot be what a number counts: stopwords, months, clock words."""
    return frozenset(entries("stopwords")) | frozenset(_MONTHS) | frozenset(_WEEKDAYS) | frozenset(
        "am pm noon midday midnight o'clock oclock percent per st nd rd th".split()
    )


def _unit(word: str) -> str:
    """A counted noun by its singular: "days" and "day" count the same thing."""
    word = word.strip("'-")
    for ending, keep in (("ies", "y"), ("ses", "s"), ("s", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 2 and not word.endswith("ss"):
            return word[: len(word) - len(ending)] + keep
    return word


def _lowered(text: str) -> str:
    """The text in lower case, each character where it was."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _about(lowered: str, start: int, end: int) -> frozenset[str]:
    """Content words within a few words of a figure, inside its clause."""
    left = lowered[max(0, start - 90): start]
    right = lowered[end: end + 90]
    left = re.split(r"[.!?;\n]", left)[-1]
    right = re.split(r"[.!?;\n]", right)[0]
    words = [w for w in left.split()[-8:] + right.split()[:8] if w.strip(",.'") not in _not_units()]
    return frozenset(stem for stem in content_stems(normalise(" ".join(words)))
                     if not stem[:1].isdigit() and stem not in _RELATIONS)


_RELATIONS = frozenset("within about around after before since until till over under between from into onto during ago".split())
"""Words that place a figure in time ("within", "ago") but say nothing of what it is the figure of."""


def figures(text: str, *, lenient: bool = False) -> list[Figure]:
    """Every figure in a text, left to right (dates before the counts they would also read as).

    ``lenient`` also reads bare hours as times ("a meeting at 9", "half nine"): the case is read so,
    to know every time it holds; a reply is not, so "at 2" is never held against it.
    """
    lowered = _lowered(text)
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def add(sort: str, value: Value, start: int, end: int) -> None:
        if any(a < end and start < b for a, b in taken):
            return
        taken.append((start, end))
        found.append(Figure(sort, value, start, end, _about(lowered, start, end)))

    for match in DATE.finditer(lowered):
        if match.group("day3"):
            add("day", (int(match.group("day3")),), match.start(), match.end())
            continue
        day = int(match.group("day") or match.group("day2"))
        month = _MONTHS[match.group("month") or match.group("month2")]
        if 1 <= day <= 31 and not (month == 5 and match.group("month2") and not match.group("day2")):
            add("date", (day, month), match.start(), match.end())
    for match in _CLOCK.finditer(lowered):
        if match.group("oclock"):
            said = match.group("oclock")
            hour = _HOURS.index(said) + 1 if said in _HOURS else int(said)
            add("clock", ((hour % 12) * 60,), match.start(), match.end())
            continue
        if match.group("noon"):
            add("clock", (0 if match.group("noon") == "midnight" else 12 * 60,), match.start(), match.end())
            continue
        hour = int(match.group("hour") or match.group("hour24"))
        minute = int(match.group("minute") or match.group("minute24") or 0)
        half = (match.group("half") or "").replace(".", "")
        if hour <= 24:
            hour = hour % 12 + (12 if half == "pm" else 0) if half else hour
            add("clock", ((hour * 60 + minute) % 1440,), match.start(), match.end())
    if lenient:
        for match in _SAID_CLOCK.finditer(lowered):
            hour = _HOURS.index(match.group("hour")) + 1 if match.group("hour") in _HOURS else int(match.group("hour"))
            past = _PAST_MINUTES[match.group("minutes")]
            minute = (hour % 12) * 60 + (past if match.group("way") == "past" else -past)
            add("clock", (minute % 720,), match.start(), match.end())
        for match in _BARE_CLOCK.finditer(lowered):
            bare = _number(match.group("hour"))
            if bare is not None and 1 <= bare <= 12:
                minute = 30 if match.group("half_past") else int(match.group("minute") or 0)
                add("clock", ((int(bare) % 12) * 60 + minute,), match.start("hour"), match.end())
    for match in _MONEY.finditer(lowered):
        amount = _number(match.group("amount") or match.group("amount2"))
        if amount is not None:
            pence = match.group("currency") in ("p", "pence")
            add("money", (round(amount if pence else amount * 100),), match.start(), match.end())
    for match in _CODE.finditer(lowered):
        if re.fullmatch(r"(?:19|20)\d\d", match.group("code")):
            continue  # a year
        add("code", (re.sub(r"[- ]", "", match.group("code")),), match.start(), match.end())
    for match in _WEEKDAY.finditer(lowered):
        add("weekday", (_WEEKDAYS[match.group("weekday")],), match.start(), match.end())
    for match in _COUNT.finditer(lowered):
        unit = match.group("unit")
        if unit in _not_units() or _unit(unit) in _not_units():
            continue
        low = _number(match.group("low"))
        high = _number(match.group("high")) if match.group("high") else None
        if low is None:
            continue
        values: tuple[float, ...] = (low,) if high is None else (low, high)
        counted = _unit(unit)
        if counted in _MINUTES:  # "14 days" and "2 weeks" are one length of time
            if counted == "day" and _WORKING.search(match.group()):
                values = values + tuple(round(value * 7 / 5) for value in values)  # "10 working days" is two weeks
            values = tuple(value * _MINUTES[counted] for value in values)
            counted = "duration"
        add(f"count:{counted}", values, match.start(), match.end())
    found.sort(key=lambda figure: figure.start)
    return found


@dataclass(frozen=True)
class Case:
    """The figures the case holds, by sort."""

    values: dict[str, frozenset[object]]
    """Every figure the case holds or works out, by sort."""
    stated: dict[str, frozenset[object]]
    """The amounts and references the case states in so many words (not worked out)."""
    about: dict[str, tuple[frozenset[str], ...]]
    """For each sort, what each of the case's own figures of it is about."""

    def knows(self, sort: str) -> bool:
        return bool(self.values.get(sort))


def case_of(*texts: str, answers: tuple[str, ...] = ()) -> Case:
    """The figures of everything the agent can see (``texts``) and of answers known to be right.

    A right answer's figures are right, but what it times for its own next step ("back to you
    within five minutes") is not something the case times, so only ``texts`` say what a figure is of.
    """
    values: dict[str, set[object]] = {}
    about: dict[str, list[frozenset[str]]] = {}
    for index, text in enumerate((*texts, *answers)):
        for figure in figures(text, lenient=True):
            if index < len(texts):
                about.setdefault(figure.sort, []).append(figure.about)
                if figure.sort == "date":
                    about.setdefault("day", []).append(figure.about)
            bucket = values.setdefault(figure.sort, set())
            if figure.sort == "date":
                bucket.add(figure.value)
                values.setdefault("day", set()).add(figure.value[0])
            else:
                bucket.update(figure.value)
    stated = {sort: frozenset(values.get(sort, ())) for sort in ("money", "code")}
    money = values.get("money", set())
    if money:
        amounts = sorted(int(v) for v in money if isinstance(v, int))
        worked = set()
        shares: set[int] = set()
        for a in amounts:
            worked.add(a * 2)
            shares.update(round(a / n) for n in range(2, 61))  # paid in instalments
            for b in amounts:
                worked.update({a + b, abs(a - b)})
        money.update(worked)
        whole = [v for v in money if isinstance(v, int)]
        money.update({100 * round(v / 100) for v in whole} | {100 * (v // 100) for v in whole})  # "£146" of £146.16
        money.update(shares)  # to the penny: a share rounded to the pound would be near every amount
    return Case({sort: frozenset(bucket) for sort, bucket in values.items()}, stated,
                {sort: tuple(each) for sort, each in about.items()})


def _slip(a: str, b: str) -> bool:
    """Whether two figures of the same length differ by a slip: one character, or two swapped."""
    if a == b or len(a) != len(b):
        return False
    differ = [i for i in range(len(a)) if a[i] != b[i]]
    if len(differ) == 1:
        return True
    return len(differ) == 2 and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]]


def _close_date(date: tuple[int, int], known: frozenset[object], slack: int) -> bool:
    """A case date, or (with ``slack``) the day either side of one ("the day before", "the nights of 14 and 15 June")."""
    day, month = date
    return any(isinstance(other, tuple) and other[1] == month and abs(int(other[0]) - day) <= slack for other in known)


_DAY_OFF = re.compile(r"\bday (?:before|after)\b|\b(?:previous|next|following) day\b|\beve\b")
"""Around a date one day off the case's, said to be so: the day before or after an event."""


def _same_thing(figure: Figure, case: Case) -> bool:
    """Whether the case gives a figure of this sort for the same thing: two content words in common around it,
    or one where the case says little else around its figure ("two patients ahead")."""
    return any(len(figure.about & about) >= (2 if len(about) > 2 else 1) for about in case.about.get(figure.sort, ()))


def _wrong(figure: Figure, case: Case, slack: int = 1) -> bool:
    known = case.values.get(figure.sort)
    if not known:
        return False
    if figure.sort not in ("money", "code") and not _same_thing(figure, case):
        return False  # a new event with its own time ("the engineer is booked for Thursday")
    if figure.sort == "date":
        return not _close_date(figure.value, known, slack)  # type: ignore[arg-type]
    if figure.sort == "day":
        return not any(isinstance(d, int) and abs(d - int(figure.value[0])) <= 1 for d in known)  # type: ignore[call-overload]
    if figure.sort == "clock":
        minute = int(figure.value[0])  # type: ignore[call-overload]
        return not {minute, (minute + 720) % 1440, (minute - 720) % 1440} & known
    if figure.sort in ("money", "code"):
        stated = case.stated.get(figure.sort, frozenset())
        mine = str(figure.value[0])
        return figure.value[0] not in known and any(_slip(mine, str(theirs)) for theirs in stated)
    if figure.sort.startswith("count:"):
        if figure.sort == "count:duration":  # "seven weeks" of 47 days is rounding, not a misquote
            return not any(isinstance(k, (int, float)) and abs(float(v) - k) <= 0.15 * k  # type: ignore[arg-type]
                           for v in figure.value for k in known)
        known = frozenset(k for v in known if isinstance(v, float) for k in (v - 1, v, v + 1))  # "three calls before this one" of a fourth
        return not any(value in known for value in figure.value)
    return figure.value[0] not in known


def _near(figure: Figure, case: Case) -> bool:
    """Whether a figure said to be rough is near one of the case's: within a tenth for amounts, half an
    hour for times ("about £140" of £141.16 is a reckoning; "about £114" is not)."""
    known = case.values.get(figure.sort, frozenset())
    if figure.sort not in ("money", "clock"):
        return True  # counts said roughly are reckonings ("about 100 pages each" of 200, "around ninety pounds")
    if figure.sort == "money" and any(isinstance(v, int) and v % 100 for v in figure.value):
        return False  # "about £752.50" is a precise figure, whatever word comes before it
    for value in figure.value:
        if not isinstance(value, (int, float)):
            return True
        for other in known:
            if not isinstance(other, (int, float)):
                continue
            if figure.sort == "clock":
                if min(abs(value - other), 1440 - abs(value - other)) <= 30:
                    return True
            elif abs(value - other) <= 0.1 * max(abs(other), 1):
                return True
    return False


_RANGE_OPENED = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:and|&|-|\u2013|to|until|till|through)\s*(?:the\s+)?$")
"""A day that opens a range ending on a dated day: "14 and" in "14 and 15 June"."""


def _spread(figure: Figure, found: list[Figure], lowered: str, case: Case) -> bool:
    """Whether a date may be a day off the case's: a stay or a range around it, the day before or after,
    or a case date said beside it ("on 3 April for a 4 April appointment"). Other figures have no such day."""
    if figure.sort != "date":
        return True
    if _DAY_OFF.search(lowered[max(0, figure.start - 40): figure.end + 40]):
        return True
    # "the nights of 14 and 15 June" of a stay from the 14th: a range holding a case date; "15 to
    # 17 June" of a stay from 14 to 16 June holds none, and is the wrong stay.
    known = case.values.get("date", ())
    opened = _RANGE_OPENED.search(lowered[max(0, figure.start - 16): figure.start])
    if opened and (int(opened.group(1)), figure.value[1]) in known:
        return True  # "the nights of 14 and 15 June": the range opens on the case's own day
    return any(other.sort == "date" and other is not figure and abs(other.start - figure.start) < 60
               and other.value in known for other in found)


def misquoted(text: str, case: Case) -> list[tuple[int, int]]:
    """Spans of ``text`` stating a figure the case contradicts."""
    lowered = _lowered(text)
    spans = []
    found = figures(text)
    for figure in found:
        if not _wrong(figure, case, 1 if _spread(figure, found, lowered, case) else 0):
            continue
        if _CORRECTED.search(lowered[max(0, figure.start - 40): figure.start]) or _CORRECTED_AFTER.match(lowered, figure.end):
            continue  # "not 8 June", "the 8th, and that was wrong": put right, not stated
        if (_ROUGHLY.search(lowered[max(0, figure.start - 20): figure.start]) or _OR_SO.match(lowered, figure.end)) and _near(
            figure, case
        ):
            continue  # "about £140" of £141.16, "6-ish" of 6.10 pm: a reckoning, not a quote
        part = _part_of(lowered, figure.start, figure.end)
        if figure.sort == "date":
            part = _BOOKED_AS_ASKED.sub(" ", part)  # "I've booked room 112 for 15 June": their stay, not our step
        if figure.sort != "code" and not figure.sort.startswith("count:") and _OWN_STEP.search(part):
            continue  # the agent's own next step, and its time is theirs to set (a reference is never theirs)
        if figure.sort == "weekday" and any(
            f.sort == "date" and 0 <= f.start - figure.end <= 2 and not _wrong(f, case) for f in found
        ):
            continue  # "Thursday 12 June": the date is the fact, and its day goes with it
        spans.append((figure.start, figure.end))
    return spans
