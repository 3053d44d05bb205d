"""What one scenario knows: its target, drivers, people, clinics, calls and figures."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .api import ClinicApi
from .database import ClinicDatabase
from .evidence import Evidence
from .people import People
from .sms_inbox import SmsStub
from .target import Target

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@dataclass
class Clinic:
    name: str
    org_id: str
    api_key: str
    webhook_secret: str
    timezone: str


@dataclass
class Patient:
    first_name: str
    patient_id: str
    name: str
    phone: str
    clinic: Clinic
    consent: bool = True
    refusals_ahead: int = 0   # texts the provider was told to refuse (latency is then not the plan's)
    redaction_fault: bool = False  # the embedded system is to fail redacting this patient's next call


@dataclass
class Call:
    call_id: str
    patient: Patient
    slot_time: datetime | None = None
    slot_phrase: str | None = None
    transcript: str = ""
    summary: str | None = None
    reason: str | None = None
    hung_up_at: float | None = None      # monotonic, when the hang-up report was sent
    link: str | None = None
    tool_calls: int = 0


@dataclass
class World:
    target: Target
    api: ClinicApi
    db: ClinicDatabase
    sms: SmsStub
    people: People
    evidence: Evidence
    seed: int
    clinics: dict[str, Clinic] = field(default_factory=dict)
    patients: dict[str, Patient] = field(default_factory=dict)
    calls: dict[str, Call] = field(default_factory=dict)
    metrics: dict[str, float | str] = field(default_factory=dict)
    last_answer: object = None

    def clinic(self, name: str | None = None) -> Clinic:
        if name is None:
            return next(iter(self.clinics.values()))
        return self.clinics[name]

    def measure(self, name: str, value: float | str, unit: str = "") -> None:
        """A measured figure: kept for the summary and shown as an Allure parameter."""
        import allure

        self.metrics[name] = value
        allure.dynamic.parameter(name, f"{value}{unit}" if isinstance(value, (int, float)) else value)


def clinic_fixture(name: str) -> dict:
    for clinic in json.loads((FIXTURES / "clinics.json").read_text()).values():
        if clinic["name"] == name:
            return clinic
    raise KeyError(f"no clinic called {name!r} in fixtures/clinics.json")
