from datetime import date, datetime, timezone

from clinic_suite.journeys import dates


def test_next_tuesday_is_never_today():
    assert dates.next_weekday(date(2030, 1, 1), "tuesday") == date(2030, 1, 8)
    assert dates.next_weekday(date(2030, 1, 2), "tuesday") == date(2030, 1, 8)
    assert dates.next_weekday(date(2030, 1, 7), "Tuesday") == date(2030, 1, 8)


def test_relative_phrases_resolve_in_the_clinics_zone():
    now = datetime(2030, 6, 30, 12, 0, tzinfo=timezone.utc)
    when = dates.resolve("10:00 next Tuesday", "Europe/London", now)
    assert when.isoformat() == "2030-07-02T10:00:00+01:00"


def test_the_spoken_clock_is_in_the_times_own_zone():
    assert dates.clock(dates.resolve("9:30 next Tuesday", "Asia/Tokyo", datetime(2030, 6, 30, tzinfo=timezone.utc))) == "9:30 AM"
