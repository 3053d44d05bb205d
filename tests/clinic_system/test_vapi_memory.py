"""What the service remembers of HMAC clinics for an outage: lines learned, signatures taken once."""
from clinic_system.vapi_memory import Memory

LINE = ("asst_1", "pn_1")


def test_a_line_never_seen_names_no_clinic():
    assert Memory(300).clinic(LINE) is None


def test_a_line_learned_names_its_clinic_until_the_database_says_otherwise():
    memory = Memory(300)
    memory.learn(LINE, "org_a")
    assert memory.clinic(LINE) == "org_a"
    memory.learn(LINE, "org_b")
    assert memory.clinic(LINE) == "org_b"
    memory.learn(LINE, None)
    assert memory.clinic(LINE) is None


def test_the_least_recently_used_line_is_forgotten_first():
    memory = Memory(300, max_lines=2)
    memory.learn(("a", None), "org_a")
    memory.learn(("b", None), "org_b")
    memory.learn(("a", None), "org_a")  # used again: now the most recent
    memory.learn(("c", None), "org_c")
    assert [memory.clinic((x, None)) for x in "abc"] == ["org_a", None, "org_c"]


def test_a_signature_is_taken_once_per_clinic():
    memory = Memory(300)
    assert memory.first("org_a", "sig", now=0.0)
    assert not memory.first("org_a", "sig", now=1.0)
    assert memory.first("org_b", "sig", now=1.0)


def test_a_signature_is_forgotten_only_after_twice_the_window():
    memory = Memory(300)
    assert memory.first("org_a", "old", now=0.0)
    assert not memory.first("org_a", "old", now=599.0)
    assert memory.first("org_a", "new", now=601.0)  # prunes "old"
    assert memory.seen.keys() == {("org_a", "new")}
