"""Email addresses, plus signs and sub-domains included; also spoken ("kadri dot tamm at
gmail dot com", "ewan underscore macrae at hotmail dot co dot uk") and the spelling-out
that often follows one ("..., that's T-A-S-H-I", "G-A-B-I-J-A dot M")."""
import re

# A line break may fall after the "@" ("sofi@\nexample.com": the caller pressed enter).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@(?:[ \t]*\n[ \t]*)?[\w-]+(?:\.[\w-]+)+")
# "dot" and "at" as callers say them: British "full stop", Indian "at the rate", Spanish and
# Italian "punto", "arroba", "chiocciola", French "arobase", German "Punkt", Portuguese "ponto".
DOT = r"(?:dot|full stop|point|punto|punkt|ponto)"
AT = r"(?:at(?: sign| symbol| the rate(?: of)?)?|arroba|arobase|chiocciola|klammeraffe)"
JOIN = rf" (?:{DOT}|underscore|dash|hyphen|plus) "
# A number read out in the local part: "marta dot lopez ninety two at ...".
NUMBER_WORDS = (r"(?: (?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                r"fifty|sixty|seventy|eighty|ninety|hundred|double \w+|\d+))*")
# "email me at sione dot vea at ...": "me" is who to write to, not the address.
SPOKEN = re.compile(rf"\b(?!(?:me|us|him|her|them)\s)[\w.+-]+{NUMBER_WORDS}(?:{JOIN}[\w.+-]+{NUMBER_WORDS})* {AT} [a-z0-9-]+(?: (?:dash|hyphen) [a-z0-9-]+)*"
                    rf"(?: {DOT} [a-z]{{2,}})*(?: {DOT} [a-z]+)\b", re.IGNORECASE)  # a last part cut short too: "dot k"
# Letters said one by one, with dashes or spaces: "T-A-S-H-I", "h a e t t a".
SPELLED = (r"\b(?:[A-Z](?:-[A-Z]){2,}|[A-Za-z](?: [A-Za-z]){3,})\b(?:(?: dot| underscore| at)? [A-Z](?:-[A-Z])*\b)?"
           r"(?: (?:at|dot) (?:[A-Z](?:-[A-Z])*|[a-z0-9]+)\b)*")
# A spelling within a few words after an address spells the address.
SPELLED_AFTER = re.compile(rf"(?:,|\.)?\s*(?:that's|that is|spelled|spelt)?\s*,?\s*({SPELLED})")


def find(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in EMAIL.finditer(text)] + [m.span() for m in SPOKEN.finditer(text)]
    for _, end in list(spans):
        after = SPELLED_AFTER.match(text, end)
        while after:  # "..., P-E-R-E-R-A, that's P-E-R-E-R-A at example dot L-K": each spelling in turn
            spans.append(after.span(1))
            after = SPELLED_AFTER.match(text, after.end(1))
    return spans
