"""Email addresses, plus signs and sub-domains included; also spoken ("kadri dot tamm at
gmail dot com", "ewan underscore macrae at hotmail dot co dot uk") and the spelling-out
that often follows one ("..., that's T-A-S-H-I", "G-A-B-I-J-A dot M")."""
import difflib
import re

from .ordinary import ORDINARY_WORDS

# A line break may fall after the "@" ("sofi@\nexample.com": the caller pressed enter).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@(?:[ \t]*\n[ \t]*)?[\w-]+(?:\.[\w-]+)+")
# "dot" and "at" as callers say them: British "full stop", Indian "at the rate", Spanish and
# Italian "punto", "arroba", "chiocciola", French "arobase", German "Punkt", Portuguese "ponto".
DOT = r"(?:dot|full stop|point|punto|punkt|ponto|\(dot\))"
AT = r"(?:at(?: sign| symbol| the rate(?: of)?)?|arroba|arobase|chiocciola|klammeraffe|\(at\))"
JOIN = rf" (?:{DOT}|underscore|dash|hyphen|plus) "
# A number read out in the local part: "marta dot lopez ninety two at ...".
NUMBER_WORDS = (r"(?: (?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                r"fifty|sixty|seventy|eighty|ninety|hundred|double \w+|\d+))*")
# "email me at sione dot vea at ...": "me" is who to write to, not the address.
# "zoya.kan.1968, then at bk dot example dot ru": the local part, then the rest.
SPOKEN = re.compile(rf"\b(?!(?:me|us|him|her|them|then)\s)[\w.+-]+{NUMBER_WORDS}(?:{JOIN}[\w.+-]+{NUMBER_WORDS})*(?:,? then)? {AT} [a-z0-9-]+(?: (?:dash|hyphen) [a-z0-9-]+)*"
                    rf"(?: {DOT} [a-z]{{2,}})*(?: {DOT} [a-z]+)\b", re.IGNORECASE)  # a last part cut short too: "dot k"
# Letters said one by one, with dashes or spaces: "T-A-S-H-I", "h a e t t a".
SPELLED = (r"\b(?:[A-Z](?:-[A-Z]){2,}|[A-Za-z](?: [A-Za-z]){3,})\b(?:(?: dot| underscore| at)? [A-Z](?:-[A-Z])*\b)?"
           r"(?: (?:at|dot) (?:[A-Z](?:-[A-Z])*|[a-z0-9]+)\b)*")
# A spelling within a few words after an address spells the address.
SPELLED_AFTER = re.compile(rf"(?:,|\.)?\s*(?:that's|that is|spelled|spelt)?\s*,?\s*({SPELLED})")


# A local part said again, put right or misheard ("it's ermelinda-abreu, dash not underscore", "not
# slavva, just slava", "aune slash kuoksu, no sorry"): lower-case, or with the separators an address has.
FRAGMENT = re.compile(r"(?<![\w@.+-])(?:[a-z0-9][\w.+-]*(?:\s(?:slash|dash|underscore|dot)\s[\w.+-]+)*"
                      r"|[A-Za-z][\w.+-]*(?:\s(?:slash|dash|underscore|dot)(?:\s[\w.+-]+)?)+)(?![\w@+-])")  # "G dot Nyamache", "Kenga underscore"
SAID_SEPARATOR = re.compile(r"\s(slash|dash|underscore|dot)(?:\s|$)")
SEPARATOR_OF = {"slash": "/", "dash": "-", "underscore": "_", "dot": "."}


def _local_parts(text: str, spans: list[tuple[int, int]]) -> set[str]:
    out = set()
    for start, end in spans:
        local = re.split(rf"@|,? then {AT} | {AT} ", text[start:end], maxsplit=1, flags=re.IGNORECASE)[0].lower()
        local = SAID_SEPARATOR.sub(lambda m: SEPARATOR_OF[m.group(1)], local)
        out |= {local} | {part for part in re.split(r"[._+-]", local) if len(part) >= 4}
    return out


def _fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    locals_ = _local_parts(text, spans)
    out = []
    for m in FRAGMENT.finditer(text):
        said = SAID_SEPARATOR.sub(lambda x: SEPARATOR_OF[x.group(1)], m.group(0)).rstrip(".").lower()
        if any(s <= m.start() < e for s, e in spans):
            continue  # a part of an address already found
        if said in ORDINARY_WORDS or len(said) < 4 and said not in locals_:  # "just tam": a short local part again
            continue
        if any(difflib.SequenceMatcher(a=said, b=local).ratio() >= 0.8 for local in locals_):
            out.append((m.start(), m.start() + len(m.group(0).rstrip("."))))
    return out


def find(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in EMAIL.finditer(text)] + [m.span() for m in SPOKEN.finditer(text)]
    for _, end in list(spans):
        after = SPELLED_AFTER.match(text, end)
        while after:  # "..., P-E-R-E-R-A, that's P-E-R-E-R-A at example dot L-K": each spelling in turn
            spans.append(after.span(1))
            after = SPELLED_AFTER.match(text, after.end(1))
    return spans + _fragments(text, spans) if spans else spans
