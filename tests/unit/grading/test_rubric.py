"""Rubrics: every check kind met and missed, evidence, severity, score maths, determinism."""

from __future__ import annotations

import pytest

from course.content.model import Rubric
from course.grading import CHECKS, TECHNIQUE_SKILL, Grade, grade, grade_rubric

from .conftest import criterion, exercise

MESSAGE = (
    "Hi, I've been charged twice for order 5521 - 89.99 both times - and my rent goes out on "
    "the 1st. I cancelled the second one straight away!"
)


def _result(grade_: Grade, criterion_id: str):
    return next(r for r in grade_.results if r.id == criterion_id)


def _words(answer: str, spans) -> list[str]:
    return [answer[a:b] for a, b in spans]


# --- technique checks ---------------------------------------------------------------------

def test_a_technique_check_is_met_with_the_learners_words_as_evidence():
    answer = "That sounds really stressful with your rent due. I'll refund the second charge today."
    result = _result(grade(exercise(criterion("feeling", "acknowledges_emotion"), message=MESSAGE), answer), "feeling")
    assert result.met
    assert "sounds really stressful" in " ".join(_words(answer, result.evidence))
    assert result.feedback == "feeling: well done"


def test_a_technique_check_is_missed_with_no_evidence_and_the_missed_feedback():
    result = _result(
        grade(exercise(criterion("feeling", "acknowledges_emotion"), message=MESSAGE), "Refund issued."), "feeling"
    )
    assert not result.met
    assert result.evidence == ()
    assert result.feedback == "feeling: missing"


# --- mentions -----------------------------------------------------------------------------

FACTS = [["charged twice", "double charge", "two payments"], ["89.99", "89.99 each"], ["rent", "the 1st"]]


@pytest.mark.parametrize(
    "answer",
    [
        "You were charged twice, 89.99 each time, and your rent is due on the 1st.",
        "you were CHARGED TWICE for $89.99 - with the rent due that's awful",
        "I can see two payments of £89.99 and I know the rent matters.",
        "You were chargd twice at 89.99 and your rent is coming.",  # typo in a long word
    ],
)
def test_mentions_is_met_when_every_fact_appears_in_any_accepted_form(answer):
    grade_ = grade(exercise(criterion("facts", "mentions", facts=FACTS), message=MESSAGE), answer)
    assert _result(grade_, "facts").met, answer


def test_mentions_tolerates_word_endings():
    crit = criterion("refund", "mentions", facts=["refund"])
    for answer in ("We refunded it.", "Refunding now.", "Two refunds went out."):
        assert _result(grade_rubric(Rubric((crit,)), answer), "refund").met, answer


def test_mentions_counts_at_least():
    crit = criterion("facts", "mentions", facts=FACTS, at_least=2)
    assert _result(grade_rubric(Rubric((crit,)), "Two payments, and the rent is due."), "facts").met
    assert not _result(grade_rubric(Rubric((crit,)), "Two payments went out."), "facts").met


def test_mentions_is_missed_when_a_fact_is_absent_and_shows_the_ones_found():
    answer = "You were charged twice, I'm sorry."
    result = _result(grade_rubric(Rubric((criterion("facts", "mentions", facts=FACTS),)), answer), "facts")
    assert not result.met
    assert _words(answer, result.evidence) == ["charged twice"]


def test_mentions_does_not_match_a_different_number():
    crit = criterion("amount", "mentions", facts=[["89.99"]])
    assert not _result(grade_rubric(Rubric((crit,)), "You paid 98.99."), "amount").met


def test_mentions_uses_the_conversation_facts_with_facts_from():
    crit = criterion("close", "mentions", facts_from="facts", at_least=2)
    facts = (("charged twice",), ("89.99",), ("order 5521",))
    answer = "So: order 5521, charged twice. I'll fix it today."
    assert _result(grade_rubric(Rubric((crit,)), answer, facts=facts), "close").met
    assert not _result(grade_rubric(Rubric((crit,)), "I'll fix it today.", facts=facts), "close").met


# --- avoids -------------------------------------------------------------------------------

def test_avoids_phrases_is_missed_with_the_offending_words_as_evidence():
    crit = criterion("no-policy", "avoids", phrases=["as per our policy", "calm down"])
    answer = "Please CALM down. As per our policy we can't."
    result = _result(grade_rubric(Rubric((crit,)), answer), "no-policy")
    assert not result.met
    assert _words(answer, result.evidence) == ["CALM down", "As per our policy"]


def test_avoids_phrases_match_whole_words_and_contractions():
    crit = criterion("no-should", "avoids", phrases=["you should have"])
    assert not _result(grade_rubric(Rubric((crit,)), "You should’ve checked."), "no-should").met
    assert _result(grade_rubric(Rubric((crit,)), "You shoulder the cost? No, we do."), "no-should").met


def test_avoids_techniques():
    crit = criterion("no-blame", "avoids", techniques=["blames_customer", "dismisses_feeling"])
    assert not _result(grade_rubric(Rubric((crit,)), "You should have read the terms."), "no-blame").met
    assert not _result(grade_rubric(Rubric((crit,)), "It's not a big deal."), "no-blame").met
    assert _result(grade_rubric(Rubric((crit,)), "I'm sorry, let's fix it."), "no-blame").met


# --- order --------------------------------------------------------------------------------

ORDER = criterion("feeling-first", "order", first="acknowledges_emotion", then="offers_solution")


def test_order_is_met_when_the_feeling_comes_before_the_fix():
    answer = "Being charged twice must be so stressful. I can refund the second payment now."
    result = _result(grade_rubric(Rubric((ORDER,)), answer), "feeling-first")
    assert result.met and result.evidence
    stock = "I understand your frustration. I can refund the second payment now."
    said = "I've been charged twice for one order and my rent goes out on Friday."
    assert not _result(grade_rubric(Rubric((ORDER,)), stock, context=said), "feeling-first").met, (
        "stock empathy first is none"
    )


def test_order_is_missed_when_the_fix_comes_first():
    answer = "I can refund the second payment now. I'm so sorry about the double charge."
    assert not _result(grade_rubric(Rubric((ORDER,)), answer), "feeling-first").met


def test_order_is_met_without_the_second_and_missed_without_the_first():
    assert _result(grade_rubric(Rubric((ORDER,)), "What a worrying week this has been for you."), "feeling-first").met
    assert not _result(grade_rubric(Rubric((ORDER,)), "I can refund it now."), "feeling-first").met


# --- length -------------------------------------------------------------------------------

def test_length_counts_words():
    crit = criterion("short", "length", min_words=3, max_words=6)
    rubric = Rubric((crit,))
    assert _result(grade_rubric(rubric, "I'll fix it today."), "short").met
    assert not _result(grade_rubric(rubric, "Okay."), "short").met
    assert not _result(grade_rubric(rubric, "I will fix this for you today, I promise."), "short").met


# --- plain_language -----------------------------------------------------------------------

def test_plain_language_flags_jargon_and_extra_phrases_not_length():
    crit = criterion("plain", "plain_language", phrases=["kindly"])
    rubric = Rubric((crit,))
    assert _result(grade_rubric(rubric, "I'll send a new card today."), "plain").met
    jargon = "Your RMA is approved."
    result = _result(grade_rubric(rubric, jargon), "plain")
    assert not result.met and _words(jargon, result.evidence) == ["RMA"]
    assert not _result(grade_rubric(rubric, "Kindly wait."), "plain").met
    long = "I will send you a brand new card in the post today and it should arrive with you this week " * 3
    assert _result(grade_rubric(rubric, long), "plain").met, "a long sentence is not jargon"


def test_length_can_limit_sentence_length_and_marks_the_long_one():
    rubric = Rubric((criterion("short", "length", max_sentence_words=12),))
    assert _result(grade_rubric(rubric, "I'll send a new card today. It comes this week."), "short").met
    long = "I will send you a brand new card in the post today and it should arrive with you this week."
    result = _result(grade_rubric(rubric, "Sorry. " + long), "short")
    assert not result.met and _words("Sorry. " + long, result.evidence) == [long]


# --- not_parroting ------------------------------------------------------------------------

def test_not_parroting_is_met_by_a_paraphrase_and_missed_by_a_copy():
    rubric_exercise = exercise(criterion("own-words", "not_parroting"), kind="paraphrase", message=MESSAGE)
    paraphrase = "So a duplicate payment for the same order hit your account, and you need it back before rent day."
    assert _result(grade(rubric_exercise, paraphrase), "own-words").met
    copy = "You've been charged twice for order 5521 - 89.99 both times - and your rent goes out on the 1st."
    result = _result(grade(rubric_exercise, copy), "own-words")
    assert not result.met
    assert result.evidence, "the copied runs are shown"


def test_not_parroting_compares_a_rewrite_with_the_original():
    original = "Per policy your RMA requires an SKU and proof of purchase prior to escalation."
    ex = exercise(criterion("own-words", "not_parroting", max_overlap=0.2), kind="rewrite", original=original)
    assert not _result(grade(ex, "Per policy your RMA requires an SKU and a receipt."), "own-words").met
    assert _result(grade(ex, "To send it back, I just need the product code and your receipt."), "own-words").met


# --- questions ----------------------------------------------------------------------------

def test_questions_counts_asked_and_open_questions():
    rubric = Rubric((criterion("one-open", "questions", at_least=1, at_most=2, open_at_least=1),))
    assert _result(grade_rubric(rubric, "What happened at the till?"), "one-open").met
    assert not _result(grade_rubric(rubric, "Did it happen at the till?"), "one-open").met
    assert not _result(grade_rubric(rubric, "What happened? Where? Who served you?"), "one-open").met
    assert not _result(grade_rubric(rubric, "I'll look into it."), "one-open").met


def test_questions_defaults_to_at_least_one():
    rubric = Rubric((criterion("ask", "questions"),))
    assert _result(grade_rubric(rubric, "Is the light red?"), "ask").met
    assert not _result(grade_rubric(rubric, "The light is red."), "ask").met


# --- score, pass, severity ----------------------------------------------------------------

def _three(severity: str = "actionable") -> tuple:
    return (
        criterion("feeling", "acknowledges_emotion", weight=3, severity=severity),
        criterion("fix", "offers_solution", weight=1),
        criterion("ask", "asks_question", weight=1),
    )


def test_score_is_the_weighted_share_of_criteria_met():
    ex = exercise(*_three(), pass_mark=0.7)
    result = grade(ex, "I'm so sorry, that sounds awful. What happened?")
    assert result.score == pytest.approx(4 / 5)
    assert result.passed
    assert result.missed_ids == frozenset({"fix"})
    assert [r.id for r in result.met if not r.id.startswith("harm.")] == ["feeling", "ask"]


def test_an_essential_miss_fails_whatever_the_score():
    ex = exercise(
        criterion("feeling", "acknowledges_emotion", weight=1, severity="essential"),
        criterion("fix", "offers_solution", weight=5),
        pass_mark=0.5,
    )
    result = grade(ex, "I can refund it now.")
    assert result.score == pytest.approx(5 / 6)
    assert not result.passed
    assert [r.id for r in result.essential_missed] == ["feeling"]


def test_below_the_pass_mark_fails():
    result = grade(exercise(*_three(), pass_mark=0.7), "What happened?")
    assert result.score == pytest.approx(1 / 5)
    assert not result.passed and result.pass_mark == 0.7


def test_exactly_the_pass_mark_passes():
    ex = exercise(criterion("a", "asks_question", weight=7), criterion("b", "offers_solution", weight=3), pass_mark=0.7)
    assert grade(ex, "What happened?").passed


def test_results_keep_rubric_order_severity_weight_and_skill():
    ex = exercise(
        criterion("feeling", "acknowledges_emotion", weight=2, severity="essential"),
        criterion("facts", "mentions", facts=["rent"], skill="attention"),
        criterion("next", "commits_to_action", severity="informative"),
        skill="",
    )
    result = grade(ex, "Hello")
    own = [r for r in result.results if not r.id.startswith("harm.")]
    assert [r.id for r in own] == ["feeling", "facts", "next"]
    assert [r.severity for r in own] == ["essential", "actionable", "informative"]
    assert [r.weight for r in own] == [2, 1.0, 1.0]
    assert [r.skill for r in own] == [TECHNIQUE_SKILL["acknowledges_emotion"], "attention", "follow_through"]
    inherited = [r for r in result.results if r.id.startswith("harm.")]
    assert inherited and all(r.severity == "essential" and r.weight == 0 for r in inherited)


def test_the_exercise_skill_is_used_when_a_criterion_names_none():
    ex = exercise(criterion("feeling", "acknowledges_emotion"), skill="patience")
    assert grade(ex, "Hello").results[0].skill == "patience"


def test_grading_is_deterministic():
    ex = exercise(*_three(), criterion("facts", "mentions", facts=FACTS), message=MESSAGE)
    answer = "So sorry! You were charged twice at 89.99. I can refund one now - what else happened?"
    first, second = grade(ex, answer), grade(ex, answer)
    assert first == second


def test_a_non_text_exercise_is_refused():
    ex = exercise(criterion("x", "asks_question"), kind="choice")
    with pytest.raises(ValueError):
        grade(ex, "anything")


def test_an_unknown_check_is_missed_not_a_crash():
    result = grade_rubric(Rubric((criterion("odd", "reads_minds"),)), "Hello")
    assert not result.results[0].met


def test_every_check_kind_is_known():
    assert set(CHECKS) == {
        "mentions",
        "avoids",
        "order",
        "length",
        "plain_language",
        "not_parroting",
        "questions",
        "scripted",
        "keeps_private",
        "matches_case",
    }


# --- judged like a trainer ----------------------------------------------------------------

CUSTOMER = "I ordered the bike on the 2nd for my son's birthday. His party is THIS Saturday and I'm so stressed."


def _feeling(answer: str) -> bool:
    ex = exercise(criterion("feeling", "acknowledges_emotion", severity="essential"), message=CUSTOMER)
    return _result(grade(ex, answer), "feeling").met


def test_stock_empathy_earns_no_credit_but_the_same_words_about_this_customer_do():
    assert not _feeling("I understand your frustration. Let me look into it.")
    assert not _feeling("I understand how frustrating this must be. So what you're saying is...")
    assert _feeling("I can see how stressful this is with his party on Saturday.")


def test_wishes_and_a_bare_sorry_name_no_feeling():
    for answer in (
        "Good luck with everything!",
        "I hope you have a lovely day <3",
        "Take care.",
        "Sorry.",
        "Sorry about that.",
    ):
        assert not _feeling(answer), answer


def test_empathy_through_specifics_counts_without_a_feeling_word():
    assert _feeling(
        "A party on Saturday, your son told it's coming, and the bike stuck since the 2nd. Let's get it moving."
    )


def test_facts_count_only_where_the_answer_says_something():
    crit = criterion("facts", "mentions", facts=[["birthday", "party"], ["saturday"], ["2nd"]], at_least=2)
    assert not _result(grade_rubric(Rubric((crit,)), "Birthday, Saturday, 2nd, stressful. Is that right?"), "facts").met
    assert not _result(grade_rubric(Rubric((crit,)), "Stressed. Party. Saturday. Bike. Sorry."), "facts").met
    assert _result(
        grade_rubric(Rubric((crit,)), "The party is on Saturday and it was ordered on the 2nd."), "facts"
    ).met


def test_one_word_questions_are_not_open_questions():
    crit = criterion("open", "asks_open_question")
    for answer in ("What?", "Why?", "How so?", "How about a replacement?"):
        assert not _result(grade_rubric(Rubric((crit,)), answer), "open").met, answer
    assert _result(grade_rubric(Rubric((crit,)), "What happened when you tried?"), "open").met


def test_typos_are_forgiven_only_in_longer_words():
    crit = criterion("night", "mentions", facts=["night"])
    assert not _result(grade_rubric(Rubric((crit,)), "You're right, I will sort it."), "night").met
    crit = criterion("receive", "mentions", facts=["receipt"])
    assert _result(grade_rubric(Rubric((crit,)), "Do you have the reciept to hand?"), "receive").met


def test_own_step_promises_pass_and_outcome_promises_fail_whatever_the_rubric():
    ex = exercise(criterion("ask", "asks_question"), message=CUSTOMER)
    assert grade(ex, "I promise I'll call you at 3 with the courier's answer. Is that OK?").passed
    result = grade(ex, "I guarantee the bike will arrive by Friday. Is that OK?")
    assert not result.passed and "harm.no-outcome-promise" in result.missed_ids


@pytest.mark.parametrize(
    ("answer", "harm"),
    [
        ("This happened because you didn't give us your flat number. Is that OK?", "harm.no-blame"),
        ("Please calm down, it's only a bike. Is that OK?", "harm.no-dismissal"),
        ("Can you type your full card number and PIN here so I can check? Is that OK?", "harm.safe-and-private"),
        (
            "I hear you. I completely understand. Thank you for your patience. "
            "Rest assured I'll look into it. Is that OK?",
            "harm.own-voice",
        ),
    ],
)
def test_every_rubric_inherits_the_harm_criteria_as_essential(answer, harm):
    result = grade(exercise(criterion("ask", "asks_question"), message=CUSTOMER), answer)
    assert not result.passed and harm in result.missed_ids, sorted(result.missed_ids)


def test_pasting_the_customer_back_fails_and_a_long_plain_sentence_is_not_jargon():
    ex = exercise(criterion("plain", "plain_language"), message=CUSTOMER)
    assert "harm.own-words" in grade(ex, CUSTOMER).missed_ids
    long = (
        "I have asked the courier to trace the bike today and I will message you by three "
        "with what they say and what we can do next."
    )
    assert grade(ex, long).passed


WAITED = "I've phoned four times about my bike and I've been waiting two weeks. Nobody calls back."


def _feeling_for(message: str, answer: str) -> bool:
    ex = exercise(criterion("feeling", "acknowledges_emotion", severity="essential"), message=message)
    return _result(grade(ex, answer), "feeling").met


def test_an_apology_for_what_they_went_through_names_their_trouble():
    assert _feeling_for(WAITED, "Sorry you've had to chase us four times. The bike leaves the depot today.")
    assert _feeling_for(WAITED, "Apologies for the wait and for nobody calling back. The bike leaves today.")
    assert _feeling_for(WAITED, "Sorry you were left waiting. The bike leaves the depot today.")


def test_a_scripted_apology_for_something_they_never_mentioned_names_nothing():
    for answer in (
        "Sorry for any inconvenience. The bike leaves the depot today.",
        "Sorry, but the bike leaves the depot today.",
        "I'm not sorry to say the bike leaves today.",
        "Sorry to ask, what is your order number?",
    ):
        assert not _feeling_for("My bike hasn't come and I need it for work on Monday.", answer), answer


def test_reading_the_person_counts_as_naming_how_they_are():
    message = "\"It's fine,\" he says, holding his daughter. \"She's been burning up since last night, that's all.\""
    assert _feeling_for(message, "She looks really poorly. I'm telling the nurse about her now.")
    assert _feeling_for(message, "\"Fine\" didn't sound very fine. I'm telling the nurse about her now.")
    assert not _feeling_for(message, "You seem to have two bookings. I'm telling the nurse now.")
    assert not _feeling_for(message, "They'll look into it. I'm telling the nurse now.")


def test_a_short_piece_said_in_shorthand_counts_but_a_pile_of_pieces_does_not():
    crit = criterion("how-long", "mentions", facts=[["3", "three", "minutes"]])
    assert _result(grade_rubric(Rubric((crit,)), "I'll ring them. Three minutes, roughly. OK to hold?"), "how-long").met
    piled = criterion("facts", "mentions", facts=[["3"], ["dispatch"]], at_least=2)
    assert not _result(grade_rubric(Rubric((piled,)), "Dispatch, 3 mins, hold OK?"), "facts").met


def test_a_fact_said_in_an_everyday_word_for_the_same_thing_counts():
    crit = criterion("who", "mentions", facts=[["father"]])
    assert _result(grade_rubric(Rubric((crit,)), "I'll make sure your dad gets his insulin first."), "who").met


def test_a_fix_already_made_counts_as_an_offer_unless_it_is_history():
    crit = criterion("fix", "offers_solution")
    made = "I changed the week to the travel pass price, so it is €70."
    assert _result(grade_rubric(Rubric((crit,)), made), "fix").met
    assert not _result(
        grade_rubric(Rubric((crit,)), "We refunded this fee on 9 January, so I can't refund it again."), "fix"
    ).met


def test_condolence_validation_and_owning_a_silence_name_what_they_feel():
    bereaved = "My wife Margaret died three weeks ago and I need to close her account."
    assert _feeling_for(bereaved, "I'm sorry for your loss, Mr Ashworth. I'll close Margaret's account with you now.")
    fee = "Your app said I had $280, so I paid the electric bill, and now you've charged me a $25 fee."
    assert _feeling_for(fee, "You did what the app told you. I'll take the $25 fee off today.")
    silent = "Three days, four calls, zero updates on my bag."
    assert _feeling_for(silent, "You should have had an update before now. Your bag lands tonight at 19:45.")
    flood = "The machine floods the kitchen again, and we have a newborn at home."
    assert _feeling_for(flood, "It is very hard, a new baby and a wet kitchen floor. The engineer comes Thursday.")


def test_asking_first_after_what_worries_them_counts_but_a_request_for_details_does_not():
    insulin = "The power's been off since 9 and my dad's insulin is in the fridge."
    assert _feeling_for(insulin, "How long can your dad's insulin stay in the fridge? I can send a cool box today.")
    assert not _feeling_for(insulin, "Can you confirm your dad's account number? I can send a cool box today.")


def test_a_negation_is_never_a_word_of_a_fact_that_shares_its_stem():
    crit = criterion("notes", "mentions", facts=[["my notes"]])
    assert not _result(grade_rubric(Rubric((crit,)), "You do not know what happens next."), "notes").met
    assert _result(grade_rubric(Rubric((crit,)), "My notes go over with the call."), "notes").met
