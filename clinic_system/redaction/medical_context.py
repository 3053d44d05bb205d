"""Medical words known by what stands next to them, once a medical word is found (round 6):
a word no English list has listed with it or put right after it ("HRT, Oestrogel and ...",
"Januvia... no, Janumet"), its type or eponym in apposition ("diabetes, type 2", "leprosy,
Hansen's"), its head said alone or shared ("the sleeve, the gastric sleeve", "arm lift and bra
line lift"), a site said again ("a glass eye, the right eye"), what a body part was made or
became ("made my face puffy", "my kidneys were damaged"), the aids one wears or uses, what one
was born with, a pregnancy by its weeks, a short abbreviation after "had a" ("a PE")."""
from __future__ import annotations

import re

from . import lay_terms

BODY = r"(?:" + "|".join(lay_terms.BODY_PARTS) + r")"
WORD = r"[A-Za-zÀ-ÿ][\w'’-]*"
# Said with a found medical word, before or after it: a list, a correction, an apposition.
JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|plus)\s+|\s*(?:\.\.\.|…)\s*,?\s*(?:no|sorry|I mean|or)?,?\s*(?:now\s+)?)"
AFTER = re.compile(rf"{JOIN}(?:the\s+|a\s+|an\s+|some\s+)?({WORD})")
BEFORE = re.compile(rf"(?<![\w'’-])({WORD})(?={JOIN}(?:the\s+|a\s+|an\s+)?$)")
# "diabetes, type 2", "sickle cell, the SS type", "leprosy treated, Hansen's".
APPOSED = re.compile(r"(?:\s+[a-z]+){0,2}\s*,\s*(type (?:1|2|one|two|I|II)\b|the [A-Z]{1,4}\w* type\b|[A-Z][a-z]+['’]s\b)")
# What a found thing became: "my kidneys were damaged".
BECOMES = re.compile(rf"\s+(?:were|was|has gone|have gone|has become|have become|became|turned|got)\s+"
                     rf"(?:(?:a bit|really|very|so|quite|all)\s+)?({'|'.join(lay_terms.CONCERNS)})\b", re.IGNORECASE)

# "arm lift and bra line lift": a second thing of the same kind, its own words before the head.
SHARED_HEAD = re.compile(r"\s+(?:and|or|plus|with)\s+(?:the\s+|a\s+)?([a-z]+(?:\s+[a-z]+){1,3})\b", re.IGNORECASE)
# A word after a determiner, to find a head or a site said again ("the sleeve", "the right eye").
DETERMINED = re.compile(r"\b(?:the|a|an|my|her|his)\s+((?:left|right|other|same)\s+)?([A-Za-z]+)\b")
# What a body part became or was made: "it's made my face puffy", "my kidneys were damaged".
MADE = re.compile(rf"\b(?:made|makes|making|left|leaves)\s+(?:my|her|his|their|the)\s+({BODY})\s+"
                  rf"({'|'.join(lay_terms.CONCERNS + lay_terms.SYMPTOMS)})\b", re.IGNORECASE)
BECAME = re.compile(rf"\b(?:my|her|his|their|the)\s+({BODY})\s+(?:were|was|has gone|have gone|has become|have become|"
                    rf"became|turned)\s+(?:(?:a bit|really|very|so|quite|all)\s+)?({'|'.join(lay_terms.CONCERNS)})\b",
                    re.IGNORECASE)
# A body part said with how it is, in a sentence already about health: "the eyes are sensitive".
SAID_OF = re.compile(rf"\b(?:my|her|his|their|the)\s+({BODY})\s+(?:is|are|was|were|feels?|looks?)\s+[a-z]", re.IGNORECASE)
# The aids one wears or uses, in a sentence about health: "I wear hearing aids", "a walking frame".
AIDS = re.compile(r"\b(?:wears?|wearing|uses?|using|needs?|in|on|with)\s+(?:a\s+|an\s+|my\s+|her\s+|his\s+)?"
                  r"((?:[a-z]+\s+)?(?:aids?|frame|machine|wheelchair|walker|stick|crutch(?:es)?|brace|splint|sling|pump|"
                  r"monitor|prosthesis|cast))\b", re.IGNORECASE)
BORN_WITH = re.compile(rf"\bborn with\s+((?:(?:a|an|one|two|three|six|seven|extra|no|missing|webbed|fused|only one)\s+)?"
                       rf"(?:[a-z]+\s+)?{BODY})\b", re.IGNORECASE)
# A pregnancy by its weeks, or said as expecting: "I'm sixteen weeks", "she's expecting twins".
WEEKS = re.compile(r"\b(?:I'm|I am|she's|she is|wife's|wife is|is)\s+((?:\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+weeks"
                   r"(?:\s+pregnant)?)\b(?!\s+(?:away|ago|out|later|from|before|after|old|since|post|into|in|of|off|left|to go))")
EXPECTING = re.compile(r"\b(?:I'm|I am|she's|she is|is|was|we're|we are)\s+(expecting(?:\s+(?:twins|triplets|a baby|again))?)"
                       r"(?=\s*(?:[,.;!?…]|$|\s+(?:so|and|now|but|in|at|due)\b))")
# What a thing does to one, when the doing is a listed symptom: "it makes me vomit" (vomiting), "made her faint".
EFFECT = re.compile(r"\b(?:makes?|made|making|gets?|leaves?|left)\s+(?:me|her|him|them|us)\s+([a-z]{4,})\b")
# A condition said without its head noun: "I have bipolar" ("bipolar disorder"), "she's got Crohn".
HAS = re.compile(r"\b(?:have|has|had|got|with|diagnosed with)\s+([a-z]{4,})(?=\s*(?:[,.;!?]|$|\s+(?:and|so|but|too|as well)\b))")
HEADS = ("disorder", "disease", "syndrome")
# A habit said with its verb, when the terminology lists it as a gerund: "I bite my nails" (nail
# biting), "she pulls her hair" (hair pulling), "he grinds his teeth" (teeth grinding).
DOING = re.compile(rf"\b([a-z]{{3,}})\s+(?:at\s+)?(?:my|her|his|their)\s+({BODY})\b", re.IGNORECASE)


def _habit(verb: str, body: str, terms) -> bool:
    verb, body = verb.lower(), body.lower()
    bases = {verb, verb[:-1], verb[:-2], verb[:-3], verb[:-3] + "e"}
    gerunds = {g for b in bases if len(b) >= 3 for g in (b + "ing", b[:-1] + "ing", b + b[-1] + "ing")}
    bodies = {body, body[:-1] if body.endswith("s") else body}
    return any(f"{part}{joint}{g}" in terms for part in bodies for g in gerunds for joint in (" ", "-"))


# "had a PE", "I have BP": two or three capitals after what one has, in a sentence about health.
SHORT_CAPS = re.compile(r"\b(?:had|has|have|got|with|on)\s+(?:a\s+|an\s+)?([A-Z]{2,5}s?)(?![\w-])")
NOT_CAPS = {"UK", "US", "USA", "GP", "AM", "PM", "OK", "ID", "TV", "PA", "PO", "NHS", "SMS", "PDF", "VAT", "ASAP", "EU",
            "AI", "IT", "HR", "ATM", "PIN", "FAQ", "CEO", "DM", "IOU", "ETA", "BBC", "CV", "UAE"}


# After a medicine or condition, what it was put right to: "..., no, sorry, I switched to Visanne".
SWITCHED = re.compile(r"[\s,.…]*(?:(?:no|sorry|actually)[\s,.]+){1,3}(?:I|she|he|they|we)(?:['’]ve| have)?\s+"
                      r"(?:switched|changed|moved|gone)\s+(?:over\s+)?to\s+([A-Z][\w-]+)")


def _unknown(word: str, plain_words) -> bool:
    """No English word, name, contraction ("I've", "she's") or compound of English words ("two-day")."""
    word = word.lower().replace("’", "'")
    if re.search(r"'(?:s|ve|re|ll|d|m|t)$", word) or word[:1].isdigit():
        return False
    return word not in plain_words and not all(part in plain_words for part in word.split("-"))


def _abbreviation(word: str) -> bool:
    """"a DVT and a PE": capitals said with a found medical word, not "UK" or "GP"."""
    return word.isupper() and 2 <= len(word.rstrip("s")) <= 5 and word.rstrip("s") not in NOT_CAPS


def find(text: str, found: list[tuple[int, int]], nearby, plain_words, terms) -> list[tuple[int, int]]:
    """`found`: the medical spans so far; `nearby(text, at)`: a sentence about health at `at`;
    `plain_words`: English words and names, which a listed or corrected word must not be; `terms`: the vocabulary."""
    spans = [m.span(1) for m in EFFECT.finditer(text)
             if any(form in terms for form in (m.group(1) + "ing", m.group(1)[:-1] + "ing", m.group(1) + m.group(1)[-1] + "ing"))]
    determined = list(DETERMINED.finditer(text)) if found else []
    for start, end in found:
        after = AFTER.match(text, end)
        if after and (_unknown(after.group(1), plain_words) or _abbreviation(after.group(1))):
            spans.append(after.span(1))
        before = BEFORE.search(text, max(0, start - 40), start)
        if before and _unknown(before.group(1), plain_words):
            spans.append(before.span(1))
        switched = SWITCHED.match(text, end)
        if switched and _unknown(switched.group(1), plain_words):
            spans.append(switched.span(1))
        for shape in (APPOSED, BECOMES):
            spans += [shape.match(text, end).span(1)] if shape.match(text, end) else []
        said = text[start:end]
        head = said.split()[-1] if " " in said else None
        if head and head.isalpha() and len(head) > 3:
            shared = SHARED_HEAD.match(text, end)
            said_next = shared.group(1).lower().split() if shared else []
            if head.lower() in said_next[1:]:   # "bra line lift": up to the head
                cut = said_next.index(head.lower(), 1) + 1
                spans.append((shared.start(1), shared.start(1) + len(" ".join(shared.group(1).split()[:cut]))))
            # "the sleeve, the gastric sleeve": the head said alone, after a determiner, is the same thing
            spans += [m.span(2) for m in determined if m.group(2) == head and not m.group(1) and not start <= m.start(2) < end]
        elif re.fullmatch(BODY, said, re.IGNORECASE):   # "a glass eye, the right eye": the same site again
            spans += [m.span(2) for m in determined if m.group(2) == said and not text[m.start():m.start() + 2].lower() == "a "
                      and not m.group(0).lower().startswith("an ") and not start <= m.start(2) < end]
    spans += [m.span(g) for m in (*MADE.finditer(text), *BECAME.finditer(text)) for g in (1, 2)]
    spans += [m.span(1) for m in WEEKS.finditer(text)] + [m.span(1) for m in EXPECTING.finditer(text)]
    spans += [m.span(1) for m in BORN_WITH.finditer(text)]
    spans += [m.span(g) for m in DOING.finditer(text) if _habit(m.group(1), m.group(2), terms) for g in (1, 2)]
    spans += [m.span(1) for m in HAS.finditer(text) if any(f"{m.group(1)} {head}" in terms for head in HEADS)]
    if found:
        spans += [m.span(1) for m in SAID_OF.finditer(text) if nearby(text, m.start(1))]
        spans += [m.span(1) for m in AIDS.finditer(text) if nearby(text, m.start(1))]
        spans += [m.span(1) for m in SHORT_CAPS.finditer(text) if m.group(1).rstrip("s") not in NOT_CAPS
                  and nearby(text, m.start(1))]
    return spans
