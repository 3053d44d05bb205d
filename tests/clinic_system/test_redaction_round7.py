"""Round 7 of the redactor (issue 19): the general causes of the seventh edition's misses and
over-redactions, each proven on sentences of its own (not the corpora's)."""
import pytest

from redaction_support import redacted


@pytest.mark.parametrize("text", [
    "I'll take the Northern line to Kentish Town, then walk.",
    "Is it quicker to get off at Elephant and Castle?",
    "I'll take the 38 bus past Islington Green.",
    "Meet at the exit by the Boots at Liverpool Street.",
    "Is Marble Arch station the closest?",
    "It's on the third floor, Room 12, isn't it?",
    "Take the Piccadilly line to Green Park, is that right?",
])
def test_stations_stops_and_rooms_are_places_not_people(text):
    assert redacted(text) == text


@pytest.mark.parametrize("text,said", [
    ("I take the bus to Amara Okafor's house.", "Okafor"),                  # someone's home is not a stop
    ("My name is Amara Okafor and I get off at Brixton.", "Okafor"),
    ("sorry, Lot 32, I said it backwards", "Lot 32"),                        # a building's number alone stays redacted
])
def test_a_name_beside_a_journey_is_still_a_name(text, said):
    assert said not in redacted(text), redacted(text)


@pytest.mark.parametrize("text,said", [
    ("The drain sites are still weeping a little.", "drain sites"),
    ("I had my breast expanders filled last week.", "expanders"),
    ("Can I wear my compression garment to the appointment?", "compression garment"),
    ("I've got a slipped disc so lying flat is hard.", "slipped disc"),
    ("I'm an ex-smoker, two years now.", "ex-smoker"),
    ("she lives at Barrio San Roque, carrera 9 número 14, Cuenca", "carrera 9"),
    ("it's m underscore quispe at example dot b, the end was cut", "quispe"),
])
def test_aftercare_lay_conditions_lower_case_streets_and_a_cut_email(text, said):
    assert said not in redacted(text), redacted(text)


@pytest.mark.parametrize("text,said", [
    ("my social is four one seven, um, two two, then three nine zero five", "three nine zero five"),
    ("it's awa point diallo arobase example point sn", "diallo"),
    ("Caller: Tamatoa, I've had a rhinoplasty before", "Tamatoa"),            # one word at a turn's start
    ("User: Ixchel, email me please", "Ixchel"),
    ("my last name is Rose, R-O-S-E", "Rose"),                                  # spelt whole: a name
    ("My name is Tz'ikin' Ajcot, I'm calling about fillers", "Tz'ikin"),         # a glottal stop written last
    ("the K as in kilo, A, M, A, U spelling", "A, M, A, U"),
    ("I had a gastric sleeve op last year and I'm on meds for raised blood pressure", "raised blood pressure"),
    ("after my motorbike accident the scar on my chin", "motorbike accident"),
])
def test_round_8_spoken_numbers_emails_names_and_medical_history(text, said):
    assert said not in redacted(text), redacted(text)


@pytest.mark.parametrize("text,said", [
    ("mon portable, c'est zéro sept, vingt-deux, soixante et onze, trente, quatorze", "trente, quatorze"),
    ("it's +44 7700 900 318, so the end is 318", "the end is 318"),
    ("Caller: Tuiasosopo, no, sorry, my daughter is calling", "Tuiasosopo"),
    ("Caller: Aroha's mum here, Whetu, about a scar", "Whetu"),
])
def test_round_8_numbers_and_names_said_again_or_alone(text, said):
    assert said not in redacted(text), redacted(text)


@pytest.mark.parametrize("text", [
    "Is the £3,000 with the anaesthetic or without?",
    "Is it £50 for the patch test appointment?",
    "Is the clinic near Baker Street? I'm getting the Jubilee line.",
    "Is there a Pret nearby, I'm early, priced at £4 a coffee.",
])
def test_booking_talk_about_what_every_treatment_has_and_places_nearby_survive(text):
    assert redacted(text) == text, redacted(text)


def test_the_anaesthetic_said_of_the_caller_is_still_medical():
    assert "anaesthetic" not in redacted("I react badly to anaesthetic, is the price the same?")
