"""What the chat shows of a conversation: built afresh from the run, so a resumed one looks the same.

Every customer piece heard, every reply with a one-line verdict, every
interruption with what was not yet heard, and the task of each step.
"""

from __future__ import annotations

from rich.text import Text

from course.content.model import Exercise, Turn
from course.conversation import ConversationRun, Reply, first_name, still_doing, turn_task
from course.judging import reply_verdict
from course.tui.widgets.chat_log import ChatEntry
from course.tui.widgets.scenario import CHANNELS, reflow

__all__ = ["chat_entries", "verdict_line"]


def verdict_line(reply: Reply, name: str) -> Text:
    """``✓ Good reply · 3 of 3 points · Lan: calmer ▲ up 1``, and what to do better when it missed."""
    verdict = reply_verdict(reply, name)
    line = Text()
    line.append(verdict.words, style="bold")
    line.append(verdict.detail)
    if verdict.advice:
        line.append(f"\n{verdict.advice}")
        if verdict.more:
            line.append(verdict.more, style="dim")
    return line


def _opening(turn: Turn, name: str) -> list[ChatEntry]:
    """The step's task, when it has one, before the customer speaks."""
    task = turn_task(turn, name, reflow)
    return [ChatEntry("task", Text(f"ℹ {task}"))] if task else []


def _said(name: str, text: str, kind: str = "customer", doing: str = "typing") -> ChatEntry:
    """One piece the customer said (or had still to say, for ``unheard``)."""
    who = f"{name} (still {doing}): " if kind == "unheard" else f"{name}: "
    return ChatEntry(kind, Text.assemble((who, "bold"), text.strip()))


def chat_entries(exercise: Exercise, run: ConversationRun) -> list[ChatEntry]:
    """Everything the chat shows, in order, for the run as it stands now."""
    conversation = run.conversation
    name = first_name(conversation.customer)
    doing = still_doing(exercise)
    icon, word = CHANNELS.get(exercise.channel, ("", exercise.channel.capitalize() or "Chat"))
    intro = Text.assemble((f"{icon} {word} · {conversation.customer}".strip(), "bold"), "\n", reflow(exercise.prompt))
    entries = [ChatEntry("task", intro)]
    for reply in run.replies:
        turn = conversation.turns[reply.turn_id]
        entries += _opening(turn, name)
        heard = len(turn.customer) - len(reply.unheard)
        entries += [_said(name, piece.text) for piece in turn.customer[:heard]]
        entries.append(ChatEntry("you", Text.assemble(("You: ", "bold"), reply.text.strip())))
        if reply.interrupted:
            entries.append(ChatEntry("interrupted", Text(
                f"⚠ You interrupted: {name} was still {doing}. What you had not heard yet:"
            )))
            entries += [_said(name, text, "unheard", doing) for text in reply.unheard]
        entries.append(ChatEntry("verdict", verdict_line(reply, name)))
    entries += _opening(run.turn, name)
    entries += [_said(name, piece.text) for piece in run.arrived()]
    if run.finished and not run.typing():
        entries.append(ChatEntry("end", Text("■ End of the conversation.")))
    return entries
