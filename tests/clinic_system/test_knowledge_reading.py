"""The knowledge base's reading of a question against a clinic's list (no database, no model:
the embedding cosine is the same for every procedure, so only the reading decides)."""
import json
from pathlib import Path

import pytest

from clinic_system.knowledge import answers, words

LISTS = json.loads((Path(__file__).resolve().parents[2] / "fixtures" / "kb" / "procedures.json").read_text())


def rows(filename):
    return [answers.ProcedureRow(i, "doc", LISTS[filename]["title"], p["name"], i, p["description"], p["recovery"],
                                 p["cost"], p["aliases"]) for i, p in enumerate(LISTS[filename]["procedures"], 1)]


def chosen(question, filename="premier-procedures.pdf"):
    procedures = rows(filename)
    return [p.name for p in answers.choose(question, procedures, {p.id: 0.7 for p in procedures}, {})]


@pytest.mark.parametrize("question, expected", [
    ("How much is a nose job?", ["Rhinoplasty"]),                 # a bare nose job is the surgical one
    ("How much is a non surgical nose job?", ["Liquid Rhinoplasty"]),
    ("Can my nose be done with fillers instead of surgery?", ["Liquid Rhinoplasty"]),
    ("Surgical rhinoplasty, not the liquid one: the price?", ["Rhinoplasty"]),
    ("Is there no downtime with liquid rhinoplasty?", ["Liquid Rhinoplasty"]),  # "no" is not about "liquid"
    ("How much is a breast lift?", []),                           # a body part and a kind of work of two procedures
    ("Do you do Profhilo for the face?", []),                     # a brand name the list does not know
    ("What does a nose piercing cost?", []),
    ("How long after a facelift versus a boob job?", ["Facelift", "Breast Augmentation"]),
    ("What's your cheapest option?", []),                         # nothing the list can place: abstains
])
def test_reading_picks_the_procedure_or_refuses(question, expected):
    assert chosen(question) == expected


def test_a_clinic_without_the_non_surgical_variant_refuses_it():
    assert chosen("How much is a liquid nose job?", "surgical-procedures.pdf") == []
    assert chosen("How much is a nose job?", "surgical-procedures.pdf") == ["Rhinoplasty"]


def test_misspellings_are_read_only_for_words_that_are_not_ordinary_english():
    spelling = {"rhinoplasty": "rhinopl", "breast": "breast", "breasts": "breast"}
    assert words.slip_of("rhinoplastie", spelling) == "rhinopl"
    assert words.slip_of("rynoplasty", spelling) == "rhinopl"
    assert words.slip_of("breathing", spelling) is None
    assert words.slip_of("brest", spelling) is None                       # a town's name, alone
    assert words.slip_of("brest", spelling, ordinary_too=True) == "breast"  # before "augmentation"


def test_a_name_word_only_counts_with_the_rest_of_its_name():
    assert chosen("Do you offer facials?", "dermatology-procedures.pdf") == []
    assert chosen("How much is a laser facial?", "dermatology-procedures.pdf") == ["Laser Resurfacing"]
