"""US social security numbers: 123-45-6789, 123 45 6789 (a line break may split it; not
000, 666 or 9xx areas), and the last four digits given alone ("my SSN ends in 6789", "the
last four of my social are 4821", "social ending 1576"; "my husband's social is ..., mine
ends in 9913")."""
import re

from . import phones, turns  # phones: its reading of digits said in words

SSN = re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}([- ]|[/.]|\s*\n\s*)(?!00)\d{2}(?:\1|[- ]|\s*\n\s*)(?!0000)\d{4}(?![\d-])")
SOCIAL = r"(?:SSN|social(?: security(?: number)?)?)"
LAST_FOUR = re.compile(
    rf"(?:\b{SOCIAL}(?:'s)?\b[^.?!\d]{{0,40}}?\b(?:end(?:s|ing)?(?: in| with)?|last four(?: digits)?(?: are| is)?)"
    rf"|\blast four(?: digits)?(?: of (?:my|his|her|the) {SOCIAL})?(?: are| is)?)[\s:,]*(\d{{4}})(?![\d-])",
    re.IGNORECASE)


DIGIT = r"(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine|double \w+|triple \w+|treble \w+)"
# Read out after the word: "my social is five two nine, four four, one seven three eight", or
# with its dashes said ("five one seven dash three three dash ...").
# between the groups, what a caller says while reading them out: "five, five, three, then four, one", "um"
SPOKEN_GAP = r"[\s,.-]+(?:(?:dash|then|and|um+|uh+|erm?|hold on|wait|sorry)[\s,.-]+)*"  # "two seven, and then, hold on, five"
SPOKEN = re.compile(rf"\b{SOCIAL}\b[^.?!\d]{{0,25}}?\b({DIGIT}(?:{SPOKEN_GAP}{DIGIT}){{6,}})\b", re.IGNORECASE)


# Once the social is named, "mine ends in 9913" later in the same breath is its last four too.
NAMED = re.compile(rf"\b{SOCIAL}\b", re.IGNORECASE)
ENDS_IN = re.compile(r"\b(?:end(?:s|ing)?(?: in| with)?|last four(?: digits)?(?: are| is)?)[\s:,]*(\d{4})(?![\d-])",
                     re.IGNORECASE)


# On a clinic's line "ending in 7405" said of nothing else is the social's last four, in digits
# or in words ("ending in one two oh four", "the last 4 digits, two eight eight one"); a card's,
# an account's or a booking reference's last four are not (the words just before say which).
FOUR_WORDS = rf"{DIGIT}(?:[\s,-]+{DIGIT}){{1,3}}"
# Fillers may stand between: "the last four, yeah, three eight three eight".
FILLERS = r"(?:[\s:,]*\b(?:yeah|yes|um|uh|er|erm|so|okay|ok|right|it's|that's|they're|are|is|you|want|need)\b)*"
ENDING = re.compile(rf"\b(?:end(?:s|ing)(?: in| with)?|last (?:four|4)(?: digits?)?(?: of (?:(?:my|his|her|their|the|your) )?{SOCIAL})?"
                    rf"(?: are| is)?){FILLERS}[\s:,]*(\d{{4}}(?![\d-])|\d(?: \d){{3}}(?![\d-])|{FOUR_WORDS}\b)(?![.,]\d|\s*(?:pounds|quid|euros?|dollars|francs|%|k\b|grand|mg|ml|units))",
                    re.IGNORECASE)
NOT_SOCIAL = re.compile(r"\b(?:card|visa|amex|mastercard|debit|credit|account|iban|reference|ref|booking|order|"
                        r"invoice|policy|phone|mobile|number|line|total|price|cost|bill|amount|balance)\b[^.?!]{0,20}$",
                        re.IGNORECASE)


# "stars and then 4421 is my booking reference": what the number is may be said after it.
NOT_SOCIAL_AFTER = re.compile(r"[^.?!]{0,25}?\b(?:card|visa|amex|mastercard|account|reference|ref|booking|order|invoice|"
                              r"policy|phone|mobile|pin|code)\b", re.IGNORECASE)


# The first digits said alone, once the social or its last four is spoken of in the same breath ("the
# last four is 7742, and the first three 306"), or in the social's own 3-2 shape ("the first five are 471-28").
FIRST_PART = re.compile(r"\bfirst (?:three|3|five|5)(?: digits?)?(?: are| is| were| was)?[\s:,]*"
                        r"(\d{3}-\d{2}(?![\d-])|\d{3}(?![\d-])|\d{5}(?![\d-]))", re.IGNORECASE)
# A last four taken back and said again: "ends in nine nine four one... no, four nine nine one".
CORRECTED = re.compile(rf"[\s.…,]*\b(?:no|sorry|i mean)\b[\s,]+({FOUR_WORDS}|\d{{4}})\b", re.IGNORECASE)


# Once the social is named: its three pieces said apart, a line breaking up between them ("216, 48...
# [line breaks up] ...3079"), each a piece of it; and its first five begun with dashes and left ("481-11-...").
PIECE_GAP = (r"(?:\s*(?:,|\.\.\.|…)[\s,.…-]*(?:\[[^\]\n]{1,30}\][\s,.…-]*)?"  # a pause, not the dashes of a whole one
             r"|[ \t.]*\n[ \t]*(?:[A-Z][\w ]{0,20}:[ \t]*)?)")                 # or the next turn: "Caller: 52"
PIECES = re.compile(rf"(?<![\d-])((?!000|666|9\d\d)\d{{3}}){PIECE_GAP}(\d{{2}}){PIECE_GAP}(\d{{4}})(?![\d-])")
BEGUN = re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}-\d{2}(?=-(?!\d))")
# ...its shape begun and left for a pause, named or not, and the last four said after it ("269-40-... hang on... 3862")
LEFT_FOR_A_PAUSE = re.compile(r"(?<![\d-])((?!000|666|9\d\d)\d{3}-\d{2}-)\s*(?:\.\.\.|…)(?:[^\d.?!]{0,20}(?:\.\.\.|…))?\s*(\d{4})?(?![\d-])")
# The last four a few words after "last four" ("the last four for the insurance form, 0 5 8 3"), or
# answering "last four?" on the next turn ("Caller: Eight. Six. One. Nine.").
LAST_FOUR_LATER = re.compile(rf"\blast (?:four|4)\b([^.?!\d\n]{{0,40}}?)(\d(?: \d){{3}}|\d{{4}})(?![\d-])", re.IGNORECASE)
ANSWERED = re.compile(rf"\blast (?:four|4)\b[^\n]*\?[ \t]*\n[ \t]*(?:[A-Z]\w*:[ \t]*)?({DIGIT}(?:[.,]?\s+{DIGIT}){{3}}[.]?)",
                      re.IGNORECASE)
# Said as numbers, not digits, once the social or its end is named: "five hundred and nineteen,
# forty-four, eighty-one sixty"; "ends in four thousand and twelve".
NUMBER_WORD = phones.NUMBER_WORD
AS_NUMBERS = re.compile(rf"\b(?:{SOCIAL}|end(?:s|ing)? (?:in|with)|last four)\b[^.?!\d]{{0,25}}?\b({NUMBER_WORD}(?:(?:[\s,-]|\s+and\s+)+{NUMBER_WORD}){{2,}})\b",
                        re.IGNORECASE)
# A misheard number taken back just before the social it was: "You said three four two? No, 034-72-8816".
DIGIT_RUN = rf"{DIGIT}(?:[\s,-]+{DIGIT}){{2,8}}"
TAKEN_BACK = re.compile(rf"(?<![\w-])({DIGIT_RUN}|\d[\d-]{{1,10}}\d)[\s?.!,…]*\b(?:no|sorry|i mean)\b[\s,:]*$", re.IGNORECASE)
SPOKEN_PART = re.compile(rf"\b{DIGIT_RUN}\b", re.IGNORECASE)


NOT_SOCIAL_WORDS = re.compile(r"\b(?:card|visa|amex|mastercard|debit|credit|account|iban|reference|ref|booking|order|invoice|"
                              r"policy number|phone|mobile|pin|code|number)\b", re.IGNORECASE)


UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                                    "fifteen sixteen seventeen eighteen nineteen".split())} | {"oh": 0}
TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}


def _as_digits(said: str) -> str:
    """The digits numbers said in words stand for: "five hundred and nineteen, forty-four, eighty-one
    sixty" is 519 44 8160, "four thousand and twelve" 4012 (each group read on its own)."""
    out = []
    for group in re.split(r",", said.lower()):
        total, current, pieces = 0, None, []
        for token in re.findall(r"[a-z]+", group):
            if token in TENS and current is not None and current >= 10 and current % 10 == 0 or (
                    token in TENS and current is not None and current > 10):
                pieces.append(str(total + current))   # "eighty-one sixty": two pairs
                total, current = 0, None
            if token in UNITS and current is not None and current < 10:
                pieces.append(str(total + current))   # "three oh seven": digit by digit
                total, current = 0, None
            if token in UNITS or token in TENS:
                current = (current or 0) + (UNITS.get(token) if token in UNITS else TENS[token])
            elif token == "hundred":
                current = (current or 1) * 100
            elif token == "thousand":
                total, current = total + (current or 1) * 1000, None
        if current is not None or total:
            pieces.append(str(total + (current or 0)))
        out.append("".join(pieces))
    return "".join(out)


def _many_tens(said: str) -> bool:
    """Enough said for a social's part: four digit words, or numbers said with tens and hundreds."""
    return len(re.findall(NUMBER_WORD, said, re.IGNORECASE)) >= 3


MINE_IN = re.compile(r"\b(?:mine|his|hers|my own|and)\s+(?:in|is|with)\s+(\d{4})(?![\d-])", re.IGNORECASE)


def _four(said: str) -> bool:
    """Four digits, however said: "7405", "two eight eight one", "double five one two"."""
    if said.replace(" ", "").isdigit():
        return len(said.replace(" ", "")) == 4
    words = said.lower().replace(",", " ").replace("-", " ").split()
    return sum(2 if w == "double" else 3 if w == "triple" else 0 if words[i - 1:i] in (["double"], ["triple"]) and i
               else 1 for i, w in enumerate(words)) == 4


# Nine digits said one by one, with the social named just before or after: "4 5 6 7 8 9 0 1 2, my social".
NINE = re.compile(r"(?<![\d-])(?:\d(?:,?\s|[.-])?){8}\d(?![\d-])")
# A masked number read off a screen: "stars and then 6218", "asterisks, then 4410".
MASKED = re.compile(r"\b(?:stars|asterisks|x's|xs|hashes|dots)\b[^.?!\d]{0,20}?(\d{4})(?![\d-])", re.IGNORECASE)
# A social's own shape masked, 3 then 2 then 4 ("xxx-xx-7031", "xxx, xx, then 7031"): no card is masked so.
MASKED_SHAPE = re.compile(r"(?<![\w*#])[xX*#]{3}[\s,.-]+[xX*#]{2}[\s,.-]+(?:(?:and\s+)?then\s+)?(\d{4})(?![\d-])")


def _nine_near_social(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in NINE.finditer(text)
            if NAMED.search(text[max(0, m.start() - 30):m.start()] + " " + text[m.end():m.end() + 30])]


# A call's turns: once a turn asks for the social or its last four ("Last four of your social?",
# "And the last four?"), the numbers said in the next turns are pieces of it, in digits or in words
# (turns.py); "the card's last four" asks for no social.
ASKS_SOCIAL = re.compile(r"\b(?:last|first) (?:four|4|five|5|three|3)\b", re.IGNORECASE)
TURN_NUMBER = re.compile(rf"(?<![\w£$€.:-])(?:\d(?:[ -]?\d){{1,8}}|{DIGIT}(?:[\s,-]+(?:dash[\s,-]+)?{DIGIT}){{1,8}}\b|"
                         rf"{phones.NUMBER_WORD}(?:(?:[\s,-]|\s+and\s+)+{phones.NUMBER_WORD}){{2,}}\b){turns.NOT_A_PIECE}",
                         re.IGNORECASE)


def _digits(match: re.Match) -> bool:
    return len(re.findall(rf"\d|\b{DIGIT}\b", match.group(0), re.IGNORECASE)) >= 2


def _asked_in_turns(text: str) -> list[tuple[int, int]]:
    return turns.answered(text, lambda said: bool(NAMED.search(said) or ASKS_SOCIAL.search(said)
                                                  and not NOT_SOCIAL_WORDS.search(said)), TURN_NUMBER, _digits)


def find(text: str) -> list[tuple[int, int]]:
    spans = _asked_in_turns(text) + [m.span() for m in SSN.finditer(text)]
    spans += [m.span(1) for p in (LAST_FOUR, SPOKEN) for m in p.finditer(text)]
    spans += _nine_near_social(text)
    named = NAMED.search(text)
    if named:
        spans += [m.span(1) for m in ENDS_IN.finditer(text, named.end())]
    endings = [m for m in ENDING.finditer(text) if _four(m.group(1)) and (
        NAMED.search(text[max(0, m.start() - 40):m.start()]) or not NOT_SOCIAL.search(text[max(0, m.start() - 40):m.start()]))]
    spans += [m.span(1) for m in endings]
    for m in endings:
        again = CORRECTED.match(text, m.end())
        if again and _four(again.group(1)):
            spans.append(again.span(1))
    # five digits are the social's first five whatever else is said ("the first five are 30418"): no
    # card, phone or postcode is given by its first five
    spans += [m.span(1) for m in FIRST_PART.finditer(text)
              if named or endings or "-" in m.group(1) or len(m.group(1)) == 5]
    if named:  # "my daughter's social ends in 4321 and mine in 8765"
        spans += [m.span(1) for m in MINE_IN.finditer(text, named.end())]
        spans += [m.span(g) for m in PIECES.finditer(text) for g in (1, 2, 3)] + [m.span() for m in BEGUN.finditer(text)]
    for m in LEFT_FOR_A_PAUSE.finditer(text):
        spans += [m.span(1)] + ([m.span(2)] if m.group(2) else [])
    spans += [m.span(2) for m in LAST_FOUR_LATER.finditer(text) if not NOT_SOCIAL_WORDS.search(m.group(1))]
    spans += [m.span(1) for m in (*ANSWERED.finditer(text), *AS_NUMBERS.finditer(text)) if _many_tens(m.group(1))]
    for start, _ in [m.span() for m in SSN.finditer(text)]:
        slip = TAKEN_BACK.search(text[:start])
        if slip:
            spans.append(slip.span(1))
    spans += [m.span(1) for m in MASKED.finditer(text) if not NOT_SOCIAL.search(text[max(0, m.start() - 40):m.start()])
              and not NOT_SOCIAL_AFTER.match(text, m.end())] + [m.span(1) for m in MASKED_SHAPE.finditer(text)]
    return list(dict.fromkeys(spans + _said_again(text, spans)))


def _said_again(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The same digits said again ("oh four one one, yeah, oh four one one") are the same social."""
    again = []
    for said in {text[s:e] for s, e in spans}:
        again += [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(said)}(?![\w-])", text)]
    # a piece of it read back in words: "418-11-5072. Four one eight."
    numbers = [re.sub(r"\D", "", text[s:e]) or _as_digits(text[s:e]) for s, e in spans]
    again += [m.span() for m in SPOKEN_PART.finditer(text) if (d := phones._spelled(m.group(0)))
              and any((len(n) >= 9 and d in n) or d == n for n in numbers)]
    return again

