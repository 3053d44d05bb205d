"""The tools the voice agent calls during a call (pinned decision 6): each tool call runs in
its own transaction, once (tool_answers), and answers with the line the agent speaks."""
from __future__ import annotations

from . import booking, calls, clinics, inbound, tool_answers
from .db import clinic_tx
from .errors import ApiError, invalid
from .knowledge import store
from .knowledge.embeddings import embedder
from .vapi import ToolCall


async def run(pool, org_id: str, call_id: str, tool_calls: list[ToolCall], hold_minutes: int,
              line=None) -> list[dict]:
    results = []
    for tool in tool_calls:
        async with clinic_tx(pool, org_id) as conn:
            await inbound.ensure_call(conn, org_id, line)  # a tool call may be the first we hear of the call
            await calls.get(conn, call_id)
            first = await tool_answers.first_time(conn, org_id, tool.id, call_id, tool.name)
            if not first:  # the same tool call again: replay the first answer, do nothing twice
                result = await tool_answers.first_answer(conn, org_id, tool.id)
            else:
                result = await run_one(conn, org_id, call_id, tool, hold_minutes)
                await tool_answers.keep_answer(conn, org_id, tool.id, result)
        results.append({"toolCallId": tool.id, "name": tool.name, "result": result})
    return results


async def run_one(conn, org_id: str, call_id: str, tool: ToolCall, hold_minutes: int) -> str:
    arguments = tool.arguments
    if tool.name == "select_slot":
        return await calls.select_slot(conn, org_id, call_id, arguments.get("slotTime"), hold_minutes)
    if tool.name == "check_availability":
        offers = await booking.free_offers(conn, org_id, arguments.get("from"), 3)
        return "I have " + ", ".join(o["label"] for o in offers) + "." if offers else "I have no free times then."
    if tool.name == "claim_slot":
        try:  # a lost time is the answer, and the call goes on (the claim wrote nothing)
            tz, when = await calls.claim(conn, org_id, arguments.get("slotTime"), arguments.get("patientId"), call_id)
        except ApiError as refusal:
            if refusal.status != 409:
                raise
            return refusal.extra["agentReply"]
        return booking.booked_line(tz, when)
    if tool.name == "ask_knowledge_base":
        return (await store.ask(conn, org_id, arguments.get("question"), embedder()))["answer"]
    if tool.name == "find_doctor":
        return await clinics.doctor_reply(conn, org_id, arguments.get("name"))
    raise invalid([{"loc": "toolCallList.name", "msg": f"unknown tool {tool.name}"}])
