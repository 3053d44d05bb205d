"""Names by the shape of what is said around them, not by a list (round 6): a transcript line
that is only a name ("caller: Dinara Fazlyeva"), the answer to "who am I speaking with?", one
word no English list has before a comma or "here" at a turn's start ("Siphiwe again, ..."),
a word a spelling begins ("Dzhelyalov, D-Z-H"), an initial before a surname ("C. Lalremruati"),
a name joined to a found one by "and", and the capitalised words that stand next to a found
name ("Naw Htoo Paw")."""
from __future__ import annotations

import re

from . import names

NAME, LOWER = names.NAME, names.LOWER_PARTICLE
LABEL = rf"(?:{names.SPEAKER}\s*:\s*)"
# What a caller says before a name at a turn's start: "yes so", "um", "okay, ...", "hi".
FILLERS = r"(?:(?i:yes|yeah|yep|um+|uh+|er+m?|so|okay|ok|right|well|oh|ah|and|hi|hello|hey|it's|this is)\b[,.]?\s+)*"
RUN = rf"(?:{NAME})(?:\s+(?:{LOWER}\s+)*(?:{NAME})){{0,4}}"
# A line that is only a name: "caller: Khadijetou Mint Ely", "Dinara Fazlyeva", "okay, Naw Paw Lah again".
ONLY_NAME = re.compile(rf"^[ \t]*{LABEL}?{FILLERS}({RUN})(?:\s+(?i:again|here|speaking|calling))?[ \t.!]*$", re.MULTILINE)
# One word at a turn's start, then "again", "here", or a comma and whose it is ("Liana, her sister",
# "Zhanibek, my number ...", "Tala, the one who emailed"); not a greeting before a name or a
# question ("Talofa, my name is ...", "Hiya, is that the clinic?").
OPENING_WORD = re.compile(rf"(?:^|\n)[ \t]*{LABEL}?{FILLERS}({NAME})(?=\s*,\s*(?!my name\b)(?:her|his|my|our|their|the|your|"
                          rf"from|calling|again|I've|I have|I had|I need|email|phone|number|mobile|no|sorry)\b|\s+(?i:again|here|speaking|calling)\b)")
# An agent's question for a name, and the caller's answer on the next line.
ASKED = re.compile(r"(?i:who am i speaking (?:to|with)|who's calling|who is calling|your (?:full |first |last |sur|family )?name|"
                   r"(?:sur|first |last |family )name|and you are|can i take a name|spell (?:that|it))[^\n]*\?[ \t]*\n")
ANSWER = re.compile(rf"[ \t]*{LABEL}?{FILLERS}((?:{NAME})(?:\s+(?:{LOWER}\s+)*(?:{NAME})){{0,3}})(?=\s*(?:,|\n|$|\.))")
SPELLING = re.compile(r"(?<![\w-])[^\W\d_a-z](?:-[^\W\d_a-z]){1,}(?![\w-])")
INITIAL = re.compile(rf"(?<![\w.-])[A-Z]\.\s+({NAME})(?![\w'’-])")
# Round 10: a form's or a voice assistant's field ("First name field: Bronisława", "Record: Custódio
# Arruda", "names again: Anaba, Awini and Rejoice"), who to ask for ("ask for me, Mawuena"), a person
# spoken to aside ("[to her son] Pintu, ..."), a title before a name ("Pastor Ackah"), a name heard
# between two drop-outs ("...Fachtna..."), a name and "again" ("Nelli Khvan again, ..."), and a
# name taken back ("Laurette? No, I'm Lorretta").
FIELD = re.compile(rf"\b(?i:(?:first|last|middle|given|family|full|sur)\s*name|names?(?: again)?|record|book|patient|contact)"
                   rf"(?:\s+(?i:field|box))?(?:\s*[:,]\s*|\s+)({RUN}(?:\s*(?:,|and)\s*{RUN}){{0,5}})")
ASK_FOR = re.compile(rf"\b(?i:ask for|asking for|speak to|speak with|talk to)\s+(?:me,\s+)?({NAME})")
ASIDE = re.compile(rf"\[(?i:to|on)\s[^\]\n]{{1,30}}\]\s*({NAME})(?=\s*,)")
TITLED = re.compile(rf"\b(?:Pastor|Reverend|Rev\.|Father|Fr\.|Sister|Brother|Imam|Rabbi|Deacon|Elder|Chief)\s+({RUN})")
ELLIPSED = re.compile(rf"(?:\.\.\.|…)({NAME})(?:\.\.\.|…)")
AGAIN = re.compile(rf"(?:^|\n)[ \t]*(?:\[[^\]\n]{{1,20}}\][ \t]*)?{LABEL}?{FILLERS}({RUN})\s+(?:again|once more)\s*,")
TAKEN_BACK = re.compile(rf"(?<![\w'’-])({NAME})\?\s+(?i:no),?\s+(?:I'm|I am|it's|it is|that's|that is)\b")
# Round 11: a list of names ("Nafiya, Jalila, Khanse and Gulistan"), a name asked about and put right on
# the next turn ("Agent: Hopper?\nCaller: No, Hofer"), a name after "my" and before "'s" ("my Sannele's email").
LISTED = re.compile(rf"(?<![\w'’-])({NAME}(?:,\s+(?:and\s+)?(?:the\s+\w+\s+)?{NAME}){{1,6}},?\s+(?:and|&)\s+(?:the\s+\w+\s+)?{NAME})(?![\w'’-])")
ASKED_BACK = re.compile(rf"(?<![\w'’-])({NAME})\?[ \t]*\n[ \t]*(?:[A-Z]\w*:[ \t]*)?(?i:no)\b")
CALLED_AS = re.compile(rf"\b(?i:calling as|booked as|booking as|goes by|known as|under the name)\s+({NAME})")
KIN_OF = re.compile(rf"(?<![\w'’-])({NAME}) (?:is|was) my (?:cousin|sister|brother|mum|mother|father|dad|aunt|auntie|uncle|"
                    rf"daughter|son|wife|husband|partner|friend|niece|nephew|gran|grandmother|grandfather|grandson|granddaughter)\b")
PUT_RIGHT = re.compile(rf"(?<![\w'’-])({NAME})\s*(?:—|–|,)\s*(?i:I mean|sorry|no)\b")
FAMILY = re.compile(rf"\b(?:the|our) ({NAME}) (?:family|household|twins|sisters|brothers)\b")
BEFORE_NUMBER = re.compile(rf"(?<![\w'’-])({NAME}),?\s+(?:on\s+)?(?=\+?\(?\d{{2,5}}\)?[ -]\d{{2,4}}[ -]?\d)")
AGENT_ONLY = re.compile(rf"^[ \t]*(?i:agent):[ \t]*({RUN})[ \t.!?]*$", re.MULTILINE)
SHAPED = (FIELD, ASK_FOR, ASIDE, TITLED, ELLIPSED, AGAIN, TAKEN_BACK, ASKED_BACK, CALLED_AS, KIN_OF)
SUBJECT = re.compile(rf"(?:^|[.!?]\s+)({NAME}) (?:has|is|needs|wants|was|will|would|can|could|had|keeps)\b")
MY_ONE = re.compile(rf"\b(?:my|our|her|his) ({NAME})['’]s\b")   # "my Sannele's email"
UNSURE_SHAPES = (PUT_RIGHT, FAMILY, BEFORE_NUMBER, SUBJECT, MY_ONE)   # names only when no English word ("Oh, sorry")
# A spelling by a phonetic alphabet, of any language: "T for Theodor, S for Samuel, ...", "W wie Wilhelm",
# "H jak Halina", "S come Savona", "D comme Désiré", "G de Granada", "P as in Papa"; or NATO's words alone.
KEYED = r"[A-Z](?:\s+(?:for|as in|like|wie|jak|come|comme|de|di|per|kak)\s+[^\W\d_][\w'’-]*)"
PHONETIC = re.compile(rf"(?<![\w-]){KEYED}(?:,?\s+(?:and\s+)?(?:{KEYED}|[A-Z](?![\w'’-]))){{2,}}")
NATO = ("Alpha|Alfa|Bravo|Charlie|Delta|Echo|Foxtrot|Golf|Hotel|India|Juliett|Juliet|Kilo|Lima|Mike|November|Oscar|"
        "Papa|Quebec|Romeo|Sierra|Tango|Uniform|Victor|Whiskey|Whisky|X-ray|Yankee|Zulu")
# ...and the German one's (DIN 5009), said as a run of three or more
DIN = ("Anton|Berta|Cäsar|Caesar|Dora|Emil|Friedrich|Gustav|Heinrich|Ida|Julius|Kaufmann|Ludwig|Martha|Nordpol|Otto|"
       "Paula|Quelle|Richard|Samuel|Theodor|Ulrich|Viktor|Wilhelm|Xanthippe|Ypsilon|Zacharias|Zeppelin")
NATO_RUN = re.compile(rf"\b(?:{NATO}|{DIN})(?:,?\s+(?:{NATO}|{DIN})){{2,}}\b")
# A stammered start of a name, or an agent's start of it ("E- Elias", "Cha- Chartrand", "Pol-?").
BEGUN = re.compile(r"(?<![\w-])([A-Z][a-z]{0,3})-(?=\s|\?|,|$)")
GIVEN_WORDS = names.WORD_NAMES | {"Lovely", "Princess", "Rejoice", "Precious", "Blessing", "Comfort", "Mercy", "Patience",
                                  "Charity", "Honour", "Gift", "Goodness", "Marvellous", "Happiness"}
NOT_THAT = re.compile(rf"\bnot\s+({NAME})(?=\s*[,.;!?]|\s+(?:but|it's|its)\b)")
JOINED = re.compile(rf"(?<![\w'’-])({NAME})\s+(?:and|&)\s+({NAME})(?![\w'’-])")


def _name_like(word: str) -> bool:
    from ..knowledge.words import common_words
    if word.isupper() and len(word) > 1 and word.lower() in common_words():  # typed in capitals: "PLEASE", "GA"
        return False
    return word not in names.ORDINARY and not names.plain(word) and len(word) > 1 and not word.startswith(("I'", "I’"))


def _run_words(run: str) -> list[str]:
    return [w for w in run.split() if not re.fullmatch(LOWER, w)]


def _is_name_run(words: list[str]) -> bool:
    """Not a line of ordinary words ("Thanks", "Saturday Morning"): the first word is no ordinary
    capitalised word and one word at least is no English word or a listed name."""
    from ..knowledge.words import common_words
    if not words or words[0] in names.ORDINARY - names.WORD_NAMES:
        return False
    return any(_name_like(w) and (w.lower() not in common_words() or w in names.name_list()) for w in words)


def _compound(word: str, english) -> bool:
    """Two English words run together ("lunchtime", "weekday"): no name. Two short syllables that
    are each some English token ("moe" + "tai", "maru" + "rai") are not enough: one half has five letters or more."""
    return any(word[:i] in english and word[i:] in english and max(i, len(word) - i) >= 5
               for i in range(3, len(word) - 2))


def words(text: str) -> set[str]:
    """The words these shapes say are names."""
    from ..knowledge.words import common_words
    found: set[str] = set()
    for match in ONLY_NAME.finditer(text):
        run = _run_words(match.group(1))
        if _is_name_run(run):
            found.update(w for w in run if w not in names.ORDINARY)
    for match in OPENING_WORD.finditer(text):
        word = match.group(1)
        if _name_like(word) and word.lower() not in common_words() and not _compound(word.lower(), common_words()):
            found.add(word)
    for asked in ASKED.finditer(text):
        answer = ANSWER.match(text, asked.end())
        if answer and _is_name_run(_run_words(answer.group(1))):
            found.update(w for w in _run_words(answer.group(1)) if _name_like(w))
    for spelled in SPELLING.finditer(text):   # "Dzhelyalov, D-Z-H": the word the letters begin
        letters = spelled.group(0).replace("-", "").lower()
        # a word spelt out whole is a name even when it is also a word ("Hey, just H-E-Y")
        found.update(m.group(0) for m in names.TOKEN.finditer(text) if m.group(0).lower() == letters or (
            _name_like(m.group(0)) and len(letters) >= 3 and m.group(0).lower().startswith(letters)))   # "Ng, N-G"
    found.update(m.group(1) for m in INITIAL.finditer(text) if _name_like(m.group(1)))
    for shape in SHAPED:
        for match in shape.finditer(text):
            found.update(w for w in re.findall(rf"{NAME}", match.group(1)) if _name_like(w))
    for shape in UNSURE_SHAPES:
        for match in shape.finditer(text):
            word = match.group(1)
            if (_name_like(word) and "'" not in word and "’" not in word and not word.isupper() and word.lower() not in common_words()
                    and not _compound(word.lower(), common_words())):
                found.add(word)
    for match in AGENT_ONLY.finditer(text):   # the agent reading back a name alone on a line
        run = _run_words(match.group(1))
        if _is_name_run(run):
            found.update(w for w in run if _name_like(w))
    for start, end in phonetic(text):   # the name a spelling spells, said after it ("..., D for Dog, Knockwood")
        after = re.match(rf"[,.]?\s+(?:(?i:so|that's|that is|which is)\s+)?({NAME})", text[end:])
        if after and _name_like(after.group(1)):
            found.add(after.group(1))
    for match in LISTED.finditer(text):   # every one no English word, or a listed name
        listed = [w for w in re.findall(rf"{NAME}", match.group(1)) if w not in ("and", "the")]
        if all(_name_like(w) and (w.lower() not in common_words() or w in names.name_list()) for w in listed):
            found.update(listed)
    return found


def unknown_words(text: str) -> set[str]:
    """Capitalised words mid-sentence that no English list has ("for me, Huda, about ..."): names
    once the caller has given one, since a line about nothing personal names no one."""
    from ..knowledge.words import common_words
    english = common_words()
    found = set()
    for match in names.TOKEN.finditer(text):
        word = match.group(0)
        bare = re.sub(r"(?:['’]s|s)$", "", word).lower()
        bare = bare if len(bare) >= 4 else word.lower()  # "Vars" is not the plural of "var"
        if (word[1:].islower() and len(word) >= 3 and not names._sentence_start(text, match.start()) and _name_like(word)
                and re.sub(r"['’]s$", "", word) not in names.ORDINARY
                and word.lower() not in english and bare not in english and not _compound(word.lower(), english)):
            found.add(word)
    return found


def grow(text: str, wanted: set[str]) -> set[str]:
    """The words beside found names: joined by "and", or capitalised next to one ("Naw Htoo Paw")."""
    from ..knowledge.words import common_words
    tokens = list(names.TOKEN.finditer(text))
    grown = set(wanted)
    for _ in range(3):
        before = len(grown)
        for match in JOINED.finditer(text):
            first, second = match.group(1), match.group(2)
            for known, other in ((first, second), (second, first)):
                if known in grown and _name_like(other) and other not in names.AMBIGUOUS:
                    grown.add(other)
        for left, right in zip(tokens, tokens[1:]):
            if text[left.end():right.start()] != " ":
                continue
            a, b = left.group(0), right.group(0)
            if a in grown and b not in names.ORDINARY and not names.plain(b) and b not in names.NAME_PARTICLES:
                grown.add(b)
            if b in grown and a not in names.ORDINARY and not names.plain(a) and a not in names.NAME_PARTICLES and (
                    not names._sentence_start(text, left.start()) or a.lower() not in common_words()):
                grown.add(a)
            elif b in grown and a in GIVEN_WORDS and not names._sentence_start(text, left.start()):
                grown.add(a)  # "my cousin Lovely Dao-as": a word that is a given name, before a found surname
        for match in NOT_THAT.finditer(text):  # "Roza Khan, not Khon, not Kan": a form put right is the name's
            other = match.group(1)
            if other not in grown and any(_resembles(other, known) for known in grown):
                grown.add(other)
        if len(grown) == before:
            break
    return grown


# A spelling of a booking reference, a voucher or a web address is no one's name: said after such a word,
# or followed by the digits of a code ("P for Papa, C for Charlie, S for Sierra, dash, two zero two six").
CODE_CUE = re.compile(r"(?i:\b(?:reference|ref|code|voucher|promo|booking|web address|website|link|confirmation)\b)")  # not "postcode"
POSTCODE_SPELT = re.compile(r"(?i:post ?code|postal code|zip|eircode)")   # a postcode spelt out is an address's
KEYED_ONE = re.compile(rf"(?<![\w-]){KEYED}|\b(?:{NATO})\b")
DIGITS_NEXT = re.compile(r"[,.]?\s*(?:(?:dash|then|and|so)\s*,?\s*)*(?:\d|zero|oh|one|two|three|four|five|six|seven|eight|nine)\b", re.IGNORECASE)


def _a_code(text: str, start: int, end: int) -> bool:
    return bool(CODE_CUE.search(text[max(0, start - 60):start]) or DIGITS_NEXT.match(text, end))


def phonetic(text: str) -> list[tuple[int, int]]:
    """Spellings by a phonetic alphabet: a name whatever its code words are ("S for Sugar" is no sugar)."""
    return [m.span() for p in (PHONETIC, NATO_RUN) for m in p.finditer(text) if not _a_code(text, *m.span())]


def code_spellings(text: str) -> list[tuple[int, int]]:
    """The code words of a reference's or a code's spelling, kept: "Is that B for Bravo?" of a booking reference."""
    keyed = [m.span() for m in KEYED_ONE.finditer(text)]
    if POSTCODE_SPELT.search(text) or not (CODE_CUE.search(text) or any(DIGITS_NEXT.match(text, end) for _, end in keyed)):
        return []
    return keyed + [m.span() for p in (PHONETIC, NATO_RUN) for m in p.finditer(text) if _a_code(text, *m.span())]


def _resembles(said: str, name: str) -> bool:
    """A misheard or misspelt form of a name: the same first letter, most of the letters."""
    import difflib
    return (said[:1].lower() == name[:1].lower() and len(said) >= 3
            and difflib.SequenceMatcher(a=said.lower(), b=name.lower()).ratio() >= 0.6)


def spans(text: str, wanted: set[str]) -> list[tuple[int, int]]:
    """Spellings of a found name's start ("M-I" for "Mi") and an initial with its surname ("C.")."""
    starts = {w.lower()[:n] for w in wanted for n in (2, 3)} | {w.lower() for w in wanted}
    out_phonetic = phonetic(text)
    begun = [m.span(1) for m in BEGUN.finditer(text) if any(w.startswith(m.group(1)) and w != m.group(1) for w in wanted)]
    spelled = list(SPELLING.finditer(text))
    out = [m.span() for m in spelled if m.group(0).replace("-", "").lower() in starts]
    # the rest of a spelling the line cut ("S-A-N-T... [line breaks up] ...R-Y"): soon after, after a pause
    for before, after in zip(spelled, spelled[1:]):
        if (before.span() in out or len(before.group(0)) >= 5) and after.start() - before.end() <= 40 and re.search(r"\.\.\.|…", text[before.end():after.start()]):
            out.append(after.span())
    out += [(m.start(), m.start() + 2) for m in INITIAL.finditer(text) if m.group(1) in wanted]
    return out + out_phonetic + begun
