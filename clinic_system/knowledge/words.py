"""How callers' words are read before they meet a clinic's procedure list: general English
about cosmetic procedures, never a clinic's procedures themselves (those, with their
alternative names, come only from the clinic's PDF).

- BODY and KIND: the body parts and the kinds of work a question can be about. A question
  word of either kind that the clinic's list does not use means the question is about
  something the clinic does not list ("tummy tuck", "breast reduction", "chin filler").
- Qualifiers that separate a procedure's variants: non-surgical (liquid, filler, injectable,
  without surgery) against surgical (surgery, operation), and pairs of opposite variant words
  (mini / traditional, local / general anaesthetic, open / closed).
- Colloquial words and spellings are turned into the words clinics write ("boob" is
  "breast", "anesthetic" is "anaesthetic")."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

TOKENIZER = Path(__file__).resolve().parent / "minilm-tokenizer.json"

BODY = set("""nose breast face brow eyebrow forehead eyelid eye chin lip jaw jawline cheek neck ear ears tummy
stomach belly abdomen navel jowl butt bum buttock bottom hip thigh leg arm knee skin hair scalp septum nostril
teeth tooth gum vagina labia penis chest back hand foot feet toe finger nail toenail fingernail""".split())
KIND = set("""lift reduction augmentation enlargement implant reshaping resurfacing filler injectable botox peel
removal tuck liposuction lipo laser piercing tattoo transplant thread graft reconstruction contouring
sculpting pinning whitening veneer microneedling dermabrasion remove removal uplift tightening rejuvenation
transfer revision bleaching lightening threadlift hydrafacial mesotherapy replace replaced replacement replacing
redo correction corrective exchange fill yoga cupping taping microcurrent""".split())
ENDINGS = ("plasty", "ectomy", "pexy", "suction", "ostomy")
# a body part callers name for the one clinics write: "my chest" is the breast, unless the caller
# speaks of a man (a man's chest implants are pectoral implants, another procedure)
SAID_FOR = {"chest": "breast"}
MALE = set("man men male guy guys husband boyfriend son brother dad father he him his".split())
# parts of a larger body part: described ("my jowls have dropped", "my cheeks pulled back up") they
# are that part; named with the work right after them ("cheek filler", "jowl lift") they stay apart
PART_OF = {"jowl": "face", "cheek": "face", "jawline": "face", "jaw": "face", "nostril": "nose", "forehead": "face"}
# words that name work without saying which: "a boob job", "the operation", "having it done"
GENERIC = set("""job op operation surgery surgical procedure treatment work done thing version one option
session appointment consultation correction""".split())
# kinds that are also everyday verbs ("lift my toddler", "peel off"): work only right after a body part
VERBAL = {"lift", "peel", "tuck", "thread", "graft", "fill"}
COLLOQUIAL = {"boob": "breast", "boobs": "breast", "boobies": "breast", "booby": "breast", "tit": "breast", "tits": "breast",
              "bust": "breast", "cleavage": "breast", "bosom": "breast", "bosoms": "breast", "knockers": "breast",
              "schnoz": "nose", "schnozz": "nose", "schnozzle": "nose", "hooter": "nose", "conk": "nose", "honker": "nose",
              "beak": "nose", "snout": "nose", "tummie": "tummy", "anesthetic": "anaesthetic", "anesthesia": "anaesthetic",
              "tweakment": "nonsurgical", "tweakments": "nonsurgical",  # the trade's word for the lighter treatments
              "anaesthesia": "anaesthetic", "injectables": "injectable", "injections": "injectable",
              "injection": "injectable", "injected": "injectable", "jab": "injectable", "jabs": "injectable",
              "syringe": "needle", "syringes": "needle", "nonpermanent": "temporary", "reversible": "temporary",
              "nonsurgical": "nonsurgical", "ops": "op", "lipo": "liposuction", "rhino": "rhino",
              # undoing work is other work: "dissolve my nose filler" is not the filler
              "dissolve": "removal", "dissolving": "removal", "dissolved": "removal",
              "reverse": "removal", "reversed": "removal", "reversal": "removal", "undo": "removal",
              "undone": "removal", "swap": "replacement", "swapped": "replacement", "swapping": "replacement",
              "upgrade": "replacement", "upgraded": "replacement", "upgrading": "replacement",
              "stud": "piercing", "studs": "piercing", "hoop": "piercing", "hoops": "piercing",
              "jewellery": "piercing", "jewelry": "piercing"}
NONSURGICAL = {"nonsurgical", "liquid", "injectable", "filler", "needle", "noninvasive", "temporary"}
SURGICAL = {"surgery", "surgical", "operation", "op", "surgically", "scalpel", "knife", "permanent", "incision",
            "incisions", "operative"}  # an incision: an operation, whatever its size
OPPOSITES = {"mini": {"traditional", "full"}, "traditional": {"mini"}, "full": {"mini"},
             "local": {"general"}, "general": {"local"}, "open": {"closed"}, "closed": {"open"}}
# a body part made smaller is not the procedure that makes it bigger ("can you make my breasts smaller"),
# unless what gets smaller is how it heals ("how long until the swelling is smaller")
SMALLER = set("smaller reduce reduced reducing shrink shrunk shrinking downsize downsized lessen".split())
ENLARGING = {"augmentation", "enlargement", "implant", "bigger", "larger"}
HEALING = set("swelling swollen bruising bruise bruises bruised scar scars scarring pain redness downtime".split())
NEGATORS = {"not", "no", "without", "never", "dont", "instead", "except", "avoid", "fear"}  # "rather": see PHRASES
# verbs that pass a negation on to their object ("it doesn't involve fillers")
PASSING = set("""mean means meaning involve involves involving require requires requiring include includes entail entails
something anything""".split())  # and "instead of something temporary"
COMPARING = {"compare", "compared", "comparison", "versus", "vs", "between", "both", "difference", "than", "or", "against",
             "weighing", "either"}  # "no prices for either"
CHOOSING = {"which", "whichever", "either", "whether", "compare", "compared", "comparison", "versus", "vs", "between",
            "both", "difference", "cheaper", "dearer", "pricier", "quicker", "faster", "slower", "longer", "shorter",
            "better", "worse", "easier", "safer", "more", "less", "each", "suggest", "recommend", "advise"}
# what speech-to-text leaves in a caller's words without meaning: hesitations and fillers
FILLERS = re.compile(r"\b(?:u+m+|u+h+m*|e+r+m*|h+m+|m{2,}|ah+|eh+|you know|i mean|sort of|kind of|kinda|sorta|"
                     r"basically|literally|like)\b")
# words that pass a "not" on to what follows ("not keen on a general anaesthetic")
LIKING = (r"(?:really |that |too |very |at all )?(?:keen|fond|a fan|a big fan|big|happy|comfortable|into|bothered|interested)"
          r"(?: on| of| with| about| in)?")
# what a caller says when they do not want the operation ("I don't want to have surgery")
NOT_OPERATED = (r"\b(?:dont|not|never|rather not|prefer not to|no|without|avoid|avoiding|nothing|anything but|other than|"
                r"apart from|except|instead of|alternatives? to)\s+(?:(?:really|want|wanna|like|fancy|need|to|have|"
                r"mean|means|involve|involves|involving|require|requires|requiring|include|includes|entail|entails|needs|"
                r"having|get|getting|go|going|under|through|undergo|be|being|any|an|a|the|idea|thought|of|proper|real|actual|full|big|major|"
                r"anything|something|too|so|very|invasive)\s+){0,5}"
                r"(?:surgery|surgical|operation|op|knife|scalpel|cut|cutting|operated|incisions?)\b")
OWNER = r"(?:my|her|his|the)"
BODY_PART = (r"(?:nose|face|eyes?|neck|chin|lips?|breasts?|boobs?|bust|chest|tummy|stomach|belly|skin|ears?|cheeks?|"
             r"jowls?|forehead|brows?|eyelids?)")
BRA_SIZE = r"\b(a|an|from|to|into|am|m|be|size|now|only|just)\s+(?:2[68]|3[02468]|4[02468])\s?(aa|[a-h]{1,3})\b"
CUPS = r"\b[a-h]{1,3}\s+cups?\b(?!\s+of)(?:[^.?!]*?\b[a-h]{1,3}\s+cups?\b(?!\s+of))?"


def _cup(letters: str) -> float:
    """A cup size's place: AA, A, B, C, D, DD, DDD..., each doubling half a size up (AA half below A)."""
    return -0.5 if letters == "aa" else ord(letters[0]) - ord("a") + 0.5 * (len(letters) - 1)


def _cup_sizes(said: re.Match) -> str:
    """One cup size or two ("from a D cup to a B cup"): the breasts, made smaller when the second is the smaller."""
    letters = re.findall(r"\b([a-h]{1,3})\s+cups?\b", said.group(0))
    smaller = len(letters) == 2 and _cup(letters[1]) < _cup(letters[0])
    return " smaller breast size " if smaller else " breast size "


def _not_these(said: re.Match) -> str:
    """The body parts a caller says are fine, said no to ("my nose is fine": "not nose")."""
    return " " + " ".join(f"not {part}" for part in said.groups() if part) + " "


def _lifted(said: re.Match) -> str:
    return (" lifted " if said.group(1).endswith("ed") else " lift ") + said.group(2) + " "


PHRASES = [  # read as one word before anything else
    (r"\b(?:small|little|tiny|minor) (?:cuts|nicks)\b|\bcut and stitch\b", " incisions "),  # the surgeon's, not a price cut
    # round 15: "nothing with a laser" says no to it; the lines that run from the nose to the mouth
    # are a landmark's; boxes or a form filled in are no filler; make-up contouring is the caller's own
    (r"\bnothing (?:with|involving|using|that uses|like) (?:an? |the )?(?=\w)", " not "),
    (r"\bfrom (?:the |my |her |his )?(?:nose|nostrils?)\s+(?:down |up |out |across |round )?to\b", " from the side to "),
    (r"\b(boxes|box|forms?|details|blanks|fields|spaces)\b([^?!]{0,60}?)\bfill (it|them|those|that|these) in\b",
     r" \1 \2 complete \3 "),
    (r"\bcontour(?:ing|ed|s)?\b(?=[^.?!]{0,40}\b(?:make[\s-]?up|makeup|bronzer|highlighter|powder|concealer)\b)", " shading "),
    # round 14: what a phone caller says around the question. Being put through to someone ("put me
    # through to", "transfer me to") is no fat transfer; a caller's own tattoos ("I've got tattoos, so ..."), and what does not
    # scare them, are why they ask, not what they ask about; fainting at the sight of a needle, or
    # hating the idea of being put under, is a fear; orange-peel skin is its texture; gummy-bear
    # implants are silicone ones; enlarged pores are the skin's, not an enlargement
    (r"\b(?:put|putting|transfer|transferring|connect|connecting|pass|passing)\s+(?:me|her|him|us)\s+"
     r"(?:through\s+|over\s+|across\s+)?(?:to|with)\b", " about "),
    (r"\bi(?:[’']ve| have|[’']d| had)?\s+(?:got|had|have)\s+(?:(?:a|an|one|two|three|four|five|six|several|loads of|"
     r"lots of|some|many|\d+)\s+)?tattoos?(?:\s+done)?(?:\s+on (?:my|her|his) \w+)?(?=,?\s+so\b)", " ok "),
    (r"\b(?:needles?|pain|surgery|blood|injections?|jabs?)\s+(?:don[’']?t|doesn[’']?t|do not|does not|never)\s+"
     r"(?:scares?|fazes?|frightens?|bothers?|worry|worries)\s+(?:me|her|him)\b", " ok "),
    (r"\b(?:faint|fainted|faints|pass out|passed out|keel over|go weak)\s+at the (?:sight|thought) of\b", " fear "),
    (r"\b(?:hate|dread|loathe|can[’']?t stand|cannot stand|can[’']?t bear|cannot bear)\s+(?:the (?:idea|thought|prospect) of)"
     r"(?:\s+(?:being|having|getting))?\b", " fear "),
    (r"\borange[\s-]*peel\b", " bumpy "), (r"\bgummy[\s-]*bears?\b", " silicone "),
    (r"\b(?:enlarged|large|big|open|clogged|blocked)\s+pores\b", " pores "),
    # round 13: money said in body words ("the bottom line", "top and bottom of your range", "an arm
    # and a leg"); a tag question's "you don't do X, do you?" asks whether X is done, it refuses nothing
    (r"\b(?:rock[\s-]*)?bottom[\s-]+line\b", " price "), (r"\btop (?:and|to|n) bottom\b", " range "),
    (r"\b(?:an? )?arm and a leg\b", " a lot "),
    (r"\byou (?:dont|don[’']?t|do not) (do|offer|have|provide|sell|stock)\b(?=[^.?!]*?,?\s*do you\b)", r" you \1 "),
    # round 12: what is said around the question, not about the work wanted. A caller's own hearing
    # ("deaf in one ear"); a greeting with a pet name ("alright butt", "alright bab", "ey up"); a note
    # written on one's hand; text-speak; another clinic's "they don't do X" reported (X is still asked about)
    (r"\b(?:deaf|hard of hearing|blind) in (?:one|my|the|both|her|his)(?: left| right| good| bad)? (?:ears?|eyes?)\b", " hard of hearing "),
    (r"\b(?:alright|all right|ey up|ay up|hiya|hello|hey|ta|cheers|thanks|ok|okay)[,!]?\s+(?:butt|butty|bab|babs|duck|"
     r"petal|chuck|our kid|boyo|me duck|love|hun|hen)\b", " hello "), (r"\bey up\b", " hello "),
    (r"\b(?:wrote|written|scribbled|jotted)\b([^.?!]{0,60}?)\bon (?:my|her|his|the back of (?:my|her|his)) hand\b",
     r" wrote \1 "),
    (r"\b(?:tbh|ngl|idk|imo|imho|lmk|hmu|tbf|fwiw|btw|rn|pls|plz|thx|ty|omg|lol)\b", " "),
    # skin pulled tight is lifted; a numbing jab is a local anaesthetic; a short-scar facelift is the mini one
    (r"\b(?:pull|pulls|pulling)\s+(\S[^.?!]{0,40}?)\s+(?:tight|tighter|taut)\b", r" lift \1 "),  # "pull the skin ... tight"
    (r"\bnumbing (?:jab|jabs|injection|injections|shot)\b", " local anaesthetic "), (r"\bshort[\s-]*scar\b", " mini "),
    # "another clinic told me injections wouldn't fix it": a kind of work ruled out, not a doubt
    (r"\b(fillers?|injections?|injectables?|needles?|surgery|an operation|the operation)\s+(?:wouldn[’']?t|won[’']?t|"
     r"would not|will not|can[’']?t|cannot|couldn[’']?t)\s+(?:fix|work|help|sort|do)\b", r" no \1, to fix "),
    # a caller unsure of the name ("is it 'laser peel' or 'laser skin renewal' you call it?"): the last one said
    (r"\bis it (?:spelt |spelled |called )?(?:an? |the )?['‘\"“]([^'’\"”]+)['’\"”] or (?:an? |the )?['‘\"“]([^'’\"”]+)['’\"”]"
     r"(?: (?:you call it|you do|it[’']?s called|you say))?", r" \2 "),
    (r"\bur\b", " your "), (r"\bu\b(?!\s*-)", " you "),
    (r"\b(?:said|says|told me|reckons|reckoned) (?:that )?(?:they|she|he|it|you) (?:don[’']?t|doesn[’']?t|do not|does not|"
     r"can[’']?t|won[’']?t) (?:do|offer|have|provide|like)\b", " about "),
    # "I know you do X, but I'm after Y": Y is asked about, X set aside
    (r"\bi know (?:you|they) (?:do|offer|have) ([^.?!,]+?),? but (?:i[’']?m after|i want|i[’']?m looking for|i need|"
     r"i[’']?d like|i[’']?m interested in) ([^.?!]+)", r" \2 instead \1 "),
    # a polite ask, not a doubt: "I don't suppose you could tell me the price of ..."
    (r"\bi (?:don[’']?t|do not) (?:suppose|s[’']?pose|imagine|expect)\b", " could "),
    (r"\bin between\b", " during "),  # a time ("squeeze it in between the school runs"), not two procedures
    (r"\bwee\b", " small "), (r"\b(?:ta ra|tara|ta ta)\b", " bye "),  # "a wee face lift", "ta-ra"
    (r"\bback on (?:my|her|his|your|their) feet\b", " recovered "),  # not work on the feet
    # a price or an ease said against an operation is the other way ("for way less than an operation")
    # (unless the caller goes on to ask for a comparison: "is it cheaper than the operation? compare them")
    (r"\b(?:way |much |far |a lot )?(?:less|cheaper|quicker|faster|easier|simpler|gentler|safer)(?: money)?\s+than\b"
     r"(?=\s+(?:a |an |the |having |getting |going for )?(?:proper |full |real |actual )?(?:surgery|operation|op|knife)\b)"
     r"(?!.*\b(?:compare|comparison|versus|vs|difference|both|each)\b)", " instead "),
    # what only an operation leaves, said no to: "nothing that needs stitches or a cast afterwards"
    (r"\b(?:dont|not|never|no|without|nothing|avoid|avoiding)\s+(?:(?:that|which|want|need|needs|needing|require|requires|"
     r"involve|involves|leave|leaves|leaving|any|an|a|the|have|having|get|getting|with)\s+){0,4}"
     r"(?:stitch(?:es)?|sutures?|stitching|casts?|splints?|scars?|scarring)\b"
     r"(?:\s+(?:or|and|nor)\s+(?:an? |any )?(?:stitch(?:es)?|sutures?|casts?|splints?|scars?|scarring|bandages?|dressings?)\b)?",
     " nonsurgical "),
    (r"\b(?:dissolv|wear)\w* (?:off )?(?:over time|naturally|by itself|on its own|gradually|in time)\b", " temporary "),
    # stitches taken out are the aftercare of a procedure, not the removal of something
    (r"\b(?:(?:take|takes|taking|took|taken|having|have|get|getting)\s+)?(?:the |my |her |his |your )?(?:stitches|sutures)"
     r"\s+(?:(?:taken|took|being taken|removed)\s+)?(?:out|removed)\b|\b(?:take|takes|taking|took|taken)\s+(?:the |my |her |his )?"
     r"(?:stitches|sutures)\s+out\b", " follow up care "),
    (r"\b(?:take|takes|taking|took|taken)\b([^.?!,;]{0,30}?)\bout\b", r" removal \1 "),  # "take my implants out"
    (r"\b(nose|septum|nostril|belly|ear|lip|eyebrow)\s+rings?\b", r" \1 piercing "),
    # "a ring in my nostril", "put a ring in": a piercing ("give me a ring in the morning" is not)
    (r"\brings?\s+(?=(?:in|through) (?:my|her|his|the|your) (?:nose|septum|nostril|belly|ear|lip|eyebrow))|"
     r"(?<=\b(?:put|get|had) a )rings?\b(?= (?:in|through)\b)", " piercing "),
    (r"\b(?:man|men|mens|male|guy|guys)\s+(?:boobs?|breasts?|tits?|chests?)\b|\bmoobs\b", " male chest "),
    (r"\bsemi[\s-]*permanent\b", " temporary "),
    (r"\bfake (?:boobs?|breasts?|tits?|bust)\b", " breast implants "),
    (r"\bnip\s*(?:and|n|&)?\s*tuck\b", " surgery "),  # the idiom for cosmetic surgery, not a tummy tuck
    (r"\brhino\b(?!\s*plast)", " rhinoplasty "),  # "an open rhino": the short name, not the first half of a split word
    # the trade's names for the quick injectable version: "a lunchtime nose job", "the 15-minute nose job"
    (r"\b(?:lunch(?:[\s-]*(?:time|break|hour))?|(?:\d+|five|ten|fifteen|twenty|thirty)[\s-]*min(?:ute)?s?)\s+"
     r"(?=(?:(?:nose|boob|breast|face)\s+)?(?:job|lift|rhinoplasty|fix|procedure|treatment|reshape|reshaping)\b)",
     " nonsurgical "),
    (r"\b(?:cup|bra) sizes?\b", " breast size "),  # "go up a cup size": the breasts
    (r"\bdown (?:a|one|two|\d) (?:cup|bra) sizes?\b|\bdown (?:to )?(?:an? )?[a-h]{1,3}\s+cups?\b", " smaller breast size "),
    (BRA_SIZE, r" \1 \2 cup "),  # a band and a cup ("I'm a 32A", "to 34 DD"): the cup; not "at 32a High Street"
    (CUPS, _cup_sizes),  # "from an A cup to a C cup", not "a cup of tea"; "from a D cup to a B" is smaller
    # pulled tight, up or back is lifted ("pull the skin of the face tighter", "have them pulled up",
    # "hoist it back up"); a participle stays one ("my lower face pulled up" describes, it names nothing)
    (r"\b(pull(?:s|ed|ing)?)\b([^.?!,;]{0,30}?)\b(?:tight\w*|taut\w*|up|back)\b", _lifted),
    (r"\b((?:hoist|haul|hitch|perk|prop|tuck)(?:s|ed|ing)?)\b([^.?!,;]{0,30}?)\bup\b", _lifted),
    # an operating theatre ("in theatre", "going to theatre", "a theatre job"): surgery
    # ("my face and jawline in theatre": in surgery, not "jawline surgery", which would name work on the jawline)
    (rf"\b({BODY_PART}|jawline|jowls?)\s+(?:in|into) (?:the )?theat(?:re|er)\b", r"\1 in surgery "),
    (r"\b(?:in|into|to) (?:the )?theat(?:re|er)\b|\boperating (?:theat(?:re|er)|room)\b|\btheat(?:re|er)"
     r"(?= (?:\w+ )?(?:job|procedure|op|operation)\b)", " surgery "),
    # a size word before the work is its smaller variant ("the smaller facelift", "a minor op")
    (r"\b(?:smaller|lesser|minor)\s+(?=(?:face\s*)?lift|facelift|op\b|operation|procedure|version)", " mini "),
    (r"\btoo (?:big|large|heavy)\b", " smaller "),  # "my boobs are too big": to be made smaller
    # a part the caller says is fine is not the one asked about ("my nose doesn't bother me", "my eyes
    # are fine", "nothing wrong with my nose or my face")
    (rf"\b{OWNER} ({BODY_PART})(?:[’']s|\s+(?:is|are))\s+(?:fine|ok|okay|all right|alright|good)\b|"
     rf"\b{OWNER} ({BODY_PART})\s+(?:(?:does|do)(?:n[’']?t| not)|never)\s+bothers? (?:me|her|him)\b", _not_these),
    (rf"\bnothing(?:[’']s| is)? wrong with {OWNER} ({BODY_PART})(?:\s+(?:or|and|nor) {OWNER} ({BODY_PART}))?\b",
     _not_these),
    (r"\b(do|does|did|is|are|was|were|could|would|should|ca|wo|have|has|had|need)nt\b", " dont "),  # no apostrophe
    (r"\b(do|does|did|is|are|was|were|could|would|should|ca|wo|have|has|had|need)n[’']t\b", " dont "),
    (r"\bnot\s+" + LIKING + r"\b", " not "),
    (r"\b(?:less|minimally|least|less of an?) invasive\b|\bless drastic\b", " lighter "),
    (r"\bnothing (?:too |very |that |so )?(?:invasive|drastic|major)\b", " lighter "),
    (r"\bold[\s-]*(?:fashioned|school)\b|\bclassic(?:al)?\b", " traditional "),
    # fear of a thing is not wanting it, but not a wish for its opposite: "scared of surgery" is not "without surgery"
    (r"\b(?:scared|afraid|terrified|frightened|nervous|worried|anxious|phobic|wary|(?:a )?phobia)\s+(?:of|about|by)"
     r"(?:\s+(?:being|having|getting))?\b", " fear "),  # "terrified of being put under"
    # said after the thing: "surgery scares me", "the op is out of the question", "needles are not my thing"
    (r"\b(?:scares?|frightens?|terrif(?:y|ies)|puts? me off)\b", " fear "),
    (r"\b(?:is|are|was|s)?\s*out of the question\b", " not "), (r"\bno way\b", " not "),
    (r"\brather\b([^.?!]*?)\bthan\b", r" \1 instead "),  # "rather have surgery than fillers": not fillers
    (r"\bnon[\s-]*surgical(ly)?\b", " nonsurgical "), (r"\bnon[\s-]*invasive\b", " noninvasive "),
    # not when another thing is said no to with it ("no surgery or needles": neither variant)
    (r"\bwithout (an |any |the )?(surgery|operation|op|going under the knife|the knife)\b(?!\s+(?:or|nor)\b)",
     " nonsurgical "),
    (r"\bno (surgery|operation|knife)\b(?!\s+(?:or|nor)\b)", " nonsurgical "),
    # surgery said no to after it, in words that leave no doubt ("surgery isn't for me", "the op is not an option")
    (r"\b(?:surgery|an operation|the operation|the op|going under the knife)\s+(?:is\s+|s\s+)?(?:dont|not)\s+(?:really\s+)?"
     r"(?:for me|an option|possible for me|happening)\b", " nonsurgical "),
    (r"\b(?:fillers?|injections?|injectables?|needles?)\s+(?:is\s+|are\s+)?(?:dont|not)\s+(?:really\s+)?"
     r"(?:for me|an option)\b", " surgical "),  # "fillers aren't for me": the operation
    (r"\bnot surgical(ly)?\b(?!\s+(?:or|nor)\b)", " nonsurgical "),
    (NOT_OPERATED + r"(?!\s+(?:or|nor)\b)", " nonsurgical "),
    (r"\b(?:dont|not|never|rather not|avoid|avoiding)\s+(?:(?:want|wanna|like|fancy|need|to|have|be|being|get|getting)\s+){0,4}"
     r"(?:(?:put|go|be|being|going) (?:to sleep|under)|knocked out)\b", " not general "),  # "I don't want to be put to sleep"
    (r"\bwithout (?:putting|knocking) (?:me|her|him|them) (?:under|out)\b", " not general "),
    (r"\b(?:go|goes|going|went|gone) under the knife\b", " surgery "),  # not the anaesthetic: the operation
    (r"\bnothing (?=(?:temporary|permanent|surgical|nonsurgical|invasive|injectable|injected|injections?|fillers?|needles?)\b)",
     " not "),  # "nothing temporary"
    (r"\b(put|putting|go|be|being|going) (?:(?:you|me|her|him|them|patients|people) )?(to sleep|under)\b|\bknocked out\b",
     " general "), (r"\basleep\b", " general "),
    (r"\bcannot\b", " dont "), (r"[’']s\b", ""), (r"\brather than\b", " instead "),
    (r"\binstead of\b", " instead "), (r"\bas opposed to\b", " instead "),
]
READ_AS_ONE = [(re.compile(pattern), replacement) for pattern, replacement in PHRASES]
# ordinary words that may stand next to a procedure without changing which one it is
HARMLESS = set("""new dermal proper actual small little bit quick real natural subtle whole full regular normal ordinary conventional
my your her his their our first second another same own usual standard basic simple cosmetic aesthetic
silicone saline round teardrop hyaluronic acid lighter
anaesthetic anaesthetist
saggy sagging saggier droopy droopier wrinkly crepey puffy baggy lumpy bumpy wonky jowly humped flabby
good better best decent nice great safe safest budget male female men women mens womens
few couple several lots loads gel
downtime fortnight ballpark enquire enquiring presentable elective redness droop drooping drooped makeover
flatmate flatmates housemate housemates roommate colleague colleagues carer carers fiance fiancee stepmum stepdad
hubby missus reddit mumsnet instagram tiktok facebook youtube google
hiya heya howzit howdy cheers hen pet lovey hairline daft vat style acne pits pitted pockmarks pores
wrote written scribbled jotted bone cartilage abeg dey wetin oya
stammer stammering stutter stuttering lisp all entirely purely mostly totally completely fully solely
leaflet leaflets brochure brochures flyer flyers pamphlet pamphlets mention mentions mentioned mentioning
older newer latest modern chatbot chatbots chatgpt ai app apps website online handles handle handling""".split())
# (and who a caller asks for, and where they read it: people and places, never a treatment's name)
# verbs and pronouns that stand before the work they name without naming another procedure
# ("putting implants in", "they use injections", "I'd like them lifted")
DOING = set("""use uses used using put puts putting place places placed placing insert inserts inserted inserting
add adds added adding fit fits fitted fitting inject injects injecting try trying book booking fancy recommend
suggest them they he she him someone something anything
surgeon surgeons doctor doctors nurse nurses dermatologist dermatologists specialist specialists consultant consultants""".split())
CALENDAR = set("""monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december christmas easter""".split())
STOP = set("""a an the and of for to in on at by with from about after before is are was were be been do does did
can could would should will shall may might i me my we our you your it its this that these those there here
how what when where who why much many long time cost costs price prices priced pricing range recovery
recover recovering heal healing period weeks week days day get got getting have has had having want wanted
like need tell offer offers clinic please any some set back go going next off take takes quickly down up
expensive cheap cheaper charge charges charged yes more less per typical typically usually approximately
around roughly quote also just only really actually so if but as than then am im id ive youre yours
place let know looking interested thinking considering hi hello hiya morning afternoon evening thanks
thank year years month months ago now today again ever still soon already whats thats hows theres ll ve re d m s t
okay ok yeah yep right well sorry say says said told ask asked hear heard think reckon guess
wonder wondering wondered see saw seen very""".split())
TOKEN = re.compile(r"[a-z]+")
STAMMER = re.compile(r"\b([a-z]{1,3})(?:-\1)*-(?=\1)")  # "b-b-boob", "f-face": the word it runs into
# where a question asking about two procedures divides ("X and Y", "X or Y", "X than Y", "X, Y")
PARTS = re.compile(r"\b(?:and|or|than|versus|vs|against|compared (?:to|with))\b|[,;:]", re.IGNORECASE)
COMPARED_WITH = re.compile(r"\bcompar(?:e|ing)\b.*\bwith\b", re.IGNORECASE)


def parts(question: str) -> list[str]:
    """A question cut where one procedure's part ends: "compare the nose job with the liquid one"
    at its "with" too."""
    if COMPARED_WITH.search(question):
        return [p for part in PARTS.split(question) for p in re.split(r"\bwith\b", part, flags=re.IGNORECASE)]
    return PARTS.split(question)


CLAUSE_END = re.compile(r"[.?!,;:]")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """A light stemmer shared by question and catalogue: plural and verb endings off, then the
    first seven letters (so "rhinoplasties", "rhinoplastie" and "rhinoplasty" meet)."""
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("es") and word[:-2].endswith(("ss", "sh", "ch", "x")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for ending in ("ing", "ed", "able", "ion"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[:-len(ending)]
            break
    if word.endswith("e") and len(word) > 5:
        word = word[:-1]
    return word[:7]


def _apart(raw: str, known: str, allowed: int, heard: bool) -> int:
    apart = distance(raw, known)
    return min(apart, distance(heard_as(raw), heard_as(known))) if apart > allowed and heard else apart


@lru_cache(maxsize=100_000)  # the same words meet the same lists question after question
def distance(a: str, b: str) -> int:
    """Edits between two words: a letter added, dropped or changed, or two side by side swapped
    ("liqiud" is one slip from "liquid")."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def slip_of(raw: str, spelling: dict[str, str], ordinary_too: bool = False) -> str | None:
    """The stem of the known word (spelling: known word -> its stem) a misspelt word stands
    for: one slip in a short word, two in a long one; and only for words that are not
    ordinary English (MiniLM's word list: "breathing" is never read as "breast"), unless the
    next word names the procedure ("brest augmentation"), where one slip is allowed."""
    if len(raw) < 3 or raw in spelling:
        return None
    if raw in common_words():
        if not ordinary_too:
            return None
        allowed = 1  # and never into a word that picks a variant: "a fuller bust" is not "a filler bust"
        spelling = {k: v for k, v in spelling.items() if v not in QUALIFIER_STEMS and k not in OPPOSITES}
        same = homophone_of(raw, spelling)
        if same:
            return same
    else:
        allowed = 2 if len(raw) >= 9 else 1
    shortest = 3 if len(raw) >= 4 else 4  # "jobb" is "job", but "lft" only "lift"
    heard = raw not in common_words()  # a word spelt as it sounds ("likwid") is read by its sound too
    close = sorted((_apart(raw, k, allowed, heard), k)
                   for k in spelling if len(k) >= shortest and abs(len(k) - len(raw)) <= allowed)
    found = spelling[close[0][1]] if close and close[0][0] <= allowed else None
    if found is None and raw.endswith("s") and len(raw) >= 5:   # a slip in a plural: "nose jobbs"
        return slip_of(raw[:-1], spelling, ordinary_too)
    return found


SOUNDS = [(re.compile(a), b) for a, b in [(r"^kn", "n"), (r"^wr", "r"), (r"ow", "o"), (r"ph", "f"), (r"rh", "r"),
                                             (r"qu", "kw"), (r"ck", "k"), (r"c(?=[aouklrt]|$)", "k"), (r"c(?=[eiy])", "s"), (r"x", "ks"), (r"z", "s"), (r"y", "i"), (r"(.)\1", r"\1")]]


@lru_cache(maxsize=50_000)
def sound(word: str) -> str:
    """A word as it sounds, roughly: "likwid" and "liquid", "rinoplasti" and "rhinoplasty" meet closer."""
    for pattern, replacement in SOUNDS:
        word = pattern.sub(replacement, word)
    return word


def homophone_of(raw: str, spelling: dict[str, str]) -> str | None:
    """The stem of a known word that sounds the same as an English one, which speech-to-text wrote
    in its place ("a knows job"); asked only where the next word names the procedure."""
    same = [k for k in spelling if len(k) >= 4 and k != raw and heard_as(k) == heard_as(raw)]
    return spelling[min(same)] if same else None


@lru_cache(maxsize=50_000)
def heard_as(word: str) -> str:
    """A word as it is heard, a silent last e dropped: "knows" and "nose" are heard alike."""
    return re.sub(r"(?<=[^aeiou])e$", "", sound(word))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    vocabulary = json.loads(TOKENIZER.read_text())["model"]["vocab"]
    return frozenset(w for w in vocabulary if w.isalpha())


def plain(word: str) -> str:
    """A caller's word as clinics write it; a dropped g put back ("gettin", "lookin")."""
    if len(word) >= 5 and word.endswith("in") and word not in common_words() and word + "g" in common_words():
        word += "g"
    return COLLOQUIAL.get(word, word)


@lru_cache(maxsize=4096)  # a question is read whole and in parts, and its words more than once
def clauses(text: str) -> tuple[tuple[str, ...], ...]:
    """The text lower-cased, its fixed phrases joined, cut into clauses of plain words."""
    text = re.sub(r"[ \t]+", " ", FILLERS.sub(" ", STAMMER.sub("", text.lower()).replace("-", " ")))
    for pattern, replacement in READ_AS_ONE:
        text = pattern.sub(replacement, text)
    return tuple(tuple(plain(w) for w in TOKEN.findall(part)) for part in CLAUSE_END.split(text))


# medical names glossed in plain words, read the same in a question and in a clinic's list
GLOSSARY = {"rhinoplasty": "nose reshaping", "septoplasty": "septum surgery", "blepharoplasty": "eyelid surgery",
            "abdominoplasty": "tummy tuck", "mammoplasty": "breast surgery", "mastopexy": "breast lift",
            "otoplasty": "ear pinning", "rhytidectomy": "face lift", "facelift": "face lift",
            "liposuction": "fat removal", "augmentation": "enlargement", "enlargement": "augmentation", "genioplasty": "chin surgery", "labiaplasty": "labia surgery"}


def is_kind(raw: str) -> bool:
    return stem(raw) in KIND_STEMS or raw.endswith(ENDINGS)


BODY_STEMS = {stem(w) for w in BODY}
KIND_STEMS = {stem(w) for w in KIND}
GENERIC_STEMS = {stem(w) for w in GENERIC}
STOP_STEMS = {stem(w) for w in STOP}
NONSURGICAL_STEMS = {stem(w) for w in NONSURGICAL}
SURGICAL_STEMS = {stem(w) for w in SURGICAL}
QUALIFIER_STEMS = NONSURGICAL_STEMS | SURGICAL_STEMS
ENLARGING_STEMS = {stem(w) for w in ENLARGING}
GLOSSARY_STEMS = {stem(word): gloss for word, gloss in GLOSSARY.items()}
PART_OF_STEMS = {stem(part): whole for part, whole in PART_OF.items()}
# the words a question may carry without naming a treatment the list lacks
KNOWN_STEMS = BODY_STEMS | KIND_STEMS | QUALIFIER_STEMS | {stem(x) for x in OPPOSITES.keys() | HARMLESS}
