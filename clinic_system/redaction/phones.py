"""Phone numbers: Google's libphonenumber (the `phonenumbers` package) finds US, UK and
international forms, also when a line break splits them; small patterns add what it leaves:
the plan's 7-digit local "555-1234", an area code said on its own, an extension after the
number, and numbers read out as words ("oh seven seven double oh, nine hundred ...")."""
import re

import phonenumbers

from . import turns

REGIONS = ("US", "GB")
MIN_DIGITS = 7
LOCAL = re.compile(r"(?<![\w-])\d{3}[-. ]\d{4}(?![\w-])")
# A trunk-prefixed mobile in three dashed groups of four, as Indonesia writes them ("0812-3390-2614")
DASHED = re.compile(r"(?<![\w-])0\d{3}-\d{4}-\d{3,4}(?![\w-])")
AREA_CODE = re.compile(r"\barea code(?:'s|s| is)? \(?(\d{3,5})\)?(?!\d)", re.IGNORECASE)
EXTENSION = re.compile(r"(?:,?\s*(?:ext\.?|extension|x)\s*\d{1,5})(?!\d)", re.IGNORECASE)
DIGIT = (r"(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine|double \w+|triple \w+|treble \w+|hundred|thousand|"
         r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
         r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)")
SPOKEN = re.compile(rf"\b(?:plus\s+)?{DIGIT}(?:[\s,.-]+{DIGIT}){{3,}}\b", re.IGNORECASE)
# Digits said in Spanish, Portuguese, Italian, French or German, one word a digit, seven or more:
# "más cinco cero seis, ocho ocho ocho, uno dos tres cuatro".
FOREIGN_DIGIT = (r"(?:cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|um|dois|três|quatro|sete|oito|nove|due|tre|"
                 r"quattro|cinque|sei|sette|otto|zéro|un|deux|trois|quatre|cinq|six|sept|huit|neuf|null|eins|zwei|drei|"
                 r"vier|fünf|sechs|sieben|acht|neun|zero)")
FOREIGN = re.compile(rf"\b(?:(?:más|mais|più|plus)\s+)?{FOREIGN_DIGIT}(?:[\s,.-]+{FOREIGN_DIGIT}){{6,}}\b", re.IGNORECASE)
# A French number as it is said: "zéro six", then four pairs ("douze, quarante-trois, quatre-vingt-un, dix-sept").
FRENCH_PAIR = (r"(?:(?:dix|vingt|trente|quarante|cinquante|soixante|quatre-vingts?)(?:[\s-](?:et[\s-])?(?:un|deux|trois|"
               r"quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize))?|onze|douze|treize|quatorze|"
               r"quinze|seize|zéro|zero|un|deux|trois|quatre|cinq|six|sept|huit|neuf)")
FRENCH = re.compile(rf"\b(?:zéro|zero)[\s,]+{FOREIGN_DIGIT}(?:[\s,.-]+{FRENCH_PAIR}){{4}}(?![\w-])", re.IGNORECASE)
# "the area code's two one two": an area code read out as words.
SPOKEN_AREA = re.compile(rf"\barea code(?:'s| is)?\s+({DIGIT}(?:[\s,-]+{DIGIT}){{2,4}})\b", re.IGNORECASE)


def _digits_said(said: str) -> int:
    """How many digits words say: "triple five, oh one six two" is seven."""
    count, words = 0, re.findall(r"[a-z]+", said.lower())
    for before, word in zip([""] + words, words):
        if word in ("double", "triple", "treble", "hundred", "thousand", "plus") or (before in TENS and word in UNITS):
            continue   # "thirty four" is two digits, said by its first word
        count += {"double": 2, "triple": 3, "treble": 3}.get(before, 2 if word in TEENS | TENS else 1)
    # Times and years are said in tens too ("ten fifteen, eleven thirty"): a number said in tens
    # counts only with a digit said alone often enough, or "plus", "oh", "double" in it.
    if set(words) & (TEENS | TENS) and not set(words) & {"plus", "oh", "zero", "nought", "double", "triple", "treble"} \
            and sum(w in UNITS for w in words) < 4:
        return 0
    return count


UNITS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
TEENS = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
# A number said in pairs after a leading 0, as in France, Belgium and Switzerland: "06 12 34 56 78".
PAIRS = re.compile(r"(?<![\w+-])0\d(?:[ .\n-]+\d{2}){4}(?![\w-])(?!\s*(?:pounds|quid|euros?|dollars|francs|%|€|£))")
# Dates are not phone numbers (PII-6): 01.02.2026, 14/03/2026, 2026-03-14.
DATE = re.compile(r"\d{1,2}([./-])\d{1,2}\1\d{2,4}|\d{4}-\d{2}-\d{2}")


# Digits and digit words mixed, as a number is often read: "oh 7 7 double 0, 900 713".
MIXED = re.compile(rf"\b(?:plus\s+)?(?:{DIGIT}|\d{{1,4}})(?:[\s,.-]+(?:{DIGIT}|\d{{1,4}})){{3,}}\b", re.IGNORECASE)
SPELL = {"oh": "0", "o": "0", "zero": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
         "seven": "7", "eight": "8", "nine": "9"}


def _spelled(said: str) -> str | None:
    """The digits that words and digits say, when said one by one ("double 0" is "00"); None
    when tens are said ("twenty"), whose digits depend on what follows."""
    out, times = [], 1
    for token in re.findall(r"[a-z]+|\d+", said.lower()):
        if token in ("double", "triple", "treble"):
            times = 2 if token == "double" else 3
        elif token.isdigit() or token in SPELL:
            out.append((token if token.isdigit() else SPELL[token]) * times)
            times = 1
        elif token != "plus":
            return None
    return "".join(out)


def _mixed(text: str) -> list[tuple[int, int]]:
    """A number said in digits and words together, long enough for a phone, with a word only
    phone numbers are read with ("oh", "double"): not "2 or 3 sessions"."""
    spans = []
    for match in MIXED.finditer(text):
        said = match.group(0)
        digits = _spelled(said)
        if digits and len(digits) >= MIN_DIGITS and re.search(r"\d", said) and re.search(
                r"\b(?:oh|zero|nought|double|triple|treble|plus)\b", said, re.IGNORECASE):
            spans.append(match.span())
    return spans


def _said_again(text: str, found: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Part of a number already given, read again in words ("+298 21 74 50 ... two one, seven
    four, five oh"): the same digits are the same number."""
    numbers = [re.sub(r"\D", "", text[s:e]) for s, e in found]
    # (SPOKEN says four digits or more, so whatever _spelled reads is a run long enough to match)
    again = [m.span() for m in SPOKEN.finditer(text) if (d := _spelled(m.group(0)))
             and any(d in number for number in numbers)]
    # and in figures: "... 900 664, the last bit again 664"
    return again + [m.span() for m in re.finditer(r"(?<![\d£$€.,-])\d{3,}(?![\d-])", text)
                    if not any(s <= m.start() < e for s, e in found)
                    and any(len(n) >= 7 and n.endswith(m.group(0)) for n in numbers)]


# "+229 97 12 45 80": a country code and groups of digits is a phone number even where the
# numbering plan says it cannot be (a plan changed, a number misheard, one digit missing).
INTERNATIONAL = re.compile(r"(?<![\w+])\+\s?\d{1,3}(?:[ .-]|[ \t]*\n[ \t]*)\(?\d{1,5}\)?(?:(?:[ .-]| - |[ \t]*\n[ \t]*)\d{1,5}){1,5}(?![\w-])")
# What belongs to a phone number said apart from it, once one is given in the same breath: its
# country code alone ("+91", "plus forty-eight", "plus four six"), an extension alone ("extension
# 214", below), the end of an old or misheard one ("the old one ended 339", "it's one-seven at the end"),
# and digits read back one at a time ("you read it as 9-1-6").
TENS_SAID = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
UNITS_SAID = r"(?:one|two|three|four|five|six|seven|eight|nine)"
CODE_ALONE = re.compile(rf"(?<![\w+])\+\d{{1,3}}(?![\d\w]|[ .-]?\(?\d)|\bplus[\s-]+(?:{TENS_SAID}(?:[\s-]+{UNITS_SAID})?|{DIGIT}(?:[\s-]+{DIGIT}){{0,2}})\b",
                        re.IGNORECASE)
# One number said as a word, tens and hundreds too (the social's and the read-back rules use it as well)
NUMBER_WORD = (r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
               r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)")
NUMBER_WORDS = rf"(?:{NUMBER_WORD}[\s-]*){{1,5}}"
EXTENSION_ALONE = re.compile(rf"\b(?:extension|ext\.?),?\s*(?:(?:uh|um|er|erm),?\s*)?(?:number\s*)?(\d{{2,5}}(?!\d)|{NUMBER_WORDS}\b)",
                             re.IGNORECASE)
# The rest of a number on the next turn, once the line dropped ("0114 496 05\nCaller: 22, sorry").
CONTINUED = re.compile(r"[ \t.]*\n[ \t]*(?:[A-Z]\w*:[ \t]*)?(\d{1,4})(?![\d:.,]\d)")
ENDED = re.compile(rf"\b(?:ended|ends|ending)(?: in| with)?\s+(\d{{2,3}})(?![\d.,]\d)|\b({DIGIT}(?:[\s-]+{DIGIT}){{0,3}}|\d{{2,4}})\s+at the end\b",
                   re.IGNORECASE)
ONE_AT_A_TIME = re.compile(r"(?<![\w-])\d(?:-\d){2,}(?![\w-])")
# A country code's digits run together with the rest, no plus: "351918447102" (libphonenumber's reading).
RUN_TOGETHER = re.compile(r"(?<![\d+])\d{11,13}(?!\d)")


def _around_a_number(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for p in (CODE_ALONE, ONE_AT_A_TIME) for m in p.finditer(text)]
    return spans + [m.span(1) if m.group(1) else m.span(2) for m in ENDED.finditer(text)]


def _run_together(text: str) -> list[tuple[int, int]]:
    out = []
    for m in RUN_TOGETHER.finditer(text):
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse("+" + m.group(0))):
                out.append(m.span())
        except phonenumbers.NumberParseException:
            pass
    return out


def _reference(text: str, match) -> bool:
    """A date, or the digits of a reference such as "INV-2026-0042": not "24-48 hours" either."""
    return bool(DATE.fullmatch(match.raw_string.strip()) or re.search(r"[A-Za-z]-$", text[:match.start]))


# A call's turns: "Phone again?", "What's the best number?" asked, the numbers of the next turns are
# the phone's pieces ("Caller: oh seven nine" / "Caller: five five five, two six, eight four"); not
# a reference's, a card's or a social's number
ASKS_PHONE = re.compile(r"\b(?:phone|mobile|cell|(?:your|the|my|best|contact|new|a) number|number to (?:call|reach)|call you back|"
                        r"reach you)\b", re.IGNORECASE)
# the digits of the languages callers switch into, read out in answer to the question
FOREIGN_DIGIT = (r"(?:zero|uno|due|tre|quattro|cinque|sei|sette|otto|nove|cero|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|"
                 r"z[ée]ro|un|deux|trois|quatre|cinq|six|sept|huit|neuf|null|eins|zwei|drei|vier|f[üu]nf|sechs|sieben|acht|neun)")
NOT_PHONE = re.compile(r"\b(?:reference|booking|card|account|policy|social|ssn|invoice|order)\b", re.IGNORECASE)
TURN_DIGITS = re.compile(rf"(?<![\w£$€.:-])(?:\+?\d(?:[ -]?\d){{1,14}}|(?:plus\s+)?{DIGIT}(?:[\s,-]+{DIGIT}){{1,14}}\b|"
                         rf"{FOREIGN_DIGIT}(?:[\s,-]+{FOREIGN_DIGIT}){{1,14}}\b){turns.NOT_A_PIECE}", re.IGNORECASE)


def _asked_in_turns(text: str) -> list[tuple[int, int]]:
    return turns.answered(text, lambda said: bool(ASKS_PHONE.search(said) and not NOT_PHONE.search(said)), TURN_DIGITS)


def find(text: str) -> list[tuple[int, int]]:
    spans = set(_asked_in_turns(text))
    flat = text.replace("\n", " ")  # same length: positions stay right
    for region in REGIONS:
        for match in phonenumbers.PhoneNumberMatcher(flat, region, leniency=phonenumbers.Leniency.POSSIBLE):
            if sum(c.isdigit() for c in match.raw_string) >= MIN_DIGITS and not _reference(flat, match):
                spans.add((match.start, match.end))
    spans.update(m.span() for pattern in (LOCAL, DASHED) for m in pattern.finditer(flat))
    spans.update(m.span() for m in INTERNATIONAL.finditer(text) if 8 <= sum(c.isdigit() for c in m.group(0)) <= 15)
    spans.update(m.span() for m in SPOKEN.finditer(text) if _digits_said(m.group(0)) >= MIN_DIGITS)
    spans.update(m.span(1) for m in SPOKEN_AREA.finditer(text))
    spans.update(m.span() for p in (FOREIGN, FRENCH) for m in p.finditer(text))
    spans.update(m.span() for m in PAIRS.finditer(text))
    spans.update(m.span(1) for m in AREA_CODE.finditer(text))
    spans.update(_mixed(text))
    spans.update(_run_together(text))
    spans.update(_said_again(text, spans))
    if spans:
        spans.update(span for span in _around_a_number(text) if not any(s <= span[0] < e for s, e in spans))
    # an extension said on its own is a way to reach someone, whoever's number it extends
    spans.update((m.start(1), m.start(1) + len(m.group(1).rstrip(" -"))) for m in EXTENSION_ALONE.finditer(text)
                 if not any(s <= m.start() < e for s, e in spans))
    spans.update(m.span(1) for _, end in list(spans) if (m := CONTINUED.match(text, end)))
    out = []
    for start, end in spans:  # an extension belongs to its number
        if _a_reference(text, start):
            continue
        extension = EXTENSION.match(text, end)
        out.append((start, extension.end() if extension else end))
    return sorted(out, key=lambda span: (span[0] - span[1], span[0]))


# "my booking reference is P for Papa ..., two zero two six, three three eight one"; "Agent: Can I
# take a reference?" / "Caller: It's PCS-2026-5530": a reference's digits, in its sentence or
# answering the question before, where no phone is spoken of
REFERENCE_CUE = re.compile(r"\b(?:reference|ref|booking number|confirmation number|order number|invoice|voucher code)\b",
                           re.IGNORECASE)
# (a phone or a social spoken of in the same breath keeps the number personal data)
PERSONAL_CUE = re.compile(r"\b(?:phone|mobile|cell|call|ring|text|number to|whatsapp|landline|extension|ssn|social)\b",
                          re.IGNORECASE)


def _a_reference(text: str, at: int) -> bool:
    line_start = text.rfind("\n", 0, at) + 1
    sentence = re.split(r"[.!?](?:\s+|$)", text[line_start:at])[-1]
    before = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1:line_start].strip() if line_start else ""
    said = sentence + (" " + before if before.endswith("?") else "")  # the question this turn answers
    return bool(REFERENCE_CUE.search(said)) and not PERSONAL_CUE.search(said)
