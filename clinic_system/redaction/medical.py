"""Medical terms: conditions, symptoms, medications and procedures, and the body parts they
are about.

Four sources, longest match first:
- a terminology vocabulary (data/medical_terms.txt.gz, built by scripts/make_medical_terms.py
  from ICD-10-CM and a drug-name dictionary, both shipped inside registry packages): what a word list cannot foresee ("capsular contracture", "Profhilo");
- the words cosmetic clinics' callers use that no clinical terminology lists ("nose job",
  "tummy tuck", "BBL", "lip filler"), and word endings that name a procedure (-plasty),
  a condition (-itis) or a medicine (-cillin);
- the trade's brand names and the clinical abbreviations callers use (trade_names.py);
- a body part next to a treatment noun ("arm lift", "breast reduction", "fat transfer"),
  a body part said as the site of a concern ("a keloid on my ear"), and a concern said of a
  body part ("hooded lids", "a heavy brow")."""
from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

from . import lay_terms, trade_names

VOCABULARY = Path(__file__).with_name("data") / "medical_terms.txt.gz"
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
LONGEST = 4


def _by_first_letter(patterns: list[str]) -> str:
    """One alternation of hundreds of words, grouped by first letter: the engine tries a
    word's group only where that letter stands (several times faster, the same matches)."""
    groups: dict[str, list[str]] = {}
    rest = []
    for pattern in patterns:
        first, after = pattern[:1].lower(), pattern[1:2]
        if first.isalpha() and after not in ("?", "*", "+", "{"):
            groups.setdefault(first, []).append(pattern[1:])
        else:
            rest.append(pattern)
    grouped = [f"{letter}(?:{'|'.join(tails)})" for letter, tails in sorted(groups.items())]
    return "|".join(grouped + rest)


LAY = re.compile(r"\b(?:" + _by_first_letter(lay_terms.TERMS + trade_names.BRANDS) + r")(?![\w-])", re.IGNORECASE)
ABBREVIATION = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, trade_names.ABBREVIATIONS)) + r")(?![\w-])")
BY_ENDING = re.compile(r"\b[a-z]{2,}(?:" + "|".join(lay_terms.ENDINGS) + r")\b", re.IGNORECASE)
BODY = r"(?:" + _by_first_letter(lay_terms.BODY_PARTS) + r")"
TREATED = re.compile(rf"\b{BODY}\s+(?:{'|'.join(lay_terms.TREATMENT_NOUNS)})\b", re.IGNORECASE)
# "on my ear", "around her eyes", "my crown": a body part said as the place of a concern.
SITE = re.compile(rf"\b(?:on|in|under|around|near|behind|above|below|across|of|from|to)\s+(?:my|her|his|their|the)\s+"
                  rf"(?:(?:left|right|upper|lower|inner|outer|whole|thinning|sagging|droopy|loose)\s+)?({BODY})\b",
                  re.IGNORECASE)
CONCERN = re.compile(rf"\b(?:{'|'.join(lay_terms.CONCERNS)})\s+({BODY})\b", re.IGNORECASE)


PROFESSION = re.compile(lay_terms.PROFESSION, re.IGNORECASE)
# Body parts that are never ordinary words in a booking call; "back", "arms", "crown" only as a site.
ALWAYS = re.compile(r"\b(?:" + _by_first_letter(lay_terms.BODY_PARTS_ALWAYS) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    with gzip.open(VOCABULARY, "rt", encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip())


def _singular(word: str) -> str:
    for ending, replacement in (("oses", "osis"), ("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            return word[: -len(ending)] + replacement
    return word


def _from_vocabulary(text: str) -> list[tuple[int, int]]:
    terms = vocabulary()
    words = [(m.start(), m.end(), m.group(0).lower().replace("’", "'")) for m in WORD.finditer(text)]
    spans, i = [], 0
    while i < len(words):
        for n in range(min(LONGEST, len(words) - i), 0, -1):
            phrase = " ".join(w for _, _, w in words[i:i + n])
            # "post-menopausal", "under-eye": the vocabulary has hyphenated words spaced and joined.
            said = (phrase, phrase.replace("-", " "), phrase.replace("-", "")) if "-" in phrase else (phrase,)
            if any(p in terms or _singular(p) in terms for p in said) and not (n == 1 and phrase in lay_terms.PLAIN):
                spans.append((words[i][0], words[i + n - 1][1]))
                i += n
                break
        else:
            i += 1
    return spans


def find(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in TREATED.finditer(text)] + [m.span() for m in LAY.finditer(text)]
    spans += [m.span() for m in BY_ENDING.finditer(text) if m.group(0).lower() not in lay_terms.NOT_MEDICAL]
    spans += [m.span(1) for m in SITE.finditer(text)] + [m.span() for m in ALWAYS.finditer(text)]
    spans += [m.span(1) for m in CONCERN.finditer(text)] + [m.span() for m in ABBREVIATION.finditer(text)]
    spans = [span for span in set(spans + _from_vocabulary(text)) if not PROFESSION.fullmatch(text, *span)]
    # Longest first: the redactor keeps the first of overlapping spans ("breast reconstruction", not "breast").
    return sorted(spans, key=lambda span: (span[0] - span[1], span[0]))
