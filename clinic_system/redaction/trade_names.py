"""Trade names a cosmetic clinic's callers say: fillers, toxins, skin boosters, threads,
implants and the energy devices (radiofrequency, ultrasound, laser, cryolipolysis), the
drug dictionary's brands aside; and the clinical abbreviations they use. General knowledge
of the trade, not a clinic's list. Brands that are ordinary English words ("Halo",
"Titan", "Profound", "Mentor") are left out: they would cost precision (PII-6)."""

BRANDS = [
    # hyaluronic fillers and skin boosters
    r"juv[eé]derm", r"voluma", r"volbella", r"volift", r"volux", r"volite", r"restylane", r"belotero", r"teosyal",
    r"radiesse", r"sculptra", r"ellans[eé]", r"profhilo", r"stylage", r"revanesse", r"aliaxin", r"saypha",
    r"sunekos", r"jalupro", r"harmonyca", r"redensity", r"skinvive", r"rha ?\d", r"neauvia", r"hylenex",
    # toxins
    r"botox", r"dysport", r"xeomin", r"bocouture", r"azzalure", r"jeuveau", r"daxxify", r"letybo", r"relfydess",
    r"alluzience", r"vistabel", r"myobloc", r"nuceiva",
    # energy devices and body contouring
    r"morpheus ?8", r"vaser(?:lipo)?", r"renuvion", r"j-?plasma", r"cool ?sculpt(?:ing)?", r"em ?sculpt(?: neo)?",
    r"emface", r"emsella", r"emtone", r"ultherapy", r"thermage", r"fraxel", r"sofwave", r"exilis", r"bodytite",
    r"facetite", r"accutite", r"necktite", r"potenza", r"vivace", r"secret rf", r"sylfirm", r"hydra ?facial",
    r"picosure", r"picoway", r"pico ?laser", r"q-?switch(?:ed)?", r"nd:? ?yag", r"co2 laser", r"lumecca",
    r"trusculpt", r"sculpsure", r"kybella", r"belkyra", r"aqualyx", r"lemon bottle", r"endolift", r"plexr",
    r"jett plasma", r"hifu", r"ultraformer", r"clear ?\+ ?brilliant", r"moxi laser", r"bbl hero", r"dermapen",
    r"skinpen", r"obagi", r"latisse", r"silhouette soft", r"pdo threads?", r"nova ?threads?", r"mint threads?",
    r"aptos threads?",
    # implants
    r"motiva", r"natrelle", r"sientra", r"polytech", r"nagor", r"ergonomix", r"keller funnel", r"galaflex",
    # weight-loss medicines said by brand (the drug dictionary has most; these are often misheard)
    r"ozempic", r"wegovy", r"mounjaro", r"zepbound", r"saxenda",
]
# Upper case only, so "me", "Ms", "aids", "Ra" in speech are never taken.
ABBREVIATIONS = [
    "FUE", "FUT", "DHI", "BCC", "SCC", "PCOS", "IBS", "IBD", "COPD", "ADHD", "OCD", "PTSD", "BDD", "HIV", "AIDS",
    "HPV", "HSV", "STI", "STIs", "UTI", "UTIs", "CKD", "TIA", "GERD", "GORD", "EDS", "POTS", "TCA", "PDO", "DIEP",
    "TRAM", "BRCA", "BRCA1", "BRCA2", "BMI", "ICU", "GLP-1", "SSRI", "SSRIs", "ALCL", "BIA-ALCL", "BII", "CFS",
    "MRSA", "CPAP", "ECG", "MRI", "CT scan", "PET scan", "EMLA", "MS", "RA", "IUD", "IUS", "HRT",
    # round 5: infections and their medicines, the eponymous skin surgery, tests said bare
    "TB", "PrEP", "PEP", "ART", "HAART", "MDR-TB", "Mohs", "HbA1c", "TSH", "eGFR", "PSA", "CRP", "DEXA", "ECT",
]
