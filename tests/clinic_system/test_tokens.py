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


def test_a_link_lasts_fourteen_days_to_the_second():
    fortnight = 14 * 24 * 3600
    token = sign_resume_token(KEY, "org_a", "call_1", now=1_000)
    assert verify_resume_token(KEY, token, "call_1", now=1_000 + fortnight - 1) == "org_a"
    with pytest.raises(BadToken, match="expired"):
        verify_resume_token(KEY, token, "call_1", now=1_000 + fortnight + 1)


def test_bearer_and_digest():
    assert bearer("Bearer abc") == "abc"
    assert bearer("Basic abc") is None
    assert bearer("Bearer ") is None
    assert bearer(None) is None
    assert digest("a") != digest("b") and len(digest("a")) == 64


class _Database:
    """The definer look-up as the service sees it: one known key; counts what it is asked."""

    def __init__(self, known: dict[str, str]):
        self.known, self.asked = {digest(k): org for k, org in known.items()}, 0

    async def fetchval(self, sql: str, secret_digest: str):
        self.asked += 1
        return self.known.get(secret_digest)


def test_a_proven_key_is_not_asked_about_again_and_an_unknown_one_always_is():
    import asyncio

    from clinic_system.credentials import Proven, clinic_of
    from clinic_system.errors import ApiError

    async def scenario():
        database, proven = _Database({"ck_good": "org_a"}), Proven()
        assert [await clinic_of(database, "clinic_for_api_key", "ck_good", proven) for _ in range(3)] == ["org_a"] * 3
        assert database.asked == 1
        for _ in range(2):
            with pytest.raises(ApiError) as refused:
                await clinic_of(database, "clinic_for_api_key", "ck_unknown", proven)
            assert refused.value.status == 401
        assert database.asked == 3
        # the same digest through another look-up is another credential
        with pytest.raises(ApiError):
            await clinic_of(_Database({}), "clinic_for_webhook_secret", "ck_good", proven)
    asyncio.run(scenario())


def test_the_proven_keys_are_bounded():
    from clinic_system.credentials import Proven

    proven = Proven()
    for n in range(Proven.LIMIT + 5):
        proven.keep("clinic_for_api_key", f"d{n}", f"org_{n}")
    assert len(proven._clinics) == Proven.LIMIT
    assert proven.get("clinic_for_api_key", "d0") is None
    assert proven.get("clinic_for_api_key", f"d{Proven.LIMIT + 4}") == f"org_{Proven.LIMIT + 4}"
