"""Writes fixtures/pii/corpus.jsonl: labelled caller utterances for the redaction audit.

    .venv/bin/python scripts/make_pii_corpus.py      (fixed seed: the same file every time)

Held out from the redactor on purpose: names come from Faker locales the name recogniser
never reads (it reads en_US), streets from Faker's en_GB and en_US addresses (the
recogniser reads no street names), medical words from the list below, written before
the redactor was measured and never copied into its lexicon."""
from __future__ import annotations

import json
import random
from pathlib import Path

from faker import Faker

SEED = 20260114
OUT = Path(__file__).resolve().parent.parent / "fixtures" / "pii" / "corpus.jsonl"
NAME_LOCALES = ["fr_FR", "de_DE", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_BR", "sv_SE"]
MEDICAL_HELD_OUT = [
    "blepharoplasty", "abdominoplasty", "otoplasty", "septoplasty", "mastopexy", "gynecomastia", "lipoma",
    "dermatitis", "folliculitis", "hyperhidrosis", "keratosis", "alopecia", "vitiligo", "amoxicillin",
    "doxycycline", "propranolol", "lisinopril", "atorvastatin", "omeprazole", "sertraline", "fluoxetine",
    "diazepam", "hyaluronic acid", "sclerotherapy", "microdermabrasion", "varicose veins", "spider veins",
    "tattoo removal", "hernia", "tonsillectomy", "arthritis", "hypothyroidism", "double chin", "jawline",
    "cheek fillers", "crow's feet", "eye bags", "thread lift", "rhinoplasties", "scarring",
]
NAME_TEMPLATES = ["Hi, my name is {name}.", "This is {name} calling about an appointment.", "I'm {first}, {last} is my surname.",
                  "Hello, it's {name} here.", "You can put it under {name}.", "The booking is for {first} {last}."]
PHONE_TEMPLATES = ["My number is {phone}.", "Call me back on {phone} please.", "You can reach me at {phone}.",
                   "It's {phone}, that's my mobile."]


def phone(rng: random.Random, fake_us: Faker) -> str:
    a, b, c = rng.randint(201, 989), rng.randint(200, 999), rng.randint(1000, 9999)
    forms = [f"{a}-{b}-{c}", f"({a}) {b}-{c}", f"{a}.{b}.{c}", f"+1 {a} {b} {c}", f"{a} {b} {c}",
             f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}", f"020 {rng.randint(7000, 8999)} {c}",
             f"+44 20 {rng.randint(7000, 8999)} {c}", f"+33 6 {rng.randint(10, 99)} {rng.randint(10, 99)} "
             f"{rng.randint(10, 99)} {rng.randint(10, 99)}", f"+49 30 {rng.randint(1000000, 9999999)}"]
    return rng.choice(forms)


# A second, held-out set (--held-out): other locales, another seed, and medical words
# written after the redactor was tuned on the first set. Never used to tune it.
HELD_OUT_LOCALES = ["tr_TR", "cs_CZ", "fi_FI", "hu_HU", "ro_RO", "da_DK", "hr_HR", "en_IE"]
HELD_OUT_MEDICAL = [
    "rhytidectomy", "brachioplasty", "liposculpture", "cryolipolysis", "hidradenitis", "seborrheic keratoses",
    "onychomycosis", "tinea", "melanoma", "basal cell carcinoma", "spironolactone", "minoxidil", "finasteride",
    "tranexamic acid", "Kybella", "CoolSculpting", "radiofrequency microneedling", "IPL photofacial", "chemical peel",
    "dermaplaning", "vampire facial", "eyebrow lift", "lip flip", "buccal fat removal", "labiaplasty",
    "gastric sleeve", "bariatric surgery", "hemorrhoids", "cystic acne", "sun damage", "age spots",
    "broken capillaries", "rhinophyma", "ptosis", "bunion",
]


def main(held_out: bool = False) -> None:
    global NAME_LOCALES, MEDICAL_HELD_OUT, OUT
    seed = SEED + 1 if held_out else SEED
    if held_out:
        NAME_LOCALES, MEDICAL_HELD_OUT = HELD_OUT_LOCALES, HELD_OUT_MEDICAL
        OUT = OUT.with_name("held_out.jsonl")
    rng = random.Random(seed)
    fakes = {loc: Faker(loc) for loc in NAME_LOCALES + ["en_GB", "en_US"]}
    for f in fakes.values():
        f.seed_instance(seed)
    rows = []
    for i in range(30):
        fake = fakes[rng.choice(NAME_LOCALES)]
        first, last = fake.first_name(), fake.last_name()
        text = rng.choice(NAME_TEMPLATES).format(name=f"{first} {last}", first=first, last=last)
        rows.append({"text": text, "labels": [{"type": "name", "value": first}, {"type": "name", "value": last}]})
    for i in range(30):
        value = phone(rng, fakes["en_US"])
        rows.append({"text": rng.choice(PHONE_TEMPLATES).format(phone=value), "labels": [{"type": "phone", "value": value}]})
    for i in range(25):
        fake = fakes[rng.choice(NAME_LOCALES)]
        user = f"{fake.first_name()}.{fake.last_name()}".lower().replace(" ", "")
        value = rng.choice([f"{user}@example.com", f"{user}+clinic@mail.example.org", f"{user}{rng.randint(1, 99)}@example.co.uk"])
        rows.append({"text": rng.choice(["My email is {v}.", "Send it to {v} please.", "It's {v}."]).format(v=value),
                     "labels": [{"type": "email", "value": value}]})
    for i in range(25):
        if i % 2:
            fake = fakes["en_GB"]
            value = f"{fake.building_number()} {fake.street_name()}, {fake.city()} {fake.postcode()}"
        else:
            fake = fakes["en_US"]
            value = f"{fake.building_number()} {fake.street_name()}, {fake.city()}, {fake.state_abbr()} {fake.zipcode()}"
        rows.append({"text": rng.choice(["I live at {v}.", "My address is {v}.", "Post it to {v} please."]).format(v=value),
                     "labels": [{"type": "address", "value": value}]})
    for i in range(20):
        value = fakes["en_US"].ssn()
        rows.append({"text": rng.choice(["My social is {v}.", "SSN {v}, if you need it.", "It's {v} for insurance."])
                     .format(v=value), "labels": [{"type": "ssn", "value": value}]})
    for word in MEDICAL_HELD_OUT:
        rows.append({"text": rng.choice(["I'm asking about {w}.", "I had {w} last year.", "Do you do anything for {w}?",
                                         "My doctor mentioned {w}."]).format(w=word),
                     "labels": [{"type": "medical", "value": word}]})
    for i in range(10):  # mixed, like the plan's example
        fake = fakes[rng.choice(NAME_LOCALES)]
        first, last, value, word = fake.first_name(), fake.last_name(), phone(rng, fakes["en_US"]), rng.choice(MEDICAL_HELD_OUT)
        rows.append({"text": f"My name is {first} {last}, I'm at {value}, and I'd like to ask about {word}.",
                     "labels": [{"type": "name", "value": first}, {"type": "name", "value": last},
                                {"type": "phone", "value": value}, {"type": "medical", "value": word}]})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    print(f"{len(rows)} utterances -> {OUT}")


if __name__ == "__main__":
    import sys

    main(held_out="--held-out" in sys.argv)
