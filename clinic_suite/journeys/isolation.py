"""Test case 4: one clinic's credentials aimed at another clinic's data (each attempt with
its control: the same request with the rightful credentials succeeds, pinned decision 15)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Awaitable, Callable

from . import payloads
from ..world import Call, Clinic, Patient, World


@dataclass
class Sides:
    """The clinic whose credentials are used, and the clinic whose data is aimed at."""
    actor: Clinic
    target: Clinic
    target_patient: Patient
    target_call: Call
    free_time: str       # a time the target clinic offers, for booking attempts
    actor_patient: Patient


@dataclass
class Attempt:
    """One attempt and what the target clinic's data looked like before it."""
    name: str
    sides: Sides
    answer: object
    before: dict
    denials_before: list[dict]


Send = Callable[[World, Sides, Clinic], Awaitable]

# Each attempt is sent with `creds` = the actor's clinic (the attack) and then the
# target's (the control). Expected refusal, and the audit entry it must leave.
ATTEMPTS: dict[str, tuple[Send, int, str]] = {
    "list its doctors": (
        lambda w, s, c: w.api.doctors(c.api_key, s.target.org_id), 403, "denied:org-mismatch"),
    "see its free times": (
        lambda w, s, c: w.api.availability(c.api_key, s.target.org_id, limit=3), 403, "denied:org-mismatch"),
    "read its patient's call": (
        lambda w, s, c: w.api.call(c.api_key, s.target_call.call_id), 404, "denied:foreign-call"),
    "read its patient's texts": (
        lambda w, s, c: w.api.sms_history(c.api_key, s.target_patient.patient_id), 404, "denied:foreign-patient"),
    "send its patient's follow-up text again": (
        lambda w, s, c: w.api.send_follow_up(c.api_key, {"callId": s.target_call.call_id}), 404, "denied:foreign-call"),
    "book a time for its patient": (
        lambda w, s, c: w.api.claim_slot(c.api_key, {"slotTime": s.free_time, "patientId": s.target_patient.patient_id}),
        404, "denied:foreign-patient"),
    "start a call for its patient": (
        lambda w, s, c: w.api.initiate_call(c.api_key, {"phoneNumber": s.target_patient.phone, "assistantId": "a",
                                                        "patientId": s.target_patient.patient_id}),
        404, "denied:foreign-patient"),
    "end its patient's call through the voice line": (
        lambda w, s, c: w.api.vapi(c.vapi, payloads.end_of_call_vapi(s.target_call.vapi_call(line=c), "hello")),
        404, "denied:foreign-call"),
    "act in its name": (
        lambda w, s, c: w.api.initiate_call(c.api_key, {
            "orgId": s.target.org_id, "phoneNumber": s.target_patient.phone, "assistantId": "a",
            "patientId": (s.target_patient if c is s.target else s.actor_patient).patient_id}),
        403, "denied:org-mismatch"),
}


async def sides(world: World, actor: Clinic, target: Clinic) -> Sides:
    """Both clinics' patients and calls, and a time the target offers."""
    free = (await world.api.availability(target.api_key, target.org_id, limit=1)).json()["slots"][0]["slotTime"]
    target_patient = world.patient_of(target)
    return Sides(actor, target, target_patient, world.calls[target_patient.first_name], free,
                 world.patient_of(actor))


async def attempt(world: World, name: str, actor: Clinic, target: Clinic) -> Attempt:
    """The actor's credentials used on the target's data, after noting how that data looks."""
    aimed = await sides(world, actor, target)
    before = await world.db.snapshot(target.org_id)
    denials_before = await world.db.denials(target.org_id)
    send, _, _ = ATTEMPTS[name]
    return Attempt(name, aimed, await send(world, aimed, actor), before, denials_before)


async def control(world: World, tried: Attempt):
    """The same request with the target clinic's own credentials."""
    send, _, _ = ATTEMPTS[tried.name]
    return await send(world, tried.sides, tried.sides.target)


def leaks(world: World, tried: Attempt) -> list[str]:
    """What of the target clinic an answer must not carry."""
    patient, call = tried.sides.target_patient, tried.sides.target_call
    return [patient.name, patient.phone[-7:], *{d["name"] for d in tried.sides.target.doctors},
            call.transcript[:25]]


def betrayals(other: Clinic, own: Clinic) -> list[str]:
    """What in `own`'s receptionist's words would betray that it knows `other`: the other's
    name, and what it says of its doctors (their specialty, their pronoun, "Johnson is").
    A doctor's bare name may be repeated: the caller said it."""
    own_words = set(own.name.split()) | {w for d in own.doctors for w in (d["specialty"], d.get("pronoun", ""))}
    words = [w for w in other.name.split() if w not in own_words]
    for doctor in other.doctors:
        words += [w for w in (doctor["specialty"], doctor.get("pronoun")) if w and w not in own_words]
        words.append(f"{doctor['name']} is")
    return words


@dataclass
class DbAttempt:
    """A statement the service's own database role ran for one clinic on another's rows."""
    actor: Clinic
    target: Clinic
    action: str
    table: str
    outcome: object


async def as_service(world: World, actor: Clinic, action: str, target: Clinic, table: str) -> DbAttempt:
    return DbAttempt(actor, target, action, table,
                     await world.service.attempt(actor.org_id, action, table, target.org_id))


async def patients_who_hung_up(world: World, phrase: str) -> None:
    """Each clinic gets a patient who hung up mid-booking and was texted; the provider's
    delivery reports land first, so nothing of theirs moves afterwards."""
    from .calls import SMS_WAIT_S, abandoned_and_texted
    from .clinics import new_caller
    from ..checks import eventually

    for clinic in list(world.clinics.values()):
        await abandoned_and_texted(world, await new_caller(world, clinic), phrase)
    for call in world.calls.values():
        async def delivered(call=call):
            return await world.db.text_status(call.call_id) == "delivered"
        await eventually(delivered, within=SMS_WAIT_S, what="the provider's delivery report")


# pinned decision 18: what a function that bypasses row-level security may be.
DEFINER_KINDS = {
    "look-up of a credential's clinic": lambda f: f["returns"] == "text" and not f["name"].startswith("audit_"),
    "writer of a refusal into the targeted clinic's audit log": lambda f: f["returns"] == "void"
    and f["name"].startswith("audit_"),
    "id-only list for a background worker": lambda f: f["returns"].startswith("TABLE(") and all(
        col.strip().split(" ")[0].endswith("id") for col in f["returns"][6:-1].split(",")),
}
ACTION_PRIVILEGE = {"read": "SELECT", "change": "UPDATE", "add to": "INSERT"}


@dataclass
class TableProof:
    table: str
    granted: set
    tried: dict          # action -> outcome acting for the actor on the target's rows
    control: dict        # action -> outcome acting for the target on its own rows


async def every_clinic_table(world: World, actor: Clinic, target: Clinic) -> list[TableProof]:
    """Each table with a clinic column (from the catalogue): read, change and add to the
    target's rows acting for the actor, and the same for the target itself (the control)."""
    proofs = []
    for row in await world.db.clinic_tables(world.service.column):
        table, granted = row["table_name"], await world.service.privileges(row["table_name"])
        tried, control = {}, {}
        for action, privilege in ACTION_PRIVILEGE.items():
            if privilege not in granted:
                continue
            if action == "add to":  # a row of the target's, written acting for the actor
                tried[action] = await world.service.add_row(actor.org_id, table, row["columns"], actor.org_id,
                                                            target.org_id)
                control[action] = await world.service.add_row(target.org_id, table, row["columns"], target.org_id,
                                                              target.org_id)
            else:
                tried[action] = await world.service.attempt(actor.org_id, action, table, target.org_id)
                control[action] = await world.service.attempt(target.org_id, action, table, target.org_id)
        proofs.append(TableProof(table, granted, tried, control))
    return proofs


def widening(policies: list[dict]) -> list[str]:
    """Policies that open a table wider than its clinic: a second permissive one for the same
    command, or one whose rule lets every row through."""
    problems, seen = [], {}
    for p in policies:
        if p["permissive"]:
            key = (p["table_name"], p["command"])
            if key in seen:
                problems.append(f"{p['table_name']}: a second permissive policy {p['policy']} beside {seen[key]}")
            seen.setdefault(key, p["policy"])
        for expr in (p["using_expr"], p["check_expr"]):
            if expr is not None and expr.strip("() ").lower() == "true":
                problems.append(f"{p['table_name']}: policy {p['policy']} lets every row through")
    return problems


def definer_problems(functions: list[dict]) -> list[str]:
    problems = []
    for f in functions:
        if f["public"]:
            problems.append(f"{f['name']}({f['arguments']}) may be run by PUBLIC")
        if not any(kind(f) for kind in DEFINER_KINDS.values()):
            problems.append(f"{f['name']}({f['arguments']}) returning {f['returns']} is none of the kinds allowed")
    return problems
