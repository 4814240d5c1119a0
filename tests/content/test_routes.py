"""Conversations that branch on what a reply did: routes under ``next.when``, loaded, checked and followed."""

from __future__ import annotations

import pytest

from course.checking import check_course
from course.content import load_course
from course.conversation import ConversationRun, branch_for, grade_turn

CONVERSATION = """\
    id: empathy.pick-one
    kind: conversation
    title: Talk it through
    prompt: Help Priya with a double charge.
    channel: chat
    customer: {name: Priya, mood: -1}
    facts: [[charged twice, two charges], [89.99]]
    turns:
      start:
        customer: [{text: "I was charged twice for my order, 89.99 each time.", after: 1}]
        rubric:
          criteria:
            - {id: feel, check: acknowledges_emotion, met: ok, missed: not yet}
            - {id: heard, check: mentions, facts: [[twice, two charges, double]], met: ok, missed: not yet}
        model_answer: That sounds worrying, being charged twice. I'll look at both charges now.
        examples:
          pass: ["That sounds worrying, being charged twice. I'll look at both charges now."]
          fail: [{answer: OK., misses: [feel, heard]}]
        next:
          when:
            - {uses: asks_question, missed: feel, goto: asked-cold, mood: -1}
            - {says: [refund, money back], goto: refund-asked}
            - {interrupted: true, goto: cut-off, mood: -1}
            - {met: [feel, heard], passed: true, goto: warm, mood: 1}
          pass: {goto: thanks}
          fail: {goto: thanks, mood: -1}
      asked-cold:
        customer: [{text: "Yes, 89.99 twice. Can you just fix it?", after: 1}]
      refund-asked:
        customer: [{text: "A refund would be good, yes.", after: 1}]
      cut-off:
        customer: [{text: "I hadn't finished.", after: 1}]
      warm:
        customer: [{text: "Thank you, that's a relief.", after: 1}]
      thanks:
        customer: [{text: "Thanks.", after: 1}]
    """


@pytest.fixture
def branching(course_folder):
    course_folder.write("exercises/empathy/pick-one.yaml", CONVERSATION)
    return course_folder


def problems_of(folder) -> list[str]:
    """What ``listen check`` finds: the loader's problems and the grader's."""
    return [str(problem) for problem in check_course(folder.root)[1]]


def test_routes_load_in_order_with_their_conditions(branching):
    turn = load_course(branching.root).exercise("empathy.pick-one").conversation.turns["start"]
    assert [route.goto for route in turn.routes] == ["asked-cold", "refund-asked", "cut-off", "warm"]
    first, second, third, fourth = turn.routes
    assert first.uses == ("asks_question",) and first.missed == ("feel",) and first.mood == -1
    assert second.says == (("refund",), ("money back",))
    assert third.interrupted is True and fourth.met == ("feel", "heard") and fourth.passed is True
    assert problems_of(branching) == []


def _start(folder):
    exercise = load_course(folder.root).exercise("empathy.pick-one")
    return exercise, exercise.conversation.turns["start"]


@pytest.mark.parametrize(
    ("reply", "interrupted", "goes_to"),
    [
        ("What is your order number?", False, "asked-cold"),
        ("I can see two charges, so I'll refund one of them today.", False, "refund-asked"),
        ("I can see both charges.", True, "cut-off"),
        ("That sounds worrying, being charged twice. I'll look at both charges now.", False, "warm"),
        ("Okay.", False, "thanks"),
    ],
)
def test_the_first_route_that_holds_is_taken_else_pass_or_fail(branching, reply, interrupted, goes_to):
    exercise, turn = _start(branching)
    grade = grade_turn(exercise, turn, reply)
    assert branch_for(turn, reply, grade, interrupted=interrupted).goto == goes_to


def test_a_run_follows_the_route_and_its_mood(branching):
    exercise, _ = _start(branching)

    class Clock:
        now = 100.0

        def __call__(self) -> float:
            return self.now

    clock = Clock()
    run = ConversationRun(exercise, clock)
    clock.now += 5  # the customer has finished typing: no interruption
    run.send("What is your order number?")
    assert run.turn.id == "asked-cold" and run.finished
    assert run.mood == -2  # started at -1, the route costs one


@pytest.mark.parametrize(
    ("route", "problem"),
    [
        ("{met: feel, goto: nowhere}", "turn 'start', route 1 goes to 'nowhere', but there is no such turn"),
        ("{met: kindness, goto: warm}", "route 1 names criterion 'kindness', which the turn's rubric does not have"),
        ("{met: feel, missed: feel, goto: warm}", "the same criterion met and missed, so it can never be taken"),
        ("{uses: mind_reading, goto: asked-cold}", "route 1 uses 'mind_reading', which the grader does not know"),
    ],
)
def test_listen_check_catches_a_route_that_cannot_work(branching, route, problem):
    branching.edit(
        "exercises/empathy/pick-one.yaml",
        "- {uses: asks_question, missed: feel, goto: asked-cold, mood: -1}",
        "- " + route,
    )
    found = problems_of(branching)
    assert any(problem in p for p in found), found


def test_a_turn_reached_only_by_a_route_is_reachable_and_one_reached_by_nothing_is_not(branching):
    assert not any("can never be reached" in p for p in problems_of(branching))
    route = "{interrupted: true, goto: cut-off, mood: -1}"
    branching.edit("exercises/empathy/pick-one.yaml", route, "{interrupted: true, goto: warm}")
    assert any("turn 'cut-off' can never be reached" in p for p in problems_of(branching))
