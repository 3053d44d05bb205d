"""US social security numbers: 123-45-6789, 123 45 6789 (not 000, 666 or 9xx areas)."""
import re

SSN = re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])")


def find(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in SSN.finditer(text)]
