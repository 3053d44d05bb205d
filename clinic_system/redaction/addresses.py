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
              "via|viale|piazza|corso|largo|vicolo|strada|contrada|lungomare")
LETTER = r"[^\W\d_]"
# A capitalised word, not one that starts a sentence ("It's The Old Rectory" is not the house's name).
CAP = rf"(?!(?:It's|It|I'm|I|My|Our|Hi|Hello|Yes|Please|Send|Post|And|So|We|You|Yeah)\b)(?:[^\W\d_a-z]{LETTER}*(?:['’-]{LETTER}+)*|II|III|IV)"
PARTICLE = (r"(?:de|del|de la|dels|des|du|de l'|d'|di|dei|della|delle|degli|da|do|dos|das|y|la|le|les|el|van|von|"
            r"der|den|am|an|im|op|aan)")
# Words after the name in some countries: "Brīvības iela", "Gedimino pr.", "Jl. Kemang Raya No. 27".
AFTER_NAME = r"(?:iela|pr\.|prospekt|gatvė|gatve|tn\.|No\.|str\.)"
WORDS = rf"{CAP}(?:\s+(?:{PARTICLE}\s+)*{CAP}){{0,4}}"
HOUSE = r"\d{1,5}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?"
UNIT = (r"(?:(?:Flat|Apt\.?|Apartment|appartement|app\.?|Unit|Suite|Piso|Interno|int\.)\s+\w+,?\s+|"
        r"\d{1,4}/(?=\d))?")
UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}"
EIRCODE = r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}"
US_STATE_ZIP = r"[A-Z]{2},? \d{5}(?:-\d{4})?"
STATE_POSTCODE = r"[A-Z]{2,3} \d{4}"                                   # Bondi NSW 2026
NUMERIC_POSTCODE = r"(?:[A-Z]{2}-)?(?:\d{5}|\d{4}(?: ?[A-Z]{2}\b)?|\d{3} \d{2}|\d{2}-\d{3})"   # 10435, 1016 HL, 811 06, 00-560
STRONG_POSTCODE = rf"(?:{UK_POSTCODE}|{EIRCODE}|{US_STATE_ZIP}|{STATE_POSTCODE})"
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
FLOOR = r"(?:et\.\s*\d+|\d+[ºª°]\s*\w+|m\.\s*\d+|\w+\s+\d+[A-Za-z]?)"
STREET_FIRST = re.compile(
    rf"(?<![\w-])(?:(?:ul|al|Jl|pl)\.\s+|(?:{TYPE_FIRST.title()})\s+(?:{PARTICLE}\s+)*)?{WORDS}(?:\s+{AFTER_NAME})*\s+{HOUSE}"
    rf"(?:\s+m\.\s*\d+)?(?:,\s+{FLOOR})?(?:,\s+(?:{NUMERIC_POSTCODE}\s+{TOWN}|{TOWN},?\s+{NUMERIC_POSTCODE}|"
    rf"{TOWN}\s+{NUMERIC_POSTCODE}))(?![\w-])")
# Cued: "I live at 42 Oakfield", "my address is 7 Millbrook" - a number and capitalised words.
CUED = re.compile(rf"\b(?:live at|living at|address is|I'm at|I am at|moved to|send it to|based at) "
                  rf"({UNIT}{HOUSE},?\s+(?:{CAP}\s*){{1,4}}{TAIL})")
# A house name: "The Old Rectory, Church Street, Ludlow SY8 1AP".
HOUSE_NAME = re.compile(rf"\b(?:The\s+)?{WORDS},\s+{WORDS}\s+(?:{STREET_TYPES}),\s+{TOWN},?\s+{STRONG_POSTCODE}")
ALONE = re.compile(rf"\b(?:{UK_POSTCODE}|{EIRCODE})\b|\b(?:zip(?: code)?(?: is)? |ZIP(?: code)?(?: is)? |postcode(?: is)? )"
                   rf"(\d{{5}}(?:-\d{{4}})?)\b|\b{US_STATE_ZIP}\b")


def find(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for pattern in (HOUSE_NAME, ANCHORED, NUMBER_FIRST, STREET_FIRST) for m in pattern.finditer(text)]
    spans += [m.span(1) for m in CUED.finditer(text)]
    spans += [m.span(1) if m.group(1) else m.span() for m in ALONE.finditer(text)]
    # Longest first: the redactor keeps the first of overlapping spans.
    return sorted(spans, key=lambda span: (span[0] - span[1], span[0]))
