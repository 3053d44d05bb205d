"""Medical terms: procedures, conditions, medications and body-related concerns, with their
inflections. A word list for the common terms, and word-endings that name a procedure
(-plasty, -ectomy), a condition (-itis, -osis) or a medicine (-cillin, -olol, -statin)."""
import re

TERMS = [
    # procedures and treatments
    r"surg(?:ery|eries|ical|ically|eon|eons)", r"operat(?:ion|ions|ed)", r"lipo(?:suction)?", r"botox(?:ed)?",
    r"fillers?", r"injections?", r"injectables?", r"implants?", r"augment(?:ation|ations|ed)",
    r"face ?lifts?", r"tummy tucks?", r"nose jobs?", r"boob jobs?", r"revisions?", r"peels?", r"laser(?:ed|ing)?",
    r"anaesthe(?:tic|sia)", r"anesthe(?:tic|sia)", r"stitch(?:es|ed)?", r"sutures?", r"biops(?:y|ies)",
    r"graft(?:s|ing)?", r"transplants?", r"microneedling", r"chemotherapy", r"radiotherapy", r"therapy",
    # conditions and concerns
    r"scar(?:s|red|ring)?", r"keloids?", r"acne", r"rosacea", r"eczema", r"psoriasis", r"melasma", r"cancer(?:ous)?",
    r"tumou?rs?", r"diabet(?:es|ic)", r"asthma(?:tic)?", r"hypertension", r"depress(?:ion|ed)", r"anxiety",
    r"infect(?:ion|ions|ed)", r"allerg(?:y|ies|ic)", r"pregnan(?:t|cy)", r"cellulite", r"wrinkl(?:e|es|ed|ing)",
    r"sagg(?:ing|y)", r"droop(?:y|ing)", r"stretch marks?", r"hair loss", r"bruis(?:e|es|ed|ing)",
    r"swell(?:ing|ings|ed|en)", r"numb(?:ness)?", r"bleed(?:ing|s)?", r"lumps?", r"moles?", r"cysts?", r"warts?",
    r"complications?", r"deformit(?:y|ies)", r"asymmetr(?:y|ical)", r"hernias?", r"migraines?", r"seizures?",
    r"broken nose", r"deviated septum", r"septum", r"hump", r"alopecia", r"vitiligo", r"impetigo", r"vertigo",
    r"varicose", r"veins?", r"tattoos?", r"thyroid\w*", r"hyaluronic", r"dermabrasion", r"crow's feet",
    r"eye bags", r"bags under (?:my|her|his) eyes", r"thread lifts?", r"sclerotherap(?:y|ies)",
    # medicines
    r"ibuprofen", r"paracetamol", r"aspirin", r"warfarin", r"insulin", r"metformin", r"antibiotics?",
    r"retinol", r"tretinoin", r"isotretinoin", r"accutane", r"hydroquinone", r"steroids?", r"painkillers?",
    r"antidepressants?", r"blood thinners?", r"medications?", r"prescriptions?",
    # body-related
    r"nos(?:e|es|ed)", r"nasal", r"breasts?", r"chin", r"jaw(?:line)?", r"eyelids?", r"tumm(?:y|ies)", r"bell(?:y|ies)",
    r"abdom(?:en|inal)", r"thighs?", r"buttocks?", r"lips?", r"jowls?", r"cheekbones?", r"nostrils?", r"skin",
    r"bod(?:y|ies)", r"weight loss", r"love handles",
]
ENDINGS = [r"plast(?:y|ies|ic)", r"ectom(?:y|ies)", r"otom(?:y|ies)", r"ostom(?:y|ies)", r"oscop(?:y|ies)",
           r"itis", r"osis", r"algia", r"opath(?:y|ies)", r"aemia", r"emia", r"cillin", r"mycin", r"cycline",
           r"olol", r"pril", r"sartan", r"statin", r"azole", r"tidine", r"dronate", r"umab", r"ximab", r"afil",
           r"oxetine", r"azepam", r"profen", r"dermal", r"therapy", r"pexy", r"mastia", r"aline", r"noma", r"poma",
           r"roma", r"toma", r"cinoma", r"abrasion", r"thyroidism"]
NOT_MEDICAL = {"aroma", "aromas"}
WORD_LIST = re.compile(r"\b(?:" + "|".join(TERMS) + r")\b", re.IGNORECASE)
BY_ENDING = re.compile(r"\b[a-z]{2,}(?:" + "|".join(ENDINGS) + r")\b", re.IGNORECASE)


def find(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in WORD_LIST.finditer(text)]
    return spans + [m.span() for m in BY_ENDING.finditer(text) if m.group(0).lower() not in NOT_MEDICAL]
