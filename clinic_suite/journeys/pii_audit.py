"""The redaction audit through the end-of-call path: the first-edition corpora said on calls,
and what the system kept graded (pii_grading: what survived, recall per kind, precision).

A labelled value *survives* when it can still be read anywhere the system kept or shows the
call; precision is justified replacements over all replacements, across the labelled and
the clean corpus (every replacement in ordinary booking talk is unjustified)."""
from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from pathlib import Path

from . import calls
from .pii_grading import KINDS, Figures, Markers  # noqa: F401  (KINDS: the kinds every corpus covers)

FOLDER = Path(__file__).resolve().parents[2] / "fixtures" / "pii"


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (FOLDER / name).read_text().splitlines() if line.strip()]


def labelled() -> list[dict]:
    return load("corpus.jsonl") + load("hard_cases.jsonl")


def held_out() -> list[dict]:
    """Made after the redactor was tuned on the corpus above; measured blind once, tuned on since
    (rounds 2 and 3 of issue 19): now a seen set."""
    return load("held_out.jsonl")


def clean() -> list[dict]:
    return [{**row, "labels": []} for row in load("clean.jsonl")]


CORPUS_CONCURRENCY = 10


@dataclass
class CorpusRun:
    """Each corpus's utterances, each said on a call that then ended: (row, call) pairs."""
    sets: dict[str, list[tuple[dict, object]]]
    figures: Figures | None = None   # over the labelled and clean sets, once read back


async def say_corpora(world, patient) -> CorpusRun:
    """Every utterance of the labelled, clean and held-out corpora said on its own call."""
    gate = asyncio.Semaphore(CORPUS_CONCURRENCY)

    async def one(row):
        async with gate:
            call = await calls.start_call(world, patient)
            call.transcript = row["text"]
            await calls.hang_up(world, call)
            return row, call
    sets = {"labelled": labelled(), "clean": clean(), "held_out": held_out()}
    return CorpusRun({name: list(await asyncio.gather(*(one(r) for r in rows))) for name, rows in sets.items()})


async def figures_of(world, run: CorpusRun, *names: str) -> Figures:
    """Labelled utterances: everything kept or shown is searched; clean ones: the
    transcript is compared with what was said."""
    gate = asyncio.Semaphore(CORPUS_CONCURRENCY)

    async def read_back(row, call) -> tuple[dict, str, str]:
        async with gate:
            stored = await world.db.stored_transcript(call.call_id)
            kept = stored + "\n" + await calls.kept_about(world, call) if row["labels"] else stored
            return row, stored, kept
    figures = Figures()
    for row, stored, kept in await asyncio.gather(*(read_back(row, call) for name in names
                                                    for row, call in run.sets[name])):
        figures.add(row, stored, Markers(), kept)
    return figures
