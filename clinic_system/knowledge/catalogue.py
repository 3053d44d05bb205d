"""Reads a clinic's procedure PDF (pypdf) into its catalogue: one procedure a numbered
title, with Description, Recovery, Cost and Alternative names lines, kept word for word."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field


TITLE = re.compile(r"^\s*\d+\.\s+(?P<name>[^\n:]{2,80})$", re.MULTILINE)
FIELD = re.compile(r"^(Description|Recovery|Cost|Alternative names|Also called):\s*(.+)$", re.MULTILINE)
MAX_PAGES = 200


class NotAProcedureList(ValueError):
    pass


@dataclass
class Procedure:
    name: str
    page: int
    description: str = ""
    recovery: str = ""
    cost: str = ""
    aliases: list[str] = field(default_factory=list)

    def passage(self) -> str:
        also = f" Also called: {', '.join(self.aliases)}." if self.aliases else ""
        return f"{self.name}. {self.description}. Recovery: {self.recovery}. Cost: {self.cost}.{also}"

    def sentences(self) -> list[str]:
        """Short, title-prefixed sentences: a question about one aspect meets one sentence."""
        out = [f"{self.name}: {self.description}.", f"{self.name} recovery time: {self.recovery}.",
               f"{self.name} cost: {self.cost}."]
        return out + [f"{alias}: {self.name}." for alias in self.aliases]


@dataclass
class Document:
    title: str
    pages: int
    procedures: list[Procedure]


def read(data: bytes) -> Document:
    # pypdf is imported on the first upload: a sixth of the service's start-up, and most
    # starts (a breakage's, a restart after a crash) read no PDF.
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]
        title = (reader.metadata.title if reader.metadata else None) or ""
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise NotAProcedureList(f"not a readable PDF ({type(exc).__name__})") from None
    procedures = []
    for number, text in enumerate(pages, start=1):
        titles = list(TITLE.finditer(text))
        for i, match in enumerate(titles):
            block = text[match.end(): titles[i + 1].start() if i + 1 < len(titles) else len(text)]
            fields = {k.lower(): v.strip() for k, v in FIELD.findall(block)}
            aliases = fields.get("alternative names") or fields.get("also called") or ""
            procedures.append(Procedure(match.group("name").strip(), number, fields.get("description", ""),
                                        fields.get("recovery", ""), fields.get("cost", ""),
                                        [a.strip().strip('"') for a in aliases.split(",") if a.strip()]))
    if not procedures:
        raise NotAProcedureList("no procedures found (expected numbered titles with Recovery and Cost lines)")
    return Document(title or (pages[0].splitlines()[0] if pages and pages[0] else "Procedures"), len(pages),
                    procedures)
