"""Round 12 of the redactor (issue 19): the general causes of the twelfth edition's misses and
over-redactions, each proven on sentences of its own (not the corpora's). Most are a call's turns:
what a turn asks for is what the next turns answer."""
import pytest

from redaction_support import left_in, redacted


@pytest.mark.parametrize("text,said", [
    # the social asked for: its pieces in the next turns, in digits or words, read back or said again
    ("Agent: Last four of your social, please?\nCaller: 4 7 1 6.\nAgent: Four seven one six?\nCaller: Yes.",
     ["4 7 1 6", "Four seven one six"]),
    ("Agent: And the SSN for the credit check?\nCaller: two one eight, four four, nine oh seven one.",
     ["two one eight", "nine oh seven one"]),
    ("Agent: Email first?\nCaller: rashida.k@example.org\nAgent: And the last four?\nCaller: 3390.", ["3390"]),
    # the phone asked for, given in pieces over two turns
    ("Agent: Best number to reach you?\nCaller: oh seven seven\nCaller: double four, one two, nine eight.",
     ["oh seven seven", "double four, one two, nine eight"]),
    # a postcode and a street asked for, answered alone
    ("Agent: Your postcode?\nCaller: 8004.\nAgent: And the street?\nCaller: Rue des Alpes 7.", ["8004", "Rue des Alpes 7"]),
    # a name said on its own to end, by the agent thanking, after "again", or in another language
    ("The stitches itch, is that normal? Oyelaran Buhle.", ["Oyelaran", "Buhle"]),
    ("Agent: Thank you, Nkemdirim.", ["Nkemdirim"]),
    ("Out of hours: Tsegaye again, the dressing is wet.", ["Tsegaye"]),
    ("Hola, me llamo Xiomara, quiero una cita.", ["Xiomara"]),
    ("My auntie Mbalenhle wants the consultation.", ["Mbalenhle"]),
    ("Agent: Name as it's on the card?\nCaller: OKONKWO, CHIDI.", ["OKONKWO", "CHIDI"]),
])
def test_what_the_twelfth_edition_let_through_is_caught(text, said):
    assert not left_in(text, said), redacted(text)


@pytest.mark.parametrize("text", [
    # a question about something else closes the social's turns; a card's last four is not a social
    "Agent: Last four of the card?\nCaller: 4410.",
    # a reference's digits, in its sentence or answering the question before
    "My booking reference is B for Bravo, K for Kilo, two zero two six, four four one nine.",
    "Agent: Can I take the reference?\nCaller: It's AAC-2026-7714.",
    # days, fillers and thanks in the languages callers switch into
    "Freitag, Friday the 6th, is that free at 14:30?",
    "Allora, is it £2,500 with the consultation?",
    "Spasibo, see you Tuesday.",
    # a last sentence of ordinary words is no name
    "Please book me in for Thursday. Confirm.",
])
def test_what_the_twelfth_edition_changed_is_left_alone(text):
    assert redacted(text) == text


@pytest.mark.parametrize("text,said", [
    # the body's signs and a pregnancy in plain words; a scar in the language a caller switches into
    ("I take Bisoprolol for my pressure being high and I feel dizzy when I stand up.", ["pressure being high", "dizzy"]),
    ("Day three, temperature 38.9 and a racing heartbeat, is that the op?", ["temperature 38.9", "racing heartbeat"]),
    ("I'm twenty weeks pregnant, can I book for after?", ["twenty weeks pregnant"]),
    ("I'm on the Depo injection for birth control, does that matter?", ["Depo injection", "birth control"]),
    ("Ich habe eine Narbe, sehr wulstig, can the laser help?", ["Narbe", "wulstig"]),
    # a name said on its own between sentences, and a name before the number to reach it
    ("I don't consent to recording. Adaeze Obi. Just book me in.", ["Adaeze", "Obi"]),
    ("Sorry, it's loud! Tendai, zero seven seven one, two three four.", ["Tendai"]),
])
def test_what_the_twelfth_edition_let_through_is_caught_too(text, said):
    assert not left_in(text, said), redacted(text)


@pytest.mark.parametrize("text", [
    "My mother only speaks Tagalog, can I translate for her at the consultation?",
    "Loud here, sorry, is the 10:30 still free?",
])
def test_a_language_and_a_loud_line_are_not_names(text):
    assert redacted(text) == text
