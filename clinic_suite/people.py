"""Patients made by Faker with a seed per scenario, so a failure can be replayed
(the seed is shown in the report; SUITE_SEED=<seed> replays it)."""
from __future__ import annotations

import hashlib
import os
import random

from faker import Faker


def scenario_seed(feature: str, scenario: str, run_salt: str) -> int:
    fixed = os.environ.get("SUITE_SEED")
    if fixed:
        return int(fixed)
    return int(hashlib.sha256(f"{feature}|{scenario}|{run_salt}".encode()).hexdigest()[:8], 16)


class People:
    def __init__(self, seed: int):
        self.fake = Faker("en_GB")
        self.fake.seed_instance(seed)
        self.random = random.Random(seed)
        self.used: set[str] = set()

    def patient(self, first_name: str | None = None) -> dict:
        first = first_name or self.fake.first_name()
        return {"name": f"{first} {self.fake.last_name()}", "phone": self.phone(),
                "email": self.fake.email()}

    def first_name(self, taken: set[str]) -> str:
        """A first name no one in the scenario has yet."""
        for _ in range(1000):
            name = self.fake.first_name()
            if name not in taken:
                return name
        raise RuntimeError("ran out of first names")

    def phone(self) -> str:
        # A +1 555 number unique in this scenario: the SMS stub keeps an inbox per number.
        while True:
            number = "+1555" + "".join(str(self.random.randrange(10)) for _ in range(7))
            if number not in self.used:
                self.used.add(number)
                return number
