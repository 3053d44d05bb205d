"""Street addresses as people say them in the US, the UK and Ireland, France, Germany, Spain,
Italy, the Netherlands, the Baltics, Poland and beyond, with flats and floors, towns and
postcodes; and postcodes, Eircodes and ZIP codes said alone.

Three shapes cover most of Europe and the English-speaking world:
- number first, then a street with its type word: "41 Peckham Rye", "14 bis rue des Capucins";
- number first, any street name, anchored by a postcode: "22 Heol y Deri, Rhiwbina, Cardiff CF14 6HF";
- street first, then the number, anchored by a postcode and town: "Weserstraße 185, 12045 Berlin",
  "Calle de Fuencarral 97, 2º izquierda, 28004 Madrid", "Brīvības iela 118-7, Rīga, LV-1001"."""
import re

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
CAP = rf"(?!(?:It's|It|I'm|I|My|Our|Hi|Hello|Yes|Please|Send|Post|And|So|We|You|Yeah)\b)(?:[^\W\d_a-z]{LETTER}*(?:['’-]{LETTER}+)*|II|III|IV)"
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
    rf"\b{UNIT}{HOUSE}(?:\s+(?:bis|ter))?,?\s+(?:(?:{WORDS}\s+)?(?:{STREET_TYPES})\b\.?|(?:{TYPE_FIRST})\s+"
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
CUE = (r"(?:(?i:zip(?: ?code)?|postal ?code|post ?code|postcode|plz|code postal|postnummer|postinumero|"
       r"kod pocztowy|psč|irányítószám)|CAP|C\.P\.|CP)")
ALONE = re.compile(rf"\b(?:{UK_POSTCODE}|{CA_POSTCODE}|{EIRCODE})\b|\b{CUE}(?:'s|:| is| it's|,)?\s*"
                   rf"((?:[A-Z]{{1,2}}-)?(?:\d{{5}}(?:-\d{{4}})?|\d{{4}}(?: ?[A-Z]{{2}}\b)?|\d{{3}} \d{{2}}|\d{{2}}-\d{{3}}|\d{{6}}))\b"
                   rf"|\b{US_STATE_ZIP}\b")


def find(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for pattern in (HOUSE_NAME, ANCHORED, NUMBER_FIRST, STREET_FIRST) for m in pattern.finditer(text)]
    spans += [m.span(1) for m in CUED.finditer(text)]
    spans += [m.span(1) if m.group(1) else m.span() for m in ALONE.finditer(text)]
    # Longest first: the redactor keeps the first of overlapping spans.
    return sorted(spans, key=lambda span: (span[0] - span[1], span[0]))
