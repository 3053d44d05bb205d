"""Answers from the clinic's own documents only (test case 5).

The question is read against the clinic's list (understanding.py): that decides which
procedures it can be about, or that the clinic does not list it. Retrieval then ranks what
is left by lexical and embedding evidence fused: PostgreSQL full-text rank of the
procedure's text beside pgvector's cosine of its best passage (store.py), each scaled to
the best procedure's, half and half. A question with no topic word the list can place is
answered only when its fused score reaches ABSTAIN_BELOW, chosen on the seen questions only
(fixtures/kb/questions/: tuning, held_out, held_out_2, held_out_3; README "Knowledge base").
The similarity reported is always the raw cosine of the embedding model (KB-7)."""
from __future__ import annotations

from dataclasses import dataclass, field

from . import body_parts, understanding, words

REFUSAL = "I don't have specific information about that procedure."
ABSTAIN_BELOW = 0.94  # fused score, chosen on the seen question sets only (README "Knowledge base")
LIGHTER = {words.stem("mini"), words.stem("local")}
ANYWHERE = {words.stem(x) for x in ("filler", "injectable", "needle")}  # work done on any body part
IMPLANT = words.stem("implant")
PLAIN = {words.stem(x) for x in words.BODY | words.KIND} | words.NONSURGICAL_STEMS  # words any procedure may use


@dataclass
class ProcedureRow:
    id: int
    document_id: str
    title: str
    name: str
    page: int
    description: str
    recovery: str
    cost: str
    aliases: list[str]
    stems: set[str] = field(default_factory=set)
    name_stems: set[str] = field(default_factory=set)
    phrases: list[set[str]] = field(default_factory=list)

    def __post_init__(self):
        self.stems = understanding.procedure_stems(self.text())
        self.phrases = [{words.stem(t) for c in words.clauses(n) for t in c} for n in [self.name, *self.aliases]]
        self.name_stems = understanding.procedure_stems(" ".join([self.name, *self.aliases]))

    def means(self, stem: str, asked: set[str]) -> bool:
        """A word found only inside one of the procedure's names means it only with the rest
        of that name ("facial" is "laser facial" only when "laser" is said too)."""
        if stem not in self.stems:
            return False
        if stem in PLAIN or stem not in self.name_stems or stem in understanding.procedure_stems(self.description):
            return True
        return any(stem in phrase and (len(phrase) == 1 or len(phrase & asked) > 1) for phrase in self.phrases)

    def text(self) -> str:
        return f"{self.name}. {self.description}. {', '.join(self.aliases)}"

    @property
    def nonsurgical(self) -> bool:
        return bool(self.stems & words.NONSURGICAL_STEMS)


def fused(procedures: list[ProcedureRow], semantic: dict[int, float], lexical: dict[int, float]) -> dict[int, float]:
    top_lexical = max(lexical.values(), default=0.0) or 1.0
    return {p.id: 0.5 * semantic.get(p.id, 0.0) + 0.5 * lexical.get(p.id, 0.0) / top_lexical for p in procedures}


def _not_refused(found: list[ProcedureRow], reading: understanding.Reading) -> list[ProcedureRow]:
    """A variant said no to outright ("no needles or surgery") is never the answer, whatever else is asked."""
    return [p for p in found if ("nonsurgical" if p.nonsurgical else "surgical") not in reading.refused_variants]


def _by_qualifier(found: list[ProcedureRow], reading: understanding.Reading) -> list[ProcedureRow]:
    if reading.wants_nonsurgical and not reading.wants_surgical:
        return [p for p in found if p.nonsurgical]
    if reading.wants_surgical and not reading.wants_nonsurgical:
        return [p for p in found if not p.nonsurgical]
    if not reading.wants_surgical and not reading.wants_nonsurgical:
        if reading.wants_lighter or reading.awake:  # "less invasive", "without going under": the
            # non-surgical variant, else a mini or local one, else none
            return [p for p in found if p.nonsurgical] or [p for p in found if p.stems & LIGHTER]
        if reading.doubts_surgery and len({p.nonsurgical for p in found}) == 2:
            return []  # "scared of the operation, what about my nose": neither variant is safe to assume
        return [p for p in found if not p.nonsurgical] or found
    if not reading.comparing and len({p.nonsurgical for p in found}) == 2:
        return []  # both variants' words and no comparing: which one is left to no score
    return found


def _by_variant(found: list[ProcedureRow], reading: understanding.Reading) -> list[ProcedureRow]:
    for word in reading.variant_words:
        having = [p for p in found if words.stem(word) in p.stems]
        opposite = {words.stem(o) for o in words.OPPOSITES[word]}
        found = having or [p for p in found if not p.stems & opposite]
    unwanted = {words.stem(u) for u in reading.unwanted_words} | reading.refused_kinds
    found = [p for p in found if not unwanted & p.stems]
    if reading.smaller:
        found = [p for p in found if not p.stems & words.ENLARGING_STEMS]
    if unwanted & {"general"}:  # "not put to sleep": only what the list says needs no general anaesthetic
        found = [p for p in found if p.nonsurgical or "local" in p.stems]
    return found


def _explaining(reading: understanding.Reading, procedures: list[ProcedureRow]) -> list[list[ProcedureRow]] | None:
    """For each topic word, the procedures it can mean; None when one of them means none."""
    out = []
    for i, topic in enumerate(reading.topics):
        found = _by_qualifier(_not_refused([p for p in procedures if p.means(topic.stem, reading.stems)], reading),
                              reading)
        if not found:
            return None
        after = reading.topics[i + 1] if i + 1 < len(reading.topics) else None
        work = [t for t in reading.topics if t.said_of == topic.position] + (
            [after] if after and after.position == topic.position + 1 else [])
        if topic.stem in understanding.BODY_STEMS and any(
                (words.is_kind(t.raw) or t.stem in words.KIND_STEMS) and not [p for p in found if t.stem in p.stems]
                for t in work):
            return None  # "breast lift", "my nose was enlarged": the body part and its work are no one procedure's
        out.append(found)
    return out


def _described(reading: understanding.Reading) -> bool:
    """Only body parts, none with work said of it ("my cheeks are hollow")."""
    return all(t.stem in understanding.BODY_STEMS and not t.worked_on for t in reading.topics)


def _unpaired(reading: understanding.Reading, procedures: list[ProcedureRow]) -> bool:
    """Whether work is said of a body part, over a verb or as "them", that no procedure does to it."""
    body = {t.position: t for t in reading.topics if t.stem in understanding.BODY_STEMS}
    return any(work.said_of in body and not any(p.means(body[work.said_of].stem, reading.stems)
                                                and work.stem in p.stems for p in procedures)
               for work in reading.topics)


@dataclass
class _Clinic:
    procedures: list[ProcedureRow]
    score: dict[int, float]
    names: set[str]
    vocabulary: set[str]
    spelling: dict[str, str]


def choose(question: str, procedures: list[ProcedureRow], semantic: dict[int, float],
           lexical: dict[int, float]) -> list[ProcedureRow]:
    """The procedures the answer is about (one, or the two compared), or [] for the refusal."""
    if not procedures or not semantic:
        return []
    clinic = _Clinic(procedures, fused(procedures, semantic, lexical), set().union(*(p.name_stems for p in procedures)),
                     set().union(*(p.stems for p in procedures)),
                     {k: v for p in procedures for k, v in understanding.spellings(p.text()).items()})
    reading = understanding.read(question, clinic.names, clinic.vocabulary, clinic.spelling)
    if not reading.topics:
        best = max(procedures, key=lambda p: clinic.score[p.id])
        return [best] if clinic.score[best.id] >= ABSTAIN_BELOW else []
    chosen = _decide(reading, clinic)
    if (chosen and not (reading.comparing and len(chosen) == 1) or reading.doubts_surgery or reading.refused_kinds
            or _unpaired(reading, procedures)):
        # a variant in doubt, work said no to, or work said of a body part no procedure does it to ("my
        # breasts and my face, lift them both": a breast lift) is not asked about in parts
        return chosen
    # two procedures asked about in one breath ("the prices of breast augmentation and liquid
    # rhinoplasty", "a nose job and a liquid nose job"): each part read on its own, answered
    # only when every part that names something names exactly one procedure, two in all
    parts = [part for part in (understanding.read(part, clinic.names, clinic.vocabulary, clinic.spelling)
                               for part in words.parts(question)) if part.topics]
    if any(not _described(part) for part in parts):  # "my cheeks are hollow, implants ...": where the work goes
        parts = [part for part in parts if not _described(part)]
    elif not reading.comparing:  # "the skin cut near the ears ..., to lift the lower face": the face's skin
        parts = [part for part in parts if any(t.stem != body_parts.SKIN for t in part.topics)] or parts
    each = [_decide(part, clinic) for part in parts]
    found = {p.id: p for one in each if len(one) == 1 for p in one}
    if len(each) >= 2 and all(len(one) == 1 for one in each) and len(found) == 2:
        return list(found.values())
    return chosen


def _decide(reading: understanding.Reading, clinic: _Clinic) -> list[ProcedureRow]:
    procedures, score = clinic.procedures, clinic.score
    explaining = _explaining(reading, procedures)
    only_body = all(t.stem in understanding.BODY_STEMS for t in reading.topics)
    # "my jowls": no work named at all; a word the reading does not know may then name the treatment,
    # unless the caller asks for an operation (what those words name is a device's or a product's)
    bare = _described(reading) and not reading.surgery_asked
    if all(t.stem in ANYWHERE for t in reading.topics):
        return []  # "fillers", "injections" alone: on the lips, the wrinkles, anywhere; not a procedure
    if explaining is None or {s for s in reading.strangers if (bare or not s.startswith("unknown:"))
                              and (only_body or not s.startswith("after-body:"))}:
        return []
    if reading.comparing and reading.wants_surgical and reading.wants_nonsurgical:
        variants = {p.id: p for found in explaining for p in found}
        if len(variants) == 2 and {p.nonsurgical for p in variants.values()} == {True, False}:
            return sorted(variants.values(), key=lambda p: -score[p.id])
    common = _by_variant(_common(explaining, procedures), reading)
    if not common and not reading.comparing:
        # a body part said in passing ("how long will my face be red") yields to the procedure
        # the caller named, as long as the clinic's list knows that body part at all
        kept = [(topic, found) for topic, found in zip(reading.topics, explaining)
                if topic.stem not in understanding.BODY_STEMS or topic.worked_on]
        if all(topic.stem in ANYWHERE | {IMPLANT} for topic, _ in kept):
            kept = []  # "my cheeks are hollow, could you fill them": work done anywhere needs its body part
        common = _by_variant(_common([found for _, found in kept], procedures), reading) if kept else []
    if common:
        return [max(common, key=lambda p: score[p.id])]
    if not reading.comparing:
        return []
    chosen: list[ProcedureRow] = []
    for found in sorted(explaining, key=len):
        if not any(p.id == c.id for p in found for c in chosen):
            chosen.append(max(found, key=lambda p: score[p.id]))
    return chosen if len(chosen) == 2 else []


def _common(explaining: list[list[ProcedureRow]], procedures: list[ProcedureRow]) -> list[ProcedureRow]:
    return [p for p in procedures if all(any(p.id == f.id for f in found) for found in explaining)]


def compose(procedures: list[ProcedureRow]) -> str:
    return " ".join(f"{p.name} at our clinic: {p.description}. Recovery: {p.recovery}. Cost: {p.cost}."
                    for p in procedures)
