"""Each recogniser on its own, then the whole redactor (merging, consent-free output)."""
import pytest

from clinic_system.redaction import FAULT_MARKER, RedactionFailed, addresses, emails, medical, names, phones, redact, ssn


def found(find, text, *args):
    return [text[s:e] for s, e in sorted(find(text, *args))]


@pytest.mark.parametrize("text,expected", [
    ("write to john@example.com today", ["john@example.com"]),
    ("it's jo.smith+clinic@mail.example.co.uk", ["jo.smith+clinic@mail.example.co.uk"]),
    ("john at example dot com", ["john at example dot com"]),
    ("meet me at 10 at the clinic", []),
])
def test_emails(text, expected):
    assert found(emails.find, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("my SSN is 123-45-6789.", ["123-45-6789"]),
    ("123 45 6789", ["123 45 6789"]),
    ("000-12-3456 is not one", []),
    ("phone 555-123-4567", []),
])
def test_ssn(text, expected):
    assert found(ssn.find, text) == expected


@pytest.mark.parametrize("text", [
    "call 555-123-4567", "call (202) 555-0143", "call 202.555.0143", "call +1 202 555 0143",
    "ring 020 7946 0958", "ring +44 20 7946 0958", "ring 07700 900123", "it's 555-1234",
    "five five five, one two three, four five six seven", "oh seven seven double oh nine double oh one two three",
])
def test_phones(text):
    assert found(phones.find, text), text


@pytest.mark.parametrize("text", ["recovery takes 24-48 hours", "it costs £2,500-£3,500", "at 10:30 on 12/01",
                                  "book for two weeks time"])
def test_not_phones(text):
    assert found(phones.find, text) == []


@pytest.mark.parametrize("text,expected", [
    ("I live at 123 Main St, NYC", "123 Main St, NYC"),
    ("post it to 42 Elm Street, Springfield, IL 62704 please", "42 Elm Street, Springfield, IL 62704"),
    ("10 Downing Street, London SW1A 2AA", "10 Downing Street, London SW1A 2AA"),
    ("my address is 7 Millbrook, Leeds", "7 Millbrook, Leeds"),
    ("postcode M1 1AE", "M1 1AE"),
])
def test_addresses(text, expected):
    assert expected in found(addresses.find, text)


@pytest.mark.parametrize("word", ["rhinoplasty", "rhinoplasties", "surgery", "surgically", "scarring", "scars",
                                  "blepharoplasty", "dermatitis", "amoxicillin", "fillers", "Botox", "facelift"])
def test_medical_terms_and_their_forms(word):
    assert found(medical.find, f"about my {word} please") == [word]


@pytest.mark.parametrize("text", ["I'd like to book next Tuesday at ten o'clock", "what does it cost", "thanks, bye"])
def test_ordinary_words_are_not_medical(text):
    assert found(medical.find, text) == []


@pytest.mark.parametrize("text,expected", [
    ("Hi, my name is John Smith.", ["John", "Smith"]),
    ("This is Priya calling", ["Priya"]),
    ("I'm Siobhan O'Neill", ["Siobhan", "O'Neill"]),
    ("Could Maria call back? Maria here.", ["Maria", "Maria"]),
    ("I'm calling about Tuesday", []),
    ("May I book for Tuesday?", []),
])
def test_names(text, expected):
    assert found(names.find, text) == expected


def test_the_patients_own_name_is_known():
    assert found(names.find, "tell Zephyrine I called", ["Zephyrine Quox"]) == ["Zephyrine"]


def test_the_plans_example():
    said = "My name is John Smith, my phone is 555-1234, I have a scar from a previous rhinoplasty surgery."
    result = redact(said)
    for value in ("John", "Smith", "555-1234", "scar", "rhinoplasty", "surgery"):
        assert value not in result.text
    assert result.counts == {"name": 2, "phone": 1, "medical": 3}
    assert "[REDACTED_NAME]" in result.text and "[REDACTED_PHONE]" in result.text


def test_the_fault_switch_only_with_the_test_configuration(monkeypatch):
    monkeypatch.delenv("CLINIC_FAULT_INJECTION", raising=False)
    redact(f"hello {FAULT_MARKER}")
    monkeypatch.setenv("CLINIC_FAULT_INJECTION", "1")
    with pytest.raises(RedactionFailed):
        redact(f"hello {FAULT_MARKER}")
