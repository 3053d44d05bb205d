"""The default sample is drawn from each mutant's key, so code changing elsewhere keeps it."""
from mutation.catalogue import Mutant, sample


def _mutants(module_count: int, each: int) -> list[Mutant]:
    return [Mutant(f"clinic_system/m{m}.py", "core/AddNot", n, n + 1, f"f{n}", 0)
            for m in range(module_count) for n in range(each)]


def test_every_module_is_represented_and_the_size_is_kept():
    chosen = sample(_mutants(5, 40), 30, seed=7)
    assert len(chosen) == 30
    assert {m.module for m in chosen} == {f"clinic_system/m{m}.py" for m in range(5)}


def test_a_new_module_leaves_the_rest_of_the_sample_as_it_was():
    before = set(sample(_mutants(5, 40), 30, seed=7))
    grown = _mutants(5, 40) + [Mutant("clinic_system/new.py", "core/AddNot", 0, 1, "g", 0)]
    after = set(sample(grown, 31, seed=7))
    assert before <= after


def test_another_seed_draws_another_sample():
    assert set(sample(_mutants(5, 40), 30, seed=7)) != set(sample(_mutants(5, 40), 30, seed=8))


def test_a_line_only_the_redactor_command_runs_is_covered_by_the_scenarios_that_run_it():
    """coverage does not follow `python -m clinic_system.redaction`: a line of the package no
    in-process scenario ran is still one the @redactor scenarios may run."""
    from mutation import coverage_map, run
    from mutation.catalogue import Mutant

    mutant = Mutant("clinic_system/redaction/ssn.py", "core/AddNot", 0, 46, "_four", 1, (40, 47))
    all_lines = {"clinic_system/redaction/ssn.py": {10: ["features/pii_redaction.feature:31"], 0: []},
                 coverage_map.OUT_OF_PROCESS_RUNS: {"clinic_system/redaction/": ["features/redaction_audit.feature:15"]}}
    covering = run.covering_scenarios(mutant, all_lines["clinic_system/redaction/ssn.py"], {}, all_lines)
    assert covering == {"features/redaction_audit.feature:15"}


def test_the_quick_scenarios_chosen_are_spread_over_the_features():
    from mutation.run import across_features
    fastest = ["a.feature:1", "a.feature:2", "a.feature:3", "b.feature:9", "a.feature:4", "c.feature:5"]
    assert across_features(fastest)[:3] == ["a.feature:1", "b.feature:9", "c.feature:5"]
    assert sorted(across_features(fastest)) == sorted(fastest)


def test_a_chosen_row_brings_its_tables_quick_rows_within_the_budget(monkeypatch):
    from mutation import run
    table = tuple(f"f.feature:{n}" for n in range(10, 16))
    monkeypatch.setattr(run, "outline_rows", lambda: {row: table for row in table})
    seconds = {**{row: 0.1 for row in table}, "f.feature:14": 5.0, "f.feature:15": 0.2}
    covering = set(table) - {"f.feature:13"}
    monkeypatch.setattr(run, "SIBLINGS_BUDGET_S", 0.25)
    # the slow row and the one that does not run the line stay out; the budget takes the quickest first
    assert run.siblings({"f.feature:10"}, covering, seconds) == {"f.feature:11", "f.feature:12"}


def test_every_outline_row_of_the_features_maps_to_its_table():
    from mutation import run
    rows = run.outline_rows()
    assert rows and all(row in rows[row] for row in rows)
    assert all(row.startswith("features/") and row.rsplit(":", 1)[1].isdigit() for row in rows)


def test_a_triage_whose_key_now_names_another_change_is_not_counted():
    from mutation import run
    from mutation.catalogue import Mutant
    moved = Mutant("clinic_system/x.py", "core/NumberReplacer", 0, 3, "<module>", 3)
    kept = Mutant("clinic_system/x.py", "core/NumberReplacer", 1, 9, "<module>", 4)
    outcomes = [run.Outcome(moved, "survived", 1.0, 1, change="f(group(2))  ->  f(group(1))"),
                run.Outcome(kept, "survived", 1.0, 1, change="A = 4096  ->  A = 4097")]
    triaged = {moved.key: {"reason": "a cache size", "change": "cache(100_000)  ->  cache(99999)"},
               kept.key: {"reason": "never reached", "change": "A = 4096  ->  A = 4097"}}
    equivalent, stale = run.still_triaged(outcomes, triaged)
    assert equivalent == {kept.key: "never reached"} and [o.mutant for o in stale] == [moved]


def test_every_triaged_mutant_is_still_the_change_its_reason_was_written_for():
    """A key names a mutant by its function and its place among that operator's: numbers added
    earlier in the function (or at module level) move the key onto another change."""
    import tomllib
    from mutation import catalogue, run
    entries = tomllib.loads(run.TRIAGE.read_text())["equivalent"]
    modules = {}
    for entry in entries:
        module = entry["key"].split("::")[0]
        if module not in modules:
            modules[module] = {m.key: m for m in catalogue.of_module(run.ROOT / module)}
        mutant = modules[module].get(entry["key"])
        assert mutant is not None, f"{entry['key']} names no mutant now"
        assert mutant.change(mutant.mutated_source()) == entry["change"], f"{entry['key']} now names another change"


def test_covering_scenarios_that_are_quick_together_all_run_whatever_their_number():
    from mutation import run
    from mutation.catalogue import Mutant
    mutant = Mutant("clinic_system/m.py", "core/AddNot", 0, 5, "f", 0, (1, 9))
    quick = {f"q.feature:{n}": 0.05 for n in range(100)}
    assert len(run.chosen_scenarios(mutant, set(quick), {5: list(quick)}, quick, cap=30)) == 100
    slow = {name: 1.0 for name in quick}
    assert len(run.chosen_scenarios(mutant, set(slow), {5: list(slow)}, slow, cap=30)) <= 30 + 3
