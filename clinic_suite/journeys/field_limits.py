"""How long each field may be: the lengths the project's contract states (README, "Field
lengths"), and a request that puts a value of a given length in that field and nothing else
unusual. A field takes its longest value and refuses one character more."""
from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

import httpx

from ..world import World, clinic_fixture
from . import calls, dates


def _text(n: int, ending: str = "") -> str:
    return "x" * (n - len(ending)) + ending


def clinic_setup(**changes) -> dict:
    """A clinic like the plan's Premier, with a line of its own, changed as given."""
    line = uuid.uuid4().hex[:12]
    fixture = {**clinic_fixture("Premier Cosmetic Surgery"), **changes}
    return {**fixture, "vapi": {"auth": "secret", "assistantId": f"asst_{line}", "phoneNumberId": f"pn_{line}"}}


def _doctor(**changes) -> dict:
    return clinic_setup(doctors=[{"name": "Sarah", "title": "Dr.", "pronoun": "her", "specialty": "Dermatology", **changes}])


def _staff(**changes) -> dict:
    return clinic_setup(staff=[{"name": "Priya", "role": "receptionist", **changes}])


def _setting_up(build: Callable[[int], dict]) -> Callable[[World, int], Awaitable[httpx.Response]]:
    async def send(world: World, n: int):
        return await world.api.create_clinic(build(n))
    return send


def _patient(field: str, ending: str = "") -> Callable[[World, int], Awaitable[httpx.Response]]:
    async def send(world: World, n: int):
        person = {**world.people.patient(), field: _text(n, ending)}
        return await world.api.add_patient(world.clinic().org_id, person)
    return send


async def _assistant(world: World, n: int):
    clinic, patient = world.clinic(), next(iter(world.patients.values()))
    return await world.api.initiate_call(clinic.api_key, {"orgId": clinic.org_id, "phoneNumber": patient.phone,
                                                          "patientId": patient.patient_id, "assistantId": _text(n)})


async def _patient_called(world: World, n: int):
    clinic, patient = world.clinic(), next(iter(world.patients.values()))
    return await world.api.initiate_call(clinic.api_key, {"orgId": clinic.org_id, "phoneNumber": patient.phone,
                                                          "patientId": _text(n), "assistantId": "asst_front_desk"})


async def _claim_for_clinic(world: World, n: int):
    clinic, patient = world.clinic(), next(iter(world.patients.values()))
    when = dates.resolve("10:00 next Tuesday", clinic.timezone)
    return await world.api.claim_slot(clinic.api_key, {"orgId": _text(n), "slotTime": when.isoformat(),
                                                       "patientId": patient.patient_id})


async def _link_for_call(world: World, n: int):
    return await world.api.resume("t" * 40, _text(n))


async def _question(world: World, n: int):
    return await world.api.ask(world.clinic().api_key, _text(n, " How much is a facelift?"))


def _report(field: str) -> Callable[[World, int], Awaitable[httpx.Response]]:
    async def send(world: World, n: int):
        call = await calls.start_call(world, next(iter(world.patients.values())))
        report, _ = calls.hang_up_report(call)
        if field == "summary":
            report["message"]["analysis"]["summary"] = _text(n)
        else:
            report["message"][field] = _text(n)
        return await world.api.vapi(call.patient.clinic.vapi, report, malformed=True)
    return send


# The field as the feature names it -> a request with a value of n characters in it.
FIELDS: dict[str, Callable[[World, int], Awaitable[httpx.Response]]] = {
    "a clinic's name": _setting_up(lambda n: clinic_setup(name=_text(n))),
    "a clinic's web address": _setting_up(lambda n: clinic_setup(website=_text(n, ".com"))),
    "a doctor's name": _setting_up(lambda n: _doctor(name=_text(n))),
    "a doctor's title": _setting_up(lambda n: _doctor(title=_text(n))),
    "the word for a doctor": _setting_up(lambda n: _doctor(pronoun=_text(n))),
    "a doctor's specialty": _setting_up(lambda n: _doctor(specialty=_text(n))),
    "a staff member's name": _setting_up(lambda n: _staff(name=_text(n))),
    "a staff member's role": _setting_up(lambda n: _staff(role=_text(n))),
    "a patient's name": _patient("name"),
    "a patient's email": _patient("email", "@clinic.example"),
    "the assistant a call is started on": _assistant,
    "a question to the knowledge base": _question,
    "why a call ended": _report("endedReason"),
    "a call's summary": _report("summary"),
    # Ids: one of the longest length is looked up (and refused as not the clinic's own).
    "the patient a call is started for": _patient_called,
    "the clinic a claim is made for": _claim_for_clinic,
    "the call a link is for": _link_for_call,
}


async def send(world: World, field: str, n: int) -> httpx.Response:
    return await FIELDS[field](world, n)


# A list in a clinic's set-up, as the feature names it -> the set-up with n entries in it.
LISTS: dict[str, Callable[[int], dict]] = {
    "doctors": lambda n: clinic_setup(doctors=[{"name": f"Doctor{i}", "title": "Dr.", "pronoun": "her",
                                                "specialty": "Dermatology"} for i in range(n)]),
    "staff": lambda n: clinic_setup(staff=[{"name": f"Staff{i}", "role": "receptionist"} for i in range(n)]),
}


async def set_up_with(world: World, what: str, n: int) -> httpx.Response:
    return await world.api.create_clinic(LISTS[what](n))
