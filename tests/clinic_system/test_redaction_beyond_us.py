"""Issue 19: what the redactor must catch beyond the US, and what it must leave alone
(PII-6): prices, dates, the clinic's own facts from its record."""
import pytest

from clinic_system.redaction import addresses, clinic_facts, medical, names, phones, redact, ssn


def found(find, text, *args):
    return [text[s:e] for s, e in sorted(find(text, *args))]


@pytest.mark.parametrize("address", [
    "14 bis rue des Capucins, 13001 Marseille", "Weserstraße 185, 12045 Berlin",
    "Calle de Fuencarral 97, 2º izquierda, 28004 Madrid", "Via dei Coronari 48, 00186 Roma",
    "Flat 2B, 130 Byres Road, Glasgow G12 8TD", "Prinsengracht 418-3, 1016 HL Amsterdam",
    "ul. Mokotowska 19 m. 4, 00-560 Warszawa", "12 Griffith Avenue, Drumcondra, Dublin 9, D09 X7P3",
    "3021 West Diversey Avenue, Apt 2F, Chicago, IL 60647",
])
def test_european_and_american_street_forms(address):
    assert found(addresses.find, f"I live at {address}.")[:1] == [address]


@pytest.mark.parametrize("text,value", [
    ("my SSN ends in 6789.", "6789"), ("the last four of my social are 4821", "4821"),
    ("Social ending 1576.", "1576"), ("My SSN is 219\n64 5530.", "219\n64 5530"),
    ("my social is five two nine, four four, one seven three eight", "five two nine, four four, one seven three eight"),
])
def test_social_security_numbers_in_parts_and_words(text, value):
    assert value in found(ssn.find, text)


@pytest.mark.parametrize("text,value", [
    ("ring 07700 900\n843 please", "07700 900\n843"),
    ("plus four four, seven seven double oh, nine hundred, six nine two", None),
    ("+44 20 7946 0775, extension 3021 is mine", "+44 20 7946 0775, extension 3021"),
    ("It's 555-0183, area code 617.", "617"),
])
def test_phones_spoken_split_and_with_extensions(text, value):
    assert (value or text) in found(phones.find, text)


@pytest.mark.parametrize("text", ["paid on 01.02.2026", "is 14/03/2026 free", "reference INV-2026-0042",
                                  "£2,500-£3,500 or €3,000", "24-48 hours, 2-3 weeks", "at 10:30 on Tuesday 3 March"])
def test_prices_dates_and_references_are_not_redacted(text):
    assert redact(text).text == text


@pytest.mark.parametrize("text,term", [
    ("my son wants his bat ears pinned", "bat ears"), ("I have capsular contracture", "capsular contracture"),
    ("she takes levothyroxine", "levothyroxine"), ("a keloid on my ear", "ear"), ("an arm lift", "arm lift"),
])
def test_medical_terms_from_the_terminology_and_the_trade(text, term):
    assert term in found(medical.find, text)


def test_the_vocabulary_ships_with_the_system():
    assert {"contracture", "levothyroxine", "keloid"} <= medical.vocabulary()
    assert not {"consultation", "appointment", "weeks"} & medical.vocabulary()


@pytest.mark.parametrize("text,expected", [
    ("Hello, this is Siobhán Ní Bhriain", ["Siobhán", "Ní", "Bhriain"]),
    ("Zhou Haoran, I'm calling for my mother", ["Zhou", "Haoran"]),
    ("My name is Tamati Horomona, that's H-O-R-O-M-O-N-A", ["Tamati", "Horomona", "H-O-R-O-M-O-N-A"]),
    ("Leilani Faleolo speaking", ["Leilani", "Faleolo"]),
    ("this is Fatima al-Zahrani", ["Fatima", "al-Zahrani"]),
    ("calling about my daughter Kahurangi", ["Kahurangi"]),
])
def test_names_from_many_languages(text, expected):
    assert found(names.find, text) == expected


def test_the_clinics_own_facts_survive():
    clinic = {"name": "Premier Cosmetic Surgery", "website": "www.premiercosmeticsurgery.co.uk",
              "doctors": [{"name": "Sarah"}], "staff": [{"name": "Priya"}, {"name": "Tom Whitfield"}]}
    said = "Tom Whitfield at Premier Cosmetic Surgery said Dr. Sarah is free; see www.premiercosmeticsurgery.co.uk"
    assert redact(said, keep=clinic_facts(clinic)).text == said
    assert redact(said).text != said   # without the clinic's record they would be taken for a caller's
    assert redact("Hi, I'm Aroha Ngata", keep=clinic_facts(clinic)).text == "Hi, I'm [REDACTED_NAME] [REDACTED_NAME]"


def test_a_clinic_is_set_up_with_its_website_and_staff():
    import json
    from pathlib import Path

    from pydantic import ValidationError

    from clinic_system.clinics import ClinicIn

    fixture = json.loads((Path(__file__).resolve().parents[2] / "fixtures" / "clinics.json").read_text())["premier"]
    clinic = ClinicIn(**fixture)
    assert clinic.website == "www.premiercosmeticsurgery.co.uk" and [s.name for s in clinic.staff] == ["Priya", "Tom Whitfield"]
    assert clinic_facts(clinic.model_dump()) == ["Premier Cosmetic Surgery", "www.premiercosmeticsurgery.co.uk",
                                                 "Sarah", "Priya", "Tom", "Whitfield"]
    with pytest.raises(ValidationError):
        ClinicIn(**{**fixture, "website": "not a web address"})
