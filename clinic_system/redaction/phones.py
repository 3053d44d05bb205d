"""Phone numbers: Google's libphonenumber (the `phonenumbers` package) finds US, UK and
international forms; two small patterns add what it leaves, the plan's 7-digit local
"555-1234" and digits read out one by one ("five five five, one two three ...")."""
import re

import phonenumbers

REGIONS = ("US", "GB")
MIN_DIGITS = 7
LOCAL = re.compile(r"(?<![\w-])\d{3}[-. ]\d{4}(?![\w-])")
DIGIT = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double \w+)"
SPOKEN = re.compile(rf"\b{DIGIT}(?:[\s,.-]+{DIGIT}){{6,}}\b", re.IGNORECASE)


def find(text: str) -> list[tuple[int, int]]:
    spans = set()
    for region in REGIONS:
        for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE):
            if sum(c.isdigit() for c in match.raw_string) >= MIN_DIGITS:  # not "24-48 hours"
                spans.add((match.start, match.end))
    spans.update(m.span() for m in LOCAL.finditer(text))
    spans.update(m.span() for m in SPOKEN.finditer(text))
    return sorted(spans)
