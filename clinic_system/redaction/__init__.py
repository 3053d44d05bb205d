"""Replaces personal and medical data with [REDACTED_*] tokens (test case 3).

One small recogniser a type, each finding spans; the spans are merged (structured types
first, so the digits of a social security number are not taken for a phone number) and
replaced. Used on everything stored or shown from a call without consent, and on the
system's log lines always (pinned decision 9)."""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field

from . import addresses, emails, medical, name_shapes, names, phones, places, ssn

TOKENS = {"email": "[REDACTED_EMAIL]", "ssn": "[REDACTED_SSN]", "phone": "[REDACTED_PHONE]",
          "address": "[REDACTED_ADDRESS]", "medical": "[REDACTED_MEDICAL]", "name": "[REDACTED_NAME]"}
# Order matters: an earlier recogniser's span wins over a later one's that overlaps it.
RECOGNISERS = [("email", emails.find), ("ssn", ssn.find), ("address", addresses.find), ("phone", phones.find),
               ("medical", medical.find)]

# The embedded test configuration can make redaction fail on purpose, to prove it fails
# closed (PII-F1). Off unless CLINIC_FAULT_INJECTION=1; the marker is never real speech.
FAULT_MARKER = "<<fault:redaction>>"


class RedactionFailed(Exception):
    pass


@dataclass
class Redacted:
    text: str
    counts: Counter = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return sum(self.counts.values()) > 0


def _said_again(text: str, taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A number given in figures and read again in words ("87327, eight seven three two seven",
    "last four 0219, yeah, oh two one nine"): the same digits are the same value, of its kind."""
    numbers = [(re.sub(r"\D", "", text[s:e]), kind) for s, e, kind in taken if kind in ("ssn", "address", "phone")]
    out = []
    for match in phones.SPOKEN.finditer(text):
        digits = phones._spelled(match.group(0))
        kind = next((k for number, k in numbers if digits and digits in number), None)  # digits: four or more
        if kind:
            out.append((match.start(), match.end(), kind))
    # said as numbers ("oh seven seven oh oh, nine hundred", "seven four six"): digits inside a found number
    long_numbers = [(n, k) for n, k in numbers if len(n) >= 7]
    for match in NUMBER_RUN.finditer(text):
        digits = ssn._as_digits(match.group(0))
        kind = next((k for n, k in long_numbers if len(digits) >= 3 and digits in n), None)
        if kind:
            out.append((match.start(), match.end(), kind))
    # a postcode read back in letters and digit words ("T zero K?" of "T0K 1L0")
    codes = [(re.sub(r"[\W_]", "", text[s:e]).upper(), kind) for s, e, kind in taken if kind == "address"]
    for match in CODE_READ_BACK.finditer(text):
        said = "".join(phones.SPELL.get(t.lower(), t.upper()) for t in re.findall(r"[A-Za-z]+", match.group(0)))
        kind = next((k for code, k in codes if len(said) >= 3 and said in code), None)
        if kind:
            out.append((match.start(), match.end(), kind))
    # in figures, a group of one said again, or misheard and put right: the same digits, the same
    # digits in another order, or one digit different ("248001 or 248009?", "you read 131? It's 113")
    groups = [(group, kind) for s, e, kind in taken if kind in ("ssn", "address", "phone")
              for group in re.findall(r"\d{3,}", text[s:e])]
    for match in FIGURES.finditer(text):
        said = match.group(0)
        kind = next((k for group, k in groups if len(group) == len(said) and _near(said, group)), None)
        if kind:
            out.append((match.start(), match.end(), kind))
    return out


NUMBER_RUN = re.compile(rf"\b{ssn.NUMBER_WORD}(?:(?:[\s,-]|\s+and\s+)+{ssn.NUMBER_WORD}){{2,}}\b", re.IGNORECASE)
CODE_READ_BACK = re.compile(r"(?<![\w-])(?:[A-Z]|zero|oh|one|two|three|four|five|six|seven|eight|nine)"
                            r"(?:[\s-]+(?:[A-Z]|zero|oh|one|two|three|four|five|six|seven|eight|nine)){2,}(?![\w-])")
# digits in figures, not a price, a time, a decimal or part of a longer number or a word
FIGURES = re.compile(r"(?<![\w£$€.,:/-])\d{3,}(?![\w:/-]|[.,]\d|\s*(?:%|pounds|quid|euros?|dollars|pm|am|mg|ml)\b)")


def _near(said: str, group: str) -> bool:
    return sorted(said) == sorted(group) or sum(a != b for a, b in zip(said, group)) <= 1


def _same_word_again(text: str, taken: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """A medical word found once, said again in another form ("Parkinsonian shake, so he shakes a bit")."""
    found = {text[s:e].lower() for s, e, kind in taken if kind == "medical" and re.fullmatch(r"[A-Za-z]{4,}", text[s:e])}
    if not found:
        return []
    forms = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(found)))})(?:s|es|ing|ed|d)\b", re.IGNORECASE)
    return [m.span() for m in forms.finditer(text)]


def _claim(taken: list[tuple[int, int, str]], start: int, end: int, kind: str) -> None:
    if all(end <= s or start >= e for s, e, _ in taken):
        taken.append((start, end, kind))


def warm_up() -> None:
    """Load the medical vocabulary, the English and name word lists now, not on the first caller's hang-up."""
    medical.vocabulary()
    names.name_list()
    medical._rare_heads()
    places.place_names()


def clinic_facts(clinic: dict) -> list[str]:
    """What a clinic's record says about itself, which is not a caller's personal data
    (pinned decision 23): its name and web address, and each word of its doctors' and
    staff's names ("Tom Whitfield" is kept as "Tom", "Whitfield" and both together)."""
    people = [p.get("name", "") if isinstance(p, dict) else str(p)
              for p in [*(clinic.get("doctors") or []), *(clinic.get("staff") or [])]]
    facts = [clinic.get("name") or "", clinic.get("website") or ""] + [w for p in people for w in p.split()]
    return [f.strip() for f in facts if len(f.strip()) > 1]


def _kept(text: str, keep) -> list[tuple[int, int]]:
    """Where the clinic's own facts stand in the text: a person's name as written, the
    clinic's name or web address in any case. A staff member's first name before a surname
    that is not the clinic's ("Priya Raman's sister") is a caller who shares it: that name is
    the caller's wherever it stands in the text."""
    spans = []
    people = {fact for fact in keep if " " not in fact and "." not in fact}
    for fact in keep:
        whole = " " in fact or "." in fact
        pattern = rf"(?<![\w.-]){re.escape(fact)}(?![\w-]|\.\w)"
        if not whole and _callers_too(text, fact, people):
            continue
        spans += [m.span() for m in re.finditer(pattern, text, re.IGNORECASE if whole else 0)]
    return spans


# A station, stop or line said as where the caller travels ("the Victoria line to Oxford Circus", "get
# off at Angel", "Green Park station") is a public place, not a person nor an address (no number).
PLACE = r"[A-Z][\w’']*(?:\s+[A-Z][\w’']*){0,2}"
LANDMARK = re.compile(rf"\b(?:(?:lines?|tubes?|trains?|bus|buses|trams?|metro|underground|overground|walk|walking)\s+(?:to|from|past|via)|gets? into|(?:get|got|getting)"
                      rf"\s+off\s+at|chang(?:e|ing)\s+at|(?:exit|entrance)\b[^.,;?!]{{0,30}}?\bat)\s+({PLACE})"
                      rf"|({PLACE})(?=\s+(?:station|tube|stop|underground)\b)|(?<=\b[Tt]he )({PLACE})(?= line\b)"
                      rf"|\b(?:near|opposite|next to|to|from|down|along)\s+({PLACE})(?=\s+(?:Street|Road|Station|Square|Circus|Park|Market)\b(?!,?\s+\d))"

                      rf"|\b(?:a|an)\s+({PLACE})(?=\s+nearby\b)")  # "near Bond Street", "is there a Costa nearby"


# What every treatment has, said as part of what the clinic sells ("is that with the anaesthetic or
# without", "£99 for the patch test appointment", "just for aftercare days"): booking talk, not a
# caller's health. Said of the caller ("my aftercare", "I react to anaesthetic") it is redacted.
SERVICE = re.compile(r"\b(?:the|for|with)\s+(aftercare|anaesthetic|anesthetic|patch tests?|surgery)\b(?=\s+(?:or|appointment|"
                     r"appointments|days?|session|visits?|fee|included|extra)\b)", re.IGNORECASE)
PRICED = re.compile(r"[£$€]\s?\d|\b(?:price|cost|deposit|free|fee|appointment|book)\b", re.IGNORECASE)


# A form's field named as it is read out ("next field is allergies: ...", "\"Medications\": ..."): the
# field's name, not what the caller has.
FIELD_NAME = re.compile(r"(?<![\w-])((?i:(?:current |previous |past |existing )?(?:medications?|allerg(?:y|ies)|surger(?:y|ies)|"
                        r"operations|conditions|medical history|illnesses)))[\"”']?\s*:")


def _services(text: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in SERVICE.finditer(text) if PRICED.search(text)] + [m.span(1) for m in FIELD_NAME.finditer(text)]


def _landmarks(text: str) -> list[tuple[int, int]]:
    # not a place ending in 's ("the bus to Maria's", "to Amara Okafor's"): someone's home; "King's Cross" is a place
    return [m.span(m.lastindex) for m in LANDMARK.finditer(text) if not m.group(m.lastindex).endswith(("'s", "’s"))]


def _callers_too(text: str, first: str, people: set[str]) -> bool:
    for match in re.finditer(rf"(?<![\w.-]){re.escape(first)}\s+([^\W\d_a-z][^\W\d_]+)(?:['’]s)?(?![\w-])", text):
        surname = match.group(1)
        if surname not in people and not names.plain(surname) and surname not in names.ORDINARY:
            return True
    return False


def redact(text: str | None, known_names: list[str] = (), keep: list[str] = ()) -> Redacted:
    """`known_names`: the caller's own, always redacted; `keep`: the clinic's own facts."""
    text = text or ""
    if os.environ.get("CLINIC_FAULT_INJECTION") == "1" and FAULT_MARKER in text:
        raise RedactionFailed("fault injected for the fail-closed check")
    taken: list[tuple[int, int, str]] = [(s, e, "kept") for s, e in _kept(text, keep) + _landmarks(text) + _services(text)]
    for start, end in name_shapes.code_spellings(text):  # a reference spelt out: kept
        _claim(taken, start, end, "kept")
    for start, end in name_shapes.phonetic(text):  # before the recognisers: its code words are no one's data
        _claim(taken, start, end, "name")
    for kind, find in RECOGNISERS:
        for start, end in find(text):
            _claim(taken, start, end, kind)
    for start, end in places.find(text):  # after the recognisers: a town inside an address stays the address's
        _claim(taken, start, end, "kept")
    for start, end in names.find(text, known_names):
        _claim(taken, start, end, "name")
    for start, end, kind in _said_again(text, taken):
        _claim(taken, start, end, kind)
    for start, end in _same_word_again(text, taken):
        _claim(taken, start, end, "medical")
    result = Redacted(text)
    pieces, last = [], 0
    for start, end, kind in sorted(taken):
        if kind == "kept":
            continue
        pieces.append(text[last:start] + TOKENS[kind])
        result.counts[kind] += 1
        last = end
    result.text = "".join(pieces) + text[last:]
    return result
