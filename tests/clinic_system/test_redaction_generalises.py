"""Round 3 of the reference redactor (issue 19): the vocabulary's sources read more fully
(whole descriptions, British spellings, eponyms said alone, MeSH), the trade's brands and
abbreviations, a concern said of a body part; and what must survive (PII-6). The examples
are general ones, not the corpora's sentences."""
import pytest

from clinic_system.redaction import medical, redact


def found(text):
    """What a line with nothing else in it loses: the spans not inside a longer one (find keeps
    those too, for when another kind takes part of the longer)."""
    spans = medical.find(text)
    return [text[s:e] for s, e in sorted(spans) if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in spans)]


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
    ("my crooked teeth and saggy knees", ["crooked teeth", "saggy", "knees"]),   # "crooked teeth" is a phenotype (HPO)
    ("I'm post-menopausal", ["post-menopausal"]),
    ("I came off the pill", ["came off the pill"]),
    ("the implant ruptured", ["implant", "ruptured"]),
    ("I had my hip replaced and I'm anaemic", ["hip replaced", "anaemic"]),
    ("an ingrown toenail", ["ingrown", "toenail"]),   # "ingrown" heads a listed term ("ingrown nail") and says it alone
])
def test_trade_names_abbreviations_and_concerns(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "Tell me more about the prices, please.", "Is it wound up by five?", "Can we do it after lunch?",
    "We're open every day but Christmas.", "I'll follow up by email on the 3rd of March at 10:30.",
])
def test_booking_talk_survives(text):
    assert redact(text).text == text


@pytest.mark.parametrize("address", [
    "Zagrebačka cesta 12, 10000 Zagreb", "Dunajská ulica 5, 81108 Bratislava", "Laisvės al. 3, 44240 Kaunas",
    "Pärnu mnt 10, 10148 Tallinn", "vul. Sahaidachnoho 7, kv. 3, Kyiv 04070", "Drottninggatan 40, 111 51 Stockholm",
    "Rua Augusta 120, 1100-053 Lisboa", "12 Sherbrooke Street, Montreal QC H3A 1G5",
    "Hauptstraße 5, A-1010 Wien", "Mannerheimintie 5 A 7, 00100 Helsinki", "Andrássy út 60, 1062 Budapest",
])
def test_street_words_of_more_countries(address):
    from clinic_system.redaction import addresses
    text = f"I live at {address}."
    assert any(text[s:e].startswith(address.split(",")[0]) for s, e in addresses.find(text))


@pytest.mark.parametrize("text,value", [
    ("Postal code K1A 0B1.", "K1A 0B1"), ("Zip: 90210, thanks.", "90210"), ("PLZ 80331", "80331"),
])
def test_postcodes_said_alone(text, value):
    assert value not in redact(text).text


def test_last_four_of_the_social_later_in_the_breath():
    assert "4417" not in redact("His social is 123-45-6789 and mine ends in 4417.").text


@pytest.mark.parametrize("text,name", [
    ("My dad's Ivan, I'm Oleksandr Hnatiuk", "Hnatiuk"), ("first name Caoimhe", "Caoimhe"),
    ("My name is Tom English", "English"),
])
def test_names_after_a_correction_or_a_plain_label(text, name):
    assert name not in redact(text).text


@pytest.mark.parametrize("text", [
    "Can I move Sunday's appointment?", "I'm calling about Mum's booking.", "Are you open on New Year's Eve?",
    "My Eircode? I'll text it.", "I'm English, does that matter?", "Is it £450 for 45 minutes on 12/03/2027?",
])
def test_days_relatives_and_holidays_survive(text):
    assert redact(text).text == text
