"""Towns, cities, states and countries said as where a caller lives or travels ("calling from
Tashkent", "back from Milton Keynes", "flying to Poland"): public places, not people (PII-6).
The names are GeoNames' (data/place_names.txt.gz, built by scripts/make_place_names.py). A
place that is also a listed given name or surname ("Florence", "Houston") counts as one only
after words that say a place ("in", "near", "based in", "back from"), not after "from" or
"to" alone ("a message from Florence", "give it to Austin")."""
from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

from . import names

NAMES = Path(__file__).with_name("data") / "place_names.txt.gz"
PLACE = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}"
SAYS_A_PLACE = (r"(?:in|near|outside|around|visiting|(?:live|living|based|staying|born) in|(?:moved|moving|flying|"
                r"travell?ing|driving|going) (?:to|from)|(?:back|over|up|down|out) (?:from|in)|(?:calling|ringing|phoning) from)")
SAID = re.compile(rf"\b(?:({SAYS_A_PLACE})|from|to|at)\s+({PLACE})")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    with gzip.open(NAMES, "rt", encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip())


def find(text: str) -> list[tuple[int, int]]:
    """Where a place is said as one: the longest run of its capitalised words that names a place."""
    out = []
    for match in SAID.finditer(text):
        words = match.group(2).split()
        for n in range(len(words), 0, -1):
            said = " ".join(words[:n]).rstrip(".")
            if said in place_names() and (match.group(1) or said not in names.name_list()):
                start = match.start(2)
                end = start + len(said)
                if not re.match(r"['’]s\b", text[end:]):  # "to Maria's": someone's home
                    out.append((start, end))
                break
    return out
