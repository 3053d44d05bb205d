"""Where a question's body parts stand, read before they meet the clinic's list: the part
done to by work said as a verb ("lift my breasts", "operate on my nose", "lift them, my breasts"),
a part of another ("the skin on my face"), a landmark of the scars ("the cuts hidden by the ears"),
an after-effect ("the black eyes"), and a sign the work takes away ("remove the sagging"). Each
only narrows what the question is about (understanding.read decides)."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from . import words as w

if TYPE_CHECKING:
    from .understanding import Reading, Word

BODY_STEMS = {w.stem(b) for b in w.BODY}
VERBAL_STEMS = {w.stem(k) for k in w.VERBAL}
TIGHTEN, SKIN = w.stem("tightening"), w.stem("skin")
WORK_VERBS = VERBAL_STEMS | {TIGHTEN} | w.SURGICAL_STEMS  # work a caller says as a verb, on what follows it
PRONOUN = object()  # object_of: the work is on a body part said elsewhere ("lift them")
OF_PART = {"on", "of", "around", "across", "over", "under", "along", "at", "round", "below", "above", "near", "between"}
REGIONS = {"lower", "upper", "inner", "outer"}  # "the skin along my lower face"
OWNERS = {"my", "his", "her", "their", "your", "our", "the", "a", "both", "each"}
TOWARDS = {"on", "up", "back", "out", "all", "to"}  # "operate on my nose", "lift up my breasts"
PRONOUNS = {"them", "it", "those", "these", "everything"}  # "hoist everything up": the parts said
BEING = {"be", "been", "being", "get", "got", "getting", "all", "both"}  # "can they be lifted", "have them all filled"
REMOVING = {w.stem("remove"), w.stem("removal")}
# what is wrong with a body part, which work takes away: the result wanted, not a kind of work
SIGNS = set("sag sags sagging bump bumps hump lump dip wrinkle wrinkles line lines crease creases fold folds bag bags "
            "droop excess loose".split())
# what says which sign it is ("remove the fine lines", "the deep frown lines")
SIGN_WORDS = set("fine deep small little frown laughter smile worry age ageing aging".split())
SCARS = set("scar scars scarring cut cuts incision incisions stitch stitched stitches".split())
PLACES = {"by", "behind", "beside", "near", "around", "round", "under", "along", "in"}
DRAWN_TO = {"behind", "towards", "toward"}  # where skin is drawn: "pulled back towards the ears"
AFTER_EFFECTS = {"black", "bruised", "swollen", "sore", "numb"}
# what stands between a body part and how it shows while healing ("my eyes will be black")
STAYING = {"be", "is", "are", "was", "were", "will", "would", "look", "looks", "stay", "stays", "get", "gets", "go", "goes",
           "feel", "feels"}


def object_of(clause: list[Word], i: int) -> Word | object | None:
    """The body part a kind of work said as a verb is done to ("lift my sagging breasts", "lift
    all the sagging skin back", "operate on my nose"), PRONOUN for "them" or "it", or None."""
    if clause[i].stem not in WORK_VERBS:
        return None
    for k, word in enumerate(clause[i + 1:i + 5]):
        if word.raw == "back" and k == 0:
            continue  # "lifted back up", "put back": where to, not the back
        if word.stem in BODY_STEMS:
            return word
        if word.raw in PRONOUNS:
            return PRONOUN
        if word.raw not in OWNERS and word.raw not in w.HARMLESS and word.raw not in TOWARDS | REGIONS:
            return None  # ("tightens the lower face": the face)
    return None


def after_pronoun(clause: list[Word], i: int) -> bool:
    """Whether work is said of "them" or "it" just before it ("have them lifted", "can they be lifted")."""
    for j in range(i - 1, max(-1, i - 4), -1):  # "could both be lifted" too
        if clause[j].raw in PRONOUNS | {"they", "both"}:
            return True
        if clause[j].raw not in BEING:
            return False
    return False


def said_elsewhere(reading: Reading, on_them: list[Word], aside: set[int], vocabulary: set[str]) -> None:
    """What the question's body parts stand for when one is not said where the work is:
    - work done to "them" or "it" is done to the body parts the question names (and only when it names one);
    - a body part said as a landmark or an after-effect ("the cuts hidden by the ears", "the black eyes")
      yields to the others, when there are others;
    - skin, where the clinic's list has no word for it, is the skin of the one other body part named."""
    bodies = [t for t in reading.topics if t.stem in BODY_STEMS]
    if on_them and reading.topics and not bodies:  # "a lift and implants": which lift is not said
        reading.strangers |= {"unplaced:" + work.raw for work in on_them}
    if on_them and bodies:
        # the work is each part's ("can they both be lifted", "my breasts and my face, lift them"), a
        # landmark's only when all are landmarks ("they cut under the breasts and lift them")
        bodies = [body for body in bodies if body.position not in aside] or bodies
        for body in bodies:
            body.worked_on = True
        reading.topics += [replace(work, said_of=body.position) for work in on_them for body in bodies
                           if work not in reading.topics and work.stem not in w.SURGICAL_STEMS]
        aside = aside - {body.position for body in bodies}
    kept = [t for t in reading.topics if t.position not in aside]
    if kept:
        reading.topics = kept
    others = {t.stem for t in reading.topics if t.stem in BODY_STEMS} - {SKIN}
    if SKIN not in vocabulary and len(others) == 1:
        reading.topics = [t for t in reading.topics if t.stem != SKIN]


def removes_a_sign(clause: list[Word], topic: Word) -> bool:
    """"remove the sagging", "remove the bump": the result the caller wants, not work that removes
    something ("remove my implants", "hair removal"); read so only beside other work (read)."""
    if topic.stem not in REMOVING or topic not in clause:
        return False
    for word in clause[clause.index(topic) + 1:clause.index(topic) + 6]:  # "remove the deep frown lines"
        if word.stem in BODY_STEMS or w.is_kind(word.raw):
            return False
        if word.raw in SIGNS or word.raw in w.HARMLESS and word.raw not in OWNERS:
            return True
        if word.raw not in OWNERS and word.raw not in TOWARDS and word.raw not in SIGN_WORDS:
            return False
    return False


def aside(clause: list[Word]) -> set[int]:
    """Positions of body parts said as where the scars go ("the cuts are hidden by the ears") or
    as what shows while healing ("how long do the black eyes last")."""
    scars = any(word.raw in SCARS for word in clause)
    out = set()
    for i, word in enumerate(clause):
        if word.stem not in BODY_STEMS:
            continue
        j = i - 1
        while j > 0 and clause[j].raw in OWNERS:
            j -= 1
        after = [x.raw for x in clause[i + 1:i + 4] if x.raw not in STAYING]
        # "the skin around my eyes": where the skin is, not another body part's work
        skin_of = j > 0 and clause[j].raw in PLACES and any(x.stem == SKIN for x in clause[max(0, j - 3):j])
        if (i and clause[i - 1].raw in AFTER_EFFECTS or after[:1] and after[0] in AFTER_EFFECTS or skin_of
                or i and (scars and clause[j].raw in PLACES or clause[j].raw in DRAWN_TO)):  # "tuck it behind the ears"
            out.add(word.position)  # "the black eyes", "my eyes will be black", "cuts hidden by the ears"
    return out


def steps(clause: list[Word]) -> set[int]:
    """Positions of work said as a step toward other work ("lift it up to reshape the nose"): the
    other work is what the question is about."""
    out = set()
    for i, word in enumerate(clause):
        for j in range(i + 1, min(i + 5, len(clause) - 1)) if word.stem in WORK_VERBS else ():
            if clause[j].raw == "to" and w.is_kind(clause[j + 1].raw):
                out.add(word.position)
            if clause[j].raw not in PRONOUNS | OWNERS | TOWARDS and clause[j].stem not in BODY_STEMS:
                break  # "lift it up to", "lift the skin up to"
    return out


def of_another(clause: list[Word]) -> set[int]:
    """Positions of body parts said as part of another ("the skin on my face", "the skin of his
    neck"): the other one is what the question is about."""
    out = set()
    for i, word in enumerate(clause[:-2]):
        if word.stem not in BODY_STEMS or clause[i + 1].raw not in OF_PART:
            continue
        j = i + 2
        while j < len(clause) and clause[j].raw in OWNERS | w.HARMLESS | REGIONS:  # "of my whole face", "my lower face"
            j += 1
        if j < len(clause) and clause[j].stem in BODY_STEMS and clause[j].stem != word.stem:
            out.add(word.position)
    return out
