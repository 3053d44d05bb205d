"""Words speech-to-text split in two ("rhino plasty") or ran together ("nosejob"), read back as the
caller said them before the question meets the clinic's list (understanding._words)."""
from __future__ import annotations

from . import words as w


def split(before: str, after: str, vocabulary: set[str], spelling: dict[str, str]) -> bool:
    """Whether speech-to-text split one word in two ("rhino plasty", "pier cings", "agum entation"):
    neither half a word of the list or of the trade, and together a word of the list or of the trade,
    or (neither half an English word, nor the second a slip from a word of the list) a slip away from one."""
    common = w.common_words()
    if after in w.STOP:
        return False  # "enlarged by": a small word is never the end of a split one
    for half in (before, after):
        if half in w.NEGATORS or half in spelling or half in common and w.stem(half) in vocabulary | w.KNOWN_STEMS:
            return False
    whole = before + after
    if w.stem(whole) == w.stem(before) and (before in w.HARMLESS or before in spelling or before in common
                                            or after in common):
        return False  # a word already, or before one ("downtime for", "rhinoplasy please"): the stem would swallow it
    if w.stem(whole) in vocabulary | w.KNOWN_STEMS:
        return True
    return (before not in common and after not in common and w.slip_of(after, spelling) is None
            and (w.slip_of(whole, spelling) is not None or len(merged(whole, vocabulary, spelling)) > 1))


def merged(token: str, vocabulary: set[str], spelling: dict[str, str]) -> list[str]:
    """Two words speech-to-text ran together ("nosejob", "boobjob"), each a word of the list or of the
    trade, where the whole is neither English nor the list's; else the word as it was."""
    if len(token) < 6 or token in spelling or token in w.common_words() or w.stem(token) in vocabulary | w.KNOWN_STEMS:
        return [token]
    for k in range(3, len(token) - 1):   # a two-letter second half too: "noseop", "boobop"
        halves = [w.plain(token[:k]), w.plain(token[k:])]
        if all(h in spelling or w.stem(h) in w.KNOWN_STEMS | w.GENERIC_STEMS for h in halves):
            return halves
    for k in range(4, len(token) - 3):  # one half misspelt itself ("lazerresurfacing"): read back as the list's words
        halves = [w.plain(token[:k]), w.plain(token[k:])]
        known = [h in spelling for h in halves]
        if any(known) and not all(known):
            slip = next(h for h, ok in zip(halves, known) if not ok)
            # beside a word of the list, a slip may be an English word itself ("brest", a city)
            stem = w.slip_of(slip, spelling, ordinary_too=True)
            word = next((word for word, known_stem in spelling.items() if known_stem == stem), None)
            if len(slip) >= 4 and word:
                return [word if h == slip else h for h in halves]
    return [token]
