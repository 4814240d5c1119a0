"""Safety: advice or requests that put the customer at risk (unsafe_advice).

Four mechanisms besides the word list: a request that a secret (PIN, password, one-time code,
full card number) be handed to us; an instruction to run or use something the customer said is
leaking, sparking, smoking or smells of gas; fault accepted as certain before anything has been
checked ("that's clearly our mistake"), which a regulated complaint process forbids; and the
list's own clinical and hazard lines. A warning ("we will never ask for your PIN", "don't switch
it on") is the safe opposite.
"""

from __future__ import annotations

import re

from course.grading.detectors.common import Span, conditional, hits, negated
from course.grading.text import Sentence, Text

__all__ = ["unsafe_advice", "private_details"]

_SECRET = re.compile(
    r"\b(?:pin(?: number| code)?|passwords?|passcode|cvv|cvc|cv2|security (?:code|number|digits)|"
    r"(?:one[- ]?time|verification|login|sms|text|authentication|auth) (?:pass)?code|otp|memorable (?:word|information)|"
    r"(?:full|whole|long|entire|16[- ]digit|sixteen[- ]digit) card number|(?:full|whole|entire)(?: long)? (?:card )?number (?:of|on|from) (?:your|the)(?: \w+)? card|"
    r"(?:three|3)[- ]digit (?:code|number)|(?:16|sixteen)[- ]digit number|long number on (?:the front of )?(?:your|the) (?:bank |debit |credit )?card|(?:three|3|last three) digits on the back|"
    r"card details|online banking (?:login|details|password)|(?:four|4|six|6|eight|8)[- ]digit (?:code|number|pin|passcode)|"
    r"the code (?:we|i) (?:just |have just )?(?:sent|texted|emailed))\b"
)
# Private details asked for in public: "post your account number below" (a DM is the safe place).
_PUBLIC_ASK = re.compile(
    r"\b(?:post|share|put|type|write|drop|leave|pop|add|comment|reply|respond|answer)\b[^.?!]{0,80}?\b(?:account number|card number|sort code|address|date of birth|"
    r"phone number|mobile number|policy number|booking reference|postcode|ticket number|season ticket|email|e-mail|room number|hotel|registration|reference number|"
    r"membership number|full name)\b[^.?!]{0,60}?\b(?:here|below|in the comments|publicly|in this thread|on this post|in your reply)\b"
    r"|\b(?:reply|respond|comment|answer|post)(?: here| below| in this thread| on this post| publicly)* with (?:your|the)\b[^.?!]{0,40}?\b(?:number|email|e-mail|address|postcode|date of birth|details|reference|name)\b"
)
_PRIVATELY = re.compile(r"\b(?:dm|direct message|private message|privately|inbox|not here|not in the comments|not publicly)\b")
# Handing it to us: "type it here", "send me", "what's your", "I'll need your", "reply with".
_TO_US = re.compile(
    r"\b(?:(?:give|tell|send|share|read|confirm|provide|text|message|dm|email) (?:me|us)\b|"
    r"(?:reply|respond|come back)(?: here| below| to (?:me|us|this|this email|this message|our email|the email))? with\b|"
    r"(?:type|enter|put|post|pop|drop|write|send|share|paste|read out|give)\b[^.?!]{0,120}?\b(?:here|below|in (?:this|the|a|your|the same|that|one) (?:chat|thread|comments?|reply|message|dm|email|e-mail)|over the phone|to me|to us)\b|"
    r"what (?:is|are) (?:your|the)\b|(?:i|we)(?: will| would| just| also)? need (?:your|the|you to (?:give|tell|read|send|type|confirm))\b|"
    r"(?:can|could|may) (?:i|we) (?:have|take|get|grab) (?:your|the)\b|"
    r"(?:can|could|would) you (?:give|tell|send|read|confirm|provide|type|share)\b)"
)
_HAZARD = re.compile(
    r"\b(?:leak\w*|drip\w*|flood\w*|water (?:everywhere|on the floor|coming)|smell\w* (?:of )?(?:gas|burning|smoke)|gas|"
    r"burning(?! up)|smok\w+|spark\w*|scorch\w*|melt\w*|fumes|electric shock|singe\w*)\b"
)
_OPERATE = re.compile(
    r"\b(?:(?:pop|put|stick|set|run|start|do|try)\s+(?:a|another|the|one|it|it on|a quick|a short|a test|a small)?\s*(?:\w+\s+){0,2}(?:wash|cycle|load|spin|rinse)\b|"
    r"(?:switch|turn|plug|power)\s+(?:it|the \w+|them)\s+(?:back\s+)?(?:on|in)\b|(?:run|start|use)\s+(?:it|the (?:machine|appliance|washer|dishwasher|boiler|heater|cooker|oven|hob|dryer))\b(?!\s+(?:off|again later))|"
    r"(?:keep|carry on|continue|go on)\s+(?:using|cooking|running|heating|washing|charging|driving)\b|"
    r"give it (?:a |another )?(?:few |couple of |couple more )?(?:more )?(?:go|goes|try|tries|run|runs|spin|spins)\b|"
    r"let (?:it|the \w+|them) (?:finish|run|carry on|keep going|go on|complete)\b|"
    r"(?:do not worry about|no need to|there is no need to|do not bother|never mind|forget about|you do not have to|you do not need to) (?:\w+ )?(?:turn|turning|switch|switching|shut|shutting|unplug|unplugging|isolat\w+)\b|"
    r"(?:fine|ok|okay|alright|all right|safe) to (?:run|use|keep using|carry on using|cook|switch (?:it|the \w+) (?:back )?on|turn (?:it|the \w+) (?:back )?on|plug (?:it|the \w+) (?:back )?in)\b|"
    r"\b(?:it|that|this|which|the (?:smell|leak|drip|dripping|noise|sparking|sparks|burning|smoke|fumes|water)|a (?:smell|leak|drip) of \w+)\s+"
    r"(?:is|was) (?:usually |probably |likely |most likely |just |only |totally |perfectly )?(?:nothing|normal|harmless|nothing to worry about|fine)\b|"
    r"\bthere is nothing to worry about\b|\b(?:is not|are not|was not) (?:classed as |considered |really |treated as |seen as )?(?:dangerous|a danger|urgent|an emergency|serious|a risk|a hazard|unsafe)\b)"
)
# "Until the engineer has seen it", "once it's dry": holding off. "If it's still leaking" is no hold.
_HOLDING_OFF = re.compile(
    r"\b(?:until|before|unless|once|after)\b"
    r"|\b(?:if|when)\b[^.,;!?]*\b(?:engineer|checked|safe|fixed|repaired|dry|dried|stopped|sorted|seen|replaced|confirmed|no longer|not leaking|cleared)\b"
)


def _secret_requests(text: Text) -> list[Span]:
    found = []
    for sentence in text.sentences:
        words = sentence.text
        secret = _SECRET.search(words)
        if secret is None or not _TO_US.search(words):
            continue
        start = sentence.start + secret.start()
        if negated(text, start, 8):
            continue  # "we will never ask for your PIN", "please don't share your password"
        found.append((start, sentence.start + secret.end()))
    return found


# Where a detail asked for is plainly public, whatever the channel ("post it below").
_OPENLY = re.compile(r"\b(?:below|in the comments|publicly|in this thread|on this post|on the post|on our page|on the page)\b")


def _public_asks(text: Text, *, openly: bool = False) -> list[Span]:
    """Private details asked for where others read them; ``openly``: only where that is plain."""
    found = []
    for sentence in text.sentences:
        ask = _PUBLIC_ASK.search(sentence.text)
        if ask is not None and openly and not _OPENLY.search(sentence.text):
            continue
        if ask is None or _PRIVATELY.search(sentence.text):
            continue
        start = sentence.start + ask.start()
        if not negated(text, start, 4):
            found.append((start, sentence.start + ask.end()))
    return found


_OURS_TO_START = re.compile(r"\b(?:i|we) (?:need|want|can|will|am going|are going|have|would like) to\s+$|\ball (?:i|we) need (?:is )?to\s+$")
_MADE_SAFE = re.compile(r"\b(?:make|makes|made|making|get|gets|got|getting)\b[^.!?]{0,30}\bsafe\b")


# A hazard in the home, and the reply calling it harmless: "black mould is harmless", "a bit of gas
# smell is nothing to worry about", "the sparks won't hurt you". Nobody on the phone can know that.
_HOME_HAZARD = re.compile(
    r"\b(?:mou?ld\w*|damp|gas|carbon monoxide|fumes|smoke|asbestos|leak\w*|spark\w*|exposed wires?|burning smell|scorch\w*)\b"
)
_CALLED_HARMLESS = re.compile(
    r"\b(?:mou?ld|damp|gas|smell|smoke|fumes|leak|water|wires?|sparks?|asbestos|it|that|this|they)\s+(?:is|are|will be|should be|is usually)\s+"
    r"(?:\w+ly\s+)?(?:harmless|(?:perfectly |completely |totally )?(?:safe|fine)|nothing to worry about|not (?:dangerous|harmful|a (?:risk|danger|health risk|problem))|no (?:risk|danger))\b"
    r"|\b(?:it|they|(?:the|that|this|your) (?:mou?ld|damp|gas|smell|sparks?|fumes|leak|water)|that|this)\s+(?:will not|cannot|can not|does not|do not)\s+(?:hurt|harm) (?:you|anyone|anybody|them|the (?:children|kids|baby))\b"
)


def _hazard_called_harmless(text: Text, context: Text | None) -> list[Span]:
    if context is None or not _HOME_HAZARD.search(context.norm):
        return []
    found = []
    for span in _said(text, _CALLED_HARMLESS, asked_too=False):
        sentence = text.sentence_at(span[0])
        if sentence is None or conditional(text, span[0], 3):
            continue
        if _HOLDING_OFF.search(sentence.text):
            continue  # "it will be safe once the engineer has capped it": safe after the fix
        found.append(span)
    return found


_ASKS_WHAT_HAPPENS = re.compile(r"\W*(?:(?:so|and|ok|okay|right)\W+)*(?:what|how|when|where|which|whereabouts)\b")


def _hazard_waved_through(text: Text, context: Text | None) -> list[Span]:
    if context is None or not _HAZARD.search(context.norm):
        return []
    found = []
    for sentence in text.sentences:
        if sentence.is_question and _ASKS_WHAT_HAPPENS.match(sentence.text):
            continue  # "what's the leak doing, from the start of a wash to the end?" asks; it tells them nothing
        for operate in _OPERATE.finditer(sentence.text):
            start = sentence.start + operate.start()
            if negated(text, start, 3) or _HOLDING_OFF.search(sentence.text, 0, operate.start()):
                continue
            if re.search(r"\b(?:when|whenever|while|as|every time|each time|as soon as|the moment) (?:you|it|they|we)\s+$", sentence.text[: operate.start()]):
                continue  # "talk me through what happens when you start a wash" asks what happened
            if re.search(r"\b(?:you|he|she|they) (?:say|said|are saying|were saying|keep saying|told me|tell me|mentioned)(?: that)?\s+$", sentence.text[: operate.start()]):
                continue  # "you say it is fine, but I can see she is hot": their words, not our verdict
            if _OURS_TO_START.search(sentence.text[: operate.start()]):
                continue  # "the receipt's all I need to start it": the agent starting the repair, not them using the thing
            if _MADE_SAFE.search(sentence.text[: operate.start()]):
                continue  # "we'll make the path safe so you can use it": use after it is made safe
            found.append((start, sentence.start + operate.end()))
    return found


# Liability accepted with certainty: "that's clearly our mistake", "our fault completely", "100%
# our error". Owning a known slip ("the cancellation was ours", "that's on us") is not this: the
# certainty about a cause nobody has checked yet is.
_FAULT = r"(?:our|my|the bank's|the company's) (?:own )?(?:mistake|fault|error|blunder|failing|liability)"
_CERTAIN_FAULT = re.compile(
    rf"\b(?:clearly|completely|totally|entirely|definitely|obviously|absolutely|undoubtedly|100 ?(?:%|percent|per cent)|wholly|fully)\s+{_FAULT}"
    rf"|\b{_FAULT}\s*,?\s+(?:completely|entirely|totally|100 ?(?:%|percent|per cent)|no question|no doubt|without (?:a )?doubt|full stop)\b"
    rf"|\b(?:we|i) (?:fully |completely |totally )?(?:accept|admit|take) (?:full |all |complete |total )?(?:liability|responsibility|the blame)\b"
)


# Someone added to an account on another person's word, before their consent and checks.
_ADDED_WITHOUT_CONSENT = re.compile(
    r"\b(?:i|we) (?:have |had |will |am going to )?(?:(?:already|just|now|also|quickly|gone ahead and|went ahead and|go ahead and|just go ahead and)\s+)*(?:added|add|put|made|make|set up|listed|list)\b[^.!?]{0,80}?"
    r"\b(?:joint (?:holder|account holder|name|names|account)|account holder|second holder|authori[sz]ed (?:user|person|signatory)|named person|power of attorney)\b"
)
# Where an account's messages go, changed on the word of the call: "I'll change the mobile number
# on your record to your daughter's" (consent and checks come first; asking is fine).
_RELATIVE = r"(?:daughter|son|husband|wife|partner|mum|mother|dad|father|carer|friend|neighbour|neighbor|brother|sister|niece|nephew|grandson|granddaughter|landlord)"
_REDIRECTED = re.compile(
    r"\b(?:change|changed|changing|update|updated|updating|switch|switched|swap|swapped|move|moved|put|set)\b[^.!?]{0,40}?"
    r"\b(?:mobile|phone|contact|email|e-mail|postal|number|address|details)\b[^.!?]{0,40}?"
    rf"\bto (?:your|her|his|their) {_RELATIVE}(?:'s|s)?\b"
)
# Another person's account or booking told to the one asking: "I've checked her account...",
# "the slot was given to Mrs Adeyemi from Park Street".
_THIRD_PARTY = re.compile(
    r"\b(?:i|we) (?:have |had )?(?:(?:just|also|already|quickly)\s+)*(?:checked|looked at|looked up|pulled up|opened|accessed|gone into|went into|been into|had a look at|taken a look at|had a look in|looked into)\s+"
    rf"(?:her|his|their|your {_RELATIVE}(?:'s|s)?)\s+(?:account|record|records|file|details|balance|notes|history)\b"
    # not "went" or "gone": "your rent has gone to Mr Osei" is their own payment, said back
    r"|\b(?:given|gave|moved|reassigned|allocated|offered|passed) to (?:mr|mrs|ms|miss|mx) [a-z]+"
)
# A customer's call or file taken off the system or shared: "I'll download the recording and listen to it
# on my phone on the way home", "I might play it to my sister".
_RECORDING_TAKEN = re.compile(
    r"\b(?:download|downloaded|save|saved|copy|copied|record|take|took|send|sent|forward|forwarded|listen to|listened to|play|played)\b"
    r"[^.!?]{0,40}?\b(?:recording|recordings|the call|that call|this call|the file|her file|his file)\b[^.!?]{0,60}?"
    r"\b(?:(?:on|onto|to) my (?:phone|mobile|own|personal|home|laptop|tablet|ipad|usb)|on the (?:way|bus|train) home|at home)\b"
    r"|\b(?:play|send|forward|show|give|read)\s+(?:it|the recording|the call|that call|the file|the notes)\s+to my\s+"
    r"(?:sister|brother|friend|friends|partner|husband|wife|mum|mom|mother|dad|father|family|flatmate|housemate|cousin|girlfriend|boyfriend)\b"
)
# The customer's account explained to someone else: "give me Mr Osei's number, I can ring him and
# explain what has happened on your account".
_TOLD_TO_OTHERS = re.compile(
    r"\b(?:ring|call|phone|contact|email|message|text|speak to|talk to|write to)\s+"
    r"(?:him|her|them|your (?:landlord|employer|boss|manager|neighbour|neighbor|letting agent|agent)|(?:mr|mrs|ms|miss|mx|dr) [a-z]+)\b"
    r"[^.!?]{0,30}?\b(?:explain|tell (?:him|her|them)|let (?:him|her|them) know|go through|update (?:him|her|them))\b[^.!?]{0,40}?"
    r"\b(?:(?:on|with|to|about) your (?:account|payments?|standing order|direct debit|arrears|balance|bills?|debt|finances|records?)"
    r"|your (?:account|arrears|balance|debt|finances) (?:is|are|has|have))\b"
)
# A medicine dose changed by someone who is not a clinician: "take a couple of extra ibuprofen".
_DOSE = re.compile(
    r"\b(?:take|give|try|have|up|increase|double|halve|skip|stop)\b[^.!?]{0,20}?\b(?:extra|more|another|double|a couple of|couple of|two|higher|bigger|the rest of|half|half a|less|fewer|a smaller)\b"
    r"[^.!?]{0,15}?\b(?:paracetamol|ibuprofen|calpol|aspirin|codeine|painkillers?|antibiotics|tablets?|pills?|dose|doses|insulin|medication|medicine)\b"
)
# A clinical call made at the desk: going without medicine said to be harmless.
_MISSED_MEDICINE_OK = re.compile(
    r"\b(?:missing|skipping|going without|stopping|without|miss|skip|stop)\b[^.!?]{0,40}?\b(?:tablets?|pills?|medicines?|medication|insulin|dose|doses|inhaler|prescription)\b"
    r"[^.!?]{0,40}?\b(?:will not|would not|should not|cannot|does not|do not|is not going to) (?:do (?:you|him|her|them) any harm|hurt|harm|matter|be a problem|make (?:much|any) difference|be dangerous)"
    r"|\b(?:it is|that is|it will be|you will be|he will be|she will be) (?:fine|safe|ok|okay|alright|all right) to (?:miss|skip|stop|go without|leave)\b[^.!?]{0,30}?\b(?:tablets?|pills?|medicines?|medication|insulin|dose|doses|inhaler)\b"
)
# A one-time code asked for back: "I'm sending you a code. Read it back to me".
_CODE_READ_BACK = re.compile(
    r"\b(?:read|tell|give|say|type|send|text|quote)\b (?:it|that|the code|this code|that code|the number|me the code|us the code|me the number)(?: out)?(?: back)?(?: to me| to us| here| in the chat)\b"
)
# Someone else put on a register or scheme on the word of the person asking.
_REGISTER_ADDED = re.compile(
    r"\b(?:i|we) (?:have |had |will |am |are |am going to )?(?:(?:just|also|now|already|gone ahead and|went ahead and|go ahead and)\s+)*"
    rf"(?:added|add|adding|signed up|sign up|signing up|registered|register|registering|put|putting) (?:your|her|his) {_RELATIVE}\b"
    r"[^.!?]{0,50}?\b(?:register|scheme|priority (?:list|services)|list)\b"
)
_CONSENT_SAID = re.compile(
    r"\b(?:consent|agreement|agrees|agree|permission|say-so|if (?:he|she|they) (?:wants?|would like|(?:is|are) (?:ok|okay|happy|fine|alright|all right|agreeable))|with (?:his|her|their) (?:ok|okay)|(?:he|she|they) (?:can|will need to|needs to|has to) (?:say|confirm|agree))\b"
)


def _register_without_consent(text: Text, context: Text | None) -> list[Span]:
    found = []
    for span in _said(text, _REGISTER_ADDED, asked_too=False):
        sentence = text.sentence_at(span[0])
        if sentence is not None and _CONSENT_SAID.search(sentence.text):
            continue  # "with his agreement I'll add him", "I'll add your dad if he's happy to"
        found.append(span)
    return found


# The customer sent to open up the network's kit, where the kit was named a sentence before: "there's
# a stopcock under a cover in the pavement. You can lift the cover with a screwdriver".
_OPEN_UP = re.compile(r"\b(?:lift|open|remove|prise|prize|lever|pull up|unscrew)\b[^.!?]{0,30}?\b(?:cover|lid|hatch|manhole|chamber)\b")
_IN_THE_STREET = re.compile(r"\b(?:pavement|street|road|footpath|verge|stopcock|valve|mains)\b")


def _street_kit_opened(text: Text, context: Text | None) -> list[Span]:
    found = []
    previous = ""
    for sentence in text.sentences:
        opened = _OPEN_UP.search(sentence.text)
        if opened is not None and not sentence.is_question and _IN_THE_STREET.search(previous + " " + sentence.text):
            start = sentence.start + opened.start()
            if not negated(text, start, 4):
                found.append((start, sentence.start + opened.end()))
        previous = sentence.text
    return found


def _code_asked_back(text: Text, context: Text | None) -> list[Span]:
    found = []
    for match in _CODE_READ_BACK.finditer(text.norm):
        before = text.norm[max(0, match.start() - 120) : match.end()]
        if re.search(r"\bcode\b|\bpasscode\b|\bpin\b", before) and not negated(text, match.start(), 3):
            found.append(match.span())
    return found


# The customer told to open up the network's own kit: "lift the metal cover on the pavement".
_STREET_KIT = re.compile(
    r"\b(?:lift|open|remove|prise|lever|pull up|unscrew)\b[^.!?]{0,40}?\b(?:cover|lid|hatch|manhole|chamber|box)\b[^.!?]{0,40}?\b(?:pavement|street|road|footpath|verge|outside (?:the|your) (?:house|home|property))\b"
    r"|\b(?:pavement|street|road|footpath)\b[^.!?]{0,30}?\b(?:cover|lid|hatch|chamber)\b[^.!?]{0,60}?\b(?:turn|twist|close|shut)\b[^.!?]{0,20}?\b(?:valve|tap|stopcock)\b"
)
# Trust taught the wrong way round: "just reply YES to any text that says it's from the bank".
# The answer to a security check handed to them: "just reply YES and the block comes off". Saying
# what each answer means ("reply YES if it was you, NO if not") leaves the choice with them.
_ANSWER_GIVEN = re.compile(r"(?:^|[,;:]\s*|\b(?:just|simply|then|and|so|please)\s+)(?:reply|respond|text back|press|type|tap)(?: with| back)? (?:yes|y)\b")


def _answer_given(text: Text, context: Text | None) -> list[Span]:
    if context is not None and not _SECURITY_PROMPT.search(context.norm):
        return []  # "does that cover it? just reply yes": a plain confirmation, with no check to answer for them
    return [span for span in _said(text, _ANSWER_GIVEN, asked_too=False)
            if not re.search(r"\b(?:if|unless|whether|only when)\b", (text.sentence_at(span[0]) or text.sentences[0]).text)
            and not _EITHER_WAY.match(text.norm, span[1])
            and not _OURS_JUST_SENT.search((text.sentence_at(span[0]) or text.sentences[0]).text)]


# The prompt they answer is one the agent has just sent, in this conversation: "I've sent an
# approval to your banking app, tap yes". Not a text from anyone claiming to be us.
_OURS_JUST_SENT = re.compile(
    r"\b(?:i|we) (?:have |had )?(?:just |now )?(?:sent|pushed|triggered|popped|put)\b[^.!?]{0,40}?\b(?:app|notification|approval|prompt|request)\b"
)


_SECURITY_PROMPT = re.compile(
    r"\b(?:fraud\w*|scam\w*|suspicious|was (?:this|it) you|security (?:check|question|code|text|message)|verif\w+|one[- ]time (?:code|passcode)|"
    r"passcode|(?:card|account) (?:has been |was )?(?:used|blocked|frozen|locked)|blocked|frozen|locked|used in|unusual (?:activity|payment|transaction))\b"
)
"""A situation with a security check or a suspect payment in it, where answering for them does harm."""
_EITHER_WAY = re.compile(r"\s*(?:or|/)\s*(?:no|n)\b")
"""'reply yes or no': both answers offered, so the choice stays theirs."""
_TRUST_ANY = re.compile(
    r"\b(?:reply|respond|answer|click|tap|press|follow|open)\b[^.!?]{0,20}?\b(?:to |on )?(?:any|every|all) (?:texts?|messages?|emails?|links?|calls?)\b"
    r"|\b(?:any|every) (?:text|message|email|call|link) (?:that|which) (?:says|claims|looks like)\b"
)


# Money given "for the trouble" when nothing in the situation allows it: made-up compensation.
_FOR_THE_TROUBLE = re.compile(
    r"\b(?:for the (?:trouble|hassle|inconvenience|wait|bother|stress)|as (?:a )?goodwill(?: gesture)?|by way of (?:an )?apology|to make up for|(?:some|a bit of) compensation|compensation (?:for|on top))\b"
)
# Money back promised in full where nothing in the situation offers it: "you'll get every month refunded".
_FULL_REFUND = re.compile(
    r"\b(?:refunded in full|a full refund|full refund|every (?:month|penny|payment|charge|fee) (?:back|refunded)|(?:all|every penny of) (?:the|your) money back|(?:every|all) (?:the )?(?:months?|payments?|charges?|fees?) refunded)\b"
)
_MONEY_GIVEN = re.compile(
    r"\b(?:credit\w*|refund\w*|compensat\w*|voucher|waiv\w+|discount|free month|put (?:\S+ ){0,4}back|on top|back on your account|\d+ ?(?:usd|eur|gbp|pounds|dollars|euros)|[£$€]\s?\d+)\b"
)
_ALLOWED_GOODWILL = re.compile(r"\b(?:goodwill|compensat\w*|credit\w*|voucher|waive\w*|discount|gesture|refund\w*|complimentary|free)\b")
# Something given free that nothing in the situation offers: "dinner one evening will be complimentary".
_FREEBIE = re.compile(
    r"\b(?:complimentary|on the house|free of charge|at no (?:extra )?(?:cost|charge)|"
    r"free (?:night|nights|dinner|meal|upgrade|month|months|stay|breakfast|drinks?|delivery|room|lunch|bottle|taxi|transfer)|"
    r"(?:dinner|breakfast|lunch|drinks?|the (?:night|room|stay|meal|upgrade|taxi)) (?:is|are|will be) on us)\b"
)
# Details posted where everyone can read them: "I'll post this on your public thread with your account number".
_POSTED_PUBLICLY = re.compile(
    r"\b(?:i|we) (?:will |am going to |can )?(?:also )?(?:post|share|put|publish)\b[^.!?]{0,60}?\b(?:public|publicly|thread|timeline|feed|page|comments)\b"
    r"[^.!?]{0,60}?\b(?:account number|address|phone number|mobile|date of birth|email|\d{4,})"
)


def _made_up_compensation(text: Text, context: Text | None) -> list[Span]:
    if context is not None and _ALLOWED_GOODWILL.search(context.norm):
        return []
    found = []
    if context is None or not re.search(r"\b(?:refund\w*|cancel\w*)", context.norm):
        for span in _said(text, _FULL_REFUND, asked_too=False):
            sentence = text.sentence_at(span[0])
            if sentence is None or not re.search(r"\b(?:can|could|might|may|look at|options?|or)\b", sentence.text):
                found.append(span)  # promised, not put forward as an option to look at
    for span in _said(text, _FREEBIE, asked_too=False):
        found.append(span)
    for sentence in text.sentences:
        trouble = _FOR_THE_TROUBLE.search(sentence.text)
        if trouble is None or sentence.is_question or not _MONEY_GIVEN.search(sentence.text):
            continue
        start = sentence.start + trouble.start()
        if not negated(text, start, 4):
            found.append((start, sentence.start + trouble.end()))
    return found


# Medicine judged safe by someone who is not a clinician: "the insulin is fine out of the fridge".
_MEDICINE = re.compile(r"\b(?:insulin|medicine|medication|tablets|pills|inhaler|prescription|vaccine|antibiotics|dose)\b")
_JUDGED_SAFE = re.compile(
    r"\b(?:is|are|it is|they are|will be|should be|stays|keeps) (?:totally |perfectly |completely |absolutely |still |usually )?(?:fine|okay|ok|safe|alright|good)"
    r" (?:out of|without|for (?:a|an|weeks|days|hours|ages|\d)|at room|outside|in the heat|warm)\b"
)


# An access need the customer told us about, overridden: a wheelchair user put up stairs.
_ACCESS_NEED = re.compile(r"\b(?:wheelchair|step[- ]free|mobility|walking frame|zimmer|crutches|cannot manage stairs|can't manage stairs|no stairs|ground floor|accessible room|lift)\b")
_UP_STAIRS = re.compile(
    r"\b(?:put|moved|booked|placed|given|allocated|upgraded) (?:you|her|him|them)\b[^.!?]{0,40}?\b(?:(?:second|third|fourth|fifth|top|upper|\d+(?:st|nd|rd|th)) floor|upstairs)\b"
    r"|\b(?:room|flat) [2-9]\d\d\b[^.!?]{0,30}?\b(?:(?:second|third|fourth|fifth|top|upper) floor)\b"
)


# Food or drink pressed on someone who must fast: "let him have a biscuit, a little won't matter".
_FASTING = re.compile(r"\b(?:fasting|nil by mouth|not (?:to )?eat|no food|nothing to eat|empty stomach|has not eaten|hasn't eaten|have not eaten)\b")
_FOOD_GIVEN = re.compile(
    r"\b(?:have|has|eat|eats|grab|get|give (?:him|her|them|yourself)|bring (?:him|her|them))\b(?![^.!?]{0,25}?\b(?:no|nothing|not|without|since)\b)[^.!?]{0,25}?"
    r"\b(?:biscuits?|snacks?|sandwich|something to eat|a bite|sweet tea|tea|coffee|juice|food|breakfast|sugar|sweets?|chocolate|a bar|a banana|toast)\b"
)


_TEST_FIRST = re.compile(
    r"\b(?:take|taken|taking|do|doing|done|draw|get|getting|have)\b[^.!?]{0,25}?\b(?:fasting )?(?:bloods?|blood tests?|sample)\b[^.!?]{0,25}?"
    r"\b(?:now|first|straight away|right away|before (?:he|she|they|you|the|his|her|your) (?:sees?|goes in|is seen|appointment|doctor))\b"
)
"""The fasting test arranged first, anywhere in the reply: what it says of food comes after it, unless food is now."""
_THEN_LEAD = re.compile(r"\W*(?:(?:and|so)\s+)?(?:then|after that|afterwards|once (?:that|it|they|she|he) is done|after (?:that|the))\b")
_FOOD_NOW = re.compile(r"\b(?:now|straight away|right away|while (?:he|she|they|you) waits?|in the meantime|meanwhile)\b")
_AFTER_THE_TEST = re.compile(
    r"\b(?:after|once|when)\b[^.!?]{0,40}\b(?:test|bloods?|sample|done|taken|finished)\b"
    r"|\b(?:take|taken|do|done|draw|drawn|get)\b[^.!?]{0,40}\b(?:test|bloods?|sample)\b[^.!?]{0,100}\b(?:so (?:that )?(?:he|she|they|you) can|then)\b"
)


def _clause_around(norm: str, span: Span, sentence: Sentence) -> str:
    """The clause of a sentence that holds a span: between the commas, colons or semicolons around it."""
    start = max([sentence.start] + [norm.rfind(mark, sentence.start, span[0]) + 1 for mark in ",;:"])
    ends = [at for at in (norm.find(mark, span[1], sentence.end) for mark in ",;:") if at != -1]
    return norm[start:min(ends, default=sentence.end)]


def _fast_broken(text: Text, context: Text | None) -> list[Span]:
    if context is None or not _FASTING.search(context.norm):
        return []
    test_first = _TEST_FIRST.search(text.norm) is not None
    found = []
    for span in _said(text, _FOOD_GIVEN, asked_too=False):
        eaten = text.sentence_at(span[0])
        if test_first and eaten is not None and (not _FOOD_NOW.search(_clause_around(text.norm, span, eaten))
                                                 or _THEN_LEAD.match(eaten.text)):
            continue  # "the nurse can take his fasting bloods now ... then he can eat": food after the test
        sentence = text.sentence_at(span[0])
        if sentence is not None and _AFTER_THE_TEST.search(sentence.text[: span[0] - sentence.start + 40]):
            continue  # "once the bloods are taken he can have tea", "take his test first so he can eat": after the fast
        found.append(span)
    return found


def _said(text: Text, pattern: re.Pattern[str], *, asked_too: bool = True) -> list[Span]:
    """Spans where ``pattern`` is said, not denied ("we will never..."), and not only asked about."""
    found = []
    for match in pattern.finditer(text.norm):
        if negated(text, match.start(), 3):
            continue
        sentence = text.sentence_at(match.start())
        if not asked_too and sentence is not None and sentence.is_question:
            continue
        found.append(match.span())
    return found


def _access_overridden(text: Text, context: Text | None) -> list[Span]:
    if context is None or not _ACCESS_NEED.search(context.norm):
        return []
    return _said(text, _UP_STAIRS)


_CLINICIAN_SAYS = re.compile(r"\b(?:pharmacist|doctor|nurse|gp|clinician|leaflet|label) (?:says|said|says that|advises)\b")


def _medicine_judged(text: Text) -> list[Span]:
    found = []
    for sentence in text.sentences:
        judged = _JUDGED_SAFE.search(sentence.text)
        if judged and _MEDICINE.search(sentence.text) and not sentence.is_question and not _CLINICIAN_SAYS.search(sentence.text):
            start = sentence.start + judged.start()
            if not negated(text, start, 3):
                found.append((start, sentence.start + judged.end()))
    return found


# Someone else's account told to the one asking: "she's paying £54 a month and is £120 in credit".
_THIRD_PERSON = rf"(?:she|he|her|his|they|their|your {_RELATIVE}(?:'s)?)"
_THEIR_ACCOUNT_FACT = re.compile(
    rf"\b{_THIRD_PERSON}\b(?: is| are| has| have)?[^.!?]{{0,60}}?\b(?:in credit|in arrears|in debit|overdrawn|owes|owing|"
    r"paying (?:[£$€]\s?)?\d[\d,.]*|pays (?:[£$€]\s?)?\d[\d,.]*|[£$€]\s?\d[\d,.]*\s*(?:a|per|each) (?:month|week|quarter)|"
    r"(?:has|have) (?:already )?been paid|(?:has|have) not been paid|balance (?:is|of|stands))"
)
_JOINT = re.compile(r"\b(?:joint (?:names?|account|holders?|policy)|in (?:both|their) names|(?:a|the) joint\b)")
# What is theirs sent or told to someone else: "I'll text her all your appointment details".
_TO_SOMEONE_ELSE = re.compile(
    rf"\b(?:text|send|email|tell|give|pass|forward|explain|ring|call|phone|contact|speak to|talk to|update|copy in|let)\b(?: \w+){{0,2}}? (?:to )?"
    rf"(?:her|him|them|your {_RELATIVE}|(?:mr|mrs|ms|miss|mx|dr) [a-z]+)\b[^.!?]{{0,90}}?\byour (?:\w+ ){{0,3}}?"
    r"(?:details|appointments?|prescriptions?|results|account|balance|medical|records|situation|medication|diagnosis|notes|history|"
    r"standing orders?|direct debits?|payments?|bills?|money|finances|case|complaint|claim|arrears|debt)\b"
)
_WITH_CONSENT = re.compile(
    r"\b(?:if you (?:are )?(?:happy|ok|okay|comfortable|agree|would like|want)|with your (?:permission|consent|ok|okay|agreement|say so)|"
    r"would you like|do you want|shall i|should i|can i|may i|only if you)\b"
)
# Another person's health named at the desk: "Mr Patel from upstairs collapsed with chest pains".
_TITLED = re.compile(r"\b(?:mr|mrs|ms|miss|mx) ([a-z][a-z'-]+)")
# Where someone lives: "12 Elm Road", "at number 14", "flat 3".
_ADDRESS = re.compile(
    r"\b\d{1,4}[a-z]? (?:[a-z]+ ){1,2}(?:road|rd|street|st|lane|ln|avenue|ave|close|drive|way|crescent|place|court|gardens|terrace|grove|"
    r"park|square|row|hill|mews|walk|view|rise)\b|\bnumber \d{1,4}\b|\bflat \d{1,4}\b"
)
_LIVES_AT = re.compile(r"(?:'s|,)?\s+(?:\w+\s+){0,2}?(?:at|of|in|from|lives at|living at|who lives at|down at|over at)\s+")
"""Between a person and an address: "Mrs Patel at", "your neighbour, who lives at"."""
_SOMEONE_ELSE = re.compile(
    r"\b(?:another|other|different|the wrong) (?:customer|person|household|house|address|lady|man|woman|family)\b|\b(?:your|a|the) neighbou?r\b"
)
_HEALTH = re.compile(
    r"\b(?:collapsed|chest pains?|heart attack|stroke|seizure|fitting|had a fall|fell|ambulance|a&e|died|passed away|overdose|"
    r"pregnan\w*|cancer|diagnos\w*|bleeding|unconscious|an emergency|taken ill|was ill|is ill|very ill|poorly|miscarriage|"
    r"asthma|diabetes|diabetic|(?:leg|wound|arm|foot) dressing|(?:medication|health|asthma|diabetes) review|bloods|blood test|injection|vaccination|"
    r"check-up|smear|blood pressure|epilepsy|dementia|wound)\b"
)
_ANOTHER = re.compile(
    r"\b(?:another|a|one other|the other|the) (?:little |young |old |older |elderly |next )?(?:patient|customer|resident|lady|man|woman|gentleman|neighbour|neighbor|child|boy|girl|baby|kid|teenager)\b"
    r"(?=[^.!?]{0,40}?\b(?:for (?:his|her|their|a|an)|with (?:his|her|their|a|an)|has|had|is in for|came in)\b)"
)


# A warm handover: the customer's story told to a colleague, with the customer on the line.
_HANDOVER = re.compile(
    r"\b(?:my colleague|a colleague|our colleague|colleague from|(?:our|the) [a-z]+ team|team leader|complaints|put you through|"
    r"putting you through|transfer you|transferring you|hand you over|handing you over|introduce you|stay on the line|three-way|"
    r"in your hearing|while you listen|so you do not have to (?:repeat|explain|say))\b"
)


def _others_disclosed(text: Text, context: Text | None) -> list[Span]:
    # On an account in joint names, what the other holder's side of it shows is the caller's too.
    joint = context is not None and _JOINT.search(context.norm) is not None
    found = []
    previous = ""
    for sentence in text.sentences:
        told_a_colleague = bool(_HANDOVER.search(previous + " " + sentence.text))
        previous = sentence.text
        if sentence.is_question:
            continue
        for pattern in (_TO_SOMEONE_ELSE,) if joint else (_THEIR_ACCOUNT_FACT, _TO_SOMEONE_ELSE):
            match = pattern.search(sentence.text)
            if match is None or _WITH_CONSENT.search(sentence.text) or conditional(text, sentence.start + match.start(), 3):
                continue
            if told_a_colleague:
                continue  # "I'll stay on the line and tell them about your direct debit": a warm handover
            start = sentence.start + match.start()
            if not negated(text, start, 3):
                found.append((start, sentence.start + match.end()))
        address = _ADDRESS.search(sentence.text)
        if address is not None and (context is None or address.group() not in context.norm):
            # "your sofa went to Mrs Patel at 12 Elm Road": where someone else lives
            other = next((m for m in _TITLED.finditer(sentence.text) if context is None or m.group(1) not in context.norm), None) \
                or _SOMEONE_ELSE.search(sentence.text)
            lives_there = other is not None and other.end() <= address.start() and _LIVES_AT.fullmatch(
                sentence.text, other.end(), address.start())
            if lives_there and other is not None and not negated(text, sentence.start + address.start(), 3):
                found.append((sentence.start + min(other.start(), address.start()), sentence.start + max(other.end(), address.end())))
        if _HEALTH.search(sentence.text):
            names = [m for m in _TITLED.finditer(sentence.text) if context is None or m.group(1) not in context.norm]
            named = names[0] if names else _ANOTHER.search(sentence.text)
            if named is not None:
                found.append((sentence.start + named.start(), sentence.start + named.end()))
    return found


# Someone added to an account by name, on another person's word: "I've added Tunde to the account".
_ADDED_BY_NAME = re.compile(
    r"\b(?:i|we) (?:have |had |will |am going to )?(?:(?:already|just|now|also|gone ahead and|went ahead and|go ahead and)\s+)*"
    r"(?:added|add|put) (?P<who>[a-z][a-z'-]+)(?: [a-z][a-z'-]+){0,2} (?:to|onto|on) (?:the|your|this|that) (?:new |joint )?account\b"
)


_NOT_A_NAME = frozenset("it that this them him her those these everything something anything one all both me us".split())


def _named_added(text: Text, context: Text | None) -> list[Span]:
    if context is None:
        return []
    found = []
    for match in _ADDED_BY_NAME.finditer(text.norm):
        who = match.group("who")
        if who in _NOT_A_NAME:
            continue
        if re.search(rf"\b{re.escape(who.capitalize())}\b", context.original) and not negated(text, match.start(), 3):
            found.append(match.span())
    return found


# Treatment advised by someone who is not a clinician: "a dose of Calpol would bring that temperature
# down", "try taking ibuprofen and paracetamol together", "keep the knee strapped". Deferring to a
# clinician ("the nurse can tell you what she can have") or asking ("has she had anything?") is not.
_TREATMENT = (
    r"(?:paracetamol|ibuprofen|calpol|nurofen|aspirin|codeine|co-codamol|antihistamines?|piriton|painkillers?|pain ?killers?|"
    r"pain relief|antibiotics?|antacids?|gaviscon|rennie|lemsip|cough (?:syrup|medicine|mixture)|ointment|steroids?|"
    r"sleeping (?:pills?|tablets?)|tablets?|pills?|capsules?|a dose|doses?|\d+ ?(?:ml|mg|mls|milligrams?|millilitres?))"
)
_CARE_STEP = (
    r"(?:ice (?:it|on it|pack)|(?:an? |some )?(?:ice|heat) pack|hot water bottle|(?:keep|have|get) (?:it|the \w+|your \w+|her \w+|his \w+) "
    r"(?:strapped|bandaged|raised|elevated|up)|strap (?:it|the \w+|your \w+) up|bandage it|elevate (?:it|the \w+|your \w+))"
)
_RECOMMEND = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|then|so|just|also|maybe|perhaps|otherwise|meanwhile|night|bed|now|wait|not)\s+|\bif not,?\s+)"
    r"(?:try (?:taking|giving|using|having)|(?:take|give|giving|taking|use|using|apply|pop|try) (?:her|him|them|it|yourself|a|an|some|one|two)?\b)"
    r"|\b(?:you|she|he|they|we) (?:can|could|should|might want to|may want to|might like to|are fine to|are ok to) (?:take|give|have|try|use)\b"
    rf"|(?:\b{_TREATMENT}|\b(?:it|that|this|which|they|them))\s+(?:\w+\s+)?(?:would|should|will|usually|normally|often|generally|always|can|could|might|may)"
    r" (?:\w+ )?(?:help|helps|bring|brings|ease|eases|settle|settles|soothe|soothes|take the edge off|takes the edge off|do the trick|does the trick|clear it up|clears it up|knock it|knocks it)\b"
    r"|\bshould be (?:fine|ok|okay|alright|safe) for (?:her|him|them|you|a child|her age|his age)\b"
)
_CLINICIAN_DECIDES = re.compile(
    r"\b(?:nurse|doctor|gp|pharmacist|clinician|midwife|consultant|111|nhs|surgery|practice|ward|dentist|vet|paramedic)s?\b[^.!?]{0,40}?"
    r"\b(?:will|can|could|may|might|would|is able to|are able to|to) (?:advise|tell|say|check|decide|look|talk|speak|see|confirm|recommend|prescribe|assess)\b"
    r"|\bask (?:the|a|your|our) (?:nurse|doctor|gp|pharmacist|clinician|midwife)\b|\b(?:on|with|from) (?:the|a|your) (?:pharmacist|doctor|nurse|gp)'?s? (?:advice|say-so|okay|ok)\b"
)


# Medicine fetched, not taken: "you can take them from the pharmacy next door", "pick up your tablets".
_COLLECTED = re.compile(
    r"\b(?:take|taking|pick up|picking up|collect|collecting|get|fetch|bring|bringing)\b(?: \w+){0,3}? (?:from|at|to|home|with you|along)\b"
    r"|\b(?:pick (?:them|it) up|collect (?:them|it)|prescription (?:is|will be) ready)\b"
)


def _treatment_advised(text: Text, context: Text | None) -> list[Span]:
    found = []
    for sentence in text.sentences:
        if sentence.is_question or _CLINICIAN_DECIDES.search(sentence.text) or _COLLECTED.search(sentence.text):
            continue
        treatment = re.search(rf"\b{_TREATMENT}(?![\w-])|\b{_CARE_STEP}\b", sentence.text)
        if treatment is None or not _RECOMMEND.search(sentence.text):
            continue
        start = sentence.start + treatment.start()
        if negated(text, start, 5) or re.search(r"\b(?:do not|don't|never|not to|nothing|no)\b", sentence.text[: treatment.start()]):
            continue  # "don't give her anything until the nurse has seen her" holds off
        found.append((start, sentence.start + treatment.end()))
    return found


# A clinical outcome promised at the desk: "don't worry about the operation", "Thursday will still be
# plenty of time for the results", "the hospital can just do the bloods on the day".
_CLINICAL = (
    r"(?:operation|surgery|procedure|op|results?|bloods?|blood tests?|tests?|scans?|x-rays?|biopsy|diagnosis|symptoms?|treatment|"
    r"condition|temperature|fever|rash|lump|recovery|healing|pregnancy|baby|heart|chest|breathing|infection|wound|stitches|"
    r"referral|appointment with the (?:consultant|specialist)|pain)"
)
_CLINICAL_REASSURED = re.compile(
    rf"\b(?:do not|please do not|try not to|no need to|there is no need to|you do not need to) worry about (?:the|your|her|his|their|that|this) (?:\w+ ){{0,2}}?{_CLINICAL}\b"
    rf"|\b{_CLINICAL}\b[^.!?]{{0,50}}?\b(?:will|would|should|is going to) (?:still |definitely |all )?(?:be (?:fine|ok|okay|alright|all right|in time|on time|plenty|nothing)|go ahead|happen as planned|not be (?:affected|delayed|a problem|an issue))\b"
    rf"|\b(?:still )?(?:be )?(?:plenty of|enough|loads of) time (?:for|to get) (?:the|your|her|his) (?:\w+ ){{0,2}}?{_CLINICAL}\b"
    rf"|\b(?:they|the hospital|the clinic|the ward|the team|the lab|the surgery|the nurse|the doctor) (?:can|could|will) (?:just|simply|easily) (?:do|take|run|redo|repeat) (?:the|your|a) (?:\w+ ){{0,1}}?{_CLINICAL}\b"
    rf"|\b(?:it|that|this|she|he) (?:is|will be|sounds|looks) (?:probably |likely |most likely )?(?:nothing serious|nothing to worry about|fine|ok|okay|normal)\b(?=[^.!?]{{0,40}}\b{_CLINICAL}\b)"
    rf"|\b(?:will not|won't|would not|should not|does not|is not going to) (?:really |actually |even )?(?:affect|matter for|harm|spoil|change|delay|interfere with|ruin|make (?:a|any|much) difference to) (?:the|a|his|her|your|their) (?:\w+ )?{_CLINICAL}\b"
)


# Security taken down on the word of the call: "I've just turned off the six-digit code on your
# account", "I've lifted the block so you can pay". Once the checks are passed, resetting it is the
# process, and is left alone.
_CONTROL = (
    r"(?:code|codes|verification|verifications|check|checks|security|authenticat\w*|authenticator|2fa|two[- ]factor|two[- ]step|"
    r"2[- ]step|mfa|multi[- ]factor|block|blocks|fraud (?:block|check|hold|marker|flag)|hold|freeze|stop|lock|sign[- ]in (?:code|check)|"
    r"login (?:code|check)|identity check|id check|passcode|password check|security questions?)"
)
_STOOD_DOWN = re.compile(
    rf"\b(?:(?:turned|switched|taken|turn|switch|take|turning|switching|taking) (?:off|away) (?:the|your|that|this|those) (?:[\w-]+ ){{0,2}}?{_CONTROL}\b"
    rf"|(?:disabled|removed|bypassed|skipped|lifted|overridden|overrode|waived|cleared|suspended|disable|remove|bypass|skip|lift|override|waive|clear|suspend|unblocked|unlocked|unfroze|unfrozen|released) "
    rf"(?:the|your|that|this|those) (?:[\w-]+ ){{0,2}}?{_CONTROL}\b"
    rf"|(?:unblocked|unfroze|unfrozen|unlocked|released) (?:your|the) (?:card|account|payment|transfer)\b)"
)
_CHECKS_FIRST = re.compile(
    r"\b(?:once|after|when|as soon as|until|before)\b[^.!?]{0,60}?\b(?:verif\w*|checks?|checked|confirm\w*|passed|security questions|identity|id|prove|proved)\b"
    r"|\bif (?:you|we) (?:can )?(?:pass|verify|confirm|answer)\b"
)


def _security_stood_down(text: Text, context: Text | None) -> list[Span]:
    found = []
    for sentence in text.sentences:
        if sentence.is_question:
            continue
        for match in _STOOD_DOWN.finditer(sentence.text):
            start = sentence.start + match.start()
            if negated(text, start, 4) or conditional(text, start, 3) or _CHECKS_FIRST.search(sentence.text):
                continue
            found.append((start, sentence.start + match.end()))
    return found


def unsafe_advice(text: Text, context: Text | None) -> list[Span]:
    """Spans where the reply asks for a secret, waves a hazard through, accepts fault unchecked or makes a clinical call."""
    spans = [span for span in hits(text, "unsafe_advice") if not negated(text, span[0], 4)]
    return (
        spans + _secret_requests(text) + _public_asks(text, openly=True) + _hazard_waved_through(text, context)
        + _said(text, _CERTAIN_FAULT, asked_too=False) + _said(text, _ADDED_WITHOUT_CONSENT) + _hazard_called_harmless(text, context)
        + _medicine_judged(text) + _access_overridden(text, context)
        + _said(text, _REDIRECTED, asked_too=False) + _said(text, _THIRD_PARTY, asked_too=False)
        + _said(text, _DOSE, asked_too=False) + _said(text, _STREET_KIT, asked_too=False) + _said(text, _TRUST_ANY) + _answer_given(text, context) + _street_kit_opened(text, context)
        + _said(text, _POSTED_PUBLICLY, asked_too=False) + _made_up_compensation(text, context)
        + _said(text, _RECORDING_TAKEN) + _said(text, _TOLD_TO_OTHERS)
        + _others_disclosed(text, context) + _named_added(text, context) + _fast_broken(text, context)
        + _said(text, _MISSED_MEDICINE_OK, asked_too=False) + _code_asked_back(text, context)
        + _register_without_consent(text, context) + _treatment_advised(text, context)
        + _said(text, _CLINICAL_REASSURED, asked_too=False) + _security_stood_down(text, context)
    )


# What must never be posted where anyone can read it: numbers and details from their account.
_PRIVATE = re.compile(
    r"\b(?:card|account) (?:ending|ending in|ending with|number ending)\s*(?:in |with )?\d{2,4}\b"
    r"|\b(?:last (?:four|4|two|2) digits)\b[^.?!]{0,20}?\d{2,4}\b"
    r"|\b(?:account|acc|acct|policy|membership|customer|card|sort code)(?: number| no| ref| reference)?\s*(?:is\s*)?[:#]?\s*\d[\d -]{4,}\d\b"
    r"|\bsort code\b|\bdate of birth\b|\bborn on\b|\blast log(?:ged)? ?in\b|\blast signed in\b"
    r"|\byour (?:email|e-mail|email address|mobile|phone|phone number|number|landline|mobile number)(?: is| as|:)?\s*(?:[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d ]{7,14}\d)"
    r"|\b[a-z]{1,2}\d[a-z\d]? \d[a-z]{2}\b"
    r"|\b(?:your|the) (?:balance|available balance|overdraft) (?:is|was|of|stands at)\b"
    r"|\b(?:registered|home) address\b"
    # what their account shows, said where anyone can read it: "we can see your rent payment went through at 13:20"
    r"|\b(?:we|i) can see (?:that )?your\b[^.!?]{0,40}?\b(?:payment|transaction|transfer|balance|deposit|withdrawal|rent|bill|direct debit|standing order)\b"
    r"[^.!?]{0,40}?(?:went through|cleared|was paid|has been paid|bounced|failed|\bat \d|[£$€]\s?\d|\d{1,2}:\d{2})"
    # an email address that is theirs ("billed to jonas@..."), not ours to write to
    r"|(?<!us at )(?<!us on )(?<!to )\b[\w.+-]+@[\w-]+\.[\w.]+"
    # a file, tag or ticket code that finds their things: "bag tag SL 482913", "file LIS-48291"
    r"|\b(?:bag tag|tag|file|claim|booking|ticket|season ticket|passport)(?: number| no| ref| reference)?\s*[:#]?\s*[a-z]{0,4}[ -]?\d{4,}\b"
)


def private_details(text: Text) -> list[Span]:
    """Spans that show a customer's private details, or ask for them, in a reply posted in public."""
    found = _public_asks(text)
    for match in _PRIVATE.finditer(text.norm):
        sentence = text.sentence_at(match.start())
        if sentence is not None and (_PRIVATELY.search(sentence.text) and not re.match(r"\d", match.group())):
            continue  # "DM us your account number" asks for it in private; it shows nothing
        if sentence is not None and re.search(r"\b(?:dm|message|send|give|share|pop|drop|tell)\b", sentence.text[: match.start() - sentence.start]) \
                and not re.search(r"\d", match.group()):
            continue  # asking for a detail names it; it shows nothing
        found.append(match.span())
    return found
