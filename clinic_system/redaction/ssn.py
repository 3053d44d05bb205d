"""US social security numbers: 123-45-6789, 123 45 6789 (a line break may split it; not
000, 666 or 9xx areas), and the last four digits given alone ("my SSN ends in 6789", "the
last four of my social are 4821", "social ending 1576"; "my husband's social is ..., mine
ends in 9913")."""
import re

SSN = re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}([- ]|\s*\n\s*)(?!00)\d{2}(?:\1|[- ]|\s*\n\s*)(?!0000)\d{4}(?![\d-])")
SOCIAL = r"(?:SSN|social(?: security(?: number)?)?)"
LAST_FOUR = re.compile(
    rf"(?:\b{SOCIAL}(?:'s)?\b[^.?!\d]{{0,40}}?\b(?:end(?:s|ing)?(?: in| with)?|last four(?: digits)?(?: are| is)?)"
    rf"|\blast four(?: digits)?(?: of (?:my|his|her|the) {SOCIAL})?(?: are| is)?)[\s:,]*(\d{{4}})(?![\d-])",
    re.IGNORECASE)


DIGIT = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double \w+)"
# Read out after the word: "my social is five two nine, four four, one seven three eight".
SPOKEN = re.compile(rf"\b{SOCIAL}\b[^.?!\d]{{0,25}}?\b({DIGIT}(?:[\s,.-]+{DIGIT}){{6,}})\b", re.IGNORECASE)


# Once the social is named, "mine ends in 9913" later in the same breath is its last four too.
NAMED = re.compile(rf"\b{SOCIAL}\b", re.IGNORECASE)
ENDS_IN = re.compile(r"\b(?:end(?:s|ing)?(?: in| with)?|last four(?: digits)?(?: are| is)?)[\s:,]*(\d{4})(?![\d-])",
                     re.IGNORECASE)


def find(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in SSN.finditer(text)] + [m.span(1) for p in (LAST_FOUR, SPOKEN) for m in p.finditer(text)]
    named = NAMED.search(text)
    if named:
        spans += [m.span(1) for m in ENDS_IN.finditer(text, named.end())]
    return spans
