"""What a scenario saw, kept small and attached to its Allure result: the HTTP
exchanges, the database rows, the texts at the SMS stub."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

LIMIT = 2000  # characters per item: evidence, not a dump


def _short(value) -> object:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return value if len(text) <= LIMIT else text[:LIMIT] + f"... ({len(text)} characters)"


@dataclass
class Evidence:
    exchanges: list[dict] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    texts: list[dict] = field(default_factory=list)
    pages: list[tuple] = field(default_factory=list)

    def exchange(self, method: str, url: str, request, status: int, response, ms: float) -> None:
        if len(self.exchanges) < 200:
            self.exchanges.append({"request": f"{method} {url}", "body": _short(request), "status": status,
                                   "answer": _short(response), "ms": round(ms, 1)})

    def row(self, what: str, value) -> None:
        if len(self.rows) < 100:
            self.rows.append({"what": what, "value": _short(value)})

    def text(self, to: str, messages: list[dict]) -> None:
        self.texts.append({"to": to, "messages": [_short(m.get("body")) for m in messages]})

    def page(self, what: str, status: int, text: str, violations: list[dict], screenshot: bytes) -> None:
        """A page the patient saw: its screenshot goes into the report as it was shown."""
        self.pages.append((what, status, text, violations, screenshot))

    def attach(self) -> None:
        import allure

        for what, status, text, violations, screenshot in self.pages:
            allure.attach(screenshot, name=f"What the patient saw: {what} ({status})",
                          attachment_type=allure.attachment_type.PNG)
            if violations:
                allure.attach(json.dumps(violations, indent=1), name=f"Accessibility problems: {what}",
                              attachment_type=allure.attachment_type.JSON)

        for name, items in (("HTTP exchanges", self.exchanges), ("Database rows", self.rows),
                            ("Texts at the SMS provider", self.texts)):
            if items:
                allure.attach(json.dumps(items, indent=1, default=str), name=name,
                              attachment_type=allure.attachment_type.JSON)
