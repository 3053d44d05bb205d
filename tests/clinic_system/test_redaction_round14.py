"""Round 14 of the redactor (issue 19): the general causes of the fourteenth edition's misses and
over-redactions, each proven on sentences of its own (not the corpora's)."""
import pytest

from redaction_support import left_in, redacted


@pytest.mark.parametrize("text,said", [
    # a read-back in the turn that asks the next question; a social said with hundreds and tens
    ("Agent: Last four of your social?\nCaller: 2 2 6 4.\nAgent: 2264, and your postcode?\nCaller: LS6 2QT.", ["2264"]),
    ("Agent: Your social, please?\nCaller: Five hundred and twelve, thirty-three, forty-one eighty.",
     ["Five hundred and twelve, thirty-three, forty-one eighty"]),
    # the agent checking who it speaks to, or calling the caller by name; who someone is
    ("Agent: So Ngozi Eze?\nCaller: Yes.", ["Ngozi", "Eze"]),
    ("Agent: We have a slot, Obinna, would you like it?", ["Obinna"]),
    ("My son had the stitches out, he's Chukwuemeka, we came Monday.", ["Chukwuemeka"]),
    ("My little girl Adaora has a birthmark on her cheek.", ["Adaora"]),
    # a cut by what made it and where; a hoarse voice
    ("I've a knife cut on my right thumb and I'm hoarse since the op.", ["knife cut on my right thumb", "hoarse"]),
])
def test_what_the_fourteenth_edition_let_through_is_caught(text, said):
    assert not left_in(text, said), redacted(text)


@pytest.mark.parametrize("text", [
    "Is the clinic wheelchair accessible from the car park?",
    "Could the invoice show the clinic's VAT number?",
])
def test_what_the_fourteenth_edition_changed_is_left_alone(text):
    assert redacted(text) == text
