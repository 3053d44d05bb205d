-- How far ahead a clinic takes bookings (issue 16, CC-7): chosen when the clinic is set up
-- (`bookingHorizonDays`, 1 to 366); NULL is the service's default (slots.HORIZON_DAYS, 56), so
-- every clinic set up without it, and every clinic set up before, behaves as it did. A clinic
-- far from UTC can then be booked across its next daylight-saving change, which from November
-- to February no zone reaches within 56 days.

SET ROLE clinic_owner;

ALTER TABLE clinics ADD COLUMN booking_horizon_days int
  CHECK (booking_horizon_days BETWEEN 1 AND 366);

-- The clinic's horizon in days, or p_default when it chose none. Sets the clinic for its own
-- transaction first (row-level security), as claim_time does: the service reads it in the
-- claim's own statement and passes it on (booking.CLAIM), so a claim stays one round trip.
CREATE FUNCTION clinic_horizon_days(p_org text, p_default int) RETURNS int
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM set_config('app.current_org_id', p_org, true);
  RETURN coalesce((SELECT c.booking_horizon_days FROM clinics c WHERE c.org_id = p_org), p_default);
END $$;

RESET ROLE;

REVOKE ALL ON FUNCTION clinic_horizon_days(text, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinic_horizon_days(text, int) TO clinic_service;
