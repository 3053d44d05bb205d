"""Vapi's tool calls, each carried out once (by its toolCallId): Vapi may deliver one twice,
and the repeat gets the first answer without anything being done again."""
from __future__ import annotations


async def first_time(conn, org_id: str, tool_call_id: str, call_id: str, name: str) -> bool:
    """Records the tool call; False if it was recorded before."""
    return bool(await conn.fetchval(
        "INSERT INTO tool_calls (org_id, tool_call_id, call_id, name) VALUES ($1, $2, $3, $4)"
        " ON CONFLICT DO NOTHING RETURNING true", org_id, tool_call_id, call_id, name))


async def first_answer(conn, org_id: str, tool_call_id: str) -> str | None:
    return await conn.fetchval("SELECT result FROM tool_calls WHERE org_id = $1 AND tool_call_id = $2",
                               org_id, tool_call_id)


async def keep_answer(conn, org_id: str, tool_call_id: str, result: str) -> None:
    await conn.execute("UPDATE tool_calls SET result = $3 WHERE org_id = $1 AND tool_call_id = $2",
                       org_id, tool_call_id, result)
