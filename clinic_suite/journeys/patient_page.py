"""The patient's side of the link in the text (CC-5, CC-8): the page opened on a phone, what it
says, the taps, and what a stranger's tampering gets."""
from __future__ import annotations

import re
from datetime import datetime

from hamcrest import contains_string, empty, equal_to, is_not

from . import booking, dates, links
from ..checks import check
from ..drivers.browser import Page
from ..world import Call, World

EXTERNAL = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""", re.IGNORECASE)
SERIOUS = ("serious", "critical")
# What the page's Content-Security-Policy must say: nothing by default, no script at all.
STRICT = ("default-src 'none'", "form-action 'self'", "frame-ancestors 'none'")
BROKEN = {  # how a link can arrive broken -> the link made of the real one
    "with no code": lambda link, token: link.replace(f"token={token}", "token="),
    "with its code cut short": lambda link, token: link.replace(token, token[: len(token) // 2]),
    "with its code twice": lambda link, token: link.replace(token, token + token),
    "for a call that does not exist": lambda link, token: re.sub(r"callId=[^&]+", "callId=call_0_000000", link),
}


async def open_link(world: World, link: str, what: str) -> Page:
    return await (await world.phone_session()).open(link, what)


async def tap(world: World, label: str, what: str) -> Page:
    return await (await world.phone_session()).tap(label, what)


async def open_tampered(world: World, call: Call, how: str) -> Page:
    """The call's link opened broken ("with no code") or tampered with ("with its signature altered")."""
    token = links.parts(call.link)[0]
    if how in BROKEN:
        return await open_link(world, BROKEN[how](call.link, token), f"a link {how}")
    forged = await booking.tampered_token(world, call, how.removeprefix("with "))
    return await open_link(world, call.link.replace(token, forged), f"a link {how}")


# What a tampered page's form can carry instead of the time its button sends
IN_PLACE_OF_THE_TIME = {"40 characters that are not a time": "x" * 40, "41 characters": "x" * 41}
# How the page refuses such a form -> its status (README: the patient's page)
FORM_REFUSALS = {"a time it cannot read": 400, "a form it did not send": 401}


async def tampered_form(world: World, call: Call, instead: str):
    """The page's booking form sent with something else in place of its time."""
    return await world.api.page_form_changed(call.link, {"slotTime": IN_PLACE_OF_THE_TIME[instead]})


async def resend(world: World, what: str) -> Page:
    """The last form the patient sent, sent again as a browser resubmits it."""
    return await (await world.phone_session()).resend(what)


async def cross_site_form(world: World, call: Call):
    """The booking form as another website would send it: the link's code, but not the page."""
    token, call_id = links.parts(call.link)
    return await world.api.post_page_form(call.link, {"token": token, "callId": call_id, "proof": "0" * 64},
                                          origin="https://elsewhere.example")


def usable(page: Page) -> None:
    """No serious accessibility problem, nothing from outside the system, a strict policy."""
    serious = [v for v in page.violations if v["impact"] in SERIOUS]
    check(serious, empty(), "no serious or critical accessibility violation (axe-core)")
    check(page.outside, empty(), "the page asked for nothing outside the clinic's system")
    check(EXTERNAL.findall(page.html), empty(), "the page refers to nothing outside the clinic's system")
    policy = page.headers.get("content-security-policy", "")
    for directive in STRICT:
        check(policy, contains_string(directive), "the page forbids what it does not need")
    check(policy, is_not(contains_string("script-src")), "and allows no script")


def times_offered(page: Page, near: datetime) -> list[datetime]:
    """The times on the page's buttons (each "Book ..." or a time alone), read back as times."""
    out = []
    for label in page.buttons:
        spoken = label.removeprefix("Book ").strip()
        out.append(dates.spoken(spoken, near))
    return out


def refused_plainly(page: Page, call: Call) -> None:
    check(page.status, equal_to(401), f"the page refuses the link as a credential that is not valid ({page.status})")
    check(page.text, contains_string("This link is not valid"), "and says so plainly")
    for secret in (call.patient.name, call.patient.first_name, call.patient.phone, call.call_id,
                   call.patient.clinic.name, dates.clock(call.slot_time), call.slot_time.isoformat()):
        check(page.html, is_not(contains_string(secret)), "revealing nothing about the call")
