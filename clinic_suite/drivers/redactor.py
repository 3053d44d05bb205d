"""A redactor as a command (pinned decision 24): JSON lines `{"text": ...}` on its standard
input, one `{"text": ...}` line answered for each. Any team's redactor can be graded this
way; the reference system's is `python -m clinic_system.redaction`.

Everything that can go wrong with a foreign command ends in `RedactorBroken` with a
message saying what happened (it crashed, it hung, it answered something that is not the
protocol), so that an audit of it fails instead of passing on nothing."""
from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import tempfile
import shlex
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
ANSWER_TIMEOUT_S = 10.0      # one answer; a redactor that thinks longer than this has hung
TOTAL_TIMEOUT_S = 120.0      # the whole corpus, whatever the command does


class RedactorBroken(Exception):
    """The command is not a working redactor: the audit must fail, with this message."""


def reference_command(system_path: Path | None = None) -> str:
    """The reference redactor's command, knowing the clinics of fixtures/clinics.json."""
    clinics = PROJECT / "fixtures" / "clinics.json"
    # A patched copy of the system (the breakage runner's) comes first on the path; -P keeps
    # the working folder's own clinic_system from coming before it.
    path = os.pathsep.join(str(p) for p in (system_path, PROJECT) if p)
    return (f"PYTHONPATH={shlex.quote(path)} {shlex.quote(sys.executable)} -P -m clinic_system.redaction "
            f"--clinics {shlex.quote(str(clinics))}")


async def redact_all(command: str, texts: list[str], answer_timeout: float = ANSWER_TIMEOUT_S,
                     total_timeout: float = TOTAL_TIMEOUT_S) -> list[str]:
    """Every text through the command, in order; the answers' texts."""
    # Its error output goes to a file: a chatty redactor must not stall on a full pipe.
    with tempfile.TemporaryFile() as errors:
        try:
            process = await asyncio.create_subprocess_shell(
                command, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
                stderr=errors, limit=1 << 20, start_new_session=True)
        except OSError as error:
            raise RedactorBroken(f"the redactor command could not start: {error}") from None
        return await _bounded(process, texts, answer_timeout, total_timeout, errors)


async def _bounded(process, texts, answer_timeout: float, total_timeout: float, errors) -> list[str]:
    try:
        return await asyncio.wait_for(_converse(process, texts, answer_timeout, errors), total_timeout)
    except asyncio.TimeoutError:
        raise RedactorBroken(f"the redactor took more than {total_timeout:.0f} s for {len(texts)} texts") from None
    finally:
        if process.returncode is None:  # the command's whole group: a shell may have started it
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        await process.wait()


async def _converse(process, texts: list[str], answer_timeout: float, errors) -> list[str]:
    # Written from a task, so that a command answering as it reads never blocks on a full pipe.
    writer = asyncio.create_task(_feed(process, texts))
    answers = []
    try:
        for number, text in enumerate(texts, 1):
            try:
                line = await asyncio.wait_for(process.stdout.readline(), answer_timeout)
            except asyncio.TimeoutError:
                raise RedactorBroken(f"the redactor gave no answer to text {number} within "
                                     f"{answer_timeout:.0f} s (it hangs)") from None
            if not line:
                raise RedactorBroken(f"the redactor stopped after {number - 1} of {len(texts)} answers "
                                     f"(exit code {await process.wait()}): {_tail(errors)}")
            answers.append(_answer_text(line, number))
    finally:
        writer.cancel()
    return answers


async def _feed(process, texts: list[str]) -> None:
    try:
        for text in texts:
            process.stdin.write((json.dumps({"text": text}) + "\n").encode())
            await process.stdin.drain()
        process.stdin.close()
    except (BrokenPipeError, ConnectionResetError):
        pass  # the reader reports the crash, with the command's own words


def _answer_text(line: bytes, number: int) -> str:
    shown = line[:120].decode(errors="replace").strip()
    try:
        answer = json.loads(line)
    except ValueError:
        raise RedactorBroken(f"answer {number} is not JSON: {shown!r}") from None
    if not isinstance(answer, dict) or not isinstance(answer.get("text"), str):
        raise RedactorBroken(f'answer {number} is not {{"text": "..."}}: {shown!r}')
    return answer["text"]


def _tail(errors) -> str:
    errors.seek(0)
    said = errors.read().decode(errors="replace").strip()
    return said[-400:] or "(nothing on its error output)"
