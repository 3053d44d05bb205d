"""What callers of a cosmetic clinic say that no clinical terminology lists: the trade's
own words for procedures and concerns, body parts, and the nouns that make a body part a
treatment ("lift", "reduction"). Regular expressions, matched case-insensitively."""

TERMS = [
    # procedures and treatments, as the trade and its callers name them
    r"surg(?:ery|eries|ical|ically|eon|eons)", r"operat(?:ion|ions|ed)", r"lipo(?:suction)?", r"botox(?:ed)?",
    r"fillers?", r"injections?", r"injectables?", r"implants?", r"augment(?:ation|ations|ed)",
    r"face ?lifts?", r"tummy tucks?", r"nose jobs?", r"boob jobs?", r"revisions?", r"peels?", r"laser(?:ed|ing)?",
    r"anaesthe(?:tic|sia)", r"anesthe(?:tic|sia)", r"stitch(?:es|ed)?", r"sutures?", r"biops(?:y|ies)",
    r"graft(?:s|ing)?", r"transplants?", r"microneedling", r"chemotherapy", r"radiotherapy", r"therapy",
    r"BBL", r"fat transfer", r"fat grafting", r"HRT", r"DVT", r"IVF", r"PRP", r"HIFU", r"IPL", r"resurfacing", r"thread lifts?", r"sclerotherap(?:y|ies)",
    r"dermabrasion", r"hyaluronic", r"bat ears", r"mummy makeover", r"brow lift", r"skin tags?", r"cold sores?",
    r"blood clots?", r"high blood pressure", r"gastric (?:bypass|band|sleeve)", r"breastfeeding", r"pregnan(?:t|cy)",
    # conditions and concerns
    r"scar(?:s|red|ring)?", r"keloids?", r"acne", r"rosacea", r"eczema", r"psoriasis", r"melasma", r"cancer(?:ous)?",
    r"tumou?rs?", r"diabet(?:es|ic)", r"asthma(?:tic)?", r"hypertension", r"depress(?:ion|ed)",
    r"infect(?:ion|ions|ed)", r"allerg(?:y|ies|ic)", r"cellulite", r"wrinkl(?:e|es|ed|ing)",
    r"sagg(?:ing|y)", r"droop(?:y|ing)", r"stretch marks?", r"hair loss", r"bruis(?:e|es|ed|ing)",
    r"swell(?:ing|ings|ed|en)", r"numb(?:ness)?", r"bleed(?:ing|s)?", r"lumps?", r"moles?", r"cysts?", r"warts?",
    r"complications?", r"deformit(?:y|ies)", r"asymmetr(?:y|ical)", r"hernias?", r"migraines?", r"seizures?",
    r"broken nose", r"deviated septum", r"septum", r"hump", r"alopecia", r"vitiligo", r"varicose", r"veins?",
    r"tattoos?", r"thyroid\w*", r"crow's feet", r"eye bags", r"bags under (?:my|her|his) eyes",
    r"(?:forehead|frown|smile|laughter) lines", r"loose skin", r"double chin", r"thinning",
    # medicines
    r"ibuprofen", r"paracetamol", r"aspirin", r"warfarin", r"insulin", r"metformin", r"antibiotics?",
    r"retinol", r"tretinoin", r"isotretinoin", r"accutane", r"hydroquinone", r"steroids?", r"painkillers?",
    r"antidepressants?", r"blood thinners?", r"medications?", r"prescriptions?", r"profhilo", r"sculptra",
]
ENDINGS = [r"plast(?:y|ies|ic)", r"ectom(?:y|ies)", r"otom(?:y|ies)", r"ostom(?:y|ies)", r"oscop(?:y|ies)",
           r"itis", r"osis", r"algia", r"opath(?:y|ies)", r"aemia", r"emia", r"cillin", r"mycin", r"cycline",
           r"olol", r"pril", r"sartan", r"statin", r"azole", r"tidine", r"dronate", r"umab", r"ximab", r"afil",
           r"oxetine", r"azepam", r"profen", r"dermal", r"therapy", r"pexy", r"mastia", r"aline", r"noma", r"poma",
           r"roma", r"toma", r"cinoma", r"abrasion", r"thyroidism", r"lasty"]
NOT_MEDICAL = {"aroma", "aromas", "diploma", "diplomas", "stroma"}
BODY_PARTS = [
    r"nos(?:e|es)", r"nasal", r"nostrils?", r"breasts?", r"boobs?", r"chest", r"nipples?", r"chin", r"jaw(?:line)?",
    r"eyelids?", r"eyes?", r"brows?", r"eyebrows?", r"forehead", r"temples?", r"cheeks?", r"cheekbones?", r"lips?",
    r"mouth", r"teeth", r"gums?", r"ears?", r"earlobes?", r"neck", r"neckline", r"face", r"facial", r"scalp",
    r"crown", r"hairline", r"hair", r"skin", r"arms?", r"upper arms?", r"armpits?", r"hands?", r"fingers?",
    r"wrists?", r"elbows?", r"shoulders?", r"back", r"spine", r"tumm(?:y|ies)", r"stomach", r"bell(?:y|ies)",
    r"abdom(?:en|inal)", r"navel", r"belly button", r"waist", r"hips?", r"thighs?", r"inner thighs?", r"knees?",
    r"legs?", r"calf", r"calves", r"ankles?", r"feet", r"foot", r"toes?", r"buttocks?", r"bum", r"bottom",
    r"groin", r"labia", r"genitals?", r"jowls?", r"love handles", r"body",
]
AMBIGUOUS_BODY = {r"back", r"bottom", r"body", r"crown", r"temples?", r"hands?", r"arms?", r"feet", r"foot", r"legs?",
                  r"hair", r"eyes?", r"face", r"mouth", r"teeth", r"fingers?", r"toes?", r"chest", r"neck", r"hips?",
                  r"knees?", r"waist", r"calf", r"shoulders?", r"upper arms?", r"skin", r"brows?"}
BODY_PARTS_ALWAYS = [p for p in BODY_PARTS if p not in AMBIGUOUS_BODY]
TREATMENT_NOUNS = [r"lifts?", r"lifting", r"reductions?", r"reconstructions?", r"enlargements?",
                   r"augmentations?", r"transplants?", r"transfers?", r"implants?", r"fillers?", r"injections?",
                   r"surgery", r"surgeries", r"tucks?", r"contouring", r"sculpting", r"rejuvenation", r"resurfacing",
                   r"peels?", r"reshaping", r"repairs?", r"scars?", r"revisions?", r"grafts?", r"pinning", r"bypass"]
