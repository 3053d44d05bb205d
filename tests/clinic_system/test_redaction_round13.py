"""Round 13 of the redactor (issue 19): the general causes of the thirteenth edition's misses and
over-redactions, each proven on sentences of its own (not the corpora's)."""
import pytest

from redaction_support import left_in, redacted


@pytest.mark.parametrize("text,said", [
    # "your number?" asks for the phone, answered over turns, in another language's digits too
    ("Agent: And your number?\nCaller: oh two oh\nCaller: seven nine four six, one one two two.",
     ["oh two oh", "seven nine four six, one one two two"]),
    ("Agent: Telefono?\nCaller: tre tre nove\nCaller: quattro cinque sei, due due uno otto.",
     ["quattro cinque sei, due due uno otto"]),
    # a read-back more than a few turns on is still the answer
    ("Agent: Last four?\nCaller: 1 9\nCaller: 0 4.\nAgent: So 1904?\nCaller: Yes.\nAgent: Sorry, again?\nCaller: 1904, yes.",
     ["1904"]),
    ("Post it to BFPO 31, please.", ["BFPO 31"]),
    # a name as the heading of a message, and the agent checking its spelling
    ("Ifeoma Nwachukwu: the scar on my knee is itchy.", ["Ifeoma", "Nwachukwu"]),
    ("Agent: Is that Okonjo with a J?\nCaller: Yes.", ["Okonjo"]),
    # a test by name, a blood trait, the skin a great weight loss leaves
    ("I had an ultrasound last week and I carry the beta thal trait.", ["ultrasound", "beta thal trait"]),
    ("It's about the skin after losing 50 kilos.", ["skin after losing 50 kilos"]),
])
def test_what_the_thirteenth_edition_let_through_is_caught(text, said):
    assert not left_in(text, said), redacted(text)


@pytest.mark.parametrize("text", [
    # the questions every patient is asked name no one's condition
    "Agent: Any allergies?",
    "Agent: And do you take any medications?",
    "Agent: Have you had any operations?",
    # greetings and verbs at a sentence's start are no names
    "Grüß Gott, is the 11:00 free on Freitag?",
    "Put it under the clinic's name, please. Anyway, Thursday works.",
])
def test_what_the_thirteenth_edition_changed_is_left_alone(text):
    assert redacted(text) == text


def test_the_callers_answer_to_a_general_question_is_still_redacted():
    out = redacted("Agent: Any allergies?\nCaller: Penicillin, I come out in hives.")
    assert "Penicillin" not in out and "hives" not in out, out
