"""``listen about-grading``: the grader's report card, in plain words."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from .say import say

__all__ = ["COMMANDS"]


@click.command("about-grading")
@click.option("--json", "as_json", is_flag=True, help="The figures as JSON.")
def about_grading(as_json: bool) -> None:
    """How often the grader agrees with people: read this before trusting a report.

    For each listening technique, how its verdicts compare with people's on human-labelled
    conversations, beside a naive one-line rule; and how the grader's pass/fail compares with
    trainers' on learner answers. Measured when this version was released.
    """
    from course.grading.report_card import plain_lines, report_card

    if as_json:
        say(json.dumps(asdict(report_card()), indent=2, ensure_ascii=False))
        return
    say("How far to trust the grader\n")
    for line in plain_lines():
        say(click.wrap_text(line, width=88, initial_indent="- ", subsequent_indent="  "))
        say("")


COMMANDS = (about_grading,)
