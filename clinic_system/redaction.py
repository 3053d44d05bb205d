"""Replaces personal and medical data with [REDACTED_*] tokens, one small recogniser a type.

Used on everything stored or shown from a call without consent (pinned decision 9).
Recognisers run in order: the structured ones first so that, for example, the digits
of a social security number are not taken for a phone number.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
SSN = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")
PHONE = re.compile(
    r"(?<![\w])(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{3,5}[\s.-]?\d{3,4}(?:[\s.-]?\d{3,4})?(?![\w])"
)
ADDRESS = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Lane|Ln|Blvd|Boulevard|Drive|Dr|Way|Close|Court)\b\.?"
    r"(?:,\s*[A-Z][A-Za-z]+)?"
)
MEDICAL_TERMS = [
    "rhinoplasty", "rhinoplasties", "surgery", "surgeries", "surgical", "scar", "scars", "scarring",
    "facelift", "facelifts", "augmentation", "implant", "implants", "liposuction", "botox",
    "filler", "fillers", "revision", "injection", "injections", "blepharoplasty", "tummy tuck",
]
MEDICAL = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, MEDICAL_TERMS), key=len, reverse=True)) + r")\b",
                     re.IGNORECASE)
INTRODUCTION = re.compile(r"\b(?:my name is|this is|I'm|I am)\s+((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?)")

TOKENS = {"email": "[REDACTED_EMAIL]", "ssn": "[REDACTED_SSN]", "phone": "[REDACTED_PHONE]",
          "address": "[REDACTED_ADDRESS]", "medical": "[REDACTED_MEDICAL]", "name": "[REDACTED_NAME]"}


@dataclass
class Redacted:
    text: str
    counts: Counter = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return sum(self.counts.values()) > 0


def _sub(kind: str, pattern: re.Pattern, result: Redacted, group: int = 0) -> None:
    def replace(match: re.Match) -> str:
        result.counts[kind] += 1
        if group:
            whole, start = match.group(0), match.start(group) - match.start(0)
            return whole[:start] + TOKENS[kind] + whole[start + len(match.group(group)):]
        return TOKENS[kind]
    result.text = pattern.sub(replace, result.text)


def redact(text: str | None, known_names: list[str] = ()) -> Redacted:
    result = Redacted(text or "")
    _sub("email", EMAIL, result)
    _sub("ssn", SSN, result)
    _sub("address", ADDRESS, result)
    _sub("phone", PHONE, result)
    _sub("medical", MEDICAL, result)
    names = {n for match in INTRODUCTION.finditer(result.text) for n in match.group(1).split()}
    names |= {part for name in known_names for part in name.split() if len(part) > 1}
    if names:
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b")
        _sub("name", pattern, result)
    return result
