"""The clinic's side of the follow-up texts: its text history and a resend."""
from __future__ import annotations

import re

from hamcrest import equal_to

from ..checks import check
from ..world import Call, Patient, World


def masked(phone: str, shown: int) -> str:
    """A number as staff see it: every digit hidden but the last `shown` (pinned decision 9)."""
    digits = re.sub(r"\D", "", phone)
    return "+" + "*" * (len(digits) - shown) + digits[-shown:]


async def history(world: World, patient: Patient, limit: int = 10) -> list[dict]:
    clinic = patient.clinic
    answer = await world.api.sms_history(clinic.api_key, patient.patient_id, clinic.org_id, limit)
    check(answer.status_code, equal_to(200), f"the clinic's text history: {answer.text[:200]}")
    return answer.json()["messages"]


async def ask_for_follow_up(world: World, call: Call):
    clinic = call.patient.clinic
    return await world.api.send_follow_up(clinic.api_key, {
        "callId": call.call_id, "orgId": clinic.org_id, "patientId": call.patient.patient_id})
