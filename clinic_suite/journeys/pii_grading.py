"""Grading a redactor's output against labelled utterances, whatever its markers look like.

A labelled value is *caught* when it can no longer be read in the output; its *kind is
right* when the marker standing where it was says its kind. Each marker in the output is a
*replacement*; it is *justified* when the text it replaced overlaps a labelled value, and
*over-redaction* otherwise (every marker in a clean utterance is over-redaction). Precision
is justified replacements over all replacements (PII-6).

Markers are found from a template (`[REDACTED_{KIND}]` by default, the plan's; other teams
write `[{KIND}_REDACTED]` or `[REDACTED: {KIND}]`), kinds named in capitals (NAME, PHONE,
EMAIL, ADDRESS, SSN, MEDICAL) unless an alias map says otherwise."""
from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

KINDS = ["name", "phone", "email", "address", "ssn", "medical"]
DEFAULT_MARKER = "[REDACTED_{KIND}]"
SENTINEL = 0xE000   # private-use characters stand for markers while aligning: they match nothing said


class Markers:
    def __init__(self, template: str = DEFAULT_MARKER, aliases: dict[str, str] | None = None):
        if "{KIND}" not in template:
            raise ValueError(f"a marker template names the kind as {{KIND}}: {template!r}")
        before, after = (re.escape(part) for part in template.split("{KIND}", 1))
        self.template = template
        self.pattern = re.compile(before + r"(?P<kind>[A-Za-z][A-Za-z _-]*?)" + after)
        self.names = {k.upper(): k for k in KINDS} | {v.upper(): k for k, v in (aliases or {}).items()}

    def kind_of(self, said: str) -> str | None:
        return self.names.get(said.strip().upper())

    def marker(self, kind: str) -> str:
        spoken = next(name for name, k in self.names.items() if k == kind)
        return self.template.replace("{KIND}", spoken)

    def replacements(self, original: str, output: str) -> list[tuple[int, int, set]]:
        """(start, end, kinds) of each stretch of the original that markers replaced."""
        kinds, pieces, last = [], [], 0
        for match in self.pattern.finditer(output):
            pieces.append(output[last:match.start()] + chr(SENTINEL + len(kinds)))
            kinds.append(self.kind_of(match.group("kind")))
            last = match.end()
        if not kinds:
            return []  # nothing replaced: no alignment to make (a quarter of the audit's lines)
        aligned = "".join(pieces) + output[last:]
        out = []
        matcher = difflib.SequenceMatcher(a=original, b=aligned, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            found = [kinds[ord(c) - SENTINEL] for c in aligned[j1:j2] if SENTINEL <= ord(c) < SENTINEL + len(kinds)]
            out.extend((i1, i2, set(found)) for _ in found)
        return out


# A part of an address that names only a flat, floor, door or staircase inside a building:
# "flat 3", "Apt 4C", "2º Esq.", "3. OG", "scala B", "Tür 4", "bus 3", "2n 1a", "14/F".
UNIT_PART = re.compile(
    r"(?:flat|apt|apartment|appartement|app|apto|unit|suite|level|floor|fl|piso|planta|puerta|porta|esc|escalera|"
    r"scala|int|interno|stan|ap|kv|et|etage|étage|tür|top|stiege|stock|og|bus|boîte|boite|bte|lgh|daire|phòng|room|"
    r"villa|m|bl|block|wohnung|whg)\b\.?|\d+\s*(?:[ºª°]|\.(?=\s)|(?:st|nd|rd|th|er|e|è|ème|n|r|t|a|o)\b|/F\b)",
    re.IGNORECASE)


def _place_parts(value: str) -> list[str]:
    """The comma-separated parts of an address that identify a place by themselves: a street
    with its number, a postcode with its town or a postcode that is one by its shape (a digit
    and a letter, or five digits); not a flat, floor or door alone."""
    parts = [p.strip() for p in value.split(",")] if "," in value else []
    return [p for p in parts if re.search(r"\d", p) and not UNIT_PART.match(p)
            and (re.search(r"[^\W\d_]", p) or len(re.sub(r"\D", "", p)) >= 5)]   # "D01 P5W2", "01426-001"; not "2/1"


def readable(part: str) -> re.Pattern:
    """The words of `part` as they could be read in a text: whole words, any case and
    spacing; "6789" inside a call's id or a timestamp is not the caller's "6789"."""
    spaced = r"\s+".join(re.escape(w) for w in part.split())
    return re.compile(rf"(?<!\w){spaced}(?!\w)", re.IGNORECASE)


def _absent(words: list[str], kept: str) -> bool:
    """A quick no before a case-blind pattern is compiled: exact for ASCII (beyond it, the pattern's
    case folding matches more than lower() does: "ſ" is an "s")."""
    return kept.isascii() and all(w.isascii() for w in words) and not all(w.lower() in kept.lower() for w in words)


def _readable(part: str, kept: str) -> bool:
    return not _absent(part.split(), kept) and readable(part).search(kept) is not None


def survives(label: dict, kept: str) -> bool:
    value, kind = label["value"], label["type"]
    if kind == "address":  # all of it, or a part that finds the place ("Rua Augusta 120", "1100-053 Lisboa")
        return value.lower() in kept.lower() or any(_readable(part, kept) for part in _place_parts(value))
    if kind == "name":  # every part with a capital identifies ("al-Zahrani" does; "van" alone does not), but
        # one letter of a longer spelling does not ("I for India": the "I" of "I'll" is no leak)
        parts = [p.strip(",.") for p in value.split() if any(c.isupper() for c in p)]
        if parts and all(len(p) == 1 for p in parts):   # a spelling letter by letter: read only as a whole
            return value in kept
        return any(part in kept and re.search(rf"(?<!\w){re.escape(part)}(?!\w)", kept)
                   for part in parts if len(part) > 1)
    if kind == "medical":  # the concern can no longer be read ("double [REDACTED_MEDICAL]" is caught)
        return not _absent([value], kept) and \
            re.search(rf"(?<!\w){re.escape(value)}(?!\w)", kept, re.IGNORECASE) is not None
    digits = re.sub(r"\D", "", value)
    if kind in ("phone", "ssn") and len(digits) >= 7 and digits in re.sub(r"\D", "", kept):
        return True
    if kind in ("phone", "ssn") and len(digits) < 7:  # "ending in 6789": those digits, not inside a longer number
        return re.search(rf"(?<!\d){re.escape(value)}(?!\d)", kept) is not None
    return value.lower() in kept.lower()


def label_spans(row: dict) -> list[tuple[int, int, dict]]:
    """Where each label's value stands in the text (labels are in text order)."""
    spans, at = [], 0
    for label in row["labels"]:
        start = row["text"].find(label["value"], at)
        if start < 0:
            start = row["text"].find(label["value"])
        spans.append((start, start + len(label["value"]), label))
        at = max(at, start + 1)
    return spans


@dataclass
class Figures:
    caught: Counter = field(default_factory=Counter)
    kind_right: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    justified: int = 0
    replacements: int = 0
    survivors: list[dict] = field(default_factory=list)
    over_redacted: list[str] = field(default_factory=list)   # the stretches replaced where nothing was labelled
    clean_changed: list[str] = field(default_factory=list)

    def add(self, row: dict, output: str, markers: Markers, kept: str | None = None) -> None:
        """`kept` is everything searched for survivors (the output, or more: what the system shows)."""
        kept = output if kept is None else kept
        replaced = markers.replacements(row["text"], output)
        spans = label_spans(row)
        for start, end, label in spans:
            kind = label["type"]
            self.total[kind] += 1
            if survives(label, kept):
                self.survivors.append({"kind": kind, "value": label["value"]})
                continue
            self.caught[kind] += 1
            if any(kind in kinds and s < end and start < e for s, e, kinds in replaced):
                self.kind_right[kind] += 1
        for s, e, _ in replaced:
            self.replacements += 1
            if any(s < end and start < e for start, end, _ in spans):
                self.justified += 1
            else:
                self.over_redacted.append(row["text"][s:e])
        if not row["labels"] and output != row["text"]:
            self.clean_changed.append(output)

    def recall(self) -> dict[str, float]:
        return {k: 100.0 * self.caught[k] / self.total[k] for k in KINDS if self.total[k]}

    def kind_accuracy(self) -> dict[str, float]:
        return {k: 100.0 * self.kind_right[k] / self.total[k] for k in KINDS if self.total[k]}

    def overall_recall(self) -> float:
        return 100.0 * sum(self.caught.values()) / max(sum(self.total.values()), 1)

    def precision(self) -> float:
        return 100.0 * self.justified / self.replacements if self.replacements else 100.0

    def by_kind(self) -> dict:
        grouped = defaultdict(list)
        for s in self.survivors:
            grouped[s["kind"]].append(s["value"])
        return dict(grouped)

    def as_dict(self) -> dict:
        return {"recall": {k: round(v, 1) for k, v in self.recall().items()},
                "overallRecall": round(self.overall_recall(), 1),
                "kindNamed": {k: round(v, 1) for k, v in self.kind_accuracy().items()},
                "precision": round(self.precision(), 1), "replacements": self.replacements,
                "overRedactions": len(self.over_redacted), "overRedacted": self.over_redacted,
                "cleanChanged": len(self.clean_changed), "values": sum(self.total.values()),
                "missed": self.by_kind()}


def grade(rows: list[dict], outputs: list[str], markers: Markers | None = None) -> Figures:
    markers = markers or Markers()
    figures = Figures()
    for row, output in zip(rows, outputs, strict=True):
        figures.add(row, output, markers)
    return figures
