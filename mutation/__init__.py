"""`make mutants`: the suite's mutation score over the reference system (REP-4)."""
