from datetime import date, datetime, timedelta, timezone

import pytest

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


def test_the_next_change_of_clocks_comes_from_the_zone_on_any_day_of_the_year():
    for zone in ("Australia/Sydney", "America/Los_Angeles", "Europe/London"):
        for month in range(1, 13):
            now = datetime(2030, month, 15, 12, tzinfo=timezone.utc)
            when = dates.resolve("10:00 on the first Tuesday after the clocks change", zone, now)
            assert (when.hour, when.minute, when.strftime("%A")) == (10, 0, "Tuesday")
            assert when.utcoffset() != now.astimezone(when.tzinfo).utcoffset(), (zone, month)
            assert 0 < (when - now).days < 250, (zone, month)   # within a clinic's year ahead


def test_a_zone_without_daylight_saving_has_no_change_of_clocks():
    with pytest.raises(ValueError, match="do not change"):
        dates.next_clock_change("Asia/Tokyo", datetime(2030, 1, 1, tzinfo=timezone.utc))


def test_opening_times_follow_the_clinics_own_clock_across_a_change():
    hours = {"sat": ["09:00", "10:00"], "sun": ["09:00", "10:00"]}
    start = datetime(2030, 4, 5, tzinfo=timezone.utc)  # Sydney's clocks go back early on Sunday 7 April 2030
    times = dates.opening_times(hours, "Australia/Sydney", start, start + timedelta(days=3))
    assert [t.strftime("%a %H:%M %z") for t in times] == ["Sat 09:00 +1100", "Sat 09:30 +1100",
                                                          "Sun 09:00 +1000", "Sun 09:30 +1000"]
