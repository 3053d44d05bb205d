"""Round 3 of the reference redactor (issue 19): the vocabulary's sources read more fully
(whole descriptions, British spellings, eponyms said alone, MeSH), the trade's brands and
abbreviations, a concern said of a body part; and what must survive (PII-6). The examples
are general ones, not the corpora's sentences."""
import pytest

from clinic_system.redaction import medical, redact


def found(text):
    return [text[s:e] for s, e in sorted(medical.find(text))]


@pytest.mark.parametrize("term", [
    "anaemia", "oesophagus", "lymphoedema", "haemophilia", "diarrhoea", "oestradiol", "caesarean",   # British
    "atrial flutter", "ulcerative colitis", "fibrillation",         # phrases inside longer descriptions
    "addison's", "raynaud's",                                        # an eponym said alone
    "stent", "dialysis", "dandruff", "menopause",                    # MeSH and the rare tails of ICD-10-CM
])
def test_the_vocabulary_reads_its_sources_fully(term):
    assert term in medical.vocabulary()


def test_ordinary_words_of_the_descriptions_stay_out():
    # ICD-10-CM's notes say "conditions mentioned in", MeSH names "Insurance" and "Lunch".
    assert not {"mentioned", "nine", "lunch", "insurance", "christmas", "followup", "waiting list"} & medical.vocabulary()


@pytest.mark.parametrize("text,expected", [
    ("I had Ultherapy and then Restylane", ["Ultherapy", "Restylane"]),
    ("she has IBS and PTSD", ["IBS", "PTSD"]),
    ("my crooked teeth and saggy knees", ["teeth", "saggy", "knees"]),
    ("I'm post-menopausal", ["post-menopausal"]),
    ("I came off the pill", ["came off the pill"]),
    ("the implant ruptured", ["implant", "ruptured"]),
])
def test_trade_names_abbreviations_and_concerns(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "Tell me more about the prices, please.", "Is it wound up by five?", "Can we do it after lunch?",
    "We're open every day but Christmas.", "I'll follow up by email on the 3rd of March at 10:30.",
])
def test_booking_talk_survives(text):
    assert redact(text).text == text
