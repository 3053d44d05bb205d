"""Street addresses (US and UK): a house number and a street with a street-type word,
optionally a flat, town, state and ZIP or UK postcode; and postcodes or ZIP+state alone."""
import re

STREET_TYPES = (
    "Street|St|Road|Rd|Avenue|Ave|Av|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Boulevard|Blvd|Terrace|Terr|Close|"
    "Crescent|Cres|Grove|Gardens|Gdns|Square|Sq|Parkway|Pkwy|Highway|Hwy|Row|Mews|Hill|Park|View|Walk|Circle|Cir|"
    "Trail|Trl|Path|Pike|Alley|Plaza|Green|Rise|Vale|Wharf|Quay|Parade|Broadway|Crossing|Loop|Run|Ridge|Heights")
WORD = r"[A-Z][A-Za-z'’-]+"
UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}"
US_STATE_ZIP = r"[A-Z]{2},? \d{5}(?:-\d{4})?"
UNIT = r"(?:(?:Flat|Apt\.?|Apartment|Unit|Suite)\s+\w+,?\s+)?"
TAIL = rf"(?:,?\s+{WORD}\b(?:\s+{WORD}\b)?)?(?:,?\s+(?:{UK_POSTCODE}|{US_STATE_ZIP}))?"
STREET = re.compile(rf"\b{UNIT}\d{{1,5}}[A-Za-z]?,?\s+(?:{WORD}\s+){{0,3}}(?:{STREET_TYPES})\b\.?{TAIL}")
# Cued: "I live at 42 Oakfield", "my address is 7 Millbrook" - a number and capitalised words.
CUED = re.compile(rf"\b(?:live at|living at|address is|I'm at|I am at|moved to|send it to|based at) "
                  rf"({UNIT}\d{{1,5}}[A-Za-z]?,?\s+(?:{WORD}\s*){{1,4}}{TAIL})")
ALONE = re.compile(rf"\b(?:{UK_POSTCODE})\b|\b(?:zip(?: code)? is |zip )\d{{5}}(?:-\d{{4}})?\b|\b{US_STATE_ZIP}\b")


def find(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in STREET.finditer(text)] + [m.span(1) for m in CUED.finditer(text)]
    spans += [m.span() for m in ALONE.finditer(text)]
    return spans
