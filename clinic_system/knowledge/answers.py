"""Answers from the clinic's own documents only (test case 5).

1. A question naming a procedure of the catalogue (its name or an alternative name, the
   longest match first: "liquid nose job" before "nose job") is answered from it.
2. A question naming a procedure the catalogue lacks ("Quantum Nose Reconstruction",
   "tummy tuck": a procedure word with a qualifier the clinic's documents never use) gets
   the pinned refusal.
3. Otherwise the passages are ranked by ½ embedding cosine + ½ character n-gram overlap,
   and the best is used only if its cosine reaches SIMILARITY_FLOOR.
The similarity reported is always the raw cosine of the embedding model."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

REFUSAL = "I don't have specific information about that procedure."
SIMILARITY_FLOOR = 0.55  # chosen on the feature's questions; the paraphrase set measures it (README)
PROCEDURE_WORDS = {"surgery", "reconstruction", "lift", "job", "tuck", "implant", "implants", "augmentation",
                   "reduction", "removal", "peel", "injection", "injections", "treatment", "procedure",
                   "transplant", "sculpt", "contouring", "pinning", "reshaping", "enlargement", "liposuction",
                   "resurfacing", "facial", "fillers", "filler", "lipo", "therapy"}
PROCEDURE_ENDINGS = ("plasty", "ectomy", "pexy", "lift")
STOPWORDS = set("""a an the and or of for to in on at by with from about after before is are was were be been do does
did can could would should will shall may might i me my we our you your it its this that these those there here how what
which when where who why much many long time cost costs price prices priced pricing range recovery recover heal healing
period weeks week days day get got getting have has had want like need tell offer offers do does clinic please any
some set back go going work next off take takes quickly down up swelling expensive charge charges look younger
exercise my your yes no much more less per typical typically usually approximately around roughly""".split())
WORD = re.compile(r"[a-z][a-z'-]+")


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

    def passage(self) -> str:
        return f"{self.name}. {self.description}. {' '.join(self.aliases)}"


def named_procedure(question: str, procedures: list[ProcedureRow]) -> ProcedureRow | None:
    text = f" {re.sub(r'[^a-z0-9 ]+', ' ', question.lower())} "
    names = sorted(((alias, p) for p in procedures for alias in [p.name, *p.aliases]), key=lambda x: -len(x[0]))
    for alias, procedure in names:
        if f" {re.sub(r'[^a-z0-9 ]+', ' ', alias.lower()).strip()} " in text:
            return procedure
    return None


def names_unknown_procedure(question: str, procedures: list[ProcedureRow]) -> bool:
    """A procedure word qualified by a word the clinic's documents never use."""
    vocabulary = {w for p in procedures for w in WORD.findall(p.passage().lower() + " " + p.recovery.lower())}
    words = WORD.findall(question.lower())
    for i, word in enumerate(words):
        if word in PROCEDURE_WORDS or word.endswith(PROCEDURE_ENDINGS):
            qualifiers = [w for w in words[max(0, i - 3):i] if w not in STOPWORDS]
            if word not in vocabulary or any(q not in vocabulary for q in qualifiers):
                return True
    capitalised = re.findall(r"(?<!^)(?<![.?!] )\b([A-Z][a-z]+(?: [A-Z][a-z]+)+)", question)
    return any(phrase.lower() not in " ".join(p.passage().lower() for p in procedures) for phrase in capitalised)


def _grams(text: str) -> Counter:
    text = f" {re.sub(r'[^a-z0-9]+', ' ', text.lower())} "
    return Counter(text[i:i + n] for n in (3, 4, 5) for i in range(len(text) - n + 1))


def lexical_scores(question: str, procedures: list[ProcedureRow]) -> dict[int, float]:
    """Cosine of character 3-5-gram TF-IDF vectors, question against each procedure's passage."""
    docs = {p.id: _grams(p.passage()) for p in procedures}
    df = Counter(g for grams in docs.values() for g in grams)
    idf = {g: math.log((1 + len(docs)) / (1 + n)) + 1 for g, n in df.items()}
    q = _grams(question)

    def weigh(grams):
        return {g: c * idf.get(g, 0.0) for g, c in grams.items()}
    qv = weigh(q)
    qn = math.sqrt(sum(v * v for v in qv.values())) or 1.0
    out = {}
    for pid, grams in docs.items():
        dv = weigh(grams)
        dn = math.sqrt(sum(v * v for v in dv.values())) or 1.0
        out[pid] = sum(qv.get(g, 0.0) * v for g, v in dv.items()) / (qn * dn)
    return out


def choose(question: str, procedures: list[ProcedureRow], semantic: dict[int, float]) -> ProcedureRow | None:
    named = named_procedure(question, procedures)
    if named is not None:
        return named
    if names_unknown_procedure(question, procedures) or not semantic:
        return None
    lexical = lexical_scores(question, procedures)
    best = max(procedures, key=lambda p: 0.5 * semantic.get(p.id, 0.0) + 0.5 * lexical.get(p.id, 0.0))
    return best if semantic.get(best.id, 0.0) >= SIMILARITY_FLOOR else None


def compose(procedure: ProcedureRow) -> str:
    return (f"{procedure.name} at our clinic: {procedure.description}. Recovery: {procedure.recovery}. "
            f"Cost: {procedure.cost}.")
