"""The trainer's kit, built from the course: what each card, sheet and self-assessment holds, and what it keeps back."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from course.content.model import SKILLS, Course, Criterion, Exercise, Lesson, Module, Rubric, Scenario, Section
from course.grading import judged_criteria
from course.judging.criteria import criteria_of
from course.safe_text import safe_text
from course.trainer.kit import build_kit, kit_pages
from course.trainer.kit.as_text import sheets_text
from course.trainer.kit.phrasing import flowing, i_can, observable
from course.trainer.kit.sheet import Checks, Ratings, Sheet
from course.trainer.kit.talking import numbered
from tests.fuzz_settings import fuzz

HOSTILE = "<script>alert('x')</script> \x1b]0;pwned\x07\x1b[2J \u202egnp.exe & \x9b31m </style>"
BAD = {chr(code) for code in [*range(0x20), *range(0x7F, 0xA0)] if chr(code) not in "\n\t"} | set(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
TAGS = {"html", "head", "meta", "title", "style", "body", "section", "p", "h1", "h2", "blockquote", "ul", "li",
        "span", "table", "tr", "th", "td", "br", "div", "nav", "a"}
"""Every tag the kit writes: anything else in a page came from the course and was not escaped."""


def in_words(course: Course) -> set[str]:
    return {e.id for e in course.exercises.values() if e.is_text or e.kind == "conversation"}


def plain(sheet: Sheet) -> str:
    """A sheet's words, with the layout's line breaks taken out, to search in."""
    return " ".join(sheets_text((sheet,)).split())


def flat(text: str) -> str:
    return " ".join(text.split())


def test_every_exercise_answered_in_words_has_a_customer_and_an_agent_card(course):
    kit = build_kit(course)
    assert {card.exercise_id for card in kit.cards} == in_words(course)
    assert len(kit.cards) >= 50  # the bundled course: replies, rewrites, paraphrases and conversations
    assert {(card.customer.kind, card.agent.kind) for card in kit.cards} == {("Customer card", "Agent card")}
    pages = kit_pages(kit)
    for card in kit.cards:
        assert f"cards/{card.exercise_id}.html" in pages and f"cards/{card.exercise_id}.txt" in pages
    assert {sheet.reference for sheet in kit.observers} == {m.id for m in course.modules
                                                            if set(m_ids(course, m)) & in_words(course)}


def m_ids(course: Course, module: Module) -> list[str]:
    return [exercise.id for exercise in course.exercises_of(module.id)]


def _kept_back(exercise: Exercise) -> set[str]:
    """What the briefs must never carry: model answers, examples, hints, the rubric's words and fact lists."""
    answers = [exercise.model_answer, *exercise.hints, *exercise.examples.passing,
               *(example.answer for example in exercise.examples.failing)]
    rubrics = [exercise.rubric] if exercise.rubric else []
    if exercise.conversation is not None:
        for turn in exercise.conversation.turns.values():
            answers += [turn.model_answer, *turn.examples.passing, *(e.answer for e in turn.examples.failing)]
            rubrics += [turn.rubric] if turn.rubric else []
        answers += [", ".join(fact) for fact in exercise.conversation.facts if len(fact) > 1]
    for rubric in rubrics:
        for criterion in rubric.criteria:
            answers += [criterion.met, criterion.missed, observable(criterion.met)]
            for key in ("facts", "phrases"):
                for group in criterion.params.get(key) or ():
                    if isinstance(group, list) and len(group) > 1:
                        answers.append(", ".join(str(word) for word in group))
    return {flat(answer) for answer in answers if len(flat(answer)) >= 12}


def _own_words(exercise: Exercise) -> str:
    """Everything the cards may quote: what the customer says, the screen, the task, the reply to rewrite."""
    words = [exercise.prompt, exercise.original]
    if exercise.scenario:
        words += [exercise.scenario.message, exercise.scenario.history]
    if exercise.conversation is not None:
        for turn in exercise.conversation.turns.values():
            words += [line.text for line in turn.customer] + [turn.prompt]
    return flat(" ".join(words)).casefold()


def test_no_answer_and_no_rubric_words_reach_the_customer_or_the_agent(course):
    leaks = []
    for card in build_kit(course).cards:
        exercise = course.exercise(card.exercise_id)
        quotable = _own_words(exercise)
        for who, sheet in (("customer", card.customer), ("agent", card.agent)):
            text = plain(sheet).casefold()
            for secret in _kept_back(exercise):
                if secret.casefold() in text and secret.casefold() not in quotable:
                    leaks.append((card.exercise_id, who, secret))
    assert not leaks, leaks[:5]


def test_the_customer_keeps_to_what_a_customer_knows(course):
    card = next(card for card in build_kit(course).cards if card.exercise_id == "empathy.late-gift")
    customer, agent = plain(card.customer), plain(card.agent)
    assert "You are Amara Nwosu, getting in touch in a chat window." in customer
    assert flat(course.exercise("empathy.late-gift").scenario.message) in customer  # what she says first
    assert "I'm honestly so stressed about this." in customer  # how she feels, in her words
    assert "Order 30417: children's balance bike, red, £64.00, paid 2 May." in customer  # hers to tell, if asked
    assert "You can open a trace with the courier" not in customer  # what only the agent can do
    assert "You can open a trace with the courier" in agent and "Write your first chat reply to Amara" in agent


@pytest.mark.parametrize("exercise_id, news", [
    ("patience.sarcastic-update", "they moved to the new Library tab"),  # what the agent has to tell him
    ("empathy.lost-luggage-post", "Bag located Thursday 08:10"),
    ("attention.waiting-room", "Fetch the nurse at once"),  # the desk's guidance, not the parent's
    ("patience.broken-blender", "Refunds on request only within 30 days"),
    ("empathy.overdraft-fee", "the app's balance does not count payments on hold"),
])
def test_the_agent_s_news_and_rules_stay_on_the_agent_s_card(course, exercise_id, news):
    card = next(card for card in build_kit(course).cards if card.exercise_id == exercise_id)
    assert news in plain(card.agent)
    assert news not in plain(card.customer)


def test_a_rewrite_puts_the_reply_to_rewrite_on_the_agent_card_only(course):
    exercise = next(e for e in course.exercises.values() if e.kind == "rewrite")
    card = next(card for card in build_kit(course).cards if card.exercise_id == exercise.id)
    assert flat(exercise.original) in plain(card.agent)
    assert flat(exercise.original) not in plain(card.customer)


def test_a_conversation_card_follows_the_turns_with_their_cues(course):
    exercise = course.exercise("capstone.card-blocked-abroad")
    card = next(card for card in build_kit(course).cards if card.exercise_id == exercise.id)
    customer, agent = plain(card.customer), plain(card.agent)
    numbers = numbered(exercise.conversation)
    assert set(numbers) == set(exercise.conversation.turns)  # every turn can be reached and is on the card
    for turn in exercise.conversation.turns.values():
        for line in turn.customer:
            assert flat(line.text) in customer
    assert "At the start you are upset and on edge." in customer  # mood -1
    cut_off = numbers["cut-off"]
    assert f"{cut_off}. After 1, if the agent replies before you have finished:" in customer
    assert flat(exercise.conversation.turns["check"].prompt) in agent  # the screen, when the customer says so
    assert "hang on, I hadn't finished typing" not in agent


def test_the_observer_sheet_lists_what_the_course_judges_with_its_weight(course):
    kit = build_kit(course)
    [sheet] = [sheet for sheet in kit.observers if sheet.reference == "empathy"]
    checks = {(check.text, check.weight) for section in sheet.sections for part in section.parts
              if isinstance(part, Checks) for check in part.items}
    weights = {"essential": "must", "actionable": "should", "informative": "nice to have"}
    for exercise in course.exercises_of("empathy"):
        for criterion in criteria_of(exercise).values():
            if not criterion.id.startswith("harm."):
                assert (observable(criterion.met), weights[criterion.severity]) in checks, criterion.id
    text = sheets_text((sheet,))
    assert "☐ MUST    The agent named how Amara feels." in text


def test_the_observer_sheet_ends_with_the_harm_checks_in_plain_words(course):
    [sheet] = [sheet for sheet in build_kit(course).observers if sheet.reference == "attention"]
    [section] = [section for section in sheet.sections if section.heading == "In every reply"]
    [harms] = [part for part in section.parts if isinstance(part, Checks)]
    expected = judged_criteria(Rubric(()), rewrite=True, public=True)  # attention has a rewrite and a public post
    assert len(harms.items) == len(expected) and {check.weight for check in harms.items} == {"must"}
    words = " ".join(check.text for check in harms.items)
    for plain_words in ("fault off the customer", "Promised only what they can do", "PIN", "own words",
                        "not a script", "private details"):
        assert plain_words in words
    assert "You " not in words  # about the agent, not to the learner


def test_the_self_assessment_rates_every_skill_from_the_lessons_own_objectives(course):
    sheet = build_kit(course).self_assessment
    rated = {section.heading: part.statements for section in sheet.sections for part in section.parts
             if isinstance(part, Ratings)}
    assert list(rated) == ["Attention", "Empathy", "Paraphrasing", "Patience", "Follow-through"]
    for skill, statements in zip(SKILLS, rated.values(), strict=True):
        objectives = {i_can(o) for m in course.modules if m.skill == skill for lesson in m.lessons
                      for o in lesson.objectives}
        assert 3 <= len(statements) <= 4
        assert set(statements) <= objectives
        assert all(re.fullmatch(r"I can [a-z].*\.", statement) for statement in statements)
    text = sheets_text((sheet,))
    assert "☐ 1 not yet  ☐ 2 sometimes  ☐ 3 usually  ☐ 4 every time" in text


def test_objectives_and_checks_are_turned_round_to_the_right_person():
    assert i_can("Tell anger at a situation from abuse aimed at you") == (
        "I can tell anger at a situation from abuse aimed at me.")
    assert i_can("Reflect a customer's view without agreeing to facts you haven't checked") == (
        "I can reflect a customer's view without agreeing to facts I haven't checked.")
    assert observable("You told Amara what you'll do and when. She can plan.") == (
        "The agent told Amara what they'll do and when.")
    assert observable("Your recap kept her details.") == "The agent's recap kept her details."
    assert observable("So Mehmet can correct you before you start.") == (
        "So Mehmet can correct them before they start.")


def test_one_module_has_its_own_cards_sheet_and_skill(course):
    kit = build_kit(course, "empathy")
    assert {card.module_id for card in kit.cards} == {"empathy"}
    assert [sheet.reference for sheet in kit.observers] == ["empathy"]
    assert [s.heading for s in kit.self_assessment.sections if any(isinstance(p, Ratings) for p in s.parts)] == [
        "Empathy"]
    with pytest.raises(KeyError):
        build_kit(course, "cooking")


def hostile_course(root: Path, message: str = HOSTILE, name: str = "<b>Eve</b> \x1b[31m") -> Course:
    """One module, one lesson, one reply whose scenario holds markup and escape sequences."""
    exercise = Exercise(
        id="empathy.hostile", kind="reply", title=f"Title {HOSTILE}", prompt=f"Reply. {HOSTILE}",
        path=root / "exercises/empathy/hostile.yaml", channel="chat", module_id="empathy",
        scenario=Scenario(customer=name, message=message, history=f"<img src=x onerror=alert(1)> {HOSTILE}"),
        rubric=Rubric((Criterion(id="names-feeling", check="acknowledges_emotion", severity="essential",
                                 met=f"You named it. {HOSTILE}", missed="Name it."),)),
    )
    lesson = Lesson(id="empathy.naming", title=f"Naming {HOSTILE}", minutes=5,
                    objectives=(f"Spot the words {HOSTILE}",), exercise_ids=(exercise.id,),
                    sections=(Section("Naming", "Text."),), path=root / "lessons/02-empathy/01-naming.md",
                    module_id="empathy")
    module = Module(id="empathy", number=2, title=f"Empathy {HOSTILE}", skill="empathy", summary="", overview="",
                    lessons=(lesson,), path=root / "lessons/02-empathy")
    return Course(modules=(module,), exercises={exercise.id: exercise}, root=root, version="t")


class Tags(HTMLParser):
    """The tags of a page and its text, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read_page(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    tags.close()
    return tags


def test_hostile_content_comes_out_as_the_characters_it_is(tmp_path):
    pages = kit_pages(build_kit(hostile_course(tmp_path)))
    for path, text in pages.items():
        assert not BAD & set(text), (path, sorted(BAD & set(text)))
        if path.endswith(".html"):
            page = read_page(text)
            assert page.tags <= TAGS, (path, page.tags - TAGS)
            assert "<script" not in text.casefold() and "<img" not in text.casefold()
    card = pages["cards/empathy.hostile.html"]
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in card
    assert "␛]0;pwned␇␛[2J" in card and "&lt;b&gt;Eve&lt;/b&gt;" in card
    assert "␛]0;pwned␇␛[2J" in pages["cards/empathy.hostile.txt"]
    assert "<script>alert('x')</script>" in pages["cards/empathy.hostile.txt"]  # plain text says what was written


@fuzz()
@given(message=st.text(min_size=1, max_size=200))
def test_any_scenario_text_is_escaped_in_the_cards(message):
    course = hostile_course(Path("/course"), message=message, name="Eve")
    html = kit_pages(build_kit(course))["cards/empathy.hostile.html"]
    page = read_page(html)
    assert page.tags <= TAGS
    assert not BAD & set(html)
    shown = safe_text(flowing(message))
    if shown:
        assert shown in "".join(page.text)  # a browser shows the customer's words as they are, never as markup
