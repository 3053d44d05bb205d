"""Which of a clinic's procedures a question is about, read against the clinic's own list
(KB-4, KB-5, KB-8). A wrong answer is far worse than a refusal, so every step can only
narrow or refuse:

1. The question's topic words (body parts, kinds of work, the words of the clinic's
   procedure names and alternative names) must each be found in some procedure of the list;
   one that is not ("tummy", "reduction", "botox") means the clinic does not list it. A body
   part may be read as the one the list writes ("my chest", "my jowls", "the skin on my face").
2. A body part and the kind of work right after it ("breast lift") must belong to one procedure.
3. Qualifiers pick the variant: non-surgical words keep only a procedure the PDF calls
   non-surgical (none: refused); surgical words drop it; with neither, a surgical variant
   is preferred (a bare "nose job" is the surgical rhinoplasty, pinned decision 23).
4. A procedure that explains every topic word answers; two are answered together only when
   the caller compares them ("which", "versus", "both"). Anything else is refused.
A question with no topic word at all is left to retrieval and its abstention threshold."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import body_parts as parts
from . import speech
from . import words as w


@dataclass
class Word:
    raw: str
    stem: str
    negated: bool
    position: int
    worked_on: bool = False  # a body part with the work on it said right after ("a boob job", "nose surgery")
    doubted: bool = False  # after a negation this reading could not place ("I don't mind ...")
    past: bool = False  # what the caller had done before ("I had surgery on my nose years ago")
    refused: bool = False  # said no to outright ("no needles or surgery", "without fillers")
    feared: bool = False  # set aside by a fear ("scared of going under"), not by a wish
    said_of: int | None = None  # work said of the body part at this position over a verb ("my nose was enlarged")


@dataclass
class Reading:
    topics: list[Word] = field(default_factory=list)
    wants_nonsurgical: bool = False
    wants_surgical: bool = False
    doubts_surgery: bool = False  # "never had surgery", "scared of the operation": no variant by default
    wants_lighter: bool = False  # "less invasive": a non-surgical variant, else a mini or local one
    awake: bool = False  # "without going under" (a wish, not a fear): likewise
    comparing: bool = False
    variant_words: set[str] = field(default_factory=set)
    unwanted_words: set[str] = field(default_factory=set)
    strangers: set[str] = field(default_factory=set)
    refused_kinds: set[str] = field(default_factory=set)  # kinds of work the caller said no to
    smaller: bool = False  # a body part to be made smaller: not the procedure that enlarges it
    surgery_asked: bool = False  # an operation or a general anaesthetic asked for, in no comparison
    refused_variants: set[str] = field(default_factory=set)  # "surgical", "nonsurgical": said no to outright
    stems: set[str] = field(default_factory=set)


def glossed(tokens: list[str]) -> list[str]:
    out = []
    for token in tokens:
        out.append(token)
        out.extend((w.GLOSSARY.get(token) or w.GLOSSARY_STEMS.get(w.stem(token), "")).split())  # "facelifts" too
    return out


@lru_cache(maxsize=4096)  # a clinic's list is read again for every question: its words are read once
def procedure_stems(text: str) -> frozenset[str]:
    return frozenset(w.stem(t) for clause in w.clauses(text) for t in glossed(clause))


@lru_cache(maxsize=4096)
def spellings(text: str) -> dict[str, str]:
    """The words of a clinic's list as written, each with its stem: what a misspelling is held against."""
    return {t: w.stem(t) for clause in w.clauses(text) for t in glossed(clause)}


def _words(question: str, vocabulary: set[str], spelling: dict[str, str]) -> list[list[Word]]:
    """The question's clauses as stemmed words: spelling slips near a word of the clinic's list
    are read as that word, words split by a space joined ("rhino plasty"), negated words marked."""
    out, position = [], 0
    male = bool(w.MALE & {t for clause in w.clauses(question) for t in clause})
    for clause in w.clauses(question):
        joined: list[str] = []
        for token in clause:
            if joined and joined[-1] == "non" and w.stem(token) in w.SURGICAL_STEMS:
                joined[-1] = "nonsurgical"  # "non permanent", "non op": not the surgical variant
            elif joined and (joined[-1] == "non" or speech.split(joined[-1], token, vocabulary, spelling)):
                joined[-1] += token
            else:
                joined.append(token)
        joined = [half for token in joined for half in speech.merged(token, vocabulary, spelling)]
        read, negation_left, dangling, verbal, said_no, past_left = [], 0, False, False, set(), 0
        refusing = fearing = False
        known = vocabulary | w.NONSURGICAL_STEMS | w.SURGICAL_STEMS
        spelling = {**{q: w.stem(q) for q in w.NONSURGICAL | w.SURGICAL}, **spelling}
        tokens = glossed(joined)
        for i, token in enumerate(tokens):
            s = _body_part(tokens, i, vocabulary, male)
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            # the next word names the procedure, even misspelt itself ("brest implents")
            naming = bool(after) and (w.stem(after) in vocabulary or w.is_kind(after) or (
                after not in w.common_words() and w.slip_of(after, spelling) in vocabulary))
            if s not in known and s not in w.STOP_STEMS:
                s = _family(s, vocabulary) or w.slip_of(token, spelling, ordinary_too=naming) or s
            elif s not in known and naming:  # a small word heard for a word of the list ("a knows job")
                s = w.homophone_of(token, spelling) or s
            if read and read[-1].negated and (token in ("or", "nor") or tokens[i:i + 2] == ["and", "of"]):
                negation_left = 2  # "no creams or injections", "afraid of needles and of surgery": neither
                continue
            if token in CHOOSING_BETWEEN or token == "but":
                dangling = False  # "can't decide between filler or the operation": both are asked about
            if token in w.NEGATORS:
                negation_left, dangling, verbal = 3, False, token in VERB_NEGATORS
                refusing, fearing = token in REFUSING, token == "fear"
                if token in VERB_NEGATORS or token == "fear":  # not "instead": "a needle rather than a scalpel"
                    said_no.add(len(read))
                continue
            # a negation reaches over small words, and verbs that pass it on ("doesn't involve"),
            # to the first word that carries meaning; when that is a word this reading does not
            # know ("I don't mind surgery"), a variant word later in the clause is in doubt
            read.append(Word(token, s, negation_left > 0, position, doubted=dangling, past=past_left > 0,
                             refused=negation_left > 0 and refusing, feared=negation_left > 0 and fearing))
            if negation_left and verbal and s not in w.STOP_STEMS and token not in w.PASSING:
                dangling = not _carries(s, token, vocabulary) and token not in CHOOSING_BETWEEN
            negation_left = 0 if s not in w.STOP_STEMS and token not in w.PASSING else max(0, negation_left - 1)
            if read[-1].negated and _variant(s, token) and i + 1 < len(tokens) and _work(tokens[i + 1]):
                negation_left = 1  # "not the temporary injection": the work the variant word is said of, too
            # "I had surgery on my nose years ago": what was done before is not what is asked for
            past_left = 3 if token == "had" else 0 if s not in w.STOP_STEMS else max(0, past_left - 1)
            position += 1
        out.append(_said_no_after(read, said_no))
    return out


def _family(s: str, vocabulary: set[str]) -> str | None:
    """The stem of the list's word a question word is the shorter form of ("enlarge" for the
    list's "enlargement"): a stem of six letters or more that begins exactly one of the list's."""
    family = [v for v in vocabulary if len(s) >= 6 and v != s and v.startswith(s)]
    return family[0] if len(family) == 1 else None


def _body_part(tokens: list[str], i: int, vocabulary: set[str], male: bool) -> str:
    """The stem of tokens[i], a body part read as the one the clinic's list writes: "chest" as
    "breast" (not for a man), a part of a larger one ("jowls", "cheeks") as that one when it is
    described rather than named with work right after it, and only where the list has no word of its own."""
    s = w.stem(tokens[i])
    said_for = w.SAID_FOR.get(tokens[i]) or w.SAID_FOR.get(s)
    if said_for and not male and s not in vocabulary:
        return w.stem(said_for)
    whole = w.PART_OF_STEMS.get(s)
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    named_with_work = (w.is_kind(after) and not after.endswith("ed")) or w.stem(after) in w.GENERIC_STEMS
    if whole and s not in vocabulary and w.stem(whole) in vocabulary and not named_with_work:
        return w.stem(whole)  # "her jowls lifted" is described; "a jowl lift" is named
    return s


def _said_no_after(clause: list[Word], said_no: set[int]) -> list[Word]:
    """A variant word with a negation after it ("surgery isn't for me", "fillers are not my thing",
    "the op scares me", "surgery is out of the question"; said_no: where in the clause a negation
    stood): in doubt, for what the negation says of it is not read. Not when the negation is the
    next word's ("surgery not fillers")."""
    for i, word in enumerate(clause):
        if word.negated or not _variant(word.stem, word.raw):
            continue
        j = i + 1
        while j < len(clause) and clause[j].raw in COPULAS and j not in said_no:
            j += 1
        if j in said_no and (j == len(clause) or not _carries(clause[j].stem, clause[j].raw, set())):
            word.doubted = True
    return clause


def _works(near: list[Word]) -> bool:
    """Whether work or a body part is among a few words ("the laser or the lift", not "the lift or the stairs")."""
    return any(_work(x.raw) or x.stem in BODY_STEMS for x in near)


def _variant(s: str, token: str) -> bool:
    return s in w.QUALIFIER_STEMS or token in w.NONSURGICAL or token in w.OPPOSITES


def _work(token: str) -> bool:
    """A word that names work: a qualifier, a kind of work, or work without saying which ("one", "job")."""
    s = w.stem(token)
    return _variant(s, token) or w.is_kind(token) or s in w.GENERIC_STEMS


def _carries(s: str, token: str, vocabulary: set[str]) -> bool:
    """Whether a word a negation lands on is one this reading knows: a qualifier, a variant word,
    a body part, a kind of work, a word of the clinic's list."""
    return (_variant(s, token) or s in BODY_STEMS
            or w.is_kind(token) or s in w.GENERIC_STEMS or s in vocabulary)


def read(question: str, names: set[str], vocabulary: set[str], spelling: dict[str, str]) -> Reading:
    """names: stems of the clinic's procedure names and alternative names; vocabulary: every
    stem of its list; spelling: its words as written."""
    reading = Reading()
    tokens = {t for clause in w.clauses(question) for t in clause}
    reading.comparing = bool(tokens & (w.COMPARING - {"or"})) or ("or" in tokens and bool(tokens & w.CHOOSING))
    said_clauses = _words(question, vocabulary, spelling)
    if not reading.comparing:
        _take_correction(w.clauses(question), said_clauses)
    had: set[str] = set()  # variants the caller had before ("I had surgery on my nose years ago")
    # tightening done surgically is the lift ("my face surgically tightened and lifted"); without
    # a surgical word it stays a kind of work of its own ("face tightening" is often a laser's or a device's)
    operated = any((word.stem in w.SURGICAL_STEMS or word.raw in SURGEONS)
                   and not (word.negated or word.doubted or word.past) for clause in said_clauses for word in clause)
    on_them: list[Word] = []  # work said of "them" or "it" ("could you lift them, my breasts")
    aside: set[int] = set()  # body parts said as a landmark or an after-effect, not worked on
    signs: set[int] = set()  # "remove the sagging": the result wanted, when other work says how
    for clause in said_clauses:
        for i, word in enumerate(clause):
            if operated and word.stem == TIGHTEN:
                word.stem = LIFT
            j = i + 1
            while word.stem in BODY_STEMS and j < len(clause) and clause[j].raw in LINKING:
                j += 1
            if j > i + 1 and j < len(clause) and (w.is_kind(clause[j].raw) or clause[j].stem in w.KIND_STEMS):
                clause[j].said_of = word.position  # "my breasts were lifted": the body part and its work
            before = clause[i - 1] if i else None
            if word.stem == FILL and (before and before.stem in BODY_STEMS or parts.after_pronoun(clause, i)
                                      or parts.object_of(clause, i) is not None):
                # "my cheeks filled", "fill my lips": the filler; "fill them out with implants": the implants' work
                implants = any(x.stem in w.ENLARGING_STEMS for x in clause)
                word.stem, word.raw = (DONE, "done") if implants else (FILLER, "filler")
        previous = None
        for word in clause:
            s = word.stem
            if word.past and (s in w.QUALIFIER_STEMS or word.raw in w.NONSURGICAL) and not word.negated:
                had.add("nonsurgical" if s in w.NONSURGICAL_STEMS or word.raw in w.NONSURGICAL else "surgical")
            elif word.doubted and _variant(s, word.raw):
                reading.doubts_surgery = True  # neither a wish nor its opposite: the variant is not assumed
            elif s in w.NONSURGICAL_STEMS or word.raw in w.NONSURGICAL:
                if not word.negated:
                    reading.wants_nonsurgical = True
                elif word.refused:  # "no needles": not that variant, whatever else is asked
                    reading.refused_variants.add("nonsurgical")
            elif s in w.SURGICAL_STEMS:
                if word.negated:
                    reading.doubts_surgery = True
                    if word.refused:  # "no needles or surgery": neither variant
                        reading.refused_variants.add("surgical")
                else:
                    reading.wants_surgical = True
            if word.raw == "lighter" and not word.negated:
                reading.wants_lighter = True
            if (previous is not None and previous.stem in BODY_STEMS and previous.position == word.position - 1
                    and (s in w.GENERIC_STEMS or s in w.QUALIFIER_STEMS or word.raw in GROWN or w.is_kind(word.raw))):
                previous.worked_on = True
            if previous is not None and (previous.raw in GROWN or _variant(previous.stem, previous.raw)) \
                    and previous.position == word.position - 1 and s in BODY_STEMS and not previous.negated:
                word.worked_on = True  # "a bigger chest": the work is to enlarge it; "the non-surgical nose": named
            if word.raw in w.OPPOSITES and not word.doubted:
                (reading.unwanted_words if word.negated else reading.variant_words).add(word.raw)
                reading.awake |= word.raw == "general" and word.negated and not word.feared
            if word.negated and s in w.KIND_STEMS and s not in w.QUALIFIER_STEMS:
                reading.refused_kinds.add(s)  # "bigger breasts without implants": not the implants
            if not word.negated and _is_topic(word, previous, names):
                reading.topics.append(word)
            if s not in w.STOP_STEMS:
                previous = word
        named, on_parts = _verbal_nouns(clause, names, vocabulary)
        reading.topics += [kind for kind in named if kind not in reading.topics]
        on_them += [kind for kind in on_parts if kind not in reading.topics]
        for i, work in enumerate(clause):
            # "lift my breasts", "tuck my tummy in", "operate on my nose": the work done to a body
            # part, however it is said; "lift them", "have them lifted": to the one said elsewhere
            body = parts.object_of(clause, i)
            if work.negated or work.raw.endswith("ly") or body is None and not (
                    work.stem in parts.WORK_VERBS and parts.after_pronoun(clause, i)):  # "reshape it permanently": how
                continue
            if body is None or body is parts.PRONOUN:
                on_them.append(work)
                continue
            body.worked_on = True
            if work not in reading.topics and work.stem not in w.SURGICAL_STEMS:
                reading.topics.append(work)
        passing = parts.of_another(clause) | parts.steps(clause)
        reading.topics = [t for t in reading.topics if t.position not in passing]
        on_them = [t for t in on_them if t.position not in passing]
        signs |= {t.position for t in reading.topics if parts.removes_a_sign(clause, t)}
        aside |= parts.aside(clause)
        reading.strangers |= _strangers(clause, vocabulary, names)
        reading.stems |= {word.stem for word in clause if not word.negated}
    parts.said_elsewhere(reading, on_them, aside, vocabulary)
    if reading.comparing and reading.wants_nonsurgical and not reading.wants_surgical:
        # "a nose job, when there's the liquid nose job: the cost of both": the same body part said bare
        # beside its non-surgical variant is the surgical one (pinned decision 23)
        qualified = {word.position for clause in said_clauses for word in clause
                     if (word.stem in w.NONSURGICAL_STEMS or word.raw in w.NONSURGICAL) and not word.negated}
        said_of: dict[str, list[bool]] = {}
        for t in reading.topics:
            if t.stem in BODY_STEMS:
                said_of.setdefault(t.stem, []).append(t.position - 1 in qualified)
        reading.wants_surgical = any(len(v) >= 2 and any(v) and not all(v) for v in said_of.values())
    reading.surgery_asked = not reading.comparing and (reading.wants_surgical or "general" in reading.variant_words)
    how = [t for t in reading.topics if t.position not in signs and t.stem not in BODY_STEMS]
    if signs and (how or operated):  # "lift my face and remove the sagging"; alone, "remove the wrinkles" is other work
        reading.topics = [t for t in reading.topics if t.position not in signs]
    # what was had before only counts where nothing else is asked: "I had surgery years ago, could
    # filler sort it out" asks for the filler; "if I had a liquid rhinoplasty" asks about it, and so
    # does a comparison ("my sister had fillers, I'm considering the full operation: compare")
    reading.wants_surgical |= "surgical" in had and (reading.comparing or not reading.wants_nonsurgical)
    reading.wants_nonsurgical |= "nonsurgical" in had and (reading.comparing or not reading.wants_surgical)
    said = [word for clause in said_clauses for word in clause]
    # "make my breasts smaller", "they're too big": not the procedure that enlarges them
    reading.smaller = (not any(word.raw in w.HEALING for word in said)
                       and any(word.stem in BODY_STEMS or w.is_kind(word.raw) for word in said)
                       and any(word.raw in w.SMALLER and not word.negated for word in said))
    # a word neither English nor the list's, or a name with a number in it ("hifu for my jowls",
    # "morpheus8 for my face"), may be a treatment the list does not have: where only body parts
    # say what the question is about, it refuses (answers.choose)
    unknown, naming = _unknown(question, said, vocabulary)
    introduced = set(INTRODUCED.findall(question))
    unknown -= {name.lower() for name in introduced}
    reading.strangers |= {"unknown:" + t for t in unknown} | naming
    # a capitalised word inside a sentence that the list does not know may be a brand name
    # ("Profhilo for the face"): kept for answers.choose with the body-part strangers
    for name in set(NAME_INSIDE.findall(question)) - introduced:
        if w.stem(name.lower()) not in vocabulary and name.lower() not in w.CALENDAR | w.common_words() | w.HARMLESS:
            reading.strangers.add("after-body:" + name)
    return reading


def _take_correction(raw_clauses: tuple[tuple[str, ...], ...], said_clauses: list[list[Word]]) -> None:
    """A caller who corrects themselves ("the nose filler, no, sorry, scrap that, the surgical one";
    "my husband says injections but I want an operation") means the variant said last: the variant
    words said before the correction are dropped, when the correction says one of its own (the
    body part said before stays: "surgery for my nose, actually no, the injectable one")."""
    cut = None  # (clause, word) where the correction begins
    for c, (raw, said) in enumerate(zip(raw_clauses, said_clauses)):
        if raw in CORRECTIONS:
            cut = (c + 1, 0)
        for i, word in enumerate(said):
            if word.raw == "but" and tuple(x.raw for x in said[i + 1:i + 4])[:3] in PREFERRING:
                cut = (c, i + 1)
    if cut is None or cut[0] >= len(said_clauses):  # "yes or no": nothing said after it
        return
    after = said_clauses[cut[0]][cut[1]:] + [x for clause in said_clauses[cut[0] + 1:] for x in clause]
    if not any(_variant(x.stem, x.raw) and not x.negated for x in after):
        return
    for c, clause in enumerate(said_clauses[:cut[0] + 1]):
        end = cut[1] if c == cut[0] else len(clause)
        clause[:end] = [x for x in clause[:end] if not _variant(x.stem, x.raw)]


def _verbal_nouns(clause: list[Word], names: set[str], vocabulary: set[str]) -> tuple[list[Word], list[Word]]:
    """Kinds of work that are also everyday verbs, said as nouns: those that name work ("a thread
    lift", "a lift with threads", "with fat grafting", "the laser or the lift"), and those said of the
    body part the question names elsewhere ("I'm a 34A and want a lift", "a peel for my face")."""
    named, on_parts = [], []
    for i, kind in enumerate(clause):
        if kind.stem not in VERBAL_STEMS or kind.negated:
            continue
        after = clause[i + 1] if i + 1 < len(clause) else None
        j = i - 1
        if j > 0 and not (_ordinary(clause[j], vocabulary) or _work(clause[j].raw)):
            j -= 1  # one word that says what with: "with fat grafting", "a chemical peel"
        while j >= 0 and clause[j].raw in ("a", "an", "the", "some"):
            j -= 1
        means = j >= 0 and clause[j].raw in MEANS
        before_work = after is not None and (w.is_kind(after.raw) or after.stem in names)
        # one of two kinds of work weighed ("the laser or the lift", "laser or lift", "a lift or the laser")
        chosen = (j >= 0 and clause[j].raw in EITHER and _works(clause[:j][-3:])
                  or after is not None and after.raw in EITHER and _works(clause[i + 2:i + 5]))
        if before_work or means or chosen:
            named.append(kind)
        elif j < i - 1 and not kind.raw.endswith("ing") and not (after is not None and after.raw in ELSEWHERE):
            # not "heavy lifting", "a lift home"
            on_parts.append(kind)
    return named, on_parts


def _unknown(question: str, said: list[Word], vocabulary: set[str]) -> tuple[set[str], set[str]]:
    """The question's words that are neither English nor the list's; and those of them that stand where
    work is named, which may name it whatever else is said: a name with a number ("morpheus8"), a word
    after work done "with" or "using" it ("an operation with ultherapy", not "no good with splints"),
    or before a word for work ("gynaecomastia surgery")."""
    out, naming = set(), set(BRANDED.findall(question.lower())) - SHORTHAND
    for i, word in enumerate(said):
        if _english(word.raw) or _ordinary(word, vocabulary) or word.stem in KNOWN_STEMS or word.raw in parts.SIGNS:
            continue
        before, after = said[i - 1] if i else None, said[i + 1] if i + 1 < len(said) else None
        split = _english((before.raw if before else "") + word.raw) or _english(word.raw + (after.raw if after else ""))
        if not split:  # not a word split in two ("anyt hing")
            out.add(word.raw)
            near = said[max(0, i - 4):i - 1]  # what is done "with" it, a few words before
            done_with = before and before.raw in MEANS and any(_work(x.raw) or x.stem in BODY_STEMS for x in near)
            if done_with or after and after.stem in w.GENERIC_STEMS | w.SURGICAL_STEMS:
                naming.add(word.raw)
    return out, naming


def _english(raw: str) -> bool:
    """In MiniLM's word list, or a form of a word in it ("bruising", "bruises": "bruise")."""
    common = w.common_words()
    if raw in common or raw.endswith(("ieth", "teenth")):  # and ordinals: "for her thirtieth"
        return True
    for ending in ("ing", "ed", "es", "s", "ies", "ier", "iest", "er", "est", "ly", "ness", "en"):  # "soften"
        if raw.endswith(ending) and len(raw) - len(ending) >= 3:
            base = raw[:-len(ending)]
            if base in common or base + "e" in common or base + "y" in common or (
                    len(base) > 3 and base[-1] == base[-2] and base[:-1] in common):
                return True
    return False


def _ordinary(word: Word, vocabulary: set[str]) -> bool:
    s = word.stem
    return (s in vocabulary or s in w.STOP_STEMS or s in w.GENERIC_STEMS or s in BODY_STEMS or w.is_kind(word.raw)
            or word.raw in w.HARMLESS or word.raw in w.DOING or word.raw in w.OPPOSITES or s in w.NONSURGICAL_STEMS
            or s in w.SURGICAL_STEMS or word.raw in w.COMPARING or word.raw in w.CHOOSING or word.raw.isdigit())


def _strangers(clause: list[Word], vocabulary: set[str], names: set[str]) -> set[str]:
    """Words the clinic's list does not know, standing right before the name of a procedure or
    a kind of work ("vampire facial", "pec implants"), or right after a body part ("skin
    tightening", "nose microblading"; only words that are not ordinary English): they may name
    another procedure. Body parts followed by a
    stranger only count where no procedure or kind of work is named (see answers.choose)."""
    out = set()
    for before, word in zip(clause, clause[1:]):
        if word.negated or before.negated:
            continue
        named = word.stem in names and not word.stem in w.GENERIC_STEMS | w.SURGICAL_STEMS | w.NONSURGICAL_STEMS
        everyday = word.stem in VERBAL_STEMS and word.raw.endswith("ing") and before.stem not in BODY_STEMS
        if (named or w.is_kind(word.raw)) and word.stem not in BODY_STEMS and not _ordinary(before, vocabulary) \
                and not everyday:  # "heavy lifting" is not work on the body
            out.add(before.raw)
        if before.stem in BODY_STEMS and not _ordinary(word, vocabulary) and word.raw not in w.common_words():
            out.add("after-body:" + word.raw)
        if (word.stem in VERBAL_STEMS and before.stem in names and before.stem in w.NONSURGICAL_STEMS
                and not any(x.stem in BODY_STEMS for x in clause)):
            out.add(before.raw + " " + word.raw)  # "a liquid lift": the variant word of other work, on no body part
    for before, part, work in zip(clause, clause[1:], clause[2:]):
        # "a vampire face lift": a word before a body part and the work on it may name another procedure;
        # before work said as a participle it describes ("my lower face tightened")
        if (part.stem in BODY_STEMS and (w.is_kind(work.raw) or work.stem in w.GENERIC_STEMS) and not before.negated
                and not _ordinary(before, vocabulary) and not work.raw.endswith("ed")):
            out.add(before.raw)
    return out


def _is_topic(word: Word, previous: Word | None, names: set[str]) -> bool:
    s = word.stem
    if s in w.GENERIC_STEMS or s in w.STOP_STEMS or word.raw in w.OPPOSITES:
        return False
    if s in VERBAL_STEMS:
        # "face lift", and a variant word before it: "one of those mini lifts"
        return word.said_of is not None or (previous is not None and previous.position == word.position - 1
                                               and (previous.stem in BODY_STEMS or previous.raw in w.OPPOSITES))
    return s in BODY_STEMS or w.is_kind(word.raw) or s in names


BODY_STEMS = {w.stem(b) for b in w.BODY}
VERBAL_STEMS = {w.stem(k) for k in w.VERBAL}
COPULAS = {"is", "are", "was", "were", "be", "would", "will", "just", "really", "simply"}
VERB_NEGATORS = {"dont", "not", "never"}  # "I don't mind", not "no downtime": a verb the negation may stop at
# a clause that takes back what came before it, and "but I want ..." after someone else's advice
CORRECTIONS = {("no",), ("actually", "no"), ("no", "sorry"), ("sorry", "no"), ("scrap", "that"), ("no", "wait"),
               ("forget", "that"), ("actually",)}
PREFERRING = {("i", "want", x) for x in ("it", "the", "a", "an", "to", "proper")} | {
    ("i", "d", "rather"), ("i", "would", "rather"), ("i", "prefer", "the"), ("i", "d", "prefer")}
CHOOSING_BETWEEN = {"between", "which", "whether", "either"}
REFUSING = {"no", "without"}  # said no to outright, not a feeling ("not keen on", "scared of")
TIGHTEN, LIFT, FILL, FILLER = (w.stem(x) for x in ("tightening", "lift", "fill", "filler"))
# verbs between a body part and its work ("my breasts were lifted", "my nose has filler")
LINKING = {"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "getting", "have", "has", "had"}
DONE = w.stem("done")
# tightening a surgeon does, or stitches hold, is the lift
SURGEONS = {"surgeon", "surgeons", "stitch", "stitches", "stitched"}
GROWN = {"bigger", "larger", "fuller"}  # said of a body part: work on it ("a bigger chest")
MEANS = {"with", "using", "use", "uses", "via", "by"}
EITHER = {"or", "versus", "vs"}
ELSEWHERE = {"home", "to", "back", "there", "from"}  # "a lift home": a ride
KNOWN_STEMS = w.KNOWN_STEMS
w.common_words()  # read MiniLM's word list at start, not during the first caller's question
BRANDED = re.compile(r"\b[a-z]+\d+[a-z]*\b")
NAME_INSIDE = re.compile(r"(?<=[a-z,] )([A-Z][a-z]+)")
SHORTHAND = {"b4", "2day", "2moro", "2nite", "gr8", "l8r"}  # typed words with a number, not a brand's name
# a capitalised word said as the caller's name or as where they go or live ("it's Kayleigh",
# "going to Ibiza"): a person or a place, not a treatment the list lacks
INTRODUCED = re.compile(r"\b(?:it[’']?s|this is|my name is|name[’']?s|i[’']?m|called|(?:going|flying|travelling|traveling|off|"
                        r"moving|trip|holiday|honeymoon) to|(?:holiday|live|living|based|staying|wedding) in|back from)"
                        r"\s+([A-Z][a-z]+)\b")
