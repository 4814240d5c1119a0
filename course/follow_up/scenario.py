"""The customer comes back: what they say, and the note on the agent's screen, by how long they have waited.

The customer quotes the learner's own words back to them, as customers do,
and the longer the wait the shorter their patience. Times are shown in UTC
dates, as the store keeps them.
"""

from __future__ import annotations

from datetime import datetime

from course.progress.promises import Promise, moment

__all__ = ["days_since", "customer_message", "history_note", "task_prompt", "ago_words"]

_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def days_since(promise: Promise, now: datetime) -> int:
    """Whole days from the promise to ``now`` (at least one: the customer comes back once it is due)."""
    made = moment(promise.made)
    if made is None:
        return 1
    return max(1, (now - made).days)


def ago_words(days: int) -> str:
    """``yesterday``, ``three days ago``, ``12 days ago``."""
    if days <= 1:
        return "yesterday"
    number = _NUMBERS[days] if days < len(_NUMBERS) else str(days)
    return f"{number} days ago"


def _later_words(days: int) -> str:
    """``a day later``, ``three days later``."""
    if days <= 1:
        return "a day later"
    return f"{_NUMBERS[days] if days < len(_NUMBERS) else days} days later"


def _day(when: datetime | None) -> str:
    """``Friday 6 March``."""
    return f"{when:%A} {when.day} {when:%B}" if when is not None else "an earlier day"


def customer_message(promise: Promise, now: datetime) -> str:
    """What the customer says on coming back, quoting the promise: patient at first, less so as days go by."""
    name, words = promise.customer, promise.words
    days = days_since(promise, now)
    ago = ago_words(days)
    quoted = f"{ago[0].upper()}{ago[1:]} you told me: “{words}”"
    if days <= 1:
        greeting, body = f"Hi, it's {name} again.", f"{quoted} What's the news?"
    elif days <= 3:
        greeting, body = f"Hello, it's {name} again.", f"{quoted} I haven't heard anything since. Where are things?"
    else:
        greeting = f"It's {name}."
        body = (f"{quoted} I've heard nothing since, and I'm starting to wonder whether anyone is dealing with "
                "this at all.")
    if promise.channel == "email":
        return f"Hello,\n\n{body}\n\n{name}"
    return f"{greeting} {body}"


def history_note(promise: Promise, now: datetime) -> str:
    """The note on the agent's screen: when and where the promise was made, and what the customer had said."""
    made = moment(promise.made)
    where = f" in “{promise.title}”" if promise.title else ""
    note = (f"On {_day(made)} you answered {promise.customer}{where} and promised: “{promise.words}” "
            f"It is now {_day(now)}, {_later_words(days_since(promise, now))}.")
    if promise.context:
        note += f" What {promise.customer} had said then: “{promise.context}”"
    return note


def task_prompt(promise: Promise) -> str:
    """What the learner is asked to do."""
    return (f"{promise.customer} is back about what you promised. Keep your word: say what you did and what came "
            "of it. If it isn't done, say so honestly: what changed, and your next step with a time you can keep. "
            "Write your reply.")
