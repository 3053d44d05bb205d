from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from clinic_system import slots

HOURS = slots.Hours.of("Europe/London", {"tue": ["09:00", "17:00"]})


def test_a_day_has_a_slot_every_30_minutes_within_opening_hours():
    day = HOURS.day_slots(date(2030, 1, 1))  # a Tuesday
    assert len(day) == 16
    assert day[0] == datetime(2030, 1, 1, 9, 0, tzinfo=timezone.utc)
    assert day[-1] == datetime(2030, 1, 1, 16, 30, tzinfo=timezone.utc)


def test_summer_time_is_local():
    summer = HOURS.day_slots(date(2030, 7, 2))
    assert summer[0] == datetime(2030, 7, 2, 8, 0, tzinfo=timezone.utc)  # 09:00 BST


def test_the_receptionist_speaks_local_time():
    tz = ZoneInfo("Europe/London")
    when = datetime(2030, 7, 2, 9, 0, tzinfo=timezone.utc)
    assert slots.label(when, tz) == "Tuesday 2 July at 10:00 AM"
    assert slots.clock(when, tz) == "10:00 AM"
    assert slots.local_stamp(when, tz) == "2030-07-02 10:00"


def test_a_clinic_takes_bookings_56_days_ahead_unless_it_chose_otherwise():
    assert HOURS.horizon_days == slots.HORIZON_DAYS == 56
    assert slots.Hours.of("Australia/Sydney", {"tue": ["09:00", "17:00"]}, 365).horizon_days == 365
    now = datetime(2030, 1, 1, tzinfo=timezone.utc)
    assert slots.horizon(now) == datetime(2030, 2, 26, tzinfo=timezone.utc)


def test_a_clinics_booking_horizon_is_a_whole_number_of_days_up_to_a_year():
    import pytest
    from pydantic import ValidationError

    from clinic_system.clinics import ClinicIn
    base = {"name": "X", "timezone": "Australia/Sydney", "openingHours": {"mon": ["09:00", "17:00"]}}
    assert ClinicIn(**base).bookingHorizonDays is None
    assert ClinicIn(**base, bookingHorizonDays=366).bookingHorizonDays == 366
    for bad in (0, 367, -1, "90", 90.0, True):
        with pytest.raises(ValidationError):
            ClinicIn(**base, bookingHorizonDays=bad)
