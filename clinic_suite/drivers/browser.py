"""A real browser where a patient acts: headless Chromium (Debian's, driven by Playwright) at
a phone's size. Every page it opens is screenshotted into the report, checked by axe-core,
and watched for requests that leave the system under test (they are blocked and counted)."""
from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
# The machine's network is closed: Chromium must not try to reach Google at start-up.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


# Chromium's old headless shell, where Debian's package is installed (`make` installs it):
# the same engine without the full browser's user interface, as Playwright itself runs
# headless pages; measured here, a phone session and its page cost half the CPU (0.18 s
# instead of 0.36 s, axe and the screenshot included). /usr/bin's command is a shell script
# that does not exec, so the program it starts is taken.
HEADLESS_SHELL = ("/usr/lib/chromium/chromium-headless-shell", "chromium-headless-shell")


def chromium() -> str:
    shell = next((found for found in map(shutil.which, HEADLESS_SHELL) if found), None)
    found = (os.environ.get("SUITE_CHROMIUM") or shell or shutil.which("chromium")
             or shutil.which("chromium-browser"))
    if not found:
        raise RuntimeError("the patient's page is checked in a real browser: install Debian's Chromium "
                           "(`make` does it as root: apt-get install chromium-headless-shell) or set SUITE_CHROMIUM")
    if not AXE.exists():
        raise RuntimeError(f"{AXE} is missing: run `npm ci` (make does it)")
    return found


@dataclass
class Page:
    """What the patient saw: the answer's status and headers, the words on the page, the
    buttons, a screenshot, axe-core's violations and any request that left the system."""
    status: int
    headers: dict
    text: str
    html: str
    buttons: list[str]
    violations: list[dict]
    outside: list[str]
    screenshot: bytes = field(repr=False, default=b"")


class Browser:
    """One Chromium for the run; one phone-sized context per scenario."""

    def __init__(self):
        self._playwright = self._browser = None
        self.started_ms: float | None = None

    async def _ensure(self):
        if self._browser is None:
            from playwright.async_api import async_playwright

            started = time.perf_counter()
            self._playwright = await async_playwright().start()
            self._browser = await self._playwright.chromium.launch(executable_path=chromium(), args=ARGS)
            self.started_ms = (time.perf_counter() - started) * 1000
        return self._browser

    async def session(self, allowed_origin: str, evidence) -> "PhoneSession":
        started = time.perf_counter()
        context = await (await self._ensure()).new_context(**PHONE, locale="en-GB")
        session = PhoneSession(context, allowed_origin, evidence)
        await context.route("**/*", session.guard)
        session.opened_ms = (time.perf_counter() - started) * 1000
        return session

    async def close(self) -> None:
        if self._browser is not None:
            await self._browser.close()
            await self._playwright.stop()
            self._browser = None


class PhoneSession:
    def __init__(self, context, allowed_origin: str, evidence):
        self.context, self.evidence = context, evidence
        self.allowed = urlsplit(allowed_origin).netloc
        self.outside: list[str] = []
        self.page = None
        self.last_form: dict | None = None
        self.opened_ms = 0.0

    async def guard(self, route):
        """Requests to anywhere but the system are blocked, and remembered."""
        if urlsplit(route.request.url).netloc == self.allowed:
            await route.continue_()
        else:
            self.outside.append(route.request.url)
            await route.abort()

    async def open(self, url: str, what: str) -> Page:
        self.page = self.page or await self.context.new_page()
        answer = await self.page.goto(url, wait_until="load")
        return await self._seen(answer, what)

    async def tap(self, label: str, what: str) -> Page:
        """Tap the button whose words include `label`; its form is remembered for `resend`."""
        button = self.page.get_by_role("button", name=label)
        self.last_form = await button.evaluate(
            "b => ({action: b.form.action, fields: Object.fromEntries(new FormData(b.form, b))})")
        async with self.page.expect_navigation(wait_until="load") as navigation:
            await button.tap()
        return await self._seen(await navigation.value, what)

    async def resend(self, what: str) -> Page:
        """The last form sent again, with the session's own cookies (a browser's resubmission)."""
        answer = await self.context.request.post(self.last_form["action"], form=self.last_form["fields"])
        await self.page.set_content(await answer.text(), wait_until="load")
        return await self._seen(answer, what)

    async def _seen(self, answer, what: str) -> Page:
        await self.page.evaluate(AXE.read_text())
        axe = await self.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        violations = [{"rule": v["id"], "impact": v["impact"], "help": v["help"],
                       "elements": [n["target"] for n in v["nodes"]][:5]} for v in axe["violations"]]
        # At CSS pixels: a third of the time of the phone's 2x pixels, and as readable in the report.
        shot = await self.page.screenshot(full_page=True, scale="css")
        page = Page(answer.status if answer else 0, dict(answer.headers) if answer else {},
                    await self.page.inner_text("body"), await self.page.content(),
                    [b.strip() for b in await self.page.get_by_role("button").all_inner_texts()],
                    violations, list(self.outside), shot)
        self.evidence.page(what, page.status, page.text, violations, shot)
        return page

    async def close(self) -> None:
        await self.context.close()
