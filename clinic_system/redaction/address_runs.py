"""An address said as a run of comma-separated parts, in whatever order and with whatever
words the caller's country uses, when something says an address starts there: a cue ("the
address is", "I'm at", "post goes to"), a post box or a building word ("P.O. Box KN 3307",
"Casilla 112", "Private Bag A12", "Plot 5043", "Blk 123", "Qtr No. D-14"), a district word
("Bayanzürkh District", "Mirzo Ulug'bek tumani"), or a street named before its number
("Nizami küçəsi 68", "Odos Ermou 45") that more address parts follow.

From there each part that reads as an address part (a number with a few words, a flat, floor
or entrance, a town's capitalised name, a landmark "near ...") goes on the run; the first part
that does not (", and I'm on ...", a phone number, a time or a price) ends it. A run with no
digit in it is no address (PII-6: "I'm at the clinic, Dr. Sarah's room" survives)."""
from __future__ import annotations

import re

LETTER = r"[^\W\d_]"
CAP_WORD = rf"(?:[^\W\d_a-z]{LETTER}*(?:['’-]{LETTER}+)*)"
# What introduces an address: the run starts just after it.
CUE_WORDS = (
    r"\b(?:(?:the |my |our |her |his )?(?:(?:postal |home |digital |mailing |new |old )?address|post box|PO box|"
    r"building number|house number|house name|house|flat)(?:'s| is| was)?(?: at)?|address|I'm at|I am at|we're at|she's at|he's at|"
    r"live at|living at|lives at|based at|staying at|(?:post|mail|letters|parcels?)(?: goes| go| should go)? to|"
    r"(?:the )?letters at|(?:send|post|mail|deliver) (?:it|them|that|everything|the \w+) to|deliver(?:ed)? to)")
CUE = re.compile(CUE_WORDS + r"[:\s]+(?=[\w#])", re.IGNORECASE)
# A cue that ends its part, the address after a filler or two: "the address is, um, mikrorayon ...".
CUE_ENDS = re.compile(CUE_WORDS + r"\s*$", re.IGNORECASE)
FILLER = re.compile(r"(?i:um+|uh+|er+m?|okay|ok|right|so|yes|yeah|well|let me see|hold on|one sec(?:ond)?|it's)")
# Leading words a caller reads an address with, part by part: "then Road 5", "and Dhaka 1213".
LEADING = re.compile(r"^(?i:(?:then|and|um+|uh+|er+m?|so|also)\s+)+")
# A landmark said in any language the corpora meet: "opposite the ELWA junction", "face pharmacie du Lac".
LANDMARK = (r"(?i:near|opposite|behind|across from|next to|off|by|beside|in front of|facing|close to|derrière|devant|"
            r"face(?: à| a)?|en face de|à côté de|près de|detrás de|delante de|frente a|enfrente de|al lado de|cerca de|"
            r"junto a|dietro|davanti a|di fronte a|vicino a|accanto a|hinter|gegenüber|neben|perto de|atrás de|"
            r"em frente a|ao lado de)\b")
# Directions from a landmark, Central American style: "200 metros al norte y 50 al este", "dos cuadras al lago".
DIRECTIONS = (r"(?i:(?:\d+|una|dos|tres|cuatro|cinco|media)\s+(?:metros|mts|m|varas|cuadras?|kil[oó]metros?|km)\s+"
              r"(?:al|hacia(?: el)?|arriba|abajo)\b.*)")
# A post box, a rural box or a building said first ("P O Box 1175", "Private Bag A12", "Blk 123").
BOX = (r"(?:(?:P\.?\s?O\.?\s?|GPO |Post |Postal )Box|Postboks|Postfach|Posbus|Boks|Box|Casilla|Apartado|BP|B\.P\.|"
       r"a/s|a/ya|POB|Private Bag|Locked Bag|PSC|RR|HC|RD|RMB|CMB)\s+(?:[A-Z]{1,3}\s+)?[A-Z]?\d")
BUILDING = (r"(?i:plot|lot|stand|erf|house|building|bldg|block|blk|flat|qtr(?:\s+no\.?)?|villa|unit|apt\.?|"
            r"apartment|suite|no\.|n\.?º|number|dom|d\.|kv\.?|korpus|street|lane|alley|road|soi|sector|phase|pk|km)"
            r"\s*[A-Z]?-?\d|No\s+\d")
# A street whose type word comes first, capitalised as a part's first word: "Calle 7 # 4-22", "Rue Grégoire #14".
TYPE_FIRST = (rf"(?:Calle|Carrera|Carrer|Avenida|Avda\.|Av\.|Rua|Rue|Via|Viale|Piazza|Odos|Leoforos|Ulitsa|Ul\.|ul\.|"
              rf"Prospekt|Jalan|Jl\.|Lorong|Soi|Thanon|Duong|Đường|Pho|Sokak|Caddesi)\s+(?:(?:de|da|do|das|dos|del|della|des|du|di)\s+)?"
              rf"(?:[#\d]|{CAP_WORD})|(?:calle|carrera|carrer|avenida|rua|rue)\s+\d")  # as typed lower-case, before its number
# Words a district, an estate or a commune goes by, after its name or before it.
DISTRICT = (rf"{CAP_WORD}(?:[\s-]+{CAP_WORD}){{0,3}}\s+(?i:district|tumani|rayon|raion|khoroo|mikrorayon|sector|"
            rf"area|estate|extension|phase|block|commune|municipality|quarter)\b|(?:Lotissement|Résidence|Residence|"
            rf"Cité|Immeuble|Edifício|Edificio|Commune de|Kibbutz|Moshav|Douar|Ban|Zona|Barrio|Colonia|Urbanización|Urb\.|Bairro|"
            rf"Quartier|Villa)\s+{CAP_WORD}|\d+(?:st|nd|rd|th)\s+"
            rf"(?i:mikrorayon|khoroo|microdistrict|sector|cross|main|block)\b")
START = re.compile(rf"(?<![\w/-])(?:{BOX}|{BUILDING}|{DISTRICT}|{TYPE_FIRST})")
# A street named before its number, at the end of its part: "Nizami küçəsi 68", "Kongens gate 12".
NOT_STREET = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
              r"July|August|September|October|November|December|Room|Bay|Bays|Option|Press|Version|Error|Code|Page|Package|Plan|"
              r"Session|Step|Week|Day|Platform|Gate|Terminal|Train|Bus)\b")
NAMED_STREET = re.compile(rf"(?<![\w'’-])(?!{NOT_STREET}){CAP_WORD}(?:\s+(?:{CAP_WORD}|[a-zà-ÿəıüöçşğ]{{2,10}}\.?)){{0,3}}"
                          rf"\s+#?\d{{1,5}}[A-Za-z]?(?:[-/]\d{{1,4}}[A-Za-z]?)?$")

# A part that goes on a run: a number with a few words ("dom 88", "17-uy", "#08-1234", "F-7/2",
# "3950 Aasiaat"), a floor or an entrance, a landmark, or a place's capitalised name ("Dakar RP").
UNIT_WORD = (r"(?i:flat|apt|apartment|apartamento|depto|dpto|unit|suite|floor|entrance|staircase|stair|block|building|"
             r"bldg|house|lot|plot|dom|d|kv|kvartira|korpus|mənzil|room|door|porta|puerta|piso|andar|étage|etage|"
             r"bâtiment|batiment|immeuble|escalier|lgh|stand|erf|villa|no|nr|n\.º|qtr|near|opposite|behind|off|"
             r"next to|by|côté|cote|km|pk)\b")
ORDINAL = (r"(?i:ground|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|top|"
           r"\d{1,2}(?:st|nd|rd|th|e|er|º|ª|\.º)?)\s+(?i:floor|étage|etage|piso|andar|stock|etasje|sal)\b")
NUMBERED = rf"(?=.*\d)(?:[#\d]|{CAP_WORD}|{UNIT_WORD}).*"
# Not a clause that opens as a sentence does ("I'm Thiago Pereira" after the postcode).
SAID = r"(?!(?:I|I'm|I am|It's|It|My|This|That's|And|So|We|You|He|She|They|Yes|Thanks)\b)"
PLACE = rf"{SAID}{CAP_WORD}\.?(?:[\s-]+(?:{CAP_WORD}\.?|de|da|do|del|la|le|sur|am|an|im|upon|on)){{0,4}}"
# A word of any language before a number or a name: "jaý 3", "vlez 2", "porte 120", "maison Agossou".
TYPED = rf"{LETTER}{{2,12}}\.?\s+(?:#?\d{{1,5}}[A-Za-z]?(?:[-/.]\d{{1,4}}[A-Za-z]?)?|{PLACE})"
PART = re.compile(rf"(?:{ORDINAL}(?:.*)|{UNIT_WORD}.*|{NUMBERED}|{PLACE}|(?:{DISTRICT})|{LANDMARK}.*|{DIRECTIONS}|{TYPED})")
# The first part, after a cue or from a box or street word: any words, a digit or a capital among them.
FIRST = re.compile(rf"(?:[#\d]|{CAP_WORD}|{START.pattern}|{LANDMARK}|{TYPED}).*")
# What ends a run, wherever it stands in a part: a phone number, an email, a time or a price.
NOT_ADDRESS = re.compile(r"\+\s?\d|@|\d{1,2}[:.]\d{2}\s*(?i:am|pm|h)\b|\d:\d{2}|[£$€¥]|(?i:\b(?:pounds|euros|dollars|"
                         r"o'clock|am|pm|minutes|hours|days|weeks|months|years|percent)\b)|"
                         r"\d\s*(?i:sessions?|treatments?|units?|syringes?|vials?|ml|mg|yen|times|packages?|people|patients|areas)\b|\d{9,}|(?:\d[\s-]?){10,}|"
                         rf"\b{NOT_STREET}|\bthe \d{{1,2}}(?:st|nd|rd|th)\b|\b(?:Dr|Mr|Mrs|Ms|Doctor)\b")
MOST_WORDS = 7
MOST_FIRST_WORDS = 10
MOST_PARTS = 8
CUT = re.compile(r",\s+|;\s+|\s*\n\s*|\s+[—–]\s+|[?!](?:\s+|$)|(?<=[a-zà-ÿ]{3})\.(?:\s+|$)|(?<=\d)\.(?=\s+[A-Z]|\s*$)")


def _parts(text: str) -> list[tuple[int, int]]:
    """The text cut at commas and sentence ends (not at "No." or "kv." or "12,5")."""
    cuts, at = [], 0
    for cut in CUT.finditer(text):
        cuts.append((at, cut.start()))
        at = cut.end()
    return cuts + [(at, len(text))]


# Small words an address part may hold: "Chuburná", "côté mer", "18 y 20", "Saint-Denis de la Réunion".
JOINING = {"de", "da", "do", "del", "della", "di", "du", "des", "la", "le", "les", "el", "y", "e", "et", "por", "am", "an",
           "im", "upon", "sur", "mer", "van", "von", "der", "den"}


def _address_part(part: str, first: bool = False) -> bool:
    part = LEADING.sub("", part)
    words = part.split()
    if re.match(LANDMARK, part) or re.match(DIRECTIONS, part):   # a landmark says more in small words
        return len(words) <= 9 and not NOT_ADDRESS.search(part)
    # After its first word, a part says a place in capitals and numbers, not a clause in lower
    # case: "Edinburgh EH2 2PR is the new one" ends the run before it.
    # The first part may hold a street's own words ("Calle 21 número 104", "Nizami küçəsi 68"),
    # not a sentence ("Unit 4 of the course").
    lower = [w for w in words[1:] if w[:1].islower() and w.strip(".,") not in JOINING]
    # A post box's number may hold the postcode: "P.O. Box 30197-00100 Nairobi".
    said = re.sub(rf"^(?:{BOX})[\d-]*", "", part) if re.match(BOX, part) else part
    return (bool(words) and len(words) <= (MOST_FIRST_WORDS if first else MOST_WORDS) and not NOT_ADDRESS.search(said)
            and len(lower) <= (2 if first else 1) and (FIRST if first else PART).fullmatch(part) is not None)


def _cued_after(text: str, parts: list[tuple[int, int]], i: int) -> int | None:
    """The part a cue at the end of part i leads to, past fillers ("the address is, um, ...")."""
    if not CUE_ENDS.search(text, parts[i][0], parts[i][1]):
        return None
    for j in range(i + 1, min(i + 3, len(parts))):
        said = text[parts[j][0]:parts[j][1]]
        if not FILLER.fullmatch(said.strip()):
            return j if _address_part(said, first=True) else None
    return None


def _start(text: str, parts: list[tuple[int, int]], i: int, cued_at: set[int]):
    """Where a run starts in part i: (position, cued, weak), or None."""
    start, end = parts[i]
    said = text[start:end]
    if i in cued_at:
        return start + len(said) - len(LEADING.sub("", said)), True, None
    cue = None
    for cue in CUE.finditer(said):
        pass
    begin = START.search(said, cue.end() if cue else 0)
    if cue and _address_part(said[cue.end():], first=True):
        return start + cue.end(), True, None
    if begin and _address_part(said[begin.start():], first=True):
        return start + begin.start(), bool(re.match(BOX + rf"\d*\s+{CAP_WORD}", said[begin.start():])), None
    if (weak := NAMED_STREET.search(said)) and not NOT_ADDRESS.search(weak.group(0)):
        return start + weak.start(), False, weak
    if i + 1 < len(parts) and re.match(DIRECTIONS, text[parts[i + 1][0]:parts[i + 1][1]]) and \
            (origin := re.search(r"\b(?i:de|del|desde|from)\s", said)):   # "de la iglesia ..., 200 metros al norte"
        return start + origin.start(), True, None
    return None


# A place's name in capitals before its postcode and town ("H. Blue Lagoon, Majeedhee Magu, Malé 20195").
NAMED_PLACE = re.compile(rf"(?:[A-Z][a-z]?\.\s+)?{CAP_WORD}(?:\s+{CAP_WORD}){{0,3}}")
CODE_TOWN = re.compile(rf"{CAP_WORD}(?:\s+{CAP_WORD}){{0,2}}\s+\d{{5,6}}|\d{{5,6}}\s+{CAP_WORD}")


def _named_before(text: str, parts: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = []
    for j, (s, e) in enumerate(parts):
        if not CODE_TOWN.fullmatch(text, s, e) or any(a <= s < b for a, b in taken):
            continue
        first = j
        while first > max(0, j - 3) and NAMED_PLACE.fullmatch(LEADING.sub("", text[parts[first - 1][0]:parts[first - 1][1]])):
            first -= 1
        if j - first >= 2:
            said = text[parts[first][0]:parts[first][1]]
            spans.append((parts[first][0] + len(said) - len(LEADING.sub("", said)), e))
    return spans


def find(text: str) -> list[tuple[int, int]]:
    parts = _parts(text)
    cued_at = {j for i in range(len(parts)) if (j := _cued_after(text, parts, i)) is not None}
    spans = []
    for i in range(len(parts)):
        started = _start(text, parts, i, cued_at)
        if not started:
            continue
        first, cued, weak = started
        last, count, marked = parts[i][1], 1, bool(re.match(LANDMARK, LEADING.sub("", text[first:parts[i][1]])))
        for s, e in parts[i + 1:i + MOST_PARTS]:
            if not _address_part(text[s:e]):
                break
            last, count = e, count + 1
            marked = marked or bool(re.match(LANDMARK + "|" + DIRECTIONS, LEADING.sub("", text[s:e])))
        if count < 2 and not cued:
            continue   # "Block 2 of the course" is no address; "Casilla 112, Temuco" and "the address is AK-039-4471" are
        if weak and not any(re.search(r"\d", text[s:e]) and not re.match(ORDINAL, text[s:e])
                                                      for s, e in parts[i + 1:i + count]):
            continue   # "Dolo 650, Crestor" or "Room 3, second floor" is no street; "Odos Ermou 45, third floor, 105 63 Athens" is
        # A run with no number is an address only when cued and told by its landmarks ("derrière ..., face ..., Douala").
        if re.search(r"\d", text[first:last]) or (cued and marked and count >= 3):
            spans.append((first, last))
    return spans + _named_before(text, parts, spans)
