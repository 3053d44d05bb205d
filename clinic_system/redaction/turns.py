"""A call written as turns ("Agent: ...", "Caller: ..."): what a turn asks for is what the next
turns answer ("Agent: Last four of your social?" / "Caller: 5 2 9 8." / "Agent: Five two nine
eight?"), until a turn asks for something else ("And the zip?"). The callers' answers carry no
cue of their own: the question is the cue."""
from __future__ import annotations

import re
from collections.abc import Callable

TURN = re.compile(r"^[ \t]*([A-Z][\w .'-]{0,20}):[ \t]*(.*)$", re.MULTILINE)
# what a question may ask for; a question about any of these closes what was asked before
ASKED_FOR = re.compile(r"\b(?:zip|postcode|post code|postal|address|street|first line|e-?mail|phone|mobile|number|name|"
                       r"date of birth|birthday|dob|born|card|account|reference|booking|policy|pin|code|spell|social|ssn|"
                       r"last (?:four|4)|first (?:five|5|three|3))\b", re.IGNORECASE)
TURNS_AFTER = 6  # a question is answered within a few turns (with a read-back or two), or not here


def answered(text: str, asks: Callable[[str], bool], answer: re.Pattern,
             keep: Callable[[re.Match], bool] = lambda m: True) -> list[tuple[int, int]]:
    """Spans of `answer` (its first group, where it has one) in the turn that asks (an agent reading
    back) and the few turns after it."""
    group = 1 if answer.groups else 0
    spans, left = [], 0
    for turn in TURN.finditer(text):
        said = turn.group(2)
        if asks(said):
            left = TURNS_AFTER
            other = None
        else:  # a question about something else ends the answer, after what the turn says first
            other = ASKED_FOR.search(said) if "?" in said else None
        if left:
            upto = other.start() if other else len(said)  # "Agent: 0971, and date of birth?": the read-back
            spans += [(turn.start(2) + m.start(group), turn.start(2) + m.end(group)) for m in answer.finditer(said[:upto])
                      if keep(m)]
            left = 0 if other else left - 1
    return spans


# what follows a number that is a quantity, not a piece of someone's: a price, a time, a duration
NOT_A_PIECE = r"(?![\w.:]\d|\s*(?:pounds|quid|euros?|dollars|%|am|pm|o'clock|weeks?|days?|months?|years?)\b)"
