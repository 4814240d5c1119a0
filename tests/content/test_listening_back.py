"""The course's conversations listen back: the customer reacts to what the learner did, not only to pass or fail.

Each conversation branches at least three ways on what a reply did (a question asked, a fact
said back, an interruption, a criterion met or missed), each branch leading to words written for
it; the customer answers the questions a learner is likely to ask; and a closing recap that leaves
the customer's own question unanswered fails.
"""

from __future__ import annotations

import pytest

from course.content import load_course
from course.conversation import ConversationRun, branch_for, grade_turn, turn_context
from course.paths import bundled_content_dir

COURSE = load_course(bundled_content_dir())
CONVERSATIONS = sorted(e.id for e in COURSE.exercises.values() if e.conversation is not None)


class Clock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def play(exercise_id: str, replies: list[tuple[str, bool]]) -> ConversationRun:
    """Send each reply, after the customer has finished (``True``) or while they still type (``False``)."""
    clock = Clock()
    run = ConversationRun(COURSE.exercise(exercise_id), clock)
    for text, waits in replies:
        if waits:
            clock.now += 120  # long enough for every piece of any turn
        run.send(text)
    return run


def where_to(exercise_id: str, turn_id: str, reply: str, *, interrupted: bool = False) -> str:
    """The turn a reply to ``turn_id`` leads to."""
    exercise = COURSE.exercise(exercise_id)
    turn = exercise.conversation.turns[turn_id]
    grade = grade_turn(exercise, turn, reply)
    branch = branch_for(turn, reply, grade, interrupted=interrupted,
                        context=turn_context(exercise.conversation, turn))
    return branch.goto


def test_the_course_has_its_conversations():
    assert len(CONVERSATIONS) >= 4


@pytest.mark.parametrize("exercise_id", CONVERSATIONS)
def test_every_conversation_branches_three_ways_on_what_the_reply_did(exercise_id):
    conversation = COURSE.exercise(exercise_id).conversation
    branches = {(turn.id, route.goto) for turn in conversation.turns.values() for route in turn.routes}
    assert len(branches) >= 3, f"{exercise_id} reacts to what the learner did in {len(branches)} ways"
    for _, goto in branches:
        assert conversation.turns[goto].customer, f"{exercise_id}: route to '{goto}', where the customer says nothing"


LAN = "capstone.card-blocked-abroad"
LAN_RECAP_WITHOUT_HER_ANSWER = (
    "Let me sum up: your card was blocked in Lisbon after the €389 payment at an electronics shop that "
    "wasn't you, so I've cancelled it and ordered a replacement to your home address. You'd like €300 in "
    "cash to cover the hotel and a taxi, and you'll try the phone card at the desk. I'll message you at "
    "5 pm to check in. Have I got that right?"
)
"""A full, warm recap that never tells Lan how she gets the cash, which is what she asked."""
RUIZ = "capstone.moved-appointment"
RUIZ_RECAP_WITHOUT_WHERE_OR_WHEN = (
    "Of course. Your prescription request has gone to the duty doctor, and you'll see Dr Mensah on Tuesday "
    "at 2 instead of Thursday. Have I got that right?"
)
"""A recap that never tells Mrs Ruiz where or when to collect her tablets, though she asked for it all again."""
DARIUSZ = "capstone.estimated-bill"
DARIUSZ_RECAP_WITHOUT_THE_BILL = (
    "Let me sum up: you were billed £412.60 on an estimate, even though you sent a reading of 48213 through "
    "the app on 3 March, and you've emailed me the screenshot. I'll look into it today. Have I got that right?"
)
"""A recap that never says what happens to the bill, though he asked what happens now."""
TOMAS = "capstone.outage-on-social"
TOMAS_RECAP_WITHOUT_THE_VISIT = (
    "Here it is. You've been offline for three days, since Sunday night, with the router flashing orange, "
    "two engineer visits that never happened, and a work deadline on Friday. Have I got that right?"
)
"""A recap that says it all back but never what happens next, though he asked so he'd know someone has it."""
TOMAS_RECAP_WITHOUT_MAKING_SURE = (
    "Here it is. Three days offline since Sunday night, the orange light, two engineers who never came, and your "
    "Friday deadline. It's a cabinet fault, and the engineer's booked for Thursday between 8 and 12. Have I got "
    "that right?"
)
"""After he says someone had better turn up this time: a recap with nothing that makes sure of it."""
RHODRI = "patience.passed-on-twice"
RHODRI_HANDOVER_WITHOUT_JULY = (
    "Hello, Complaints, I have Mr Vaughan on the line. His £58.90 direct debit was taken twice on 3 June, Payments "
    "are sending it back by same-day transfer, and his bank charged him a £15 fee when his car insurance bounced. "
    "He'd like you to look at that fee. Mr Vaughan, have I got that right?"
)
"""A warm handover in his hearing that never answers what he asked: will July come out twice too?"""
RHODRI_NOTES_READ = (
    "Sorry you've been passed around, Mr Vaughan. I've got the notes here, so no need to go over it: the £58.90 "
    "taken twice on 3 June and the £15 bank fee."
)
RHODRI_HOLD_ASKED = (
    "I'll ask Payments if they can send it today. It'll take about three minutes. Is it OK if I put you on hold?"
)


@pytest.mark.parametrize(
    ("exercise_id", "turn_id", "reply", "interrupted", "goes_to"),
    [
        (LAN, "start", "Oh no, declined at a pharmacy? Let me check what happened.", True, "cut-off"),
        (LAN, "check", "Thanks, that's the missing piece. Was the €389 payment at the electronics shop yours?",
         False, "not-me-asked"),
        (LAN, "check", "Thanks for telling me, that text was really from us and being careful was sensible. "
         "I'm sending you a fresh one now: reply YES if the payment was yours and NO if it wasn't.", False, "not-me"),
        (LAN, "close", LAN_RECAP_WITHOUT_HER_ANSWER, False, "still-asking"),
        (RUIZ, "start", "Sorry to hear that. Let me check.", True, "let-me-finish"),
        (RUIZ, "start", "I'm sorry, what a worry after two buses. Do you have enough tablets to last until Friday?",
         False, "tablets-asked"),
        (RUIZ, "start", "Your appointment was moved to Thursday. Didn't you get the text? How many tablets have "
         "you got?", False, "flustered"),
        (RUIZ, "close", RUIZ_RECAP_WITHOUT_WHERE_OR_WHEN, False, "which-way"),
        (DARIUSZ, "start", "Let me look at that bill for you.", True, "talked-over"),
        (DARIUSZ, "start", "Can I take your account number, please?", False, "number-first"),
        (DARIUSZ, "start", "Sir, please calm down, there's no need to shout. Can I take your account number?",
         False, "boiling"),
        (DARIUSZ, "close", DARIUSZ_RECAP_WITHOUT_THE_BILL, False, "what-about-the-bill"),
        (TOMAS, "start", "Hi Tomás, have you tried restarting your router? If that doesn't help, DM us.", False,
         "told-you"),
        (TOMAS, "start", "Hi Tomás, we're sorry for any inconvenience caused. Please DM us your details.", False,
         "louder"),
        (TOMAS, "dm", "Thanks, there's a fault at the local cabinet. The next engineer slot is Thursday between 8 "
         "and 12. Shall I book it?", False, "close-thursday"),
        (TOMAS, "close", "Here it is: three days offline since Sunday night, the orange light, your Friday deadline. "
         "An engineer is booked for Thursday 8 to 12 and I'll message you by 5 today. Have I got that right?",
         False, "you-missed-it"),
        (RHODRI, "start", "Sorry to hear that, let me have a look.", True, "talked-over"),
        (RHODRI, "start", "I'm sorry you've been passed around. Could you explain what happened, from the beginning?",
         False, "told-twice"),
        (RHODRI, "start", "Sorry, third time. Before anything else I need your date of birth for security.", False,
         "told-twice"),
        (RHODRI, "start", RHODRI_NOTES_READ, False, "faster"),
        (RHODRI, "faster", "I'll ring Payments and ask about a same-day transfer. It takes about three minutes, "
         "so I'll put you on hold now.", False, "held-cold"),
        (RHODRI, "faster", RHODRI_HOLD_ASKED, False, "on-hold"),
        (RHODRI, "held-cold", "It's only a couple of minutes, please just hold.", False, "gives-up"),
        (RHODRI, "held-cold", "Sorry. About three minutes, to ask Payments if they can refund you today. Can I put you "
         "on hold?", False, "on-hold"),
        (RHODRI, "close", RHODRI_HANDOVER_WITHOUT_JULY, False, "still-asking"),
    ],
)
def test_the_customer_reacts_to_what_the_reply_did(exercise_id, turn_id, reply, interrupted, goes_to):
    assert where_to(exercise_id, turn_id, reply, interrupted=interrupted) == goes_to


@pytest.mark.parametrize(
    ("exercise_id", "replies", "turn_id", "answer"),
    [
        (LAN, ["That sounds really stressful, Lan, your only card declined while you're in Lisbon and a hotel bill "
               "due tomorrow. Give me a moment to look at your card.",
               "Good to know, Lan. That text was genuine, and being wary of it was sensible. Did you try to spend "
               "€389 at an electronics shop this morning? I'm sending a fresh check text now as well."],
         "not-me-asked", "that wasn't me"),
        (RUIZ, ["I'm sorry, what a worry after two buses. Do you have enough tablets to last until Friday?"],
         "tablets-asked", "Four left"),
        (DARIUSZ, ["Forty minutes on hold and then a bill for £412.60, when you usually pay about £90, no wonder "
                   "you're angry. I'm sorry. Could I take your account number so I can open the bill?"],
         "number-first", "6614 2209"),
        (TOMAS, ["Hi Tomás, three days without broadband while you're working to a Friday deadline sounds awful, "
                 "and I'm sorry. Could you DM us your account number so I can look at your line myself?",
                 "Thanks, Tomás. So your router's been flashing orange since Sunday night, and we've stood you up "
                 "twice with engineers who never came. I'm sorry. There's a fault on your local cabinet. Can I book "
                 "an engineer for Thursday 8 to 12? I'll message you by 5 pm to confirm."],
         "close-thursday", "Thursday morning works"),
        (RHODRI, [RHODRI_NOTES_READ, RHODRI_HOLD_ASKED], "on-hold", "I'll hold"),
    ],
)
def test_the_customer_answers_the_question_they_were_asked(exercise_id, replies, turn_id, answer):
    run = play(exercise_id, [(text, True) for text in replies])
    assert run.turn_id == turn_id
    clock = run.clock
    assert isinstance(clock, Clock)
    clock.now += 120  # the customer has finished giving the answer
    first_words = run.arrived()[0].text
    assert answer in first_words, f"{run.conversation.customer} answers: {first_words!r}"


def test_lan_says_so_when_she_is_cut_off():
    run = play(LAN, [("Sorry to hear that, let me check.", False)])
    assert run.turn_id == "cut-off" and run.replies[0].interrupted
    assert "hadn't finished" in run.turn.customer[0].text


def test_rhodri_says_so_when_he_is_talked_over():
    run = play(RHODRI, [("Sorry to hear that, let me have a look.", False)])
    assert run.turn_id == "talked-over" and run.replies[0].interrupted
    assert "Let me finish" in run.turn.customer[0].text


def test_rhodri_objects_to_a_hold_he_was_not_asked_about_and_leaves_if_it_happens_again():
    run = play(RHODRI, [(RHODRI_NOTES_READ, True), ("Please hold while I check with Payments.", True)])
    assert run.turn_id == "held-cold" and "Don't just stick me on hold" in run.turn.customer[0].text
    clock = run.clock
    assert isinstance(clock, Clock)
    clock.now += 120  # he has finished objecting
    run.send("Bear with me.")
    assert run.finished and run.turn_id == "gives-up"


@pytest.mark.parametrize(
    ("exercise_id", "turn_id", "recap", "criterion"),
    [
        (LAN, "close", LAN_RECAP_WITHOUT_HER_ANSWER, "what-happens-now"),
        (RUIZ, "close", RUIZ_RECAP_WITHOUT_WHERE_OR_WHEN, "what-next"),
        (DARIUSZ, "close", DARIUSZ_RECAP_WITHOUT_THE_BILL, "the-bill"),
        (TOMAS, "close", TOMAS_RECAP_WITHOUT_THE_VISIT, "the-visit"),
        (TOMAS, "close-thursday", TOMAS_RECAP_WITHOUT_MAKING_SURE, "makes-sure"),
        (RHODRI, "close", RHODRI_HANDOVER_WITHOUT_JULY, "july"),
    ],
)
def test_a_closing_recap_that_leaves_the_customers_question_unanswered_fails(exercise_id, turn_id, recap, criterion):
    exercise = COURSE.exercise(exercise_id)
    turn = exercise.conversation.turns[turn_id]
    assert turn.summary
    grade = grade_turn(exercise, turn, recap)
    assert not grade.passed and criterion in grade.missed_ids, f"passes at {grade.score:.0%}"


def test_a_whole_conversation_with_lan_fails_when_the_recap_ignores_her_question():
    good_replies = [
        ("That sounds really stressful, Lan, your only card declined while you're in Lisbon and a hotel bill "
         "due tomorrow. We'll get this sorted. Give me a moment to look at your card.", True),
        ("Thanks, that explains it. The text was our fraud check about a payment at an electronics shop, and "
         "being wary of it was sensible. I'm sending you a fresh text right now. If the payment was yours, reply "
         "YES and the block lifts at once; if it wasn't, reply NO and let me know here, and we'll protect your card.",
         True),
        ("Thanks for confirming. Since someone else tried to use your card, I can't unblock it, and I'd be putting "
         "your money at risk if I did. I'll cancel this card and order a replacement today. So you're not stuck "
         "tomorrow, I can arrange emergency cash in Lisbon, normally ready in about two hours, or you can pay by "
         "phone with the new card in the banking app. Which would suit you for the hotel?", True),
    ]
    run = play(LAN, [*good_replies, (LAN_RECAP_WITHOUT_HER_ANSWER, True)])
    assert [reply.turn_id for reply in run.replies] == ["start", "check", "not-me", "close"]
    assert run.finished and run.turn_id == "still-asking"
    assert not run.passed
    answered = play(LAN, [*good_replies, (
        "Let me sum up: someone tried to spend €389 with your card at an electronics shop, so it's cancelled and "
        "nothing was taken. €300 in cash for the €240 hotel bill will be at the partner counter in about two hours; "
        "bring your passport and the code they text you. I'll check at 5 pm that the code has arrived and message "
        "you here. Have I got that right?", True)])
    assert answered.passed and answered.turn_id == "relieved"
