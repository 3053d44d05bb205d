"""What callers of a cosmetic clinic say that no clinical terminology lists: the trade's
own words for procedures and concerns, body parts, and the nouns that make a body part a
treatment ("lift", "reduction"). Regular expressions, matched case-insensitively."""

TERMS = [
    # procedures and treatments, as the trade and its callers name them
    r"surg(?:ery|eries|ical|ically)", r"operat(?:ion|ions|ed)", r"lipo(?:suction)?", r"botox(?:ed)?",
    r"fillers?", r"injections?", r"injectables?", r"implants?", r"augment(?:ation|ations|ed)",
    r"face ?lifts?", r"tummy tucks?", r"nose jobs?", r"boob jobs?", r"revisions?", r"peels?", r"laser(?:s|ed|ing)?",
    r"anaesthe(?:tic|sia)", r"anesthe(?:tic|sia)", r"stitch(?:es|ed)?", r"sutures?", r"biops(?:y|ies)",
    r"graft(?:s|ing)?", r"transplants?", r"microneedling", r"chemotherapy", r"radiotherapy", r"therapy",
    r"BBL", r"fat transfer", r"fat grafting", r"HRT", r"DVT", r"IVF", r"PRP", r"HIFU", r"IPL", r"resurfacing", r"thread lifts?", r"sclerotherap(?:y|ies)",
    r"dermabrasion", r"hyaluronic", r"bat ears", r"mummy makeover", r"brow lift", r"skin tags?", r"cold sores?",
    r"blood clots?", r"high blood pressure", r"blood pressure (?:that )?(?:runs|is|'s|was|goes|went) (?:high|up)",
    r"a new (?:hip|knee|shoulder)", r"(?:hip|knee|shoulder) replacements?", r"hole in (?:the|my|her|his) eardrum",
    r"(?:torn|split|stretched)[ -](?:ear)?lobes?", r"hooded[ -](?:eye)?lids?(?:[ -]lift)?", r"stitching", r"gastric (?:bypass|band|sleeve)", r"breastfeeding", r"pregnan(?:t|cy)",
    # conditions and concerns
    r"scar(?:s|red|ring)?", r"keloids?", r"acne", r"rosacea", r"eczema", r"psoriasis", r"melasma", r"cancer(?:ous)?",
    r"tumou?rs?", r"diabet(?:es|ic)", r"asthma(?:tic)?", r"hypertension", r"depress(?:ion|ed)",
    r"infect(?:ion|ions|ed)", r"allerg(?:y|ies|ic)", r"cellulite", r"wrinkl(?:e|es|ed|ing)",
    r"sagg(?:ing|y)", r"droop(?:y|ing)", r"stretch marks?", r"hair loss", r"bruis(?:e|es|ed|ing)",
    r"swell(?:ing|ings|ed|en)", r"numb(?:ness)?", r"bleed(?:ing|s)?", r"lumps?", r"moles?", r"cysts?", r"warts?",
    r"complications?", r"deformit(?:y|ies)", r"asymmetr(?:y|ies|ic|ical)", r"hernias?", r"migraines?", r"seizures?",
    r"broken nose", r"deviated septum", r"septum", r"hump", r"alopecia", r"vitiligo", r"varicose", r"veins?",
    r"tattoos?", r"thyroid\w*", r"crow's feet", r"eye bags?", r"bags under (?:my|her|his) eyes",
    r"(?:forehead|frown|smile|laughter|marionette|nasolabial|lip|smoker'?s'?|neck|worry|bunny|barcode|fine|expression) lines",
    r"(?:loose|excess|hanging|saggy|sagging|extra|spare) skin", r"double chin", r"thinning",
    # the trade's lay words for what callers want changed (general cosmetic-procedure English)
    r"tear troughs?", r"nasolabial folds?", r"jowl(?:s|ing|y)", r"turkey neck", r"dark circles", r"hollow(?:s|ing)",
    r"gummy smile", r"thin lips", r"sunken cheeks", r"volume loss", r"crepey skin", r"skin laxity", r"laxity",
    r"sun damage[d]?", r"(?:sun|age|liver|dark|brown|white) (?:spots|patches|marks)", r"pigmentation",
    r"(?:broken|thread|spider) (?:capillaries|veins)", r"capillaries", r"(?:open|large|enlarged) pores",
    r"ice ?pick scars?", r"uneven skin tone", r"moobs", r"man boobs", r"bingo wings", r"muffin top", r"saddlebags",
    r"banana rolls?", r"bra rolls?", r"back fat", r"pot belly", r"mumm?y tummy", r"mum tum", r"stubborn fat",
    r"fat pockets?", r"cankles", r"hip dips?", r"tuberous breasts?", r"puffy nipples", r"diastasis(?: recti)?",
    r"ab separation", r"body dysmorphi(?:a|c)", r"dysmorphia", r"pillow face", r"duck lips", r"trout pout",
    r"spock brows?", r"bottoming out", r"double bubble", r"animation deformity", r"rippling", r"tethering",
    r"dog ears", r"tyndall effect", r"vascular occlusion", r"capsul(?:e|ar) (?:problems?|issues?|contracture)",
    r"ruptur(?:e|ed|es|ing)", r"explant(?:s|ed|ation)?", r"en bloc", r"migrat(?:ed|ion|ing)", r"overfilled",
    r"blister(?:s|ed|ing)?", r"crust(?:ed|ing|s)", r"scab(?:s|bed|bing)?", r"weeping", r"oozing", r"matting",
    r"itch(?:ing|y)", r"flaking", r"tingling", r"pins and needles", r"craters?", r"uneven(?:ness)?", r"lump(?:y|iness)",
    r"puckering", r"dimpl(?:e|es|ing)", r"undetectable", r"wounds?(?! (?:up|down|round|back|it|the))",
    r"fluid (?:build(?:ing)? up|build-up|buildup|collection|retention|leak(?:ing|s)?)", r"seromas?",
    r"(?:on|take|taking|stopped|started|come off|came off|off) the pill", r"trying to conceive", r"fertility",
    r"c-sections?", r"caesarean(?: section)?", r"cesarean(?: section)?", r"miscarriages?", r"menopaus(?:e|al)",
    r"post-?menopausal", r"peri-?menopaus(?:e|al)", r"hot flushes", r"hot flashes",
    # procedures and treatments as the trade names them
    r"dermaplaning", r"liposculpture", r"cryolipolysis", r"fat freezing", r"buccal fat(?: removal)?",
    r"deep plane(?: (?:face|neck))?(?: ?lifts?)?", r"SMAS", r"mini ?(?:face)?lifts?", r"fox eyes?(?: lift)?",
    r"cat eyes? lift", r"ponytail lift", r"liquid (?:rhinoplasty|facelift|nose job|lift)", r"lip flip", r"jaw slimming",
    r"baby botox", r"brotox", r"skin boosters?", r"polynucleotides", r"exosomes", r"microblading", r"micropigmentation",
    r"hair removal", r"electrolysis", r"skin tightening", r"radiofrequency", r"chemical peel", r"vampire facial",
    r"(?:DIEP|TRAM|SIEA|TUG|PAP|latissimus|LD) flaps?", r"uplift", r"vaginal rejuvenation", r"(?:brazilian )?butt lift",
    r"bum lift", r"fat dissolv(?:ing|er|ers)(?: injections| jabs)?", r"skinny jabs?", r"weight loss (?:injections|jabs)",
    r"(?:IV|vitamin) drips?", r"gastric balloon", r"teeth whitening", r"veneers", r"composite bonding",
    r"hair transplants?", r"scalp micropigmentation", r"male pattern baldness", r"receding hairline",
    # round 4: clipped and lay forms no terminology lists
    r"chemo", r"fibro", r"seb derm", r"heart attacks?", r"weight loss", r"altitude sickness", r"bald (?:patch|patches|spot)",
    r"stretch lines", r"elevens", r"love handles?", r"(?:fractional )?co2(?: laser)?", r"roux-en-y(?: bypass)?",
    r"subcision", r"steri-?strips?", r"PMMA", r"bra fat", r"back rolls?", r"wisdom teeth", r"morpheus(?: ?8)?",
    r"bat wings", r"cottage cheese(?: thighs| skin| legs)?", r"chicken legs", r"witch'?s chin", r"washout", r"D (?:and|&) C",
    r"white patch(?:es)?", r"milia", r"reconstructions?", r"plasty",
    # round 5: tests, lay symptoms and the trade's smaller treatments, in general words
    r"patch tests?", r"(?:brow|eyebrow|lash|eyelash) (?:tint(?:ing|s)?|lamination|lifts?)", r"profile balancing",
    r"(?:heavy|painful|irregular|missed|absent) periods", r"hair (?:fall|shedding)", r"(?:dog|cat|insect|spider|tick|"
    r"horse|bee|wasp|mosquito) (?:bites?|stings?)", r"radiation(?: therapy| treatment| burns?)?", r"festoons", r"malar bags",
    r"lap (?:chole|band|appy)", r"(?:surgical |hernia |vaginal |pelvic )?mesh", r"chemo ?therapy", r"keyhole",
    r"(?:flat|wound|skin|primary|delayed) closures?",
    # round 6: lay words for a pregnancy, an anaesthetic, heart surgery, a reaction (README, "the hand words")
    r"the (?:contraceptive |birth control |morning-after |mini[- ])?(?:pill|coil)", r"morning sickness", r"going under",
    r"open[- ]heart(?: surgery| operation)?", r"(?:heart |coronary |triple |double |quadruple )?bypass", r"polio",
    r"breathless(?:ness)?", r"(?:allergic|bad|severe|skin|drug) reactions?", r"(?:sickle[- ]cell |pain )?crises",
    r"vivid dreams", r"poll(?:y|ey)[- ]?beak",
    # what a common word says once it is taken: supplements, pills, vaccines; and lay skin textures
    r"(?:iron|zinc|magnesium|calcium|biotin|collagen|folic acid|fish oil|vitamin [a-z]\d{0,2}|b12) (?:tablets|supplements|"
    r"pills|capsules|infusions?|injections?|shots?|drips?|deficiency)", r"(?:sleeping|diet|water|birth control|"
    r"contraceptive) pills", r"vaccin(?:e|es|ated|ation|ations)", r"chicken skin", r"strawberry (?:legs|skin)",
    r"orange peel skin",
    # medicines
    r"ibuprofen", r"paracetamol", r"aspirin", r"warfarin", r"insulin", r"metformin", r"antibiotics?",
    r"retinol", r"tretinoin", r"isotretinoin", r"accutane", r"hydroquinone", r"steroids?", r"painkillers?",
    r"antidepressants?", r"blood thinners?", r"medications?", r"prescriptions?", r"profhilo", r"sculptra",
    # round 7: what surgery leaves to be cared for (devices, garments, sites), lay back and joint
    # conditions, and a caller's smoking or drinking: health facts in everyday words
    r"(?:tissue |breast )?expanders?", r"(?:surgical )?drains?(?: sites?| tubes?)?", r"drain sites?",
    r"compression (?:bra|bras|garments?|stockings|socks|vest|sleeve|binder|wear)", r"(?:abdominal |post-?op )binders?",
    r"surgical (?:bra|tape|glue|mesh|clips?|staples)", r"dressings?", r"catheters?", r"stoma", r"colostomy(?: bag)?",
    r"pacemaker", r"hearing aids?", r"(?:slipped|herniated|bulging|prolapsed) discs?", r"trapped nerves?",
    r"frozen shoulder", r"tennis elbow", r"bad back", r"sciatica", r"arthritis", r"(?:torn|pulled) (?:ligament|muscle|"
    r"hamstring|cartilage)s?", r"whiplash", r"(?:ex-|heavy |social |chain[- ])?smokers?", r"vap(?:er|ers|ing)",
    r"(?:heavy|problem) drink(?:er|ers|ing)", r"recovering alcoholic",
    # round 8: named operations the trade shortens, gender-affirming surgery, blood pressure, accidents
    r"(?:gastric )?sleeve (?:op|operation|surgery|gastrectomy)", r"MACS(?:[\s-]lift)?", r"top surgery",
    r"(?:chest|facial|face|breast|voice) (?:masculini[sz]ation|femini[sz]ation)", r"(?:masculini|femini)[sz]ing surgery",
    r"(?:high|raised|low) blood pressure", r"(?:car|road|jet ski|ski|skiing|bike|cycling|motorbike|riding|horse|"
    r"climbing|diving|sports?|rugby|football) (?:accident|crash|fall|injury|injuries)",
    # round 10: what callers say in plain words for a condition, and the trade names' own suffixes
    r"(?:clots?|bleeds?) on the (?:brain|lungs?)", r"high (?:blood|BP)", r"blood pressure", r"stone deaf",
    r"tired all the time", r"(?:profoundly|severely|totally|partially|born) deaf(?: from birth)?", r"deaf from birth", r"(?:jumpy|restless|twitchy) legs(?: at night)?", r"acid (?:coming up|reflux)(?: at night)?",
    r"stammer(?:s|ing)?(?: since childhood)?", r"stutter(?:s|ing)?", r"metal (?:hip|knee|plate|pins?|rods?)",
    r"turkey[ -](?:gobble|wattle)(?: neck)?", r"puckered(?: at one end)?", r"(?:(?<=he )|(?<=she )|(?<=hands ))shak(?:es|e|ing)",
    r"can[’']?t hear (?:good|well|properly|a thing)(?: on the phone)?", r"bent (?:little )?(?:fingers?|toes?)",
    r"(?:one|two|three|four|five|six|seven|eight|nine|\d) months? (?:expecting|pregnant|gone)",
    r"shaky hands", r"Parkinson(?:'s|ian)? (?:shake|tremor)s?", r"tremors?",
    r"(?:(?<=for )|(?<=the )|(?<=my )|(?<=her )|(?<=his )|(?<=having )|(?<=had ))fits",  # not "if it fits"
    r"(?:(?<=for her )|(?<=for his )|(?<=for my ))(?:heart|chest|nerves|kidneys|liver|lungs|bladder|bowels|joints)",
    # a trade name by its release or form: "Glycomet SR", "Thyronorm tablets" (not "Those tablets")
    r"(?-i:(?!(?:Those|These|Some|Your|Their|Which|What|Other|Many|Both|Any|More|Most|Such|Three|Seven|Eight)\b)"
    r"[A-Z][a-z]{3,}(?: (?:SR|XR|XL|ER|CR|MR|LA)\b| (?:tablets|capsules)))",
    # round 12: the body's signs in plain words (pressure, temperature, heartbeat, dizziness, eyes),
    # contraception, a pregnancy by its weeks, what a cast or a splint leaves, ears pinned back, and
    # the words of a scar and a caesarean in the languages callers switch into
    r"(?:my|her|his|the) pressure(?: being| is| was| runs| goes)? (?:high|low|up)", r"(?:high|low|raised) pressure",
    r"(?<=for my )pressure", r"(?<=for her )pressure", r"(?<=for his )pressure",
    r"(?:high|raised) (?:temperature|temp|fever)", r"temperature (?:of )?(?:3[7-9]|4[0-2])(?:[.,]\d)?",
    r"(?:fast|racing|pounding|irregular|skipping|funny) heart ?beats?", r"heart (?:racing|pounding|fluttering|palpitations)",
    r"palpitations?", r"dizz(?:y|iness)(?: (?:when|if) (?:I|she|he) (?:stand|get|sit) up)?", r"light[- ]?headed(?:ness)?",
    r"(?:eyes?|eye) watering(?: all day)?", r"watery eyes?", r"blurr(?:y|ed)(?: vision)?",
    r"birth control", r"contracepti(?:ve|ves|on)", r"depo(?:[- ]provera)?(?: shot| injection| jab)?", r"(?<=the )coil",
    r"(?:\w+ )weeks? (?:pregnant|with twins|with triplets|gone)", r"(?:expecting|pregnant with) twins",
    r"(?:the )?cast came off(?: crooked)?", r"(?:nose|nasal) splint", r"ears? pinned(?: back)?(?: flat)?",
    r"pinned back(?: flat)?", r"bingo[- ]wings?(?: lift| reduction)?", r"(?:big|heavy|dark) bags",
    r"skin hanging over (?:my|her|his|the) (?:eyes|eyelids|lids)",
    r"Narben?(?:laser|behandlung)?", r"Kaiserschnitt(?:narbe)?", r"wulstig", r"cicatri(?:ce|ces|z|zes)", r"c[eé]sar(?:ienne|ea|eo)",
    r"blizn(?:a|y)", r"litteken(?:s)?", r"hinchaz[oó]n", r"Schwellung", r"gonflement",
    # round 13: a test by its name, a blood trait, hair lost to tension, the skin a great weight loss leaves
    r"ultrasounds?(?: scans?)?", r"(?:beta |alpha )?thal(?:ass?a?emia)?(?: (?:trait|minor|major))?",
    r"traction (?:alopecia|patch(?:es)?|hair loss)", r"(?:the )?skin after losing \d+ (?:kilos|kg|stone|pounds|lbs)",
    r"(?:after |since )?losing \d+ (?:kilos|kg|stone)", r"(?:won[’']?t|doesn[’']?t|can[’']?t) close (?:fully|properly|at night)",    # round 14: a cut by what made it and where it is, a voice gone hoarse
    r"(?:knife|adze|axe|glass|paper|chisel|saw|blade|deep|bad) cuts? (?:on|across|in|to) (?:my|her|his|the) (?:left |right )?"
    r"(?:index |middle |ring |little )?(?:thumb|finger|hand|palm|wrist|arm|leg|foot|shin|knee)",
    r"hoarse(?:ness)?",
]
ENDINGS = [r"plast(?:y|ies|ic)", r"ectom(?:y|ies)", r"otom(?:y|ies)", r"ostom(?:y|ies)", r"oscop(?:y|ies)",
           r"itis", r"osis", r"algia", r"opath(?:y|ies)", r"aemia", r"emia", r"cillin", r"mycin", r"cycline",
           r"olol", r"pril", r"sartan", r"statin", r"azole", r"tidine", r"dronate", r"umab", r"ximab", r"afil",
           r"oxetine", r"azepam", r"profen", r"dermal", r"therapy", r"pexy", r"mastia", r"aline", r"noma", r"poma",
           r"roma", r"toma", r"cinoma", r"abrasion", r"thyroidism", r"lasty", r"lysis", r"morphia", r"ptosis", r"aemic",
           # a cutting, as "-tomy" is: "resection", "venesection", "transection"
           r"esections?", r"ansections?",
           # the same endings in French, German, Spanish, Italian: "blépharoplastie", "Rhinoplastik", "mastectomía"
           r"plastie", r"plastik", r"plastia", r"plastica", r"ectomie", r"ectomía", r"ectomia", r"otomie", r"itis"]
NOT_MEDICAL = {"aroma", "aromas", "diploma", "diplomas", "stroma", "analysis", "paralysis"}
# What a medicine comes as or in, and ordinary verbs a terminology lists as a heading: a drug
# dictionary's dosage forms ("tablets", "liquid") say nothing of the caller's health (PII-6).
PLAIN = {"tablet", "tablets", "capsule", "capsules", "liquid", "liquids", "solution", "solutions", "leaflet",
         "leaflets", "sachet", "sachets", "sits", "dose", "doses", "pack", "packs", "strength"}
# English idioms with a body part in them: said on a booking line, they are about nothing medical.
IDIOMS = [r"wheelchair[- ]accessible", r"wheelchair access", r"off the top of (?:my|your|his|her) head", r"keep(?:ing)? an eye on", r"eye to eye", r"by heart",
          r"on the other hand", r"face[- ]to[- ]face", r"pain in the neck", r"an arm and a leg", r"head over heels",
          r"heads[- ]up", r"cold feet", r"(?:give|lend) (?:me |you |us |her |him )?a hand", r"back[- ]to[- ]back",
          r"(?:call|ring|phone|text|get|come|go|write) (?:me |you |us |her |him |it |them )?back",
          r"behind (?:my|your|his|her) back", r"all ears", r"thumbs up", r"fingers crossed",
          r"(?:my|your) head round", r"put (?:my|your) feet up", r"break a leg", r"foot the bill"]
# Who treats, not what is treated: "the surgeon", "my dermatologist", "a physiotherapist".
PROFESSION = (r"(?:[a-z]+(?:ologists?|iatrists?|icians?|apists?)|surgeons?|physicians?|practitioners?|"
              r"anaesthetists?|anesthetists?|nurses?|midwi(?:fe|ves)|consultants?)")
BODY_PARTS = [
    r"nos(?:e|es)", r"nasal", r"nostrils?", r"breasts?", r"boobs?", r"chest", r"nipples?", r"chin", r"jaw(?:line)?",
    r"eyelids?", r"eyes?", r"brows?", r"eyebrows?", r"forehead", r"temples?", r"cheeks?", r"cheekbones?", r"lips?",
    r"mouth", r"teeth", r"gums?", r"ears?", r"earlobes?", r"neck", r"neckline", r"face", r"facial", r"scalp",
    r"crown", r"hairline", r"hair", r"skin", r"arms?", r"upper arms?", r"armpits?", r"hands?", r"fingers?",
    r"wrists?", r"elbows?", r"shoulders?", r"back", r"spine", r"tumm(?:y|ies)", r"stomach", r"bell(?:y|ies)",
    r"abdom(?:en|inal)", r"navel", r"belly button", r"waist", r"hips?", r"thighs?", r"inner thighs?", r"knees?",
    r"legs?", r"calf", r"calves", r"ankles?", r"feet", r"foot", r"toes?", r"buttocks?", r"bum", r"bottom",
    r"groin", r"labia", r"genitals?", r"jowls?", r"love handles", r"body",
    r"flanks?", r"d[ée]collet(?:age|[ée])", r"cleavage", r"areolae?", r"areolas", r"underarms?", r"bikini line",
    r"midriff", r"pecs", r"pectorals?", r"philtrum", r"masseters?", r"lids", r"valves?", r"joints?", r"bust",
    r"toenails?", r"fingernails?", r"nails?",
    # round 5: more of the body, in general anatomy
    r"collar ?bones?", r"clavicles?", r"fingertips?", r"palms?", r"soles?", r"heels?", r"beard(?: line| area)?",
    r"sideburns?", r"ribs?", r"rib ?cage", r"forearms?", r"kneecaps?", r"head", r"edges", r"moustache area",
    r"eye sockets?", r"brow bone", r"jaw angle", r"love handles?", r"outer thighs?", r"pubic area", r"perineum",
    # round 4: sites said on their own
    r"shins?", r"vertex", r"mid-?face", r"glutes", r"throat", r"lash lines?", r"eye area", r"under-?eyes?",
    r"big toe", r"(?:upper|lower) lids?", r"nape", r"sternum", r"chest wall", r"knuckles?", r"(?:nose|nasal) tip",
    # round 6: the organs a caller names (what they do or became: "my lungs were damaged")
    r"lungs?", r"liver", r"kidneys?", r"bladder", r"bowels?", r"pancreas", r"womb", r"uterus", r"ovar(?:y|ies)",
    r"prostate", r"spleen", r"gallbladder",
]
AMBIGUOUS_BODY = {r"back", r"bottom", r"body", r"crown", r"temples?", r"hands?", r"arms?", r"feet", r"foot", r"legs?",
                  r"hair", r"eyes?", r"face", r"mouth", r"teeth", r"fingers?", r"toes?", r"chest", r"neck", r"hips?",
                  r"knees?", r"waist", r"calf", r"shoulders?", r"upper arms?", r"skin", r"brows?", r"lids", r"valves?",
                  r"joints?", r"bust", r"nails?", r"throat", r"vertex", r"palms?", r"soles?", r"heels?", r"ribs?",
                  r"head", r"edges", r"beard(?: line| area)?", r"love handles?"}
BODY_PARTS_ALWAYS = [p for p in BODY_PARTS if p not in AMBIGUOUS_BODY]
TREATMENT_NOUNS = [r"lifts?", r"lifting", r"reductions?", r"reconstructions?", r"enlargements?",
                   r"augmentations?", r"transplants?", r"transfers?", r"implants?", r"fillers?", r"injections?",
                   r"surgery", r"surgeries", r"tucks?", r"contouring", r"sculpting", r"rejuvenation", r"resurfacing",
                   r"peels?", r"reshaping", r"repairs?", r"scars?", r"revisions?", r"grafts?", r"pinning", r"bypass",
                   r"replacements?", r"slimming", r"tightening", r"fat",
                   # a body part and what was done to it: "my hip replaced", "her nose reconstructed"
                   r"replaced", r"reconstructed", r"resurfaced", r"lasered", r"injected", r"operated on",
                   r"work", r"plasty", r"hooding", r"refinements?", r"pinch", r"bands", r"creases", r"folds",
                   r"facials?", r"tint(?:ing|s)?", r"lamination", r"removal"]
# A concern said of a body part: "hooded lids", "a heavy brow", "thin lips", "dry eye".
CONCERNS = [r"hooded", r"heavy", r"droopy", r"drooping", r"saggy", r"sagging", r"puffy", r"sunken", r"thin",
            r"thinning", r"crepey", r"lumpy", r"uneven", r"wonky", r"crooked", r"bumpy", r"deflated", r"hollow",
            r"asymmetric(?:al)?", r"enlarged", r"swollen", r"bruised", r"scarred", r"damaged", r"dry", r"tired",
            r"receding", r"protruding", r"prominent", r"bulging", r"flat", r"bony", r"hairy", r"greasy", r"oily",
            r"ingrown", r"ingrowing", r"fungal", r"cracked", r"inflamed", r"infected", r"sore", r"painful", r"baggy",
            r"hooked", r"crepey", r"lumpy", r"gritty", r"shiny", r"firm(?:er)?", r"dark(?:er)?", r"thinner", r"thicker",
            r"loose(?:r)?", r"tight(?:er)?", r"sweaty", r"patchy", r"burning", r"discoloured", r"discolored", r"tingly",
            # round 6: a look and what stands in for a part ("gaunt face", "glass eye", "lazy eye")
            r"gaunt", r"glass", r"artificial", r"prosthetic", r"false", r"lazy"]

# Ordinary words that say a symptom once a body part or a treatment has been named in the same
# sentence: "the implant feels hard", "came out in a rash", "a gap in the cut", "it's indented".
SYMPTOMS = [r"hard", r"harden(?:ed|ing)", r"rash(?:es)?", r"burns?", r"burnt", r"cuts?", r"gaps?", r"inflamed",
            r"mottled", r"indented", r"blanch(?:ed|ing)", r"spitting", r"red(?:ness)?", r"hot", r"tender", r"tight",
            r"bumps?", r"bumpy", r"dented", r"dents?", r"sore", r"aching", r"aches?", r"throbbing", r"leaking",
            r"discoloured", r"discolored", r"bruised", r"patchy", r"raised", r"lopsided", r"stinging", r"stung",
            r"swollen", r"stiff(?:ness)?", r"weeping", r"itchy", r"flaky", r"peeling", r"crack(?:ing|ed)", r"blue",
            r"purple", r"dusky", r"shedding", r"shiny", r"sunken", r"bulg(?:e|es|ing)", r"tingl(?:e|es|ing)", r"burning",
            r"welts?", r"chafing", r"divots?", r"firmer", r"darker", r"thinner", r"loose", r"gritty", r"shifted"]
# What comes before such a word when it says a symptom.
SYMPTOM_CUES = (r"(?:keeps?|kept|feels?|felt|is|are|it's|looks?|gone|went|go|going|got|getting|still|became|become|turned|"
                r"a|an|the|in a|shows?|showing|and|now|been|with|some|more|bit|quite|very|really|all|leave|leaves|left|for)")
