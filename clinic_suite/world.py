"""What one scenario knows: its target and drivers, the clinics, patients and calls it
made, what its last action produced, and the figures it measured.

Names in Gherkin ("Maria", "Premier Cosmetic Surgery") are resolved here and nowhere else.
"her call" is the call of the person a step last named (`World.call()`), or the scenario's
only call."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .drivers.api import ClinicApi
from .drivers.database import ClinicDatabase
from .drivers.evidence import Evidence
from .drivers.service_role import ServiceRole
from .drivers.sms_stub import SmsStub
from .drivers.target import Target
from .drivers.vapi_wire import VapiCredential
from .people import People

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
VAPI_ORG = "vapi-org-0f3c"   # Vapi's own organisation id, as it puts it in call.orgId: not a clinic


@dataclass
class Clinic:
    name: str
    org_id: str
    api_key: str
    webhook_secret: str
    timezone: str
    doctors: list[dict] = field(default_factory=list)   # as set up: {"name", "title", "pronoun", "specialty"}
    vapi_auth: str = "secret"                 # how its voice line signs (pinned decision 19)
    assistant_id: str | None = None           # the Vapi assistant and phone number it owns
    phone_number_id: str | None = None

    @property
    def vapi(self) -> VapiCredential:
        return VapiCredential(self.vapi_auth, self.webhook_secret)

    def words(self) -> set[str]:
        """What would betray this clinic in another clinic's answer: its name and its doctors."""
        return set(self.name.split()) | {d["name"] for d in self.doctors}


@dataclass
class Patient:
    first_name: str
    patient_id: str | None     # None until the clinic has made a patient of an unknown caller
    name: str | None
    phone: str
    clinic: Clinic
    consent: bool = True
    refusals_ahead: int = 0   # texts the provider was told to refuse (latency is then not the plan's)
    provider_slowed: bool = False  # the provider was told to answer slowly: its own latency figure
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
    ended_at: datetime | None = None     # when the caller hung up, as the report says
    link: str | None = None
    tool_calls: int = 0
    vapi_fields: dict = field(default_factory=dict)   # added to Vapi's description of the call
    tool_extra: dict = field(default_factory=dict)    # added to every tool call's arguments
    sent: object = None                  # the last hang-up delivery, for a sender that sends it again

    def vapi_call(self, line: Clinic | None = None, **extra) -> dict:
        """The call as Vapi describes it in every message: its id, the line it came in on (the
        patient's clinic unless another is given), the caller's number; `extra` adds fields."""
        line = line or self.patient.clinic
        return {"id": self.call_id, "orgId": VAPI_ORG, "type": "inboundPhoneCall", "assistantId": line.assistant_id,
                "phoneNumberId": line.phone_number_id, "customer": {"number": self.patient.phone}, **self.vapi_fields, **extra}


@dataclass
class World:
    target: Target
    api: ClinicApi
    db: ClinicDatabase
    sms: SmsStub
    people: People
    evidence: Evidence
    seed: int
    service: ServiceRole | None = None   # the service's own database role, when the target gives it
    db_target: object = None     # the clinic database described by a target file (drivers.database_target)
    clinics: dict[str, Clinic] = field(default_factory=dict)
    patients: dict[str, Patient] = field(default_factory=dict)
    calls: dict[str, Call] = field(default_factory=dict)
    metrics: dict[str, float | str] = field(default_factory=dict)
    last: object = None       # what the scenario's last action produced, for the steps that check it
    before: object = None     # what it saw before that action, to compare with after
    crowd: object = None      # many callers at once (journeys.crowd.Crowd)
    documents: dict[str, dict] = field(default_factory=dict)   # clinic name -> its uploaded document
    subject: str | None = None   # the person a step last named
    browser: object = None       # the run's Chromium (drivers.browser.Browser), when the target has a page
    phone: object = None         # this scenario's phone-sized browser session, opened on first use

    def clinic(self, name: str | None = None) -> Clinic:
        """A clinic by name; without one, the scenario's own (the first set up)."""
        if name is None:
            if not self.clinics:
                raise LookupError("no clinic set up in this scenario yet")
            return next(iter(self.clinics.values()))
        if name not in self.clinics:
            raise LookupError(f"no clinic called {name!r} in this scenario (have: {', '.join(self.clinics)})")
        return self.clinics[name]

    def patient(self, name: str) -> Patient:
        if name not in self.patients:
            raise LookupError(f"no patient called {name!r} in this scenario (have: {', '.join(self.patients)})")
        self.subject = name
        return self.patients[name]

    def patient_of(self, clinic: Clinic) -> Patient:
        """The clinic's patient, when the Gherkin speaks of "its patient"."""
        found = [p for p in self.patients.values() if p.clinic is clinic]
        if not found:
            raise LookupError(f"{clinic.name} has no patient in this scenario")
        return found[0]

    def call(self, name: str | None = None) -> Call:
        """A person's call; without a name, "her call": the call of the person last named,
        or the scenario's only call."""
        if name is not None:
            self.patient(name)
        who = name or self.subject
        if who in self.calls:
            return self.calls[who]
        if name is None and len(self.calls) == 1:
            return next(iter(self.calls.values()))
        raise LookupError(f"whose call? {who or 'nobody'} has none here (calls of: {', '.join(self.calls) or 'none'})")

    async def phone_session(self):
        """The patient's phone: a browser session of its own for this scenario."""
        if self.phone is None:
            self.phone = await self.browser.session(self.target.api_url, self.evidence)
            self.measure("browserSessionStartMs", round(self.phone.opened_ms, 1), "ms")
        return self.phone

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
