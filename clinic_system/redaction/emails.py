"""Email addresses, plus signs and sub-domains included; also "john at example dot com"."""
import re

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SPOKEN = re.compile(r"\b[\w.+-]+ at [a-z0-9-]+(?: dot [a-z]{2,})+\b", re.IGNORECASE)


def find(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in EMAIL.finditer(text)] + [m.span() for m in SPOKEN.finditer(text)]
