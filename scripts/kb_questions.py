"""Asks the KB-8 question sets of the embedded system and prints wrong answers and misses.

    .venv/bin/python scripts/kb_questions.py tuning            # the part tuning may look at
    .venv/bin/python scripts/kb_questions.py held-out --counts # figures only

Each clinic of fixtures/kb/questions/ gets its own clinic and its own procedure list."""
from __future__ import annotations

import argparse
import asyncio
import time

from benchkit import embedded

from clinic_suite.journeys import knowledge


async def main(part: str, counts_only: bool) -> None:
    if not knowledge.delivered(part):
        print(f"{part}: {knowledge.QUESTION_SETS[part]} is not delivered yet: not measured")
        return
    async with embedded() as bench:
        keys = {}
        for clinic, filename in knowledge.CLINIC_LISTS.items():
            keys[clinic] = (await bench.new_clinic())["apiKey"]
            await bench.api.upload_document(keys[clinic], knowledge.KB / filename)
        graded, took = [], []
        for item in knowledge.question_set(part):
            started = time.perf_counter()
            body = (await bench.api.ask(keys[item["clinic"]], item["question"])).json()
            took.append(time.perf_counter() - started)
            listed = knowledge.listed(knowledge.CLINIC_LISTS[item["clinic"]])
            graded.append({**item, "grade": knowledge.grade(item["expect"], body, listed),
                           "got": sorted(knowledge.figures_in(body.get("answer", ""), listed))})
        result = knowledge.tally(graded)
        if not counts_only:
            for g in result["wrong"] + result["misses"]:
                print(f"{g['grade']:5} {g['id']} {g['clinic']:11} {g['kind']:18} {g['question']!r} "
                      f"expected {g['expect']} got {g['got']}")
        took.sort()
        print(f"{part}: {result['questions']} questions, {len(result['wrong'])} wrong, {len(result['misses'])} "
              f"misses ({result['missRate']}% of listed), p95 {1000 * took[int(0.95 * len(took))]:.1f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("part", choices=list(knowledge.QUESTION_SETS))
    parser.add_argument("--counts", action="store_true", help="figures only, no questions shown")
    args = parser.parse_args()
    asyncio.run(main(args.part, args.counts))
