"""People's names: after an introduction ("my name is", "this is", "I'm", a title), the
patient's own name from the clinic's record, and first or last names from a name list
(Faker's en_US lists, read at start) when written as names (capitalised, not an ordinary
word). A name found once is redacted wherever it appears in the text."""
from __future__ import annotations

import re
from functools import lru_cache

NAME = r"[A-Z][a-zà-ÿ]+(?:['’-][A-Z]?[a-zà-ÿ]+)*|[A-Z]['’][A-Z][a-z]+|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+"
INTRO = re.compile(
    rf"\b(?:[Mm]y name is|[Nn]ame's|[Tt]his is|I'm|I am|[Ii]t's|[Cc]all me|[Ss]peaking(?: with)?|"
    rf"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Doctor)\.?)\s+((?:{NAME})(?:\s+(?:{NAME})){{0,2}})")
TOKEN = re.compile(rf"\b(?:{NAME})\b")
# Capitalised words that are not names here, however often parents choose them.
ORDINARY = set("""
I I'm I'd I'll Hi Hello Hey Yes No Yeah Okay Ok Sure Thanks Thank Please Sorry Great Good Fine Well So And But Or
The A An This That These Those It Its We You He She They My Our Your His Her Their Can Could Would Should Will
Shall May Might Must Do Does Did Is Are Was Were Be Been Have Has Had What When Where Which Who Why How Just Also
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September
October November December Today Tomorrow Morning Afternoon Evening Night Week Weekend Next Last First Second
Dr Doctor Mr Mrs Ms Miss Clinic Cosmetic Surgery Premier Advanced Aesthetic Customer Assistant AI Receptionist
Booking Book Appointment Consultation Hold Text Link Call Calling Phone Number Email Address Street Road London
Price Cost Pounds Dollars OK Right Perfect Lovely Brilliant Cheers Bye Goodbye Maybe Actually Really Still Again
Summer Winter Spring Autumn Fall Christmas Easter Grace Hope Joy Faith Will Mark Bill Pat Sue Art Rose Dawn Ivy
Bay Glen Dean Guy Chase Hunter Cash Case Lane Park Hill Wood Brook Field Rich Young King Long Short Little Major
""".split())
NOT_AFTER_INTRO = ORDINARY | {"Here", "There", "Not", "Calling", "Looking", "Wondering", "Interested", "Back", "Sure"}


@lru_cache(maxsize=1)
def name_list() -> frozenset[str]:
    from faker.providers.person.en_US import Provider

    names = set(Provider.first_names) | set(Provider.last_names)
    return frozenset(n for n in names if n not in ORDINARY and len(n) > 2)


def _introduced(text: str) -> set[str]:
    found = set()
    for match in INTRO.finditer(text):
        for word in match.group(1).split():
            if word in NOT_AFTER_INTRO:
                break
            found.add(word)
    return found


def find(text: str, known_names=()) -> list[tuple[int, int]]:
    wanted = _introduced(text) | {p for n in known_names for p in n.split() if len(p) > 1}
    listed = name_list()
    tokens = list(TOKEN.finditer(text))
    for match in tokens:  # a listed name written as a name: mid-sentence, or before another name
        word = match.group(0)
        if word in listed and (not _sentence_start(text, match.start()) or _followed_by_name(text, match.end(), listed)):
            wanted.add(word)
    return [m.span() for m in tokens if m.group(0) in wanted]


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?:\"“" or before.endswith(("Customer:", "Assistant:"))


def _followed_by_name(text: str, at: int, listed) -> bool:
    following = TOKEN.match(text, at + 1) if text[at:at + 1] == " " else None
    return bool(following and following.group(0) in listed)
