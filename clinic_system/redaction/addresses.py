"""Street addresses as people say them in the US, the UK and Ireland, France, Germany, Spain,
Italy, the Netherlands, the Baltics, Poland and beyond, with flats and floors, towns and
postcodes; and postcodes, Eircodes and ZIP codes said alone.

Three shapes cover most of Europe and the English-speaking world:
- number first, then a street with its type word: "41 Peckham Rye", "14 bis rue des Capucins";
- number first, any street name, anchored by a postcode: "22 Heol y Deri, Rhiwbina, Cardiff CF14 6HF";
- street first, then the number, anchored by a postcode and town: "Weserstraße 185, 12045 Berlin",
  "Calle de Fuencarral 97, 2º izquierda, 28004 Madrid", "Brīvības iela 118-7, Rīga, LV-1001"."""
import re

from . import address_runs, names, turns

STREET_TYPES = (
    "Street|St|Road|Rd|Avenue|Ave|Av|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Boulevard|Blvd|Terrace|Terr|Close|"
    "Crescent|Cres|Grove|Gardens|Gdns|Square|Sq|Parkway|Pkwy|Highway|Hwy|Row|Mews|Hill|Park|View|Walk|Circle|Cir|"
    "Trail|Trl|Path|Pike|Alley|Plaza|Green|Rise|Vale|Wharf|Quay|Parade|Broadway|Crossing|Loop|Run|Ridge|Heights|"
    "Rye|Promenade|Esplanade|Embankment|Gate|Yard|Market|Circus|Approach|Boulevard")
# Romance languages put the type first, in lower case: "rue des Capucins", "via dei Coronari".
TYPE_FIRST = ("rue|avenue|boulevard|bd|place|allée|chemin|impasse|quai|cours|route|passage|square|"
              "calle|carrer|avenida|avinguda|plaza|plaça|paseo|passeig|camino|ronda|travesía|"
              "via|viale|piazza|corso|largo|vicolo|strada|contrada|lungomare|"
              "rua|travessa|praça|alameda|estrada|avenue de|chaussée|drève|"
              "ulica|ulitsa|vulytsia|bulvar|prospekt|náměstí|strada|calea|aleea|bulevardul")
LETTER = r"[^\W\d_]"
# A capitalised word, not one that starts a sentence ("It's The Old Rectory" is not the house's name).
CAP = rf"(?!(?:It's|It|I'm|I|My|Our|Hi|Hello|Yes|Please|Send|Post|And|So|We|You|Yeah|Caller|Agent|Customer)\b)(?:[^\W\d_a-z]{LETTER}*(?:['’-]{LETTER}+)*|II|III|IV)"
PARTICLE = (r"(?:de|del|de la|dels|des|du|de l'|d'|di|dei|della|delle|degli|da|do|dos|das|y|la|le|les|el|van|von|"
            r"der|den|am|an|im|op|aan)")
# Words after the name in some countries: "Brīvības iela", "Gedimino pr.", "Jl. Kemang Raya No. 27",
# Slovene and Croatian "cesta", "ulica", "trg"; Czech "ulice", "náměstí"; Lithuanian "g."; Estonian
# "mnt", "tn", "pst", "tee"; Hungarian "utca", "út", "tér"; Nordic "gata(n)", "vägen", "gade", "vej",
# "veien", "gate", "katu", "tie"; Dutch "laan", "weg", "plein", "straat", "gracht", "kade".
AFTER_NAME = (r"(?:iela|pr\.|prospekt|gatvė|gatve|g\.|tn\.?|No\.|str\.|cesta|ulica|ul\.|trg|ulice|náměstí|nám\.|"
              r"mnt\.?|maantee|pst\.?|puiestee|tänav|tee|utca|út|tér|körút|gata|gatan|vägen|väg|gränd|torg|gade|"
              r"vej|veien|vei|gate|gata|katu|tie|kuja|laan|weg|plein|straat|gracht|kade|steeg|singel|dreef|"
              r"bulvāris|bulvar|alėja|al\.|aleja|prospektas)")
WORDS = rf"{CAP}(?:\s+(?:{PARTICLE}\s+)*{CAP}){{0,4}}"
HOUSE = r"\d{1,5}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?"
UNIT = (r"(?:(?:Flat|Apt\.?|Apartment|appartement|app\.?|Unit|Suite|Piso|Interno|int\.)\s+\w+,?\s+|"
        r"\d{1,4}/(?=\d))?")
UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}"
CA_POSTCODE = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d"       # H2X 1Y4
EIRCODE = r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}"
US_STATE_ZIP = r"[A-Z]{2},? \d{5}(?:-\d{4})?"
STATE_POSTCODE = r"[A-Z]{2,3} \d{4}"                                   # Bondi NSW 2026
NUMERIC_POSTCODE = r"(?:[A-Z]{1,2}-)?(?:\d{5}|\d{4}-\d{3}|\d{4}(?: ?[A-Z]{2}\b)?|\d{3} \d{2}|\d{2}-\d{3})"   # 10435, 1100-053, 1016 HL, 811 06, 00-560
STRONG_POSTCODE = rf"(?:{UK_POSTCODE}|{CA_POSTCODE}|{EIRCODE}|{US_STATE_ZIP}|{STATE_POSTCODE})"
TOWN = rf"{WORDS}(?:\s+\d{{1,2}}(?=,))?"                                   # Dublin 9, ...
# After the street: towns, districts and a postcode, each after a comma (or a space before a postcode).
UNIT_AFTER = r"(?:Apt\.?|Apartment|Unit|Suite|Flat|Fl\.?|Floor)\s+\w+"
TAIL = (rf"(?:,?\s+(?:{UNIT_AFTER}|{STRONG_POSTCODE}|{NUMERIC_POSTCODE}\s+{TOWN}|{TOWN}(?:,?\s+(?:{STRONG_POSTCODE}|"
        rf"{NUMERIC_POSTCODE}))?)(?![\w-])){{0,3}}")
NUMBER_FIRST = re.compile(
    rf"\b{UNIT}{HOUSE}(?:\s+(?:bis|ter))?,?\s+(?:(?:{WORDS}\s+)?(?:\d{{1,3}}(?:st|nd|rd|th)\s+)?(?:{STREET_TYPES})\b\.?|(?:{TYPE_FIRST})\s+"
    rf"(?:{PARTICLE}\s+)*{WORDS}){TAIL}")
ANCHORED = re.compile(
    rf"\b{UNIT}{HOUSE},?\s+{WORDS}(?:,\s+{TOWN}){{0,2}},?\s+{STRONG_POSTCODE}(?![\w-])")
# "Calle de Fuencarral 97, 2º izquierda, 28004 Madrid": a floor or flat may stand between.
FLOOR = r"(?:et\.\s*\d+|\d+[ºª°]\s*\w+|(?:m|kv|apt|app|bt|lok|dz|st|lgh|no)\.?\s*\d+|\w+\s+\d+[A-Za-z]?)"
STREET_FIRST = re.compile(
    rf"(?<![\w-])(?:(?:ul|al|Jl|pl|vul|bul|prosp|str|nám|C/)\.?\s*|(?:{TYPE_FIRST.title()})\s+(?:{PARTICLE}\s+)*)?{WORDS}(?:\s+{AFTER_NAME})*\s+{HOUSE}"
    rf"(?:\s+m\.\s*\d+|\s[A-H](?:\s\d{{1,3}})?(?=,))?(?:,\s+{FLOOR})?(?:,\s+(?:{NUMERIC_POSTCODE}\s+{TOWN}|{TOWN},?\s+{NUMERIC_POSTCODE}|"
    rf"{TOWN}\s+{NUMERIC_POSTCODE}))(?![\w-])")
# Cued: "I live at 42 Oakfield", "my address is 7 Millbrook" - a number and capitalised words.
CUED = re.compile(rf"\b(?:live at|living at|address is|I'm at|I am at|moved to|send it to|based at) "
                  rf"({UNIT}{HOUSE},?\s+(?:{CAP}\s*){{1,4}}{TAIL})")
# A house name: "The Old Rectory, Church Street, Ludlow SY8 1AP".
HOUSE_NAME = re.compile(rf"\b(?:The\s+)?{WORDS},\s+{WORDS}\s+(?:{STREET_TYPES}),\s+{TOWN},?\s+{STRONG_POSTCODE}")
# A postcode said alone: a UK, Canadian or Irish one by its shape; digits after the word for them.
CUE = (r"(?:(?i:zip(?: ?code)?|postal ?code|post ?code|postcode|pin ?code|plz|code postal|postnummer|postinumero|"
       r"kod pocztowy|psč|irányítószám|c[óo]digo postal|codice postale|postleitzahl|posta kodu|"
       r"poštanski broj|cod poștal|cod postal)|CAP|C\.P\.|CP)")
# The cue said after the code: "it's 3511 AZ, the postcode", "75016 is my postcode".
CUE_AFTER = re.compile(r"(?<![\w-])(\d{4} ?[A-Z]{2}|\d{5}|\d{4}-\d{3}|\d{2}-\d{3})(?![\w-]),?\s+(?:is\s+|that's\s+)?"
                       r"(?:the|my|our|her|his)\s+(?i:post ?code|postal code|zip(?: ?code)?|code postal)")
# After its cue a postcode may be any country's shape: digits, or capitals and digits ("BB11000",
# "C1043AAZ", "A15E3C5", "BE3619"); a few words may come between ("the postcode you want is").
MIXED_CODE = r"(?=[A-Z\d-]*\d)(?=[A-Z\d-]*[A-Z])[A-Z]{1,3}\d{0,3}-?[A-Z\d]{3,7}"   # "KY1-1201", "AX-22100" too
ALONE = re.compile(rf"\b(?:{UK_POSTCODE}|{CA_POSTCODE}|{EIRCODE})\b|\b{CUE}(?:\s+[a-z]+){{0,3}}?(?:'s|:| is| it's| it is| c'est| es| ist| è|,)?\s*"
                   rf"((?:[A-Z]{{1,2}}-)?(?:\d{{5}}(?:-\d{{4}})?|\d{{4}}(?: ?[A-Z]{{2}}\b)?|\d{{3}} \d{{2}}|\d{{2}}-\d{{3}}|\d{{6}})|{MIXED_CODE})\b"
                   rf"|\b{US_STATE_ZIP}\b")
# The answer to a question about the postcode: "agent: can I take a postcode?\ncaller: BE3619".
ANSWERED = re.compile(rf"{CUE}[^\n]*\?[ \t]*\n[ \t]*(?:{names.SPEAKER}:)?[ \t]*"
                      rf"((?:[A-Z]{{1,2}}-)?\d{{4,6}}|{MIXED_CODE}|{UK_POSTCODE}|\d{{5}}-\d{{3,4}})[ \t.]*(?=\n|$)")


# A zip or postcode said on its own once asked or named ("the postcode for Armadale is 6112", "can you
# say the zip again?\nCaller: 87327"); not a year said with it ("the postcode changed in 2024").
POSTCODE_SAID = re.compile(r"\b(?:zip(?: code)?|post ?code|postal code)\b(?:[^.!?\d]|\?\s*\n[^:\n]{0,20}:|\?\s*(?:\.\.\.|…)){0,40}?"
                           r"(?<!\bin )(?<!\bsince )\b(\d{5}(?:-\d{4})?|\d{4})(?!\d|[,.:]\d|\s*(?:pounds|dollars|euros))",
                           re.IGNORECASE)


# A street the Polish way, its prefix enough to say what it is ("ul. Zabrska 9", "os. Tysiąclecia 12/48",
# "al. Jana Pawła II 12 m. 4"); a town beside a postcode of the Polish shape ("Gliwice 44-100",
# "40-871 Katowice"); a flat said the Russian way ("kvartira 113"); a GhanaPost digital address.
PREFIXED_STREET = re.compile(rf"(?<![\w-])(?:ul|os|al|pl)\.\s*{WORDS}(?:\s+[IVX]{{1,4}})?\s+{HOUSE}(?:\s+m\.\s*\d+)?(?![\w-])")
TOWN_AND_CODE = re.compile(rf"(?<![\w-])(?:{CAP}\s+\d{{2}}-\d{{3}}|\d{{2}}-\d{{3}}\s+{CAP})(?![\w-])")
FLAT_SAID = re.compile(r"\b(?:kvartira|kvartiry|xonadon)\s+\d{1,4}\b", re.IGNORECASE)
DIGITAL_ADDRESS = re.compile(r"\b(?:digital address|GhanaPost|GPS address)\b")
GHANA_POST = re.compile(r"(?<![\w-])[A-Z]{2}-\d{3,4}-\d{4}(?![\w-])")


# Once an address is given, a postcode with its town said after a break ("Via Nazionale 12, and then...
# ...87010 Lungro"): the rest of it.
CODE_AND_TOWN = re.compile(rf"(?<![\w,-])(?<!\d\.)(\d{{4,5}}\s+{CAP})(?![\w-])")


def _town_and_code(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in TOWN_AND_CODE.finditer(text)
            if not any(names.plain(word) for word in re.findall(r"[^\W\d_]+", m.group(0)))]


# A call's turns (turns.py): "Confirm your postcode." / "Caller: 3906."; "And the street?" / "Caller:
# Obere Gasse 12." The answer to a postcode is a code alone; to a street or an address line, the
# whole answer when it has a number or two capitalised words ("Marine Terrace, Singapore 440056")
ASKS_POSTCODE = re.compile(r"\b(?:postcode|post code|zip|postal code|eircode|pin code|cap|plz|code postal)\b", re.IGNORECASE)
ASKS_STREET = re.compile(r"\b(?:street|first line|address|house number|flat number|road)\b", re.IGNORECASE)
CODE_ANSWER = re.compile(r"^(?:(?:it[’']?s|yes|yeah|that[’']?s)[,\s]+)?((?:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})|\d{4,6}(?:-\d{3,4})?|"
                         r"[A-Z]\d[A-Z]\s?\d[A-Z]\d|[A-Z]{1,2}-\d{4,5})(?=[.!,]?\s*(?:$|,|\b(?:yes|yeah|correct)\b))", re.IGNORECASE)
LINE_ANSWER = re.compile(r"^(?:(?:it[’']?s|yes|yeah|that[’']?s)[,\s]+)?((?=[^?]{3,80}$)[\dA-ZÀ-Ý][^?]*?)[.!]?\s*$")


def _line(match: re.Match) -> bool:
    said = match.group(1)
    return bool(re.search(r"\d", said)) or len(re.findall(r"\b[A-ZÀ-Ý][\w'’-]+", said)) >= 2


BFPO = re.compile(r"\bBFPO\s*\d{1,4}\b")  # a British forces post office: an address of its own


def _asked_in_turns(text: str) -> list[tuple[int, int]]:
    codes = [m.span() for m in BFPO.finditer(text)] + turns.answered(text, lambda said: bool(ASKS_POSTCODE.search(said)), CODE_ANSWER)
    lines = turns.answered(text, lambda said: bool(ASKS_STREET.search(said)) and "?" in said, LINE_ANSWER,
                           lambda m: _line(m) and not ASKS_STREET.search(m.group(1)))
    return codes + lines


def find(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for pattern in (HOUSE_NAME, ANCHORED, NUMBER_FIRST, STREET_FIRST) for m in pattern.finditer(text)]
    spans += _asked_in_turns(text)
    parts = [m.span() for pattern in (PREFIXED_STREET, FLAT_SAID) for m in pattern.finditer(text)] + _town_and_code(text)
    if DIGITAL_ADDRESS.search(text):
        parts += [m.span() for m in GHANA_POST.finditer(text)]
    spans += [(s, e) for s, e in parts if not any(a <= s and e <= b for a, b in spans)]  # a part of a whole one found
    spans += [m.span(1) for m in POSTCODE_SAID.finditer(text)]
    spans += [m.span(1) for m in CUED.finditer(text)] + chains(text)
    spans += [m.span(1) if m.group(1) else m.span() for m in ALONE.finditer(text)]
    spans += [m.span(1) for m in (*CUE_AFTER.finditer(text), *ANSWERED.finditer(text))] + address_runs.find(text)
    if spans:
        spans += [m.span(1) for m in CODE_AND_TOWN.finditer(text) if not names.plain(m.group(1).split()[-1])
                  and not any(a <= m.start(1) < b for a, b in spans)]
    # Longest first: the redactor keeps the first of overlapping spans.
    return sorted(spans, key=lambda span: (span[0] - span[1], span[0]))


# An address said as comma-separated parts, in any country's order: a street with its number
# ("Laugavegur 28", "Str. Lipscani nr. 25", "Sukhumvit Soi 11", "1-14-7 Jingumae") or a flat
# ("Flat 402"), then flats, floors, districts ("scala B", "3. OG", "Gangnam-gu", "Col. Roma
# Norte"), up to a postcode with its town ("101 Reykjavík", "Seoul 06232", "3512 JE Utrecht").
# The parts are read one by one; the run counts only when it ends in a postcode with its town.
ELIDED = r"(?:dell|dall|nell|sull|d|l)['’]"
PART_WORD = rf"(?:{ELIDED})?{CAP}"
PART_WORDS = rf"{PART_WORD}(?:\s+(?:{PARTICLE}\s+)*{PART_WORD}){{0,4}}"
PREFIX = r"(?:(?:ul|al|Jl|pl|vul|bul|prosp|Str|str|nám|Col|Bd|Av|Avda|C)\.\s*|C/\s*)"
CHAIN_HOUSE = r"(?:\d{1,2}[- ](?i:ch[oō]me)-)?\d{1,5}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?){0,2}"   # "3 Chome-5-1", "1-14-7"
STREET_PART = (rf"(?:{PREFIX}?{PART_WORDS}(?:\s+{AFTER_NAME})*(?:\s+[IVX]{{1,4}})?(?:\s+\d{{1,4}}-(?:gil|ro|dong|ga))?"
               rf"(?:\s+(?:Soi|nr\.|No\.?:?|n\.|n°|nº))?"
               rf"\s+{CHAIN_HOUSE}(?:\s+(?:bis|ter|[A-Z]))?(?:\s+(?:bus|boîte|bte|box)\s+\d{{1,4}})?|"
               rf"{CHAIN_HOUSE}(?:\s+(?:bis|ter))?,?\s+(?:(?:{TYPE_FIRST})\s+(?:{PARTICLE}\s+)*)?{PART_WORDS})")
UNIT_PART = (r"(?:(?i:flat|apt|apartment|appartement|app|apto|unit|suite|level|floor|piso|planta|puerta|porta|esc|"
             r"escalera|scala|int|interno|stan|ap|kv|et|étage|tür|stiege|stock|bus|boîte|bte|daire|lgh|m|bl|bloc|sc|scara)\b\.?\s*\w{1,5}"
             r"|\d{1,2}\s*(?:[ºª°]|\.)\s*\w{0,10}\.?(?:\s+\d{1,3})?|\d{1,2}[nrtaeè]\s+\d{1,2}[ae]|Top floor flat|Hinterhaus)")
PLACE_PART = rf"(?:{PREFIX}?{PART_WORDS}(?:\s+-\s+[A-Z]{{2}})?)"    # "Col. Roma Norte", "São Paulo - SP"
POSTCODE_TOWN = (rf"(?:(?:[A-Z]{{1,2}}-)?\d{{3,6}}(?:[- ]\d{{2,4}})?(?:\s[A-Z]{{2}})?\s+{PART_WORDS}(?:\s+\d{{1,2}})?"
                 rf"|{PART_WORDS}\s+(?:(?:[A-Z]{{1,2}}-)?\d{{3,6}}(?:-\d{{3,4}})?|{STRONG_POSTCODE})|{STRONG_POSTCODE})")
FIRST_PART = re.compile(rf"(?<![\w'’.-])(?:{STREET_PART}|{UNIT_PART})$")
FULL = {kind: re.compile(rf"\s*({pattern})\s*") for kind, pattern in
        (("street", STREET_PART), ("unit", UNIT_PART), ("place", PLACE_PART), ("postcode", POSTCODE_TOWN))}
# A postcode said last without its town, when its shape says it is one: "01310-200", "00-514".
BARE_POSTCODE = r"(?:\d{5}-\d{3}|\d{2}-\d{3}|\d{4}-\d{3})(?=\s*(?:[,.;!?]|$))"
LAST_PART = re.compile(rf"\s*({POSTCODE_TOWN}|{BARE_POSTCODE})(?![\w'’-])")
MOST_PARTS = 7


def _kind(part: str) -> str | None:
    for kind, pattern in FULL.items():
        if pattern.fullmatch(part):
            return kind
    return None


def chains(text: str) -> list[tuple[int, int]]:
    cuts = [-1] + [i for i, c in enumerate(text) if c == ","] + [len(text)]
    parts = [(cuts[i] + 1, cuts[i + 1]) for i in range(len(cuts) - 1)]
    spans = []
    for i, (start, end) in enumerate(parts):
        first = FIRST_PART.search(text, start, end)
        if not first:
            continue
        streets = FIRST_PART.fullmatch(text, first.start(), end) and re.search(r"\d", first.group(0))
        longest = None
        for j in range(i + 1, min(i + MOST_PARTS, len(parts))):
            s, e = parts[j]
            last = LAST_PART.match(text, s, e)
            if last and (streets or j > i + 1):
                longest = (first.start(), last.end(1))
            if _kind(text[s:e]) is None:  # a street, flat or district: the run goes on
                break
        if longest:
            spans.append(longest)
    return spans
