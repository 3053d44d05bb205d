"""Medical data said as a phrase whose words are ordinary on their own: a lab result ("my TSH
was 7.4"), a lay surgical history ("my appendix out", "tubes tied"), a concern described by
what it looks like ("a pitted mark", "razor bumps", "his squint lines"), what a caller reacts
to ("I react to fragrance"), and a body part with what it does ("my hands still tingle").
Each shape needs the words around it, which a terminology cannot give."""
from __future__ import annotations

import re

from . import lay_terms
from .ordinary import ORDINARY_WORDS

BODY = r"(?:" + "|".join(lay_terms.BODY_PARTS) + r")"

# Common blood and clinic tests, as callers read them off a letter: the test, a linking word
# and the number are one value.
LAB_TESTS = (r"(?:HbA1c|A1c|TSH|T3|T4|free T4|eGFR|GFR|INR|PSA|CRP|ESR|ALT|AST|GGT|LDL|HDL|B12|vitamin [BD]\d{0,2}|"
             r"ferritin|ha?emoglobin|Hb|platelets?|white (?:cell )?count|creatinine|cholesterol|triglycerides|"
             r"(?:blood )?(?:sugar|glucose)|uric acid|potassium|sodium|calcium|iron|folate|testosterone|oestrogen|"
             r"estrogen|prolactin|cortisol|BMI|blood pressure|BP|viral load|CD4(?: count)?|bilirubin|albumin)")
LAB = re.compile(rf"(?<![\w-]){LAB_TESTS}(?:\s+(?:level|levels|result|reading|count))?\s+(?:was|is|were|are|of|at|came back(?: at)?|"
                 rf"'s|went up to|went down to|around|about)\s+\d+(?:[.,]\d+)?(?:/\d+)?(?:\s*(?:%|mmol|mg|ng|nmol|iu|units))?")

# Organs a caller has had out or done, in lay words: "my appendix out", "my womb taken away".
ORGANS = (r"(?:appendix|gallbladder|gall bladder|tonsils|adenoids|womb|uterus|ovar(?:y|ies)|tubes|thyroid|spleen|"
          r"kidney|prostate|wisdom teeth|breast|breasts|bowel|colon|cervix|gallstones|cataracts?|varicose veins|"
          r"hip|knee|lymph nodes|testicles?|eye|lens|bunions?|moles?|ingrown toenails?)")
DONE = (r"(?:out|removed|taken out|taken away|taken off|cut out|tied|clipped|done|fixed|repaired|lasered|replaced|"
        r"burned off|frozen off)")
HISTORY = re.compile(rf"\b(?:my|her|his|their|the)\s+((?:{ORGANS})\s+{DONE})\b", re.IGNORECASE)

# What a mark, a patch or a bump looks like: "a pitted mark", "dark bumps", "cupping marks".
LOOKS = (r"(?:dark|darker|rough|pitted|raised|red|white|brown|black|purple|pink|excess|hanging|loose|saggy|deep|"
         r"sweaty|patchy|indented|flaky|scaly|itchy|sore|puffy|shiny|bald|hard|painful|angry|razor)")
MARKS = r"(?:bumps?|marks?|patch(?:es)?|spots?|skin|welts?|lumps?|rings?|streaks?|lines?)"
# What left a mark, said as its -ing ("cupping marks", "scratching marks"), not "booking lines".
DESCRIBED = re.compile(rf"\b({LOOKS}\s+{MARKS}|[a-z]{{3,}}ing\s+(?:marks?|bumps?|spots?|welts?))\b", re.IGNORECASE)
# Said as what one has: "I've got coining marks", "it left a pitted mark".
HAVING = re.compile(r"\b(?:got|have|has|had|left|leave|leaves|with|there's|there are)\s+(?:(?:a|an|some|these|those|the)\s+)?$",
                    re.IGNORECASE)
# A shape a thing left on the body, after what left it: "bra bulge", "shoulder grooves".
LEFT_BY = re.compile(r"\b(?!(?:the|a|an|my|her|his|their|this|that|any|some|no)\b)([a-z]+\s+(?:bulges?|grooves|dents))\b",
                     re.IGNORECASE)
# Lines or marks said as a person's own: "his squint lines", "my sleep lines".
OWN_LINES = re.compile(r"\b(?:my|her|his|their)\s+([a-z]+\s+(?:lines|grooves|creases|marks))\b", re.IGNORECASE)
# What a caller reacts to is the allergy's trigger: "I react to fragrance", "a reaction to latex".
TRIGGER = re.compile(r"\b(?:react|reacts|reacted|reacting|reaction|reactions|sensitive|sensitivity|intolerant|"
                     r"intolerance)\s+to\s+([a-z][a-z-]{3,}(?:\s+[a-z]{4,})?)\b", re.IGNORECASE)
# A body part and what it does: "my hands still tingle", "my eyes bulge a bit".
DOES = (r"(?:tingles?|tingling|bulges?|itch(?:es)?|aches?|burns?|stings?|throbs?|swells?|hurts?|sweats?|peels?|"
        r"flakes?|bleeds?|twitch(?:es)?|droops?|sags?|weeps?)")
BODY_DOES = re.compile(rf"\b(?:my|her|his|their|the)\s+({BODY})\s+(?:(?:still|always|often|sometimes|really|just|"
                       rf"constantly)\s+)?({DOES})\b", re.IGNORECASE)
# A body part said of another: "the skin on my collarbone", "the lids of his eyes".
OF_BODY = re.compile(rf"\b(?:the|my|her|his)\s+({BODY})\s+(?:on|of|around|under|over)\s+(?:my|her|his|their|the)\s+"
                     rf"(?:(?:left|right|upper|lower)\s+)?({BODY})\b", re.IGNORECASE)


# Marks said at a site: "I've made marks on my face"; tissue said by its shape: "the apron of skin".
MARKS_ON = re.compile(rf"\b({MARKS}|scratches|sores|blemishes)\s+(?:on|across|all over)\s+(?:my|her|his|their)\s+{BODY}\b",
                      re.IGNORECASE)
TISSUE = re.compile(r"\b(?:an?|the|this|that|my|her|his)\s+([a-z]+\s+of\s+(?:(?:loose|excess|extra|saggy|hanging|spare)\s+)?"
                    r"(?:skin|fat|tissue))\b", re.IGNORECASE)


def find(text: str, medical_nearby) -> list[tuple[int, int]]:
    """`medical_nearby(text, at)`: whether the sentence at `at` speaks of health already; the
    looser shapes (marks, lines, triggers) count only then."""
    spans = [m.span() for m in LAB.finditer(text)] + [m.span(1) for m in HISTORY.finditer(text)]
    spans += [m.span(g) for m in BODY_DOES.finditer(text) for g in (1, 2)]
    spans += [m.span(g) for m in OF_BODY.finditer(text) for g in (1, 2)]
    spans += [m.span(1) for m in LEFT_BY.finditer(text)] + [m.span(1) for m in (*MARKS_ON.finditer(text), *TISSUE.finditer(text))
                                                            if not m.group(1).lower().startswith(("lot ", "bit ", "piece "))]
    spans += [m.span(1) for m in OWN_LINES.finditer(text) if m.group(1).split()[0].lower() not in ORDINARY_WORDS
              and not m.group(1).split()[0].lower().endswith("ing")]   # "her fishing lines" are no wrinkles
    spans += [m.span(1) for m in DESCRIBED.finditer(text)
              if HAVING.search(text[max(0, m.start(1) - 30):m.start(1)]) or medical_nearby(text, m.start(1))]
    spans += [m.span(1) for m in TRIGGER.finditer(text) if medical_nearby(text, m.start(1))]
    return spans
