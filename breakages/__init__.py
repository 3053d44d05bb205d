"""The breakage catalogue: named, small breakages of the reference system, each of which
must turn the scenarios of the criteria it names red (README, "Guarded criteria")."""
