import pytest

from clinic_system.credentials import BadToken, bearer, digest, sign_resume_token, verify_resume_token

KEY = b"k" * 32


def test_a_signed_link_names_its_clinic():
    token = sign_resume_token(KEY, "org_a", "call_1")
    assert verify_resume_token(KEY, token, "call_1") == "org_a"


@pytest.mark.parametrize("mangle", [
    lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),          # altered signature
    lambda t: "eyJvIjoib3JnX2IiLCJjIjoiY2FsbF8xIiwiZSI6OTk5OTk5OTk5OX0" + t[t.index("."):],  # swapped claims
    lambda t: t.split(".")[0],                                            # no signature
    lambda t: "not-a-token",
    lambda t: "",
])
def test_altered_or_forged_links_are_refused(mangle):
    token = sign_resume_token(KEY, "org_a", "call_1")
    with pytest.raises(BadToken):
        verify_resume_token(KEY, mangle(token), "call_1")


def test_a_link_for_another_call_is_refused():
    with pytest.raises(BadToken, match="another call"):
        verify_resume_token(KEY, sign_resume_token(KEY, "org_a", "call_1"), "call_2")


def test_a_link_signed_with_another_key_is_refused():
    with pytest.raises(BadToken):
        verify_resume_token(KEY, sign_resume_token(b"x" * 32, "org_a", "call_1"), "call_1")


def test_an_expired_link_is_refused():
    token = sign_resume_token(KEY, "org_a", "call_1", now=1_000)
    with pytest.raises(BadToken, match="expired"):
        verify_resume_token(KEY, token, "call_1", now=10_000_000)


def test_bearer_and_digest():
    assert bearer("Bearer abc") == "abc"
    assert bearer("Basic abc") is None
    assert bearer("Bearer ") is None
    assert bearer(None) is None
    assert digest("a") != digest("b") and len(digest("a")) == 64
