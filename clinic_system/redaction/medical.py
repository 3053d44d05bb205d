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

from . import lay_terms, medical_context, medical_phrases, trade_names
from .ordinary import ORDINARY_WORDS

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
BY_ENDING = re.compile(r"\b[a-zà-ÿ]{2,}(?:" + "|".join(lay_terms.ENDINGS) + r")\b", re.IGNORECASE)
BODY = r"(?:" + _by_first_letter(lay_terms.BODY_PARTS) + r")"
TREATED = re.compile(rf"\b{BODY}\s+(?:{'|'.join(lay_terms.TREATMENT_NOUNS)})\b", re.IGNORECASE)
# "on my ear", "around her eyes", "my crown": a body part said as the place of a concern.
SITE = re.compile(rf"\b(?:on|in|under|around|near|behind|above|below|across|of|from|to)\s+(?:my|her|his|their|the|one|both|each|either)\s+"
                  rf"(?:(?:left|right|upper|lower|inner|outer|whole|thinning|sagging|droopy|loose)\s+)?({BODY})\b",
                  re.IGNORECASE)
CONCERN = re.compile(rf"\b(?:{'|'.join(lay_terms.CONCERNS)})\s+({BODY})\b", re.IGNORECASE)


PROFESSION = re.compile(lay_terms.PROFESSION, re.IGNORECASE)
IDIOM = re.compile(r"\b(?:" + "|".join(lay_terms.IDIOMS) + r")\b", re.IGNORECASE)
# Body parts that are never ordinary words in a booking call; "back", "arms", "crown" only as a site.
ALWAYS = re.compile(r"\b(?:" + _by_first_letter(lay_terms.BODY_PARTS_ALWAYS) + r")\b", re.IGNORECASE)


SYMPTOM = re.compile(rf"\b{lay_terms.SYMPTOM_CUES}\s+(?:(?:still|really|very|quite|a bit|all|so)\s+)?"
                     rf"((?:{'|'.join(lay_terms.SYMPTOMS)}))\b(?!\s+(?:to|of|for|time|work|luck|day|news)\b)", re.IGNORECASE)
# Said again, or corrected, right after a medical word: "my lower lids and neck", "glutes... sorry,
# bottom", "on her cheek... no, her throat": the second is as medical as the first.
COORDINATED = re.compile(rf"\s*(?:,|\.\.\.|…)?\s*(?:and|or|sorry,?|no,?|I mean|,)\s+(?:(?:my|her|his|the|both)\s+)?"
                         rf"({BODY}|{'|'.join(lay_terms.SYMPTOMS)})\b", re.IGNORECASE)
# "labial reduction", "periareolar lift", "submental fat": an anatomical adjective no English
# word list has, before what is done to it.
ANATOMICAL = re.compile(rf"\b([a-z]{{2,}}(?:al|ar|eal|ial))\s+(?:base\s+)?(?:{'|'.join(lay_terms.TREATMENT_NOUNS)})\b",
                        re.IGNORECASE)
# "my knees are baggy", "her lips look swollen": a body part and what is said of it.
PREDICATED = re.compile(rf"\b(?:my|her|his|their|the)\s+({BODY})\s+(?:is|are|look|looks|feel|feels|seem|seems|got|"
                        rf"getting|went|gone|has gone|have gone|keep getting)\s+(?:(?:a bit|really|very|so|quite|all|still)\s+)?"
                        rf"({'|'.join(lay_terms.CONCERNS + lay_terms.SYMPTOMS)})\b", re.IGNORECASE)
# "my eye won't close": a body part said as the caller's own, in a sentence about a treatment.
OWN_BODY = re.compile(rf"\b(?:my|her|his|their)\s+(?:(?:left|right|upper|lower|whole)\s+)?({BODY})\b", re.IGNORECASE)
# "Dercum's disease", "Tietze syndrome", "Bell's palsy": a name before a word for a condition.
EPONYM = re.compile(r"\b[A-Z][a-zà-ÿ]+(?:['’]s?|s['’])?(?:[- ][A-Z][a-zà-ÿ]+)?\s+(?:disease|syndrome|palsy|phenomenon|"
                    r"contracture|oesophagus|esophagus|anomaly|deformity)\b")
# A brand a caller takes or wants ("I'm on Dianette", "I'd like Cosmelan", "an Omnipod on my arm"):
# a capitalised word that is no English word and no listed name, after what one says of a medicine.
BRAND_CUE = re.compile(r"\b(?:(?:I'm|I am|she's|he's|been|was|still|started|stopped|come off|came off|also) on|"
                       r"taking|take|takes|took|prescribed|using|use|uses|used|tried|I had|she had|he had|had some|then|"
                       r"I've had|I've been given|compare|comparing|versus|vs\.?|"
                       r"has|has got|have got|diagnosed with|suffers from|suffering from|"
                       r"I'd like|I want|she wants|is|an?|the|and|or|about)\s+([A-Z][a-z]+[A-Za-z0-9]*(?:-[A-Za-z0-9]+)?)(?![\w'’-])")
# "is that Dercum's?", "could it be Crohn's?": a condition asked about by its eponym alone.
EPONYM_ASKED = re.compile(r"\b(?:is (?:that|it|this)|could (?:that|it|this) be|might be|maybe|like|got|have|has)\s+"
                          r"([A-Z][a-zà-ÿ]+['’]s)(?=\s*[?.!,])")
# "LASIK", "EVLT", "TMJ": an abbreviation no English list has, in a sentence about a treatment.
CAPITALS = re.compile(r"(?<![\w-])[A-Z]{3,6}(?![\w-])")
NOT_MEDICAL_CAPITALS = {"SSN", "VAT", "ASAP", "FAQ", "DOB", "URL", "IBAN", "BIC", "RSVP", "GDPR", "DIY", "PPS", "NINO",
                        "ZIP", "PLZ", "CAP", "SMS", "PDF", "AED", "CHF", "USD", "EUR", "GBP", "JPY", "INR", "ZAR", "SEK",
                        "NOK", "DKK", "PLN", "CZK", "HUF", "RON", "TRY", "KRW", "THB", "MXN", "BRL", "AUD", "CAD", "NZD"}
BRAND_AFTER = re.compile(r"\s+(?:and|or)\s+([A-Z][a-z]+[A-Za-z0-9]*(?:-[A-Za-z0-9]+)?)(?![\w'’-])")


@lru_cache(maxsize=1)
def _plain_words() -> frozenset[str]:
    """English words (MiniLM's word list, as the knowledge base reads it) and people's names:
    a capitalised word that is neither may be a brand."""
    from ..knowledge.words import common_words
    from .names import ORDINARY, name_list
    return common_words() | {n.lower() for n in name_list()} | {w.lower() for w in ORDINARY}


# A product said in lower case after what one does with a medicine: "I used xeesal for years".
LOWER_BRAND = re.compile(r"\b(?:taking|take|takes|took|prescribed|using|use|uses|used|applying|apply|applied)\s+"
                         r"([a-z]{5,}[a-z0-9]*)(?![\w'’-])")
# A short brand with its strength: "Dolo 650", "Zyrtec 10".
DOSED = re.compile(r"\s+\d{2,4}(?:\s*mg)?\b")


def _brands(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = []
    plain = _plain_words()
    from .names import ORDINARY, name_list
    spans += [m.span(1) for m in LOWER_BRAND.finditer(text) if m.group(1) not in plain and m.group(1) not in ORDINARY_WORDS
              and _medical_nearby(text, m.start(1), found)]
    for match in BRAND_CUE.finditer(text):
        cue = match.group(0)[: match.start(1) - match.start()].strip().lower()
        word = match.group(1)
        # "I take Pan 40": a short brand with its strength, after what one does with a medicine.
        if len(word) == 3 and cue in ("take", "taking", "takes", "took", "prescribed") and DOSED.match(text, match.end(1)):
            spans.append((match.start(1), DOSED.match(text, match.end(1)).end()))
            continue
        if len(word) < 4 or word.lower() in plain or word.lower() in ORDINARY_WORDS or (word.endswith("s") and word.lower()[:-1] in plain):
            continue   # "Tuesdays" is a plain word's plural
        if len(word) == 4 and not DOSED.match(text, match.end(1)):
            continue
        if len(word) == 4:
            spans.append((match.start(1), DOSED.match(text, match.end(1)).end()))
            continue
        if cue in ("is", "a", "an", "the", "and", "or", "about", "then") and not _medical_nearby(text, match.start(1), found):
            continue
        spans.append(match.span(1))
        # "I'm on Clonex and Recital": a capitalised word after a brand is another, even an English
        # word, unless it is a name or a word one capitalises anyway.
        after = BRAND_AFTER.match(text, match.end(1))
        if after and after.group(1) not in ORDINARY and after.group(1) not in name_list():
            spans.append(after.span(1))
    return spans


def _capitals(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    plain = _plain_words()
    return [m.span() for m in CAPITALS.finditer(text) if m.group(0) not in NOT_MEDICAL_CAPITALS
            and m.group(0).lower() not in plain and _medical_nearby(text, m.start(), found)]


def _medical_nearby(text: str, at: int, found: list[tuple[int, int]] = ()) -> bool:
    """A medicine, treatment or body word in the same sentence: "is Cooltech safe for me", said
    after "I get cold urticaria"; "the Betadine stung my lash line"."""
    start = max(text.rfind(c, 0, at) for c in ".?!\n") + 1
    ends = [i for i in (text.find(c, at) for c in ".?!\n") if i >= 0]
    end = min(ends) if ends else len(text)
    if any(start <= s and e <= end and not s <= at < e for s, e in found):
        return True
    # "Premier Cosmetic Surgery" is a name, not a sentence about an operation.
    sentence = re.sub(r"(?<=[A-Z][a-z]) (?:Surgery|Surgical|Clinic|Aesthetics?)\b", " Name", text[start:end])
    return bool(LAY.search(sentence) or ALWAYS.search(sentence) or re.search(
        r"\b(?:safe|allerg\w*|stung|skin|dose|mg|side effects?)\b", sentence, re.IGNORECASE))


# Latin and adjective forms a terminology lists under another form: "naevi" (naevus, nevus),
# "striae" (stria), "psoriatic" (psoriasis), "hypothyroid" (hypothyroidism).
VARIANTS = [("ae", "a"), ("i", "us"), ("ia", "ium"), ("atic", "asis"), ("otic", "osis"), ("itic", "itis"),
            ("oid", "oidism"), ("ae", "ae distensae")]


def _variants(word: str) -> list[str]:
    out = [word.replace("ae", "e").replace("oe", "e")] if ("ae" in word or "oe" in word) else []
    # British and Greek spellings and forms: "goitre" (goiter), "leucoderma" (leukoderma),
    # "dermatographism" (dermatographic), "freckling" (freckles).
    if word.endswith("tre") or word.endswith("bre"):
        out.append(word[:-2] + "er")
    if "leuc" in word:
        out.append(word.replace("leuc", "leuk"))
    if word.endswith("ism") and len(word) > 8:
        out.append(word[:-3] + "ic")
    if word.endswith("ing") and len(word) > 7:
        out += [word[:-3] + "e", word[:-3] + "es"]
    for ending, replacement in VARIANTS:
        for w in [word] + out[:1]:
            if w.endswith(ending) and len(w) > len(ending) + 3:
                out.append(w[: -len(ending)] + replacement)
    return out


@lru_cache(maxsize=1)
def _rare_heads() -> frozenset[str]:
    """The first word of a terminology's many-word term, when that word is no English word:
    "molluscum" (contagiosum), "striae" (distensae) say the condition on their own."""
    from ..knowledge.words import common_words
    common = common_words()
    heads = {t.split()[0] for t in vocabulary() if " " in t}
    return frozenset(h for h in heads if len(h) >= 6 and h.isalpha() and h not in _plain_words() and h not in ORDINARY_WORDS)


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    with gzip.open(VOCABULARY, "rt", encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip())


def _singular(word: str) -> str:
    if word.endswith(("ss", "us", "is")):
        return word   # "press", "abscess", "psoriasis" are singular already
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
            if n == 1 and re.fullmatch(r"[a-z](?:-[a-z])+", phrase):   # "B-A-R-T-H" spells a name
                known = False
            elif n == 1 and phrase.isalpha():
                known = _known_word(phrase)
            elif n == 1 and "-" in phrase:
                known = any(p in terms or _singular(p) in terms for p in said) or _hyphenated(phrase)
            else:
                known = any(p in terms or _singular(p) in terms for p in said)
            # A booking word the vocabulary lists by a brand's or a heading's accident ("Zero", "Bays").
            if known and not (n == 1 and (phrase in lay_terms.PLAIN or phrase in ORDINARY_WORDS)):
                spans.append((words[i][0], words[i + n - 1][1]))
                i += n
                break
        else:
            i += 1
    return spans


@lru_cache(maxsize=65536)
def _known_word(word: str) -> bool:
    """One word: listed, or a listed term's plural, Latin or adjective form, its rare head, or a compound."""
    terms = vocabulary()
    forms = (word, _singular(word), word[:-1] if word.endswith("es") else word, *_variants(word))
    return any(p in terms or p in _rare_heads() for p in forms) or _compound(word, terms)


# "mini-stroke", "L-Thyroxin": a hyphenated word whose last part is a term.
def _hyphenated(word: str) -> bool:
    last = word.rsplit("-", 1)[-1]
    return "-" in word and len(last) >= 5 and last.isalpha() and last not in ORDINARY_WORDS and _known_word(last)


def _compound(word: str, terms) -> bool:
    """A word no English list has that ends in a term ("photorejuvenation", "lipohypertrophy")."""
    if len(word) < 10 or word in _plain_words():
        return False
    # "depigmentation", "hyperpigmentation": a prefix before a term or a trade word
    for prefix in ("de", "hyper", "hypo", "re", "micro", "non"):
        if word.startswith(prefix) and LAY.fullmatch(word[len(prefix):]):
            return True
    return any(word[i:] in terms for i in range(3, len(word) - 6)) or word.endswith(("rejuvenation", "resurfacing"))


def _said_after(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found, todo = [], sorted(spans, key=lambda s: s[1])
    while todo:
        _, end = todo.pop()
        match = COORDINATED.match(text, end)
        if match and match.span(1) not in found:
            found.append(match.span(1))
            todo.append(match.span(1))
    return found


def _symptoms(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for match in [*SYMPTOM.finditer(text), *OWN_BODY.finditer(text)]:
        start = max(text.rfind(c, 0, match.start()) for c in ".?!\n") + 1
        if any(start <= s and e <= match.end() + 80 and (s, e) != match.span(1) for s, e in spans):
            out.append(match.span(1))
    return out


# A medicine read off a label: a name the words around do not know, its strength, and how it is
# taken ("Doxiderm 100, take one daily"); the strength is what a dose is, not a price or a time.
LABELLED = re.compile(r"\b([A-Z][a-z]{3,}(?:[A-Z][a-z]+)?)\s+\d+(?:\.\d+)?\s*(?:mg|mcg|ml|micrograms?|milligrams?)?"
                      r"(?=[,;]?\s+(?:take |taken )?(?:one |two |a |an )?(?:tablets?|capsules?|daily|twice|once|a day|"
                      r"at night|every|puffs?|drops?)\b)")


def find(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in TREATED.finditer(text)] + [m.span() for m in LAY.finditer(text)]
    spans += [m.span(1) for m in LABELLED.finditer(text) if m.group(1).lower() not in _plain_words()]
    spans += [m.span() for m in BY_ENDING.finditer(text) if m.group(0).lower() not in lay_terms.NOT_MEDICAL]
    spans += [m.span(1) for m in SITE.finditer(text)] + [m.span() for m in ALWAYS.finditer(text)]
    spans += [m.span(1) for m in CONCERN.finditer(text)] + [m.span() for m in ABBREVIATION.finditer(text)]
    spans += _from_vocabulary(text) + [m.span() for m in EPONYM.finditer(text)]
    spans += _brands(text, spans) + _capitals(text, spans)
    spans += [m.span() for m in ANATOMICAL.finditer(text) if m.group(1).lower() not in _plain_words()]
    spans += [m.span(g) for m in PREDICATED.finditer(text) for g in (1, 2)]
    if spans:
        spans += [m.span(1) for m in EPONYM_ASKED.finditer(text)]
    spans += medical_phrases.find(text, lambda t, at, found=list(spans): _medical_nearby(t, at, found))
    spans = [span for span in set(spans) if not PROFESSION.fullmatch(text, *span)]
    spans += _said_after(text, spans) + _symptoms(text, spans)
    spans += medical_context.find(text, spans, lambda t, at, found=list(spans): _medical_nearby(t, at, found), _plain_words(),
                                  vocabulary())
    # "off the top of my head", "keep an eye on": a body part in an idiom says nothing of the body.
    idioms = [m.span() for m in IDIOM.finditer(text)]
    spans = [(s, e) for s, e in spans if not any(a <= s and e <= b for a, b in idioms) and not _asked_in_general(text, s, e)]
    # Longest first: the redactor keeps the first of overlapping spans ("breast reconstruction", not
    # "breast"). A span inside a longer one stays: should another kind take part of the longer one
    # ("gluteal fat grafting" beside an address), the shorter still redacts its own words.
    return sorted(set(spans), key=lambda span: (span[0] - span[1], span[0]))


# An agent's question of the form every patient is asked ("Agent: Any allergies?", "Medications?", "Have
# you had any operations?") names no one's condition; the caller's answer does, and is redacted.
ASKED_IN_GENERAL = re.compile(r"^[ \t]*(?:Agent|Assistant|Receptionist|AI|Nurse|Staff)\s*:[ \t]*(?:(?:and|so|okay|ok|right|now)[,\s]+)?"
                              r"(?:(?:do|did|have|has) you (?:have|had|take|taken|got|ever had)\s+|are you on\s+)?(?:any\s+)?$",
                              re.IGNORECASE | re.MULTILINE)


def _asked_in_general(text: str, start: int, end: int) -> bool:
    line_end = text.find("\n", end)
    rest = text[end:line_end if line_end >= 0 else len(text)]
    return bool(re.fullmatch(r"\s*\??\s*", rest)) and bool(ASKED_IN_GENERAL.search(text, text.rfind("\n", 0, start) + 1, start))
