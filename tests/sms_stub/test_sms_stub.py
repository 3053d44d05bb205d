"""The SMS stub speaks Twilio: the official twilio client works against it."""
import httpx
import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client


def client_for(stub, token=None) -> Client:
    client = Client(stub["sid"], token or stub["token"])
    client.api.base_url = stub["url"]
    return client


def test_the_official_client_sends_through_the_stub(sms_stub):
    sent = client_for(sms_stub).messages.create(to="+15550001001", from_="+15005550006", body="Hello")
    assert sent.sid.startswith("SM") and sent.status == "queued" and sent.to == "+15550001001"
    inbox = httpx.get(sms_stub["url"] + "/_stub/messages", params={"to": "+15550001001"}).json()["messages"]
    assert [m["body"] for m in inbox] == ["Hello"]


def test_wrong_credentials_are_refused_as_twilio_does(sms_stub):
    with pytest.raises(TwilioRestException) as refused:
        client_for(sms_stub, token="wrong").messages.create(to="+15550001002", from_="+15005550006", body="x")
    assert (refused.value.status, refused.value.code) == (401, 20003)


@pytest.mark.parametrize("mode,status,code", [("quota-exceeded", 429, 20429), ("daily-limit", 429, 63038),
                                              ("outage", 503, 20503)])
def test_faults_are_per_number_and_counted(sms_stub, mode, status, code):
    to, other = f"+1555000{status}{code % 10}", "+15550009999"
    httpx.post(sms_stub["url"] + "/_stub/faults", json={"to": to, "mode": mode, "count": 1}).raise_for_status()
    client = client_for(sms_stub)
    client.messages.create(to=other, from_="+15005550006", body="unaffected")
    with pytest.raises(TwilioRestException) as refused:
        client.messages.create(to=to, from_="+15005550006", body="x")
    assert (refused.value.status, refused.value.code) == (status, code)
    assert client.messages.create(to=to, from_="+15005550006", body="second try").status == "queued"


def test_a_waiting_fault_leaves_the_list_when_a_send_takes_it(sms_stub):
    to, url = "+15550003001", sms_stub["url"] + "/_stub/faults"
    httpx.post(url, json={"to": to, "mode": "quota-exceeded", "count": 2}).raise_for_status()
    assert httpx.get(url, params={"to": to}).json()["faults"] == [{"mode": "quota-exceeded", "count": 2, "delayMs": 0}]
    client = client_for(sms_stub)
    for _ in range(2):
        with pytest.raises(TwilioRestException):
            client.messages.create(to=to, from_="+15005550006", body="x")
    assert httpx.get(url, params={"to": to}).json()["faults"] == []


def test_inboxes_clear_per_number(sms_stub):
    client = client_for(sms_stub)
    client.messages.create(to="+15550002001", from_="+15005550006", body="a")
    client.messages.create(to="+15550002002", from_="+15005550006", body="b")
    httpx.delete(sms_stub["url"] + "/_stub/messages", params={"to": "+15550002001"}).raise_for_status()
    get = lambda n: httpx.get(sms_stub["url"] + "/_stub/messages", params={"to": n}).json()["messages"]
    assert get("+15550002001") == [] and len(get("+15550002002")) == 1


def test_bad_fault_requests_are_4xx(sms_stub):
    answer = httpx.post(sms_stub["url"] + "/_stub/faults", json={"to": "+1555", "mode": "meteor"})
    assert answer.status_code == 422
