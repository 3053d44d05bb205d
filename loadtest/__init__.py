"""Load beyond the suite's 100 callers: Locust (master and workers), with the invariants
checked in the database and at the SMS stub after every run."""
