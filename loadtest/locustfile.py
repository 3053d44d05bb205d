"""Simulated callers for Locust. Each one calls, picks a time and hangs up (abandons) or
books, claims contested times, or asks the knowledge base, in proportions set on the
command line. Request bodies come from the suite's own builders (clinic_suite.journeys.payloads):
one definition of each request. The target comes from the file loadtest/run.py writes.

    locust -f loadtest/locustfile.py --abandon 3 --book 2 --contest 2 --ask 1 ...
"""
from __future__ import annotations

import json
import os
import random
from pathlib import Path
from urllib.parse import urlencode

from locust import FastHttpUser, between, events, task

from clinic_suite.journeys import payloads

QUESTIONS = ["How much does liquid rhinoplasty cost?", "Can I get a liquid nose job?", "How much is a facelift?",
             "What's the recovery time for rhinoplasty?", "How much is a tummy tuck?"]
# What a non-consenting caller says: these values must never be stored in plain text.
PLANTED = "My name is Lorcan Vantongeren, my number is 555-246-8101, about a rhinoplasty."


@events.init_command_line_parser.add_listener
def _options(parser):
    for name, default in (("abandon", 3), ("book", 2), ("contest", 2), ("ask", 1)):
        parser.add_argument(f"--{name}", type=int, default=default, help=f"weight of the '{name}' action")


def _target() -> dict:
    return json.loads(Path(os.environ["LOAD_TARGET_FILE"]).read_text())


class Caller(FastHttpUser):
    # geventhttpclient rather than requests: a request costs Locust a fraction of the CPU it
    # would, and Locust shares the system's two cores (issue 20)
    wait_time = between(0.05, 0.3)

    def on_start(self):
        self.target = _target()
        self.key = {"Authorization": f"Bearer {self.target['apiKey']}"}
        self.hook = {"x-vapi-secret": self.target["webhookSecret"]}
        options = self.environment.parsed_options
        self.weights = {"abandon": options.abandon, "book": options.book, "contest": options.contest,
                        "ask": options.ask}

    def _call(self) -> tuple[str, dict] | None:
        patient = random.choice(self.target["patients"])
        with self.client.post("/api/vapi/calls/initiate", json={"phoneNumber": patient["phone"],
                              "patientId": patient["patientId"], "assistantId": "asst_load"},
                              headers=self.key, name="call: start", catch_response=True) as answer:
            if answer.status_code != 201:
                answer.failure(f"{answer.status_code} {answer.text[:100]}")
                return None
            return answer.json()["callId"], patient

    def _free_time(self) -> str | None:
        start = random.choice(self.target["days"])
        # FastHttpSession takes no params=: the query is written into the path
        answer = self.client.get(f"/api/booking/availability?{urlencode({'from': start, 'limit': 20})}",
                                 headers=self.key, name="availability")
        slots = answer.json().get("slots", []) if answer.status_code == 200 else []
        return random.choice(slots)["slotTime"] if slots else None

    def _hang_up(self, call_id: str, consent: bool, said: str) -> None:
        with self.client.post("/api/vapi/webhook", json=payloads.end_of_call_vapi(call_id, said, consent=consent),
                              headers=self.hook, name="call: hang up", catch_response=True) as answer:
            if answer.status_code != 200:
                answer.failure(f"{answer.status_code} {answer.text[:100]}")

    @task
    def act(self):
        action = random.choices(list(self.weights), weights=list(self.weights.values()))[0]
        getattr(self, action)()

    def abandon(self):
        started, when = self._call(), self._free_time()
        if not started or not when:
            return
        call_id, _ = started
        self.client.post("/api/vapi/webhook", json=payloads.select_slot(call_id, f"{call_id}_pick", when),
                         headers=self.hook, name="call: pick a time")
        self._hang_up(call_id, consent=random.random() < 0.5, said=PLANTED)

    def book(self):
        started, when = self._call(), self._free_time()
        if not started or not when:
            return
        call_id, patient = started
        body = payloads.tool_calls(call_id, [(f"{call_id}_book", "claim_slot",
                                              {"slotTime": when, "patientId": patient["patientId"]})])
        self.client.post("/api/vapi/webhook", json=body, headers=self.hook, name="call: book")
        self._hang_up(call_id, consent=True, said="Customer: lovely, see you then.")

    def contest(self):
        patient = random.choice(self.target["patients"])
        with self.client.post("/api/booking/claim-slot", headers=self.key, name="claim: contested time",
                              json={"slotTime": random.choice(self.target["contested"]),
                                    "patientId": patient["patientId"]}, catch_response=True) as answer:
            if answer.status_code in (200, 409):
                answer.success()  # exactly one wins; the rest are told it was taken
            else:
                answer.failure(f"{answer.status_code} {answer.text[:100]}")

    def ask(self):
        self.client.post("/api/assistant/ask", json={"question": random.choice(QUESTIONS)}, headers=self.key,
                         name="knowledge base: ask")
