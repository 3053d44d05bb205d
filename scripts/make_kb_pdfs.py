"""Makes the knowledge-base PDFs in fixtures/kb/ from fixtures/kb/procedures.json (fpdf2).

    .venv/bin/python scripts/make_kb_pdfs.py

One procedure a page, written as a clinic would: a numbered title, then Description,
Recovery, Cost and Alternative names lines. Figures are kept exactly as given (pinned
decision 17: "£2,500-£3,500", hyphens included)."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

FOLDER = Path(__file__).resolve().parent.parent / "fixtures" / "kb"


def make(filename: str, spec: dict) -> Path:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(2026, 1, 14, tzinfo=timezone.utc))  # the same bytes every run
    pdf.set_title(spec["title"])
    for number, procedure in enumerate(spec["procedures"], start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.cell(0, 10, spec["title"], new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(0, 10, f"{number}. {procedure['name']}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        for label, value in (("Description", procedure["description"]), ("Recovery", procedure["recovery"]),
                             ("Cost", procedure["cost"]), ("Alternative names", ", ".join(procedure["aliases"]))):
            pdf.multi_cell(0, 7, f"{label}: {value}", new_x="LMARGIN", new_y="NEXT")
    out = FOLDER / filename
    pdf.output(str(out))
    return out


if __name__ == "__main__":
    for name, spec in json.loads((FOLDER / "procedures.json").read_text()).items():
        print(make(name, spec))
