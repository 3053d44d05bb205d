"""Ordinary words: never medical on their own, whatever a terminology lists (a clinic's
booking talk is full of "consultation", "weeks", "code", "lower", "advanced")."""
from faker.providers.lorem.en_US import Provider

BOOKING = """
appointment appointments consultation consultations consult deposit deposits cancel cancellation reschedule
booking book booked slot slots price prices cost costs quote invoice payment finance fee fees pounds dollars euros
week weeks day days month months year years hour hours minute minutes morning afternoon evening session sessions
clinic clinics cosmetic aesthetic advanced premier surgery surgeon doctor nurse receptionist manager practice
code number digits line ring ringing call calling text link email website address postcode confirmation reference
follow-up visit visits review downtime recovery results result before after photos package packages offer
lower upper left right side sides both front back top bottom inside outside loose tight cutting opening taken
nervous worried anxious problem problems issue issues behalf mine flying balance worse better
press option options menu parking bay bays zero
worries wellbeing crosstalk tongue-tied
""".split()
ORDINARY_WORDS = frozenset(w.lower() for w in Provider.word_list) | frozenset(BOOKING)
