"""Every scenario creates its own clinics and patients through the admin API."""
from __future__ import annotations

import uuid

from hamcrest import equal_to, has_key

from ..checks import check
from ..world import Clinic, Patient, World, clinic_fixture


async def set_up_clinic(world: World, name: str, like: str | None = None, vapi_auth: str | None = None,
                        horizon_days: int | None = None) -> Clinic:
    """The clinic of fixtures/clinics.json called name, or one set up like that clinic under
    another name (a scenario that needs more clinics than the fixture has); with a Vapi
    assistant and number of its own (unique, so that they name this clinic only), its line
    signing as asked, or as the target's clinics do; taking bookings `horizon_days` ahead when
    given (else the contract's default, 56)."""
    line = uuid.uuid4().hex[:12]
    vapi = {"auth": vapi_auth or world.target.vapi_auth, "assistantId": f"asst_{line}", "phoneNumberId": f"pn_{line}"}
    fixture = {**({**clinic_fixture(like), "name": name} if like else clinic_fixture(name)), "vapi": vapi}
    if horizon_days is not None:
        fixture["bookingHorizonDays"] = horizon_days
    answer = await world.api.create_clinic(fixture)
    check(answer.status_code, equal_to(201), f"setting up {name}: {answer.text[:300]}")
    body = answer.json()
    check(body, has_key("orgId"))
    clinic = Clinic(name, body["orgId"], body["apiKey"], body["webhookSecret"], fixture["timezone"],
                    fixture.get("doctors", []), vapi["auth"], vapi["assistantId"], vapi["phoneNumberId"])
    world.clinics[name] = clinic
    return clinic


async def add_patient(world: World, first_name: str, clinic: Clinic, consent: bool = True) -> Patient:
    person = world.people.patient(first_name)
    answer = await world.api.add_patient(clinic.org_id, person)
    check(answer.status_code, equal_to(201), f"adding patient {first_name}: {answer.text[:300]}")
    patient = Patient(first_name, answer.json()["patientId"], person["name"], person["phone"], clinic, consent)
    await world.sms.clear(patient.phone)
    world.patients[first_name] = patient
    return patient


async def new_caller(world: World, clinic: Clinic, consent: bool = True) -> Patient:
    """A caller the Gherkin does not name ("a caller on the clinic's line"): Faker names them."""
    return await add_patient(world, world.people.first_name(set(world.patients)), clinic, consent)
