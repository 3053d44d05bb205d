"""What the redactor's round tests share: the clinics' own facts (fixtures/clinics.json), kept
as the running system keeps them, and a text as the redactor leaves it."""
import json
from pathlib import Path

from clinic_system.redaction import clinic_facts, redact

ROOT = Path(__file__).resolve().parents[2]
KEEP = [f for setup in json.loads((ROOT / "fixtures" / "clinics.json").read_text()).values() for f in clinic_facts(setup)]


def redacted(text: str) -> str:
    return redact(text, keep=KEEP).text


def left_in(text: str, said: list[str]) -> list[str]:
    """The values of `said` still in the redacted text (none, when the redactor caught them all)."""
    out = redacted(text)
    return [s for s in said if s in out]
