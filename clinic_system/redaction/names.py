"""People's names: after an introduction ("my name is", "this is", "I'm", a title, "my
daughter"), before one ("Leilani Faleolo speaking", "Hemi Parata here"), the patient's own
name from the clinic's record, spelled out ("H-O-R-O-M-O-N-A"), and first or last names
from a name list (every Faker locale's names in Latin letters, read at start: Welsh, Irish,
Vietnamese, Georgian, Yoruba, ...) when written as names (capitalised, not an ordinary
word). A name found once is redacted wherever it appears in the text, with the particles
that belong to it ("Ní Bhriain", "Mac Giolla Phádraig")."""
from __future__ import annotations

import re
from functools import lru_cache

from . import address_runs, ordinary

# A capitalised word in any alphabet: Édith, Ångström, O'Neill-Murphy, Rębiś, McDonald.
# An Arabic or Romance article joined to the name counts with it: al-Zahrani, el-Sayed, d'Arcy.
NAME = (r"(?:(?:al|el|ad|as|ash|at|az|abu|d|l|de|di|da|du)['’-])?"
        r"(?=[^\W\d_])(?:[^\W\d_a-z]|[ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞĀ-ſ])[^\W\d_]*(?:['’-][^\W\d_]+)*"
        r"(?:['’](?=[\s,.;:!?]))?")  # and a glottal stop written last: K'iche' "Ajpub'", "B'eleje'"
STRONG = (r"[Mm]y name is|[Nn]ame's|[Nn]ame is|[Cc]alls? me|[Kk]nown as|[Gg]o(?:es)? by|[Pp]ut (?:it|me|the booking|that) (?:down )?under|"
          r"booking is for|under the name(?: of)?|[Ii]t's in the name of|(?:sur|first |last |family |given |middle )name(?: is|:)?|"
          r"(?:[Mm]y|[Hh]er|[Hh]is|[Oo]ur|[Tt]heir) (?:daughter|son|mum|mom|mother|father|dad|husband|wife|partner|"
          r"sister|brother|friend|fiancée?|aunt|uncle|niece|nephew|grandmother|grandfather|gran|nan|granny|"
          r"grandma|grandpa|cousin|GP|doctor|surgeon|colleague|boss|carer|child|kid|twin|stepdaughter|stepson|"
          r"girlfriend|boyfriend|flatmate|neighbour|neighbor|auntie|aunty|boy|girl|ex|ex-wife|ex-husband|ex-partner|"
          r"grandson|granddaughter|grandad|granddad|godson|goddaughter|godmother|stepmum|stepdad|sister-in-law|"
          r"brother-in-law|mother-in-law|father-in-law|little girl|little boy|baby girl|baby boy|eldest|youngest),?(?: is)?|"
          # "my name is" in the languages callers switch into
          r"[Mm]enya zovut|[Mm]e llamo|[Mm]i nombre es|[Jj]e m['’]appelle|[Mm]on nom est|[Ii]ch heiße|[Ii]ch heisse|"
          r"[Mm]ein Name ist|[Mm]i chiamo|[Ii]l mio nome è|[Jj]ina langu ni|[Nn]ama saya|[Mm]eu nome é|[Ii]k heet|"
          r"[Mm]ijn naam is|[Nn]azywam się|[Mm]am na imię|[Bb]enim adım|[Mm]era naam|[Mm]ero naam|[Aa]ko si|"
          r"[Ll]a mia nome|[Zz]ovut menya")
WEAK = r"[Tt]his is|I'm|I am|[Ii]t's|[Ss]peaking(?: with)?|(?:Mr|Mrs|Ms|Miss|Mx|Dr|Doctor)\.?|[Jj]ust put|[Pp]ut it as|[Cc]alling for"
# Patronymics too: Malay "bin"/"binti", Iban "anak", Hassaniya "Ould"/"Mint" ("Mint Ahmed" is one surname).
PARTICLE = (r"(?:van|von|de|da|di|del|della|der|den|la|le|du|ter|ten|bin|binti|bint|ibn|anak|ould|mint|al|el|ap|ab|dos|das|do|"
            r"de los|de las|dela|Ní|Nic|Ó|Ua|Mac|Mhic|Te|De|Van|Von|Al|El|Da|Di|Dela|Bin|Binti|Ould|Mint|Anak)")
# Capitalised particles are part of the name they stand before, and are redacted with it.
# Burmese, Karen, Shan and Mon names begin with a word for the person ("Saw Htoo Lwin", "Naw Mu Mu").
NAME_PARTICLES = {"Ní", "Nic", "Ó", "Ua", "Mac", "Mhic", "Te", "De", "Van", "Von", "Al", "El", "Da", "Di", "Dela",
                  "Bin", "Le", "La", "Du", "Dos", "Das", "Binti", "Bint", "Ould", "Mint", "Anak",
                  "Saw", "Naw", "Sai", "Nang", "Nai", "Mi", "Daw", "Maung", "Mahn"}
# "K-A-M-A-U", "O, S, K, A, L", "D as in delta, U, S, H": a letter may carry its spelling word
SPELLED = re.compile(r"\b[^\W\d_a-z](?:-[^\W\d_a-z]){2,}\b|\b[A-Z](?: as in \w+)?(?:,\s(?:double\s)?[A-Z](?: as in \w+)?){3,}\b")
# "Leilani Faleolo speaking", "Hemi Parata here", at the start of a sentence.
NAMED_BEFORE = re.compile(rf"(?:^|[.!?,]\s+|(?:Customer|Caller):\s*)((?:{NAME})(?:\s+(?:{PARTICLE}\s+)?(?:{NAME})){{0,2}})"
                          rf"\s+(?:here|speaking|calling)\b")
INTRO = re.compile(rf"\b(?:({STRONG})|{WEAK})(?:\s+(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx)\.?)?\s+((?!(?:I'm|I|It's|This|That's)\b)(?:{NAME})(?:\s+(?:{PARTICLE}\s+)?(?:{NAME})){{0,2}})")
# "..., Alfieri is my surname", "Smith's my last name"
NAMED_AFTER = re.compile(rf"(?<![\w'’-])({NAME})(?:'s| is) my (?:sur|last |family |first |given |middle |clan |maiden |married |"
                         rf"father's |tribal |Christian )?name")
# "hello, Enkhjargal, and ...", "hi, Khulan, surname ...": a greeting, then one name and a comma.
GREETED = re.compile(rf"(?i:\b(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)))\s*,\s+({NAME})(?=,)")
# "it's said Nggalo", "pronounced Thakau": how a name sounds is the name too.
SAID_AS = re.compile(rf"(?:(?<=,\s)said|\bit(?:'s| is) said|\bpronounced|\bsounds like|\bsay it(?: like)?)\s+"
                     rf"(?![A-Z]+\b)({NAME})(?![\w'’-])")
# Who speaks, as a transcript labels the caller's turn: Vapi's default is "User:" (its transcript plan
# names the two sides "AI" and "User"); clinics' own formats say "Customer:", "Caller:", "Patient:".
SPEAKER = r"(?i:caller|customer|patient|client|user)"
TOKEN = re.compile(rf"(?<![\w'’-])(?:{NAME})(?![\w'’-])")
PAIR = re.compile(rf"(?<![\w'’-])({NAME}) ({NAME})(?![\w'’-])")
# Capitalised words that are not names here, however often parents choose them.
ORDINARY = set("""
I I'm I'd I'll It's That's There's Here's Hi Hello Hey Yes No Yeah Okay Ok Sure Thanks Thank Please Sorry Great Good Fine Well So And But Or
The A An This That These Those It Its We You He She They My Our Your His Her Their Can Could Would Should Will
Shall May Might Must Do Does Did Is Are Was Were Be Been Have Has Had What When Where Which Who Why How Just Also
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September
October November December Today Tomorrow Morning Afternoon Evening Night Week Weekend Next Last First Second
Dr Doctor Mr Mrs Ms Miss Clinic Cosmetic Surgery Premier Advanced Aesthetic Customer Assistant AI Receptionist
Booking Book Appointment Consultation Hold Text Link Call Calling Phone Number Email Address Street Road London
Price Cost Pounds Dollars OK Right Perfect Lovely Brilliant Cheers Bye Goodbye Maybe Actually Really Still Again
Summer Winter Spring Autumn Fall Christmas Easter Z O E
American Express Visa Mastercard Maestro PayPal Klarna Clearpay Revolut Monzo Vodafone Verizon Orange Lyca Giffgaff
Telekom Swisscom Movistar Airtel Jio Apple Google Amex NHS GP French France English England
British Britain Irish Ireland Scottish Scotland Welsh Wales Spanish Spain Italian Italy German Germany Dutch European
Danish Swedish Norwegian Finnish Icelandic Polish Russian Greek Turkish Portuguese Swiss Belgian Austrian Czech
Chinese Japanese Korean Indian Pakistani Thai Vietnamese Filipino Mexican Brazilian Canadian Australian Nigerian Ghanaian
Europe America Canada Australia Zealand Instagram Facebook TikTok WhatsApp Zoom Teams Bank Holiday Mum Dad
Mom Mummy Mommy Daddy Nan Nanna Gran Granny Grandma Grandpa Grandad Granddad Auntie Aunty Hubby Sis Bro
New Year Years Eve Day Boxing Halloween Hanukkah Diwali Eid Ramadan Passover Thanksgiving Valentine's
Mother's Father's Pancake Bonfire Lent Holy Labour Labor Memorial Independence Midsummer Hogmanay Whitsun
Eircode Postcode Zip Email Mobile Landline Flat Apartment Suite Unit Floor SSN Social Security Extension
Guten Tag Morgen Abend Grüezi Servus Moin Bonjour Bonsoir Salut Buongiorno Buonasera Ciao Salve Hola Buenos Buenas
Días Dias Tardes Noches Olá Bom Boa Dia Tarde Bon Bona Goedemorgen Goedemiddag Goedenavond Hallo Hoi Dag Hej Hei
Moi Tere Labas Sveiki Szia Jó Napot Dzień Dobry Dobrý Den Dobar Zdravo Bună Ziua Kalimera Merhaba Günaydın
Namaste Namaskar Salaam Salam Shalom Sawasdee Konnichiwa Annyeong Annyeonghaseyo Jambo Habari Sawubona Molo Kia Ora
Name Names Surname Resident Patient Pastor Reverend Father Sister Brother Imam Rabbi Deacon Elder PA Green Card
Bhaiya Bhai Didi Bhabhi Behen Ate Kuya Lola Lolo Tita Tito Manang Manong Nani Dadi Amma Appa Ammi Abba
Babushka Dedushka Oma Opa Nonna Nonno Avó Avô Abuela Abuelo Tía Tío Mamá Papá Alexa Siri Cortana GA
Nowruz Norooz Vaisakhi Baisakhi Holi Navratri Onam Pongal Songkran Purim Sukkot Kippur Rosh Hashanah Chuseok Tet Lohri
Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Lunes Martes Miércoles Jueves Viernes Sábado Domingo
Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Lunedì Martedì Mercoledì Giovedì Venerdì Sabato
Segunda Terça Quarta Quinta Sexta Sábado Maandag Dinsdag Woensdag Donderdag Vrijdag Zaterdag Zondag
Aiyo Aiyoh Ayyo Aiyah Alamak Allora Dunque Perdón Perdon Pardon Désolé Desculpe Entschuldigung Scusi Scusa
Gracias Merci Danke Grazie Obrigado Obrigada Spasibo Dziękuję Asante Dankie Tak Takk Kiitos Efharisto
Datenschutz Spanglish Franglais Hinglish Singlish Manglish Taglish Denglisch
Loud Noisy Busy Windy Quiet Mister Anyway Given From Questionnaire Put Write Send Give Take Make Let Tell Ask
VAT Grüß Gott Thobela Kuei Sie Termin Dobryi Dobrý Selamat Siang Pagi Sore Malam Sawa Pole Karibu Hafa Adai
""".split())
# "St Patrick's Day", "Saint George's Day", "San Juan": a saint's day is a date, not a caller.
SAINTS_DAY = re.compile(rf"\b(?:St\.?|Saint|San|Santa|Sankt|Sainte?)\s+(?:{NAME})(?:\s+(?:Day|Eve|Night|Week))?")
# Ordinary words that are also names: names after an introduction, not from the list alone.
AMBIGUOUS = set("""Grace Hope Joy Faith Will Mark Bill Pat Sue Art Rose Dawn Ivy Bay Glen Dean Guy Chase Hunter
Cash Case Lane Park Hill Wood Brook Field Rich Young King Long Short Little Major May June April Summers
English French Irish Welsh Scott Holland Wales England Valentine Noel Holly""".split())
# Words that are also given names ("Summer", "Will", "Grace"): a name when a surname follows.
WORD_NAMES = AMBIGUOUS | {"Summer", "Autumn", "Winter", "Will", "August", "Eve", "Christian", "Sunny"}
NOT_AFTER_INTRO = ORDINARY | {"Here", "There", "Not", "Calling", "Looking", "Wondering", "Interested", "Back", "Sure",
                              "Just", "Ringing", "Phoning", "Trying", "Hoping", "Afraid", "Glad", "Happy", "Free"}


@lru_cache(maxsize=1)
def name_list() -> frozenset[str]:
    import importlib
    import pkgutil

    import faker.providers.person as people

    names: set[str] = set()
    for module in pkgutil.iter_modules(people.__path__):
        provider = getattr(importlib.import_module(f"{people.__name__}.{module.name}"), "Provider", None)
        for attribute in ("first_names", "last_names", "first_names_male", "first_names_female",
                          "last_names_male", "last_names_female", "first_names_nonbinary"):
            value = vars(provider).get(attribute) if provider else None
            if isinstance(value, (list, tuple, set, frozenset, dict)):
                names.update(n for n in value if isinstance(n, str))
    latin = re.compile(r"[A-Za-zÀ-ɏḀ-ỿ'’-]+")  # one word in Latin letters: the way a transcript writes it
    return frozenset(n for n in names if latin.fullmatch(n) and n[0].isupper() and n not in ORDINARY
                     and n not in AMBIGUOUS and len(n) > 2)


def _introduced(text: str) -> set[str]:
    found = set()
    for match in INTRO.finditer(text):
        strong = match.group(1) is not None
        words = match.group(2).split()
        # "It's Summer Hayes", "I'm Will Turner": a word that is also a name, before a surname
        if len(words) > 1 and words[0] in WORD_NAMES and words[1] not in NOT_AFTER_INTRO and _surname(words[1]):
            found.add(words.pop(0))
        for word in words:
            if word in NOT_AFTER_INTRO and not (strong and word not in ORDINARY - AMBIGUOUS):
                break
            if not re.fullmatch(PARTICLE, word):
                found.add(word)
    found.update(m.group(1) for m in NAMED_AFTER.finditer(text))
    found.update(m.group(1) for p in (GREETED, SAID_AS) for m in p.finditer(text) if not plain(m.group(1))
                 and m.group(1) not in AMBIGUOUS)
    said_alone = [TOKEN.findall(m.group(1)) for p in (CALLING_AGAIN, SIGNED_OFF, BEFORE_A_NUMBER, HEADED)
                  for m in p.finditer(text)]
    said_alone += [[m.group(1)] for p in (THE_NAME, THANKED, SPELT_CHECK, ADDRESSED, SAID_TO_BE) for m in p.finditer(text)]
    said_alone += [TOKEN.findall(m.group(1)) for m in CHECKED_WHO.finditer(text)]
    said_alone += [TOKEN.findall(m.group(1)) for m in NAME_ASKED.finditer(text)]
    for words in said_alone:  # only where no word is ordinary and one is name-like ("Confirm.", "See you Tuesday." are not)
        if (words and not any(plain(w) or plain(w.title()) or w in AMBIGUOUS or w in NOT_AFTER_INTRO for w in words)
                and any(_surname(w.title()) for w in words)):
            found.update(w for w in words if not re.fullmatch(PARTICLE, w))
    for match in NAMED_BEFORE.finditer(text):
        found.update(w for w in match.group(1).split() if w not in NOT_AFTER_INTRO and not re.fullmatch(PARTICLE, w))
    return found


RELATIVE = (r"(?:daughter|son|mum|mom|mother|father|dad|husband|wife|partner|sister|brother|friend|aunt|uncle|"
            r"niece|nephew|gran|nan|cousin|child|kid|twin|girlfriend|boyfriend)")
OPENING_RUN = re.compile(rf"(?<![\w'’-])((?:{NAME})(?:\s+(?:{NAME})){{2,3}}),")
POSSESSIVE = re.compile(rf"(?<![\w'’-])({NAME})['’]s (?:{RELATIVE}|appointment|booking|consultation)\b")


LOWER_PARTICLE = r"(?:van|von|der|den|de|la|los|las|del|della|di|da|dos|das|do|du|le|ter|ten|bin|binti|bint|ibn|anak|ould|mint|al|el)"
# A caller's opening: the utterance's first words (after a greeting and its comma, "Goedemiddag, ...")
# when a comma, "for" (her mum, the clinic) or "here" follows: "Joost de Vries, 06-...", "Kenji
# Watanabe for his wife ...".
OPENING = re.compile(rf"(?:^|[.!?:]\s+|^{SPEAKER}:\s*|^(?:[^,.!?]{{1,24}},\s+){{1,2}})((?:{NAME})(?:\s+(?:{LOWER_PARTICLE}\s+)*(?:{NAME})){{1,3}})"
                     rf"(?=[,;]|\s+for\b|\s+(?:here|speaking|calling)\b)")
# A caller who rings again or speaks after a heading ("Out of hours: Ondoa again", "Decontee again,
# there's ...", "Chechek hier"): one to three capitalised words before "again", "speaking", "here", "hier"
CALLING_AGAIN = re.compile(rf"(?:^|[.!?:]\s+|,\s+)((?:{NAME})(?:\s+(?:{NAME})){{0,2}})\s+(?:again|speaking|here|hier|ici|aquí|qui)\b")
# A name said on its own to end the call ("... is that normal? Yuliana Gea.", "Lucila."), or with
# "the name" after it ("Theseira the name"); the agent thanking the caller by name ("Thank you, Thresiamma.")
SIGNED_OFF = re.compile(rf"(?:^|[.!?]\s+)((?:{NAME})(?:,?\s+(?:{NAME})){{0,2}})(?:[.!](?=\s|$)|\s*$)")
# a name, then a number to reach them: "Yafeti, phone 0812 ...", "Lemayian, +254 ..."
BEFORE_A_NUMBER = re.compile(rf"(?:^|[.!?:]\s+)((?:{NAME})(?:,?\s+(?:{NAME})){{0,2}}),\s+(?:(?:my\s+)?(?:phone|mobile|number|tel|cell)\b[\s:,]*)?"
                             rf"(?=\+?\d|\(\d|(?i:zero|oh|one|two|three|four|five|six|seven|eight|nine|plus)\s+"
                             rf"(?i:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)\b)")
# a name as a heading, the way a note or a message is signed at its top ("Totò Maesano: the ..."), and
# the agent checking a spelling ("Is that Betancort with a T?")
HEADED = re.compile(rf"(?:^|\n)[ \t]*((?:{NAME})(?:\s+(?:{NAME})){{1,3}}):\s")
SPELT_CHECK = re.compile(rf"\b(?:[Ii]s that|[Ii]t[’']s|[Tt]hat[’']s|[Ii]s it)\s+({NAME})\s+with (?:a|an|two|one|double|the)\b")
# the agent checking who it speaks to ("So Alwi Bamadhaj?", "is that Benyamim?") or calling the caller
# by name ("We've had a cancellation, Yaacov, would you like ..."); "he's Segaf," said of someone
CHECKED_WHO = re.compile(rf"\b(?:[Ii]s that|[Ss]o|[Aa]m I (?:speaking|talking) (?:to|with)|[Ii]s this)\s+((?:{NAME})(?:\s+(?:{NAME})){{0,2}})\?")
ADDRESSED = re.compile(rf"^[ \t]*(?:Agent|Assistant|Receptionist)\s*:[^\n]*?,\s+({NAME}),\s+(?:would|could|can|do|are|is|shall|will|have)\b",
                       re.MULTILINE)
SAID_TO_BE = re.compile(rf"\b(?:[Hh]e|[Ss]he)(?:[’']s| is) ({NAME})(?=[,.!?])")
THE_NAME = re.compile(rf"(?<![\w'’-])({NAME})(?:,)?\s+(?:the|is the|for the) name\b")
THANKED = re.compile(rf"\b(?:[Tt]hank you|[Tt]hanks|[Cc]heers|[Gg]ot it|[Pp]erfect|[Ll]ovely),?\s+({NAME})(?=[.!?,]|\s*$)")
# the answer to "Your name?", "Name as on your passport?": the capitalised words of the next turn
NAME_ASKED = re.compile(r"^[ \t]*[A-Z][\w .'-]{0,20}:[^\n]*\b(?:name|surname|spell)\b[^\n]*\?[ \t]*\n[ \t]*[A-Z][\w .'-]{0,20}:([^\n]*)",
                        re.MULTILINE | re.IGNORECASE)
# A name taken back: "Liesl... no wait, Anika", "Pabitra... I mean Bishnu".
CORRECTED = re.compile(rf"(?<![\w'’-])((?:{NAME})(?:\s+(?:{NAME}))?)\s*(?:\.\.\.|…)\s*,?\s*(?:no|I mean|sorry|wait|actually|or rather)\b")
# "Femke van der Meulen": particles and the capitalised word after a name belong to it.
AFTER_PARTICLES = re.compile(rf"\s+(?:(?:{LOWER_PARTICLE}|{'|'.join(sorted(NAME_PARTICLES))})\s+)+({NAME})(?![\w'’-])")


def _surname(word: str) -> bool:
    """A listed name, or a word no English list has: "Hayes", "Oyelowo"; not "Sale"."""
    from ..knowledge.words import common_words
    return word in name_list() or word.lower() not in common_words()


@lru_cache(maxsize=65536)
def plain(word: str) -> bool:
    """An ordinary word here, however capitalised: a greeting, a day, "Happy", "Good", a people."""
    from .ordinary import ORDINARY_WORDS
    return word in ORDINARY or word.lower() in ORDINARY_WORDS or word in _demonyms()


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """A country's people or language by its usual endings ("Moldovan", "Swazi", "Iranian"), from
    Faker's country names: "my Moldovan number" names no one."""
    from faker.providers.address.en_US import Provider
    out = set()
    for country in Provider.countries:
        if " " in country or len(country) < 4:
            continue
        for stem in {country, re.sub(r"(?:land|ia|a|o|e|y|i)$", "", country)}:
            out |= {stem + ending for ending in ("an", "ian", "n", "ese", "ish", "i", "ic")}
        out |= {country[:-4]} if country.endswith("land") else set()   # "Thai", "Swazi"
    return frozenset(out - name_list())




def _openings(text: str) -> set[str]:
    found = set()
    for match in list(OPENING.finditer(text)) + list(CORRECTED.finditer(text)):
        words = [w for w in match.group(1).split() if not re.fullmatch(LOWER_PARTICLE, w)]
        # "Moussa Fall, ...", "Kao Her, ...": after a first word that is a name, a capitalised
        # word is the name's too, even one that is ordinary elsewhere.
        if words[0] in ORDINARY - WORD_NAMES or (any(w in ORDINARY - WORD_NAMES for w in words[1:])
                                                 and (plain(words[0]) or words[0] in AMBIGUOUS)):
            continue
        # "Dawn Sutcliffe": a word that is also ordinary passes when another beside it is a name only
        if all(w in AMBIGUOUS or plain(w) for w in words):
            continue
        found.update(words)
    return found


def _pairs(text: str) -> set[str]:
    """Two capitalised words mid-sentence that are not ordinary words: a full name; at the
    start of a sentence, when a comma follows ("Zhou Haoran, I'm calling for my mother")."""
    found = {m.group(1) for m in POSSESSIVE.finditer(text) if m.group(1) not in ORDINARY} | _openings(text)
    for match in OPENING_RUN.finditer(text):
        words = match.group(1).split()
        if _sentence_start(text, match.start(1)) and not set(words) & (ORDINARY | AMBIGUOUS):
            found.update(words)
    for match in PAIR.finditer(text):
        first, second = match.group(1), match.group(2)
        opening = _sentence_start(text, match.start())
        if (opening and text[match.end():match.end() + 1] != ",") or {first, second} & (ORDINARY | AMBIGUOUS):
            continue
        if (first.isupper() and second.isupper() and len(first) > 1 and len(second) > 1) or min(len(first), len(second)) < 2:
            continue   # "the PDF ASAP", "Singapore S$4,900", "S S at the end": abbreviations and letters, not a name

        found.update((first, second))
    return found


# A capitalised word that says what kind a thing is: "my Swazi number", "the Frisian one", "the Mon people".
MODIFIER = re.compile(rf"\b(?:my|his|her|our|their|the|a|an)\s+({NAME})\s+(?:number|one|ones|spelling|way|name|people|"
                      rf"language|version|passport|phone|mobile|accent|side|family|community|style|word|card|address)\b")


# A language or a people: "she only speaks Mien", "so I mix Swahili", "Nias names are long", "Grebo people"
A_PEOPLE = re.compile(rf"\b(?:speak|speaks|spoke|speaking|mix|mixing|translate|translating|understand)\s+(?:(?:a bit of|a little|only|some)\s+)?"
                      rf"({NAME})\b|(?<![\w'’-])({NAME})\s+(?:people|names|language|community|speakers?|tribe|clan|dialect)\b")


def find(text: str, known_names=()) -> list[tuple[int, int]]:
    from . import name_shapes
    wanted = _introduced(text) | _pairs(text) | {p for n in known_names for p in n.split() if len(p) > 1}
    wanted |= name_shapes.words(text)
    listed = name_list()
    tokens = list(TOKEN.finditer(text))
    for match in tokens:  # a listed name written as a name: mid-sentence, or before another name
        word = match.group(0)
        after_the = text[max(0, match.start() - 4):match.start()].lower() == "the "   # "next to the Costa": a shop
        if word in listed and not after_the and (not _sentence_start(text, match.start())
                                                 or _followed_by_name(text, match.end(), listed)):
            wanted.add(word)
    if wanted & {re.sub(r"['’]s$", "", m.group(0)) for m in tokens}:  # a name said here (a known one may not be)
        wanted |= name_shapes.unknown_words(text)
    wanted = name_shapes.grow(text, wanted)
    # A word said only as a kind of thing is no one's name here.
    kinds = [m.span(1) if m.group(1) else m.span(2) for p in (MODIFIER, A_PEOPLE) for m in p.finditer(text)]
    wanted -= {text[s:e] for s, e in kinds if all(m.span() in kinds for m in TOKEN.finditer(text) if m.group(0) == text[s:e])}
    for match in tokens:
        after = AFTER_PARTICLES.match(text, match.end()) if match.group(0) in wanted else None
        if after and after.group(1) not in ORDINARY:
            wanted.add(after.group(1))
    # "Room 4", "Gate 2": an ordinary word before a number labels a place, whatever a name list holds
    # (not a building's word: "Lot 32" said alone is still part of an address)
    numbered = {m.group(0) for m in tokens if re.match(r" \d", text[m.end():m.end() + 2])
                and m.group(0).lower() in ordinary.ORDINARY_WORDS
                and not re.fullmatch(address_runs.BUILDING, text[m.start():m.end() + 2])}
    wanted -= numbered - set(known_names)
    spans = [m.span() for m in tokens if m.group(0) in wanted]
    spans += [(m.start(), m.end() - 2) for m in tokens if m.group(0)[-2:] in ("'s", "’s") and m.group(0)[:-2] in wanted]
    for before, after in zip(tokens, tokens[1:]):  # "Ní Bhriain": the particle goes with the name
        if before.group(0) in NAME_PARTICLES and after.group(0) in wanted and after.start() - before.end() == 1:
            spans.append(before.span())
    saints = [m.span() for m in SAINTS_DAY.finditer(text) if re.search(r"(?:Day|Eve|Night|Week)$", m.group(0))]
    spans = [(s, e) for s, e in spans if not any(a <= s and e <= b for a, b in saints)]
    return sorted(set(spans + [m.span() for m in SPELLED.finditer(text)] + name_shapes.spans(text, wanted)))


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?:\"“" or before.endswith(("Customer:", "Assistant:"))


def _followed_by_name(text: str, at: int, listed) -> bool:
    following = TOKEN.match(text, at + 1) if text[at:at + 1] == " " else None
    return bool(following and following.group(0) in listed)
