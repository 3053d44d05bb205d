"""The knowledge base's reading of a question against a clinic's list (no database, no model:
the embedding cosine is the same for every procedure, so only the reading decides)."""
import json
from pathlib import Path

import pytest

from clinic_system.knowledge import answers, words

LISTS = json.loads((Path(__file__).resolve().parents[2] / "fixtures" / "kb" / "procedures.json").read_text())


def rows(filename):
    return [answers.ProcedureRow(i, "doc", LISTS[filename]["title"], p["name"], i, p["description"], p["recovery"],
                                 p["cost"], p["aliases"]) for i, p in enumerate(LISTS[filename]["procedures"], 1)]


def chosen(question, filename="premier-procedures.pdf"):
    procedures = rows(filename)
    return [p.name for p in answers.choose(question, procedures, {p.id: 0.7 for p in procedures}, {})]


@pytest.mark.parametrize("question, expected", [
    ("How much is a nose job?", ["Rhinoplasty"]),                 # a bare nose job is the surgical one
    ("How much is a non surgical nose job?", ["Liquid Rhinoplasty"]),
    ("Can my nose be done with fillers instead of surgery?", ["Liquid Rhinoplasty"]),
    ("Surgical rhinoplasty, not the liquid one: the price?", ["Rhinoplasty"]),
    ("Is there no downtime with liquid rhinoplasty?", ["Liquid Rhinoplasty"]),  # "no" is not about "liquid"
    ("How much is a breast lift?", []),                           # a body part and a kind of work of two procedures
    ("Do you do Profhilo for the face?", []),                     # a brand name the list does not know
    ("What does a nose piercing cost?", []),
    ("How long after a facelift versus a boob job?", ["Facelift", "Breast Augmentation"]),
    ("What's your cheapest option?", []),                         # nothing the list can place: abstains
])
def test_reading_picks_the_procedure_or_refuses(question, expected):
    assert chosen(question) == expected


def test_a_clinic_without_the_non_surgical_variant_refuses_it():
    assert chosen("How much is a liquid nose job?", "surgical-procedures.pdf") == []
    assert chosen("How much is a nose job?", "surgical-procedures.pdf") == ["Rhinoplasty"]


def test_misspellings_are_read_only_for_words_that_are_not_ordinary_english():
    spelling = {"rhinoplasty": "rhinopl", "breast": "breast", "breasts": "breast"}
    assert words.slip_of("rhinoplastie", spelling) == "rhinopl"
    assert words.slip_of("rynoplasty", spelling) == "rhinopl"
    assert words.slip_of("breathing", spelling) is None
    assert words.slip_of("brest", spelling) is None                       # a town's name, alone
    assert words.slip_of("brest", spelling, ordinary_too=True) == "breast"  # before "augmentation"


def test_a_name_word_only_counts_with_the_rest_of_its_name():
    assert chosen("Do you offer facials?", "dermatology-procedures.pdf") == []
    assert chosen("How much is a laser facial?", "dermatology-procedures.pdf") == ["Laser Resurfacing"]


@pytest.mark.parametrize("question, expected", [
    ("um so how much is a uh nose job", ["Rhinoplasty"]),            # hesitations carry no meaning
    ("could you know i get a facelift without like surgery", []),      # nor do fillers inside a phrase
    ("breast aug mentation price", ["Breast Augmentation"]),           # a word split by speech-to-text
    ("whats the price for rin oplasty", ["Rhinoplasty"]),              # split and misspelt
    ("do you do nose pier cings", []),                                 # split into a kind the list lacks
    ("how much is a traditio nal facelift", ["Facelift"]),
])
def test_speech_to_text_quirks(question, expected):
    assert chosen(question) == expected


@pytest.mark.parametrize("question, expected", [
    ("I don't want to have surgery on my nose, what do you offer?", ["Liquid Rhinoplasty"]),
    ("I dont want to go under the knife for my nose", ["Liquid Rhinoplasty"]),
    ("how much to make my nose smaller without cutting", ["Liquid Rhinoplasty"]),
    ("i'm scared of needles so what's the cost of the nose job", ["Rhinoplasty"]),  # fear is not a wish
    ("I'm scared of the operation, what can you do for my nose?", []),  # neither variant is safe to assume
    ("is there a less invasive option for my nose", ["Liquid Rhinoplasty"]),
    ("the old-fashioned facelift, how much", ["Facelift"]),
    ("I'm after a fuller bust, what would breast augmentation cost?", ["Breast Augmentation"]),  # not "filler"
    ("hyaluronic filler for my nose, any downtime?", ["Liquid Rhinoplasty"]),
    ("how much is a thread lift for my face", []),                     # a lift that is not the facelift
    ("how much is a thread facelift", []),                             # the listed name after the thread too
    ("I'd rather have the liquid nose job, how much", ["Liquid Rhinoplasty"]),  # "rather" alone negates nothing
    ("I'd rather avoid surgery on my nose", ["Liquid Rhinoplasty"]),
    ("I don't want anything surgical, just the nose job", ["Liquid Rhinoplasty"]),
    ("a face lift with threads, how much", []),
    ("how much to get my breast implants replaced", []),
])
def test_wishes_fears_and_variant_words(question, expected):
    assert chosen(question) == expected


def test_work_named_by_what_it_is_done_with():
    assert chosen("a face lift with threads, how much", "dermatology-procedures.pdf") == []
    assert chosen("an open approach with structural grafts for my nose", "surgical-procedures.pdf") == ["Rhinoplasty"]


def test_a_lighter_variant_is_a_mini_or_local_one_else_none():
    assert chosen("a less invasive facelift, what does it cost", "dermatology-procedures.pdf") == ["Facelift"]
    assert chosen("a less invasive facelift, what does it cost") == []  # premier's is the traditional one
    assert chosen("hiya, one of those mini lifts, what's it cost?", "dermatology-procedures.pdf") == ["Facelift"]
    assert chosen("not keen on a general anaesthetic, is your facelift under local?",
                  "dermatology-procedures.pdf") == ["Facelift"]


@pytest.mark.parametrize("question", [
    "would ten grand cover a boob job or a face lift?",
    "I'm weighing up a facelift against a boob job, which heals faster?",
])
def test_two_procedures_in_one_breath(question):
    assert sorted(chosen(question)) == ["Breast Augmentation", "Facelift"]


def test_whats_cheaper_compares():
    assert sorted(chosen("whats cheaper nose filler or nose job")) == ["Liquid Rhinoplasty", "Rhinoplasty"]


@pytest.mark.parametrize("question, filename, expected", [
    # a body part callers name for the one the list writes: "chest" is the breast, not a man's chest
    ("what would implants to make my chest bigger cost", "premier-procedures.pdf", ["Breast Augmentation"]),
    ("my husband wants chest implants, how much", "premier-procedures.pdf", []),
    # parts of the face, described, are the face; named with the work right after them they stay apart
    ("my jowls have dropped and I'd like them lifted", "dermatology-procedures.pdf", ["Facelift"]),
    ("her cheeks and jowls have sagged, she wants them pulled up with an operation", "premier-procedures.pdf",
     ["Facelift"]),
    ("how much is cheek filler", "premier-procedures.pdf", []),
    ("filler in my cheeks, how much", "premier-procedures.pdf", []),
    ("a jowl lift, what does it cost", "premier-procedures.pdf", []),
    # a body part said as part of another: the other is what the question is about
    ("the loose skin on my face, can you lift it surgically", "premier-procedures.pdf", ["Facelift"]),
    ("laser for the skin on my face", "premier-procedures.pdf", []),
    ("the skin on my neck is sagging, can you lift it", "premier-procedures.pdf", []),
    # bare body part questions and unknown words
    ("hifu for my jowls how much", "premier-procedures.pdf", []),      # a word neither English nor the list's
    ("morpheus8 for my face", "premier-procedures.pdf", []),           # a name with a number in it
    ("my cheeks are sagging, what can you do", "premier-procedures.pdf", ["Facelift"]),
    ("price and downtime for the laser skin treatment", "dermatology-procedures.pdf", ["Laser Resurfacing"]),
    ("how many facelifts do you do, and the cost", "premier-procedures.pdf", ["Facelift"]),  # a gloss by its stem
    # tightening done surgically is the lift
    ("the skin on my face hangs, I'd like it surgically tightened and lifted", "premier-procedures.pdf", ["Facelift"]),
    ("face tightening with radiofrequency", "premier-procedures.pdf", []),  # no surgical word: other work
    ("skin tightening surgery", "dermatology-procedures.pdf", []),
    ("breast tightening surgery", "premier-procedures.pdf", []),
])
def test_round_4_readings_by_clinic(question, filename, expected):
    assert chosen(question, filename) == expected


@pytest.mark.parametrize("question, expected", [
    # verbs before the work are not another procedure
    ("the one where they use injections to smooth my nose", ["Liquid Rhinoplasty"]),  # "use" names nothing
    ("what do you charge for putting implants in my breasts", ["Breast Augmentation"]),
    ("a vampire facelift, how much", []),                                              # a modifier still refuses
    # a negation passed on by a verb to what it is about
    ("is there anything for my nose that doesn't mean going under the knife", ["Liquid Rhinoplasty"]),
    ("anything but surgery for my nose", ["Liquid Rhinoplasty"]),
    ("is there an alternative to surgery for my nose", ["Liquid Rhinoplasty"]),
    ("i dont want to be put to sleep for my nose", ["Liquid Rhinoplasty"]),  # round 6: the variant that needs none
    ("i dont want to be put to sleep for my facelift", []),
    # a negation that stops at a word the reading does not know leaves the variant in doubt
    ("i dont mind surgery, how much for my nose", []),
    ("i dont fancy the liquid one for my nose", []),
    # a negation said after the variant word: in doubt, never the variant named
    ("surgery is out of the question, anything for my nose", []),
    ("the surgery scares me, what's the alternative for my nose", []),
    # unless its words leave no doubt (round 5): "isn't for me", "is not an option"
    ("surgery isn't for me, what can you do for my nose", ["Liquid Rhinoplasty"]),
    ("fillers aren't for me, I want a nose job", ["Rhinoplasty"]),
    ("my nose, surgery not fillers", ["Rhinoplasty"]),                 # the negation is the fillers'
    ("nothing too drastic for my nose please", ["Liquid Rhinoplasty"]),
    # what the caller wants done to the body part
    ("I want bigger breasts without implants, how much", []),         # the kind of work said no to
    ("can you make my breasts smaller", []),                          # not the procedure that enlarges
    ("my boobs are too big, can you reduce them", []),
    ("my nose is too big, can you make it smaller", ["Rhinoplasty"]),
    ("how long till the swelling is smaller after a boob job", ["Breast Augmentation"]),  # healing, not size
    ("I want to go up two cup sizes, what would that cost", ["Breast Augmentation"]),
    ("dissolve my nose filler", []),                                   # undoing work is other work
    ("nose filler that dissolves over time, how much", ["Liquid Rhinoplasty"]),
    # the trade's words for the temporary variant
    ("the lunchtime nose job, how much", ["Liquid Rhinoplasty"]),     # the trade's name for the injectable one
    ("the 15 minute nose job price", ["Liquid Rhinoplasty"]),
    ("a 15-minute facelift", []),                                     # premier has no non-surgical facelift
    ("how many minutes does a nose job take", ["Rhinoplasty"]),
    ("semi permanent nose filler", ["Liquid Rhinoplasty"]),
    ("non-permanent nose job", ["Liquid Rhinoplasty"]),
    ("can I get my nose done with a syringe", ["Liquid Rhinoplasty"]),
    # other work on a listed procedure's body part or kind
    ("take my implants out please", []),                              # taking work out is other work
    ("swap my implants for bigger ones", []),
    ("I want to go smaller with my implants", []),
    ("I'd like a stud put in my nose", []),                           # a piercing, not the nose job
    ("how much for a nose ring", []),
    ("smooth my wrinkles with injections", []),                       # injections alone: anywhere
    ("how much are fillers", []),
    ("the liquid one, how much", ["Liquid Rhinoplasty"]),             # a word of the procedure's own name
    ("what's the price of getting my nose done without being cut open", ["Liquid Rhinoplasty"]),
    # both variants' words and no comparison: which one is not left to a score
    ("I'm after the permanent surgical nose option, something with filler maybe", []),
    ("I'm after the permanent surgical nose option rather than something temporary", ["Rhinoplasty"]),
    # what the caller had before gives way to what they ask for now
    ("I had surgery on my nose years ago, could filler sort the dip out?", ["Liquid Rhinoplasty"]),
    ("If I had a liquid rhinoplasty on a Friday, would I look normal by Monday?", ["Liquid Rhinoplasty"]),
    # work said as a verb is done to the body part after it
    ("can you lift my breasts", []),                                   # the breast lift, said as a verb
    ("surgery to lift my sagging breasts", []),
    ("surgically tighten my breasts", []),
    ("can you lift my face surgically", ["Facelift"]),
    ("after a boob job when can I lift my toddler", ["Breast Augmentation"]),  # lifting, not work
])
def test_round_4_readings(question, expected):
    """Premier's list: the reading rules of round 4, a group of examples each."""
    assert chosen(question) == expected


def test_a_word_spelt_as_it_sounds_is_read_by_its_sound():
    assert words.sound("likwid") == words.sound("liquid")
    assert chosen("likwid rhinoplasty how much is it") == ["Liquid Rhinoplasty"]


def test_a_word_before_a_body_part_and_its_work_may_name_another_procedure():
    assert chosen("what's the cost of a vampire face lift") == []
    assert chosen("a good nose job, how much") == ["Rhinoplasty"]            # an ordinary adjective
    assert chosen("is there anyt hing for my nose that doesn't mean going under the knife") == ["Liquid Rhinoplasty"]


def test_the_short_name_and_who_it_is_for():
    assert chosen("open rhino under general, cost and recovery", "surgical-procedures.pdf") == ["Rhinoplasty"]
    assert chosen("liquid rhino cost", "surgical-procedures.pdf") == []
    assert chosen("male rhinoplasty") == ["Rhinoplasty"]
    assert chosen("male breast reduction") == []


@pytest.mark.parametrize("question, filename, expected", [
    # work said of "them" or "it" is done to the body part the question names elsewhere
    ("could you lift them for me, my breasts, how much", "premier-procedures.pdf", []),
    ("my breasts have dropped, can you lift them", "premier-procedures.pdf", []),
    ("can you lift it", "premier-procedures.pdf", []),                       # no body part named: nothing placed
    ("my jowls have sagged, could you have them lifted under a local", "dermatology-procedures.pdf", ["Facelift"]),
    # filling, said as work on a body part, is the filler
    ("I want my cheeks filled", "premier-procedures.pdf", []),
    ("could you fill my face out a bit", "premier-procedures.pdf", []),
    ("there's a dip in my nose, could you fill it", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
    ("can I fill in the form for a nose job", "premier-procedures.pdf", ["Rhinoplasty"]),   # not work on the body
    # who does the work, how many and with what name no other procedure; heavy lifting is not work
    ("can your surgeon reshape my nose", "surgical-procedures.pdf", ["Rhinoplasty"]),
    ("a few gel injections in my nose", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
    ("after the rhinoplasty when can I do heavy lifting", "surgical-procedures.pdf", ["Rhinoplasty"]),
    # a body part said as part of another, as where the scars go, or as what shows while healing
    ("tighten the skin along my jaw in a small operation", "dermatology-procedures.pdf", ["Facelift"]),
    ("surgery to lift the skin of my whole face", "premier-procedures.pdf", ["Facelift"]),
    ("the op where they lift all the sagging skin back on the face", "premier-procedures.pdf", ["Facelift"]),
    ("a facelift, are the cuts hidden by the ears", "premier-procedures.pdf", ["Facelift"]),
    ("nose job recovery, how long does a black eye last", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("puffy eyes, what can you do", "premier-procedures.pdf", []),               # the eyes alone stay the topic
    # operating on, pulling tight, removing what is wrong: the work on that body part
    ("can you operate on my nose, I don't mind a splint", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("pull the skin of my face tighter with surgery", "premier-procedures.pdf", ["Facelift"]),
    ("surgery to lift my face and remove the sagging", "premier-procedures.pdf", ["Facelift"]),
    ("remove my breast implants", "premier-procedures.pdf", []),                 # removal work stays work
    # negations over "or", and indecision that compares
    ("not interested in creams or injections, a proper surgical face lift", "premier-procedures.pdf", ["Facelift"]),
    ("can't decide between filler in my nose or the operation, compare them", "premier-procedures.pdf",
     ["Liquid Rhinoplasty", "Rhinoplasty"]),
    # speech: a dropped g, a homophone before the procedure's word, cup letters, an idiom, split words
    ("gettin a new schnoz, the surgery one", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("how much is a knows job", "surgical-procedures.pdf", ["Rhinoplasty"]),
    ("from a B cup to a D cup with implants", "surgical-procedures.pdf", ["Breast Augmentation"]),
    ("a cup of tea after my nose job", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("a proper nip and tuck on the face", "premier-procedures.pdf", ["Facelift"]),
    ("the price for rhinoplasy please", "premier-procedures.pdf", ["Rhinoplasty"]),
])
def test_round_5_readings(question, filename, expected):
    """The reading rules of round 5, a group of examples each."""
    assert sorted(chosen(question, filename)) == sorted(expected)


def test_a_word_heard_the_same_and_a_word_split_only_when_it_adds_to_the_stem():
    assert words.heard_as("knows") == words.heard_as("nose")
    assert words.heard_as("fake") != words.heard_as("face")
    assert words.homophone_of("knows", {"nose": "nose", "job": "job"}) == "nose"
    assert words.plain("gettin") == "getting" and words.plain("lookin") == "looking"


@pytest.mark.parametrize("question, filename, expected", [
    # a variant said no to outright, with another thing ("no X or Y"), is never the answer
    ("no needles or surgery, just something for my face", "premier-procedures.pdf", []),
    ("no surgery or needles for my nose", "premier-procedures.pdf", []),
    ("no needles, I want my nose done", "premier-procedures.pdf", ["Rhinoplasty"]),
    # cup sizes: two said, the second smaller, is the breasts made smaller
    ("from a D cup to a B cup", "premier-procedures.pdf", []),
    ("I'm a DD and want to go down to a B cup", "surgical-procedures.pdf", []),
    ("from an AA cup to a B cup", "surgical-procedures.pdf", ["Breast Augmentation"]),
    # whether X or Y is a choice between them
    ("I don't know whether to get surgery or filler on my nose", "premier-procedures.pdf",
     ["Liquid Rhinoplasty", "Rhinoplasty"]),
    # the shorter form of a word of the list; a body part and its work over a verb
    ("what do you charge to enlarge breasts", "premier-procedures.pdf", ["Breast Augmentation"]),
    ("my nose was enlarged by an injury, can you reshape it surgically", "premier-procedures.pdf", []),
    ("my boobs are saggy, can they be lifted", "premier-procedures.pdf", []),
    ("my breasts have implants, how long do they last", "premier-procedures.pdf", ["Breast Augmentation"]),
    # filling out with implants is the implants' work; a surgeon's tightening is the lift
    ("fill out my chest with implants", "premier-procedures.pdf", ["Breast Augmentation"]),
    ("my face has dropped, can a surgeon tighten it up", "premier-procedures.pdf", ["Facelift"]),
])
def test_round_5_second_readings(question, filename, expected):
    """Round 5's rules found by the project's own questions, a group of examples each."""
    assert sorted(chosen(question, filename)) == sorted(expected)


@pytest.mark.parametrize("question, filename, expected", [
    # work said of "them" or "both" is each named body part's, never answered in parts
    ("my boobs sag, could you lift them both", "premier-procedures.pdf", []),
    ("my face and my breasts, could you lift them", "premier-procedures.pdf", []),
    ("my breasts are different sizes, could both be lifted", "premier-procedures.pdf", []),
    ("they cut under the breasts and lift them", "premier-procedures.pdf", []),     # the landmark is the part
    ("my face has dropped, can you lift it", "premier-procedures.pdf", ["Facelift"]),
    # a bare "a lift", "a peel" is work on the part named; with no part and other work, it is not placed
    ("my breasts are saggy, is a lift best", "premier-procedures.pdf", []),
    ("my face is saggy, is a lift best", "dermatology-procedures.pdf", ["Facelift"]),
    ("a peel for my face", "dermatology-procedures.pdf", []),
    ("a lift with implants for my boobs", "premier-procedures.pdf", []),
    ("after the rhinoplasty when can I do heavy lifting", "surgical-procedures.pdf", ["Rhinoplasty"]),
    # an operation asked for: an unknown word stands, unless it stands where the work is named
    ("my face looks knackered, could a surgeon lift it in an operation", "premier-procedures.pdf", ["Facelift"]),
    ("my toddler broke my nose, can it be fixed in an operation", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("an op using hifu on my face", "premier-procedures.pdf", []),
    ("hydrafacial treatment for my face", "premier-procedures.pdf", []),
    ("facial feminisation surgery", "premier-procedures.pdf", []),
    ("morpheus8 for my face, or surgery", "premier-procedures.pdf", []),
    ("hifu for my face, as an alternative to an operation", "premier-procedures.pdf", []),
    # words run together, bra sizes
    ("boobjobs and nosejobs, how much each", "premier-procedures.pdf", ["Breast Augmentation", "Rhinoplasty"]),
    ("tummytuck price", "premier-procedures.pdf", []),
    ("a liquid nosejob", "surgical-procedures.pdf", []),
    ("from 32A to 32C please", "surgical-procedures.pdf", ["Breast Augmentation"]),
    ("I'm a 36DD and want to be a 34B", "premier-procedures.pdf", []),
    # growing a body part is work on it; work done anywhere needs its body part
    ("I want my chest bigger, what's involved", "surgical-procedures.pdf", ["Breast Augmentation"]),
    ("bigger chest for my husband", "surgical-procedures.pdf", []),
    ("my cheeks are hollow, an operation to fill them", "premier-procedures.pdf", []),
    # negations: over a variant to its work, over "and of"; a wish against a fear of going under
    ("not the temporary filler, the real nose job", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("not the surgical nose job, the filler one", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
    ("a phobia of needles and of surgery, what about my nose", "premier-procedures.pdf", []),
    ("nose job, no general anaesthetic please", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
    ("nose job, no general anaesthetic please", "surgical-procedures.pdf", []),
    ("I'd like my nose done but I'm terrified of going under", "premier-procedures.pdf", []),
    ("they put you to sleep for the facelift, right", "dermatology-procedures.pdf", []),
    # lifted, hoisted, hauled up; participles describe; landmarks behind; steps toward other work
    ("could you hitch my boobs up a bit", "premier-procedures.pdf", []),
    ("could you hoist up my jowls in an operation", "premier-procedures.pdf", ["Facelift"]),
    ("an upper facelift", "premier-procedures.pdf", []),
    ("they cut behind the ears and lift the face", "premier-procedures.pdf", ["Facelift"]),
    ("they break the bone to reshape my nose, how long to heal", "surgical-procedures.pdf", ["Rhinoplasty"]),
    ("a nostril piercing", "premier-procedures.pdf", []),
    ("they cut between the nostrils to put a ring in", "surgical-procedures.pdf", []),
    # theatre, a smaller variant, two things chosen between
    ("a theatre job on my nose, price", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("the smaller facelift, how much", "dermatology-procedures.pdf", ["Facelift"]),
    ("the laser or the peel", "dermatology-procedures.pdf", []),
    ("the lift or the stairs", "dermatology-procedures.pdf", []),
    ("the nose job or the lift, what do they each cost", "premier-procedures.pdf", ["Facelift", "Rhinoplasty"]),
    # the trade's and callers' words
    ("a conk job, the surgical one", "surgical-procedures.pdf", ["Rhinoplasty"]),
    ("a bosom enlargement", "premier-procedures.pdf", ["Breast Augmentation"]),
    ("tweakments for my lips", "premier-procedures.pdf", []),
    ("surgery for my man boobs", "premier-procedures.pdf", []),
])
def test_round_6_readings(question, filename, expected):
    """The reading rules of round 6 (held_out_5 read), a group of examples each."""
    assert sorted(chosen(question, filename)) == sorted(expected)


def test_words_run_together_are_read_apart_only_into_known_words():
    from clinic_system.knowledge import speech
    spelling = {"nose": "nose", "job": "job", "liquid": "liquid"}
    assert speech.merged("nosejob", {"nose", "job"}, spelling) == ["nose", "job"]
    assert speech.merged("boobjob", {"job"}, spelling) == ["breast", "job"]   # each half as clinics write it
    assert speech.merged("breastfeeding", set(), spelling) == ["breastfeeding"]  # "feeding" is no work
    assert speech.merged("hairline", set(), spelling) == ["hairline"]


@pytest.mark.parametrize("question, filename, expected", [
    # a caller who corrects themselves means the version said last; the body part said before stays
    ("surgery for my nose, actually no, the injectable one, how much", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
    ("the nose filler, no, sorry, scrap that, the proper surgical one", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("my friend says the injections but I want an operation on my nose", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("the liquid nose job, I mean, how much is it", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),  # no correction
    ("the nose filler, no, what's the price", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),  # nothing said instead
    ("thread lift for the face - yes or no", "premier-procedures.pdf", []),  # a closing "no" takes back nothing
    ("not sure of the name but it's the surgical one for the nose", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("brest implents cost", "premier-procedures.pdf", ["Breast Augmentation"]),
    ("a laser that helps with wrinkles on the skin, how much", "dermatology-procedures.pdf", ["Laser Resurfacing"]),
    ("my English is not good, I want operation to make my breasts big", "premier-procedures.pdf",
     ["Breast Augmentation"]),
    ("compare the nose job with the liquid nose job", "premier-procedures.pdf", ["Rhinoplasty", "Liquid Rhinoplasty"]),
])
def test_round_8_readings(question, filename, expected):
    assert sorted(chosen(question, filename)) == sorted(expected)


@pytest.mark.parametrize("question, filename, expected", [
    ("my breasts have dropped and I'd like them lifted back up", "premier-procedures.pdf", []),  # "back up": no back
    ("the skin cut by the ears and stitched, to lift the lower face", "dermatology-procedures.pdf", ["Facelift"]),  # one
    ("she wants a face lift and I want the non-surgical nose, costs for each", "premier-procedures.pdf",
     ["Facelift", "Liquid Rhinoplasty"]),
    ("the permanent nose op, where a surgeon cuts, nothing temporary", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("her nose reshaped with filler rather than going under the knife", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
    ("phase lift, how does it work", "premier-procedures.pdf", ["Facelift"]),       # heard as "face"
    ("breast implance, what does it involve", "premier-procedures.pdf", ["Breast Augmentation"]),
    ("a friday-lunch nose job, do you do that", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
    ("could I get my schnoz done, like an actual nose job", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("someone on Reddit said the silicone goes behind the muscle, for bigger breasts", "surgical-procedures.pdf",
     ["Breast Augmentation"]),
    ("sun damage on my forehead, what would a laser do for the skin", "dermatology-procedures.pdf", ["Laser Resurfacing"]),
])
def test_round_9_readings(question, filename, expected):
    assert sorted(chosen(question, filename)) == sorted(expected)


@pytest.mark.parametrize("question, filename, expected", [
    # a price said against an operation is the other way, not a comparison of the two
    ("filler injected into my nose for far less than the operation, the price?", "premier-procedures.pdf",
     ["Liquid Rhinoplasty"]),
    ("is the filler nose job cheaper than the operation? compare them", "premier-procedures.pdf",
     ["Rhinoplasty", "Liquid Rhinoplasty"]),  # asked as a comparison, it still is one
    # what only an operation leaves, said no to
    ("my nose, without any stitches or splints", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
    ("a nose job where I need stitches, how long to heal", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("a facelift that leaves no scars", "dermatology-procedures.pdf", []),  # no listed facelift without them
    # a name or a place said as one is not a treatment the list lacks; a brand still is
    ("this is Siobhan, what's a nose job cost", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("back from Marbella, my breasts feel small, implants price?", "premier-procedures.pdf", ["Breast Augmentation"]),
    ("Profhilo for the skin on my face, the cost?", "dermatology-procedures.pdf", []),
    # typed or run together
    ("breast implants b4 summer, how much", "premier-procedures.pdf", ["Breast Augmentation"]),
    ("brestaugmentation cost", "surgical-procedures.pdf", ["Breast Augmentation"]),
    ("a wee nose job, the price", "surgical-procedures.pdf", ["Rhinoplasty"]),
    ("little nicks by the ears to tighten the jawline", "dermatology-procedures.pdf", ["Facelift"]),
    ("the scars hidden round the hairline after a facelift, how long off", "premier-procedures.pdf", ["Facelift"]),
])
def test_round_10_readings(question, filename, expected):
    assert sorted(chosen(question, filename)) == sorted(expected)


@pytest.mark.parametrize("question, filename, expected", [
    # a polite ask is not a doubt, and a time in between is not two procedures
    ("I don't suppose you know what the filler nose job costs?", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
    ("could I fit a liquid nose job in between my shifts", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
    # skin drawn towards a landmark; a derived word and a hedge word are ordinary English
    ("the op that pulls the skin of my cheeks back towards my ears, price?", "premier-procedures.pdf", ["Facelift"]),
    ("sounds daft, but my nose reset under general to take away the crookedness, cost?", "surgical-procedures.pdf", ["Rhinoplasty"]),
    ("silicone to make my breasts bigger, is VAT on top?", "surgical-procedures.pdf", ["Breast Augmentation"]),
    # nails are not the skin the laser resurfaces; stitches taken out are aftercare, not a removal
    ("do you laser fungal nails", "dermatology-procedures.pdf", []),
    ("the mini facelift: are the stitches taken out in the price?", "dermatology-procedures.pdf", ["Facelift"]),
    # the variant word of other work, on no body part
    ("what is a liquid lift and its price", "premier-procedures.pdf", []),
    ("a liquid lift for my nose", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
])
def test_round_11_readings(question, filename, expected):
    assert sorted(chosen(question, filename)) == sorted(expected)


@pytest.mark.parametrize("question, filename, expected", [
    # what is said around the question: the caller's hearing, a greeting's pet name, text-speak, a note on a hand
    ("I'm hard of hearing, deaf in my left ear: the nose job, how much?", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("Alright butt, how much is a boob job?", "surgical-procedures.pdf", ["Breast Augmentation"]),
    ("ngl ur prices for a liquid nose job?", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
    ("my mate wrote 'nose filler' on my hand, what's that cost", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
    # another clinic's words reported; work ruled out by another clinic; a concession before what is wanted
    ("my old clinic said they don't do nose filler, do you, and the price?", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
    ("I was told filler won't fix my nose, I need the operation, cost?", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("I know you do the filler nose job, but I want the surgical one", "premier-procedures.pdf", ["Rhinoplasty"]),
    # unsure of the name; the trade's words for the same work
    ("is it 'laser facial' or 'laser resurfacing' you call it? the price", "dermatology-procedures.pdf", ["Laser Resurfacing"]),
    ("the short-scar facelift under a numbing jab, how long off work", "dermatology-procedures.pdf", ["Facelift"]),
    ("the op that pulls my jowls up tight and is stitched by the ears", "premier-procedures.pdf", ["Facelift"]),
    ("operative rhinoplasty, the recovery?", "surgical-procedures.pdf", ["Rhinoplasty"]),
])
def test_round_12_readings(question, filename, expected):
    assert sorted(chosen(question, filename)) == sorted(expected)


@pytest.mark.parametrize("question, filename, expected", [
    # money in body words is not a body part; "bottom" still is one where work is said of it
    ("the bottom line on a nose job, please", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("top and bottom of the price range for the laser resurfacing", "dermatology-procedures.pdf", ["Laser Resurfacing"]),
    ("does a boob job cost an arm and a leg?", "surgical-procedures.pdf", ["Breast Augmentation"]),
    ("how much is a bottom lift", "premier-procedures.pdf", []),
    # a tag question asks whether the work is done; what it names still decides
    ("you don't do the injectable nose thing, do you?", "surgical-procedures.pdf", []),
    ("you don't do liquid nose jobs, do you?", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
    ("you don't do tummy tucks, do you?", "premier-procedures.pdf", []),
    # a stammered start is the word it runs into; the caller's speech is not a treatment
    ("sorry, I stammer: the f-f-face lift, the price?", "premier-procedures.pdf", ["Facelift"]),
    ("the b-boob job, cost?", "surgical-procedures.pdf", ["Breast Augmentation"]),
    # which sign is removed, and tightening that stitches hold
    ("a laser to remove the deep frown lines on my skin, the price?", "dermatology-procedures.pdf", ["Laser Resurfacing"]),
    ("my jowls tightened with a few stitches while I'm awake, how long off?", "dermatology-procedures.pdf", ["Facelift"]),
    # quantity words and where the caller read it are ordinary
    ("the non-surgical nose one, is it all injections?", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
    ("the brochure mentions implants under the muscle, the price?", "surgical-procedures.pdf", ["Breast Augmentation"]),
])
def test_round_13_readings(question, filename, expected):
    assert sorted(chosen(question, filename)) == sorted(expected)


@pytest.mark.parametrize("question, filename, expected", [
    # being put through to someone is no transfer of fat; a caller's own tattoos are why they ask
    ("can you transfer me to the breast surgeon? the boob job price first", "surgical-procedures.pdf", ["Breast Augmentation"]),
    ("put me through to whoever does the filler nose job please", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
    ("fat transfer to my face, do you do it?", "premier-procedures.pdf", []),
    ("I've got three tattoos, so needles don't bother me: the injectable nose job, cost?", "premier-procedures.pdf",
     ["Liquid Rhinoplasty"]),
    ("I have a tattoo on my arm, can you laser it off?", "dermatology-procedures.pdf", []),
    # a fear said another way is still a fear, and the variant asked for still decides
    ("I pass out at the sight of a needle, so the surgical nose job: how long off?", "premier-procedures.pdf", ["Rhinoplasty"]),
    ("I dread the thought of being put under: the mini facelift, am I awake?", "dermatology-procedures.pdf", ["Facelift"]),
    ("nothing injected, I want my nose done in an operation", "premier-procedures.pdf", ["Rhinoplasty"]),
    # skin's texture, a kind of implant, a skin condition, and a workout for the face
    ("orange peel skin on my cheeks, is there a laser for it?", "dermatology-procedures.pdf", ["Laser Resurfacing"]),
    ("gummy bear implants, the price?", "surgical-procedures.pdf", ["Breast Augmentation"]),
    ("anything for enlarged pores?", "premier-procedures.pdf", []),
    ("do you run face yoga classes?", "premier-procedures.pdf", []),
    # a body part then where the work is done; an operating theatre said no to
    ("my face and jowls tightened in theatre by a surgeon, the price?", "premier-procedures.pdf", ["Facelift"]),
    ("the nose one that doesn't mean going to theatre, who does it?", "premier-procedures.pdf", ["Liquid Rhinoplasty"]),
])
def test_round_14_readings(question, filename, expected):
    assert sorted(chosen(question, filename)) == sorted(expected)


@pytest.mark.parametrize("question, filename, expected", [
    # "nothing with a laser" says no to it; a landmark's lines; a form's boxes filled in
    ("a facial, just a cleanse, nothing with a laser: do you do that?", "dermatology-procedures.pdf", []),
    ("filler for the lines running from the nose to the corners of my mouth?", "premier-procedures.pdf", []),
    ("the form on your site has empty boxes for the nose job, could you fill them in: cost and recovery?",
     "premier-procedures.pdf", ["Rhinoplasty"]),
    ("my lines, could you fill them in with filler?", "premier-procedures.pdf", []),
    # a verb made with -en is English; the skin around a body part is where the skin is
    ("would a laser soften the skin around my eyes, price?", "dermatology-procedures.pdf", ["Laser Resurfacing"]),
    # the same body part bare beside its non-surgical variant, in a comparison: both variants
    ("why pay for a nose job when there's the liquid nose job? cost of both", "premier-procedures.pdf",
     ["Rhinoplasty", "Liquid Rhinoplasty"]),
    ("the surgical nose one and the injectable one, no prices for either on your site", "premier-procedures.pdf",
     ["Rhinoplasty", "Liquid Rhinoplasty"]),
    # make-up contouring is the caller's own
    ("I contour my nose with make-up daily; is there an injectable fix with no surgery?", "premier-procedures.pdf",
     ["Liquid Rhinoplasty"]),
])
def test_round_15_readings(question, filename, expected):
    assert sorted(chosen(question, filename)) == sorted(expected)
