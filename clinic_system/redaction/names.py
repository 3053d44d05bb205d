"""People's names: after an introduction ("my name is", "this is", "I'm", a title), the
patient's own name from the clinic's record, and first or last names from a name list
(Faker's en_US lists, read at start) when written as names (capitalised, not an ordinary
word). A name found once is redacted wherever it appears in the text."""
from __future__ import annotations

import re
from functools import lru_cache

# A capitalised word in any alphabet: Édith, Ångström, O'Neill-Murphy, Rębiś, McDonald.
NAME = r"(?=[^\W\d_])(?:[^\W\d_a-z]|[ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞĀ-ſ])[^\W\d_]*(?:['’-][^\W\d_]+)*"
STRONG = r"[Mm]y name is|[Nn]ame's|[Cc]all me|[Pp]ut it under|booking is for|[Ii]t's in the name of"
WEAK = r"[Tt]his is|I'm|I am|[Ii]t's|[Ss]peaking(?: with)?|(?:Mr|Mrs|Ms|Miss|Mx|Dr|Doctor)\.?"
PARTICLE = r"(?:van|von|de|da|di|del|della|der|den|la|le|du|ter|ten|bin|al)"
INTRO = re.compile(rf"\b(?:({STRONG})|{WEAK})\s+((?:{NAME})(?:\s+(?:{PARTICLE}\s+)?(?:{NAME})){{0,2}})")
# "..., Alfieri is my surname", "Smith's my last name"
NAMED_AFTER = re.compile(rf"(?<![\w'’-])({NAME})(?:'s| is) my (?:sur|last |family |first )?name")
TOKEN = re.compile(rf"(?<![\w'’-])(?:{NAME})(?![\w'’-])")
PAIR = re.compile(rf"(?<![\w'’-])({NAME}) ({NAME})(?![\w'’-])")
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
Summer Winter Spring Autumn Fall Christmas Easter Z O E
""".split())
# Ordinary words that are also names: names after an introduction, not from the list alone.
AMBIGUOUS = set("""Grace Hope Joy Faith Will Mark Bill Pat Sue Art Rose Dawn Ivy Bay Glen Dean Guy Chase Hunter
Cash Case Lane Park Hill Wood Brook Field Rich Young King Long Short Little Major May June April Summers""".split())
NOT_AFTER_INTRO = ORDINARY | {"Here", "There", "Not", "Calling", "Looking", "Wondering", "Interested", "Back", "Sure",
                              "Just", "Ringing", "Phoning", "Trying", "Hoping", "Afraid", "Glad", "Happy", "Free"}


@lru_cache(maxsize=1)
def name_list() -> frozenset[str]:
    from faker.providers.person.en_US import Provider

    names = set(Provider.first_names) | set(Provider.last_names)
    return frozenset(n for n in names if n not in ORDINARY and n not in AMBIGUOUS and len(n) > 2)


def _introduced(text: str) -> set[str]:
    found = set()
    for match in INTRO.finditer(text):
        strong = match.group(1) is not None
        for word in match.group(2).split():
            if word in NOT_AFTER_INTRO and not (strong and word not in ORDINARY - AMBIGUOUS):
                break
            if not re.fullmatch(PARTICLE, word):
                found.add(word)
    found.update(m.group(1) for m in NAMED_AFTER.finditer(text))
    return found


def _pairs(text: str) -> set[str]:
    """Two capitalised words mid-sentence that are not ordinary words: a full name."""
    found = set()
    for match in PAIR.finditer(text):
        first, second = match.group(1), match.group(2)
        if _sentence_start(text, match.start()) or {first, second} & (ORDINARY | AMBIGUOUS):
            continue
        found.update((first, second))
    return found


def find(text: str, known_names=()) -> list[tuple[int, int]]:
    wanted = _introduced(text) | _pairs(text) | {p for n in known_names for p in n.split() if len(p) > 1}
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
