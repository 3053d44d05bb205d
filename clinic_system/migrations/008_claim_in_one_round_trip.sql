-- A claim decided in one round trip (issue 20): the clinic's appointment times, the
-- nearest free ones, and the claim itself (hold or booking) as functions the service
-- calls with one statement. They run as the caller (no SECURITY DEFINER): row-level
-- security applies to every row they read or write. The partial unique index
-- appointment_slots_one_active stays the arbiter (pinned decision 4): the INSERT below
-- skips a conflicting row instead of checking first.

SET ROLE clinic_owner;

-- The clinic's appointment starts in [p_from, p_to): every p_slot_minutes from opening,
-- in wall-clock time of the clinic's timezone, while a whole slot fits before closing
-- (the same rule as slots.Hours.day_slots, across daylight-saving changes too).
CREATE FUNCTION clinic_slot_times(p_org text, p_from timestamptz, p_to timestamptz, p_slot_minutes int)
  RETURNS SETOF timestamptz
  LANGUAGE sql STABLE
  AS $$
  SELECT z.t
  FROM clinics c
  CROSS JOIN LATERAL generate_series(((p_from AT TIME ZONE c.timezone)::date - 1)::timestamp,
                                     ((p_to AT TIME ZONE c.timezone)::date + 1)::timestamp,
                                     interval '1 day') AS d(day)
  CROSS JOIN LATERAL (SELECT c.opening_hours
                        -> (ARRAY['mon','tue','wed','thu','fri','sat','sun'])[extract(isodow FROM d.day)::int]
                        AS span) AS s
  CROSS JOIN LATERAL generate_series(d.day + (s.span ->> 0)::time,
                                     d.day + (s.span ->> 1)::time - make_interval(mins => p_slot_minutes),
                                     make_interval(mins => p_slot_minutes)) AS w(local_start)
  CROSS JOIN LATERAL (SELECT w.local_start AT TIME ZONE c.timezone AS t) AS z
  WHERE c.org_id = p_org AND s.span IS NOT NULL AND z.t >= p_from AND z.t < p_to
$$;

-- The free times closest to the one asked for, closest first, ties to the earlier; a
-- week either side, never in the past (168 hours, not '7 days': absolute time across
-- a daylight-saving change, as the service's Python did). Free: no booking and no live hold.
-- The candidates are put in order first (OFFSET 0 keeps the free test out of that
-- subquery), so the free test runs on the nearest few until enough are found, not on all.
CREATE FUNCTION nearest_free_times(p_org text, p_wanted timestamptz, p_limit int, p_slot_minutes int)
  RETURNS timestamptz[]
  LANGUAGE sql STABLE
  AS $$
  SELECT coalesce(array_agg(t ORDER BY abs(extract(epoch FROM t - p_wanted)), t), '{}')
  FROM (SELECT t
        FROM (SELECT t FROM clinic_slot_times(p_org, greatest(now(), p_wanted - interval '168 hours'),
                                              p_wanted + interval '168 hours', p_slot_minutes) AS t
              WHERE t <> p_wanted AND t >= now()
              ORDER BY abs(extract(epoch FROM t - p_wanted)), t
              OFFSET 0) AS nearest_first
        WHERE NOT EXISTS (SELECT 1 FROM appointment_slots a
                          WHERE a.org_id = p_org AND a.slot_time = nearest_first.t
                            AND (a.status = 'booked' OR (a.status = 'held' AND a.held_until > now())))
        LIMIT p_limit) AS free
$$;

-- Whether the clinic offers an appointment starting exactly at p_when: the same rule for
-- one time, without generating the days around it.
CREATE FUNCTION clinic_offers(p_org text, p_when timestamptz, p_slot_minutes int) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$
  SELECT EXISTS (
    SELECT 1 FROM clinics c
    CROSS JOIN LATERAL (SELECT p_when AT TIME ZONE c.timezone AS local) AS l
    CROSS JOIN LATERAL (SELECT c.opening_hours
                          -> (ARRAY['mon','tue','wed','thu','fri','sat','sun'])[extract(isodow FROM l.local)::int]
                          AS span) AS s
    WHERE c.org_id = p_org AND s.span IS NOT NULL
      AND l.local >= l.local::date + (s.span ->> 0)::time
      AND l.local + make_interval(mins => p_slot_minutes) <= l.local::date + (s.span ->> 1)::time
      AND extract(epoch FROM l.local - (l.local::date + (s.span ->> 0)::time)) % (p_slot_minutes * 60) = 0)
$$;

-- Write the active row for a time: false when another active row has it already. A hold
-- whose time has passed stops counting first (pinned decision 4: inside the claiming
-- transaction). No check before the INSERT: the unique index decides, and a loser waits
-- for the winner's commit instead of racing it.
CREATE FUNCTION take_time(p_org text, p_when timestamptz, p_status text, p_held_until timestamptz,
                          p_call text, p_patient text) RETURNS boolean
  LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE appointment_slots SET status = 'expired', updated_at = now()
    WHERE org_id = p_org AND slot_time = p_when AND status = 'held' AND held_until <= now();
  INSERT INTO appointment_slots (org_id, slot_time, status, held_until, call_id, patient_id)
    VALUES (p_org, p_when, p_status, p_held_until, p_call, p_patient)
    ON CONFLICT DO NOTHING;
  RETURN FOUND;
END $$;

-- Hold (p_hold_minutes given: the caller picked a time during a call) or book a time.
-- Sets the clinic for its own transaction, so one statement outside a transaction does.
-- outcome: held | booked | taken (with alternatives) | past | beyond-horizon |
-- not-offered | no-call | no-patient | no-clinic | call-ended. Refusals write nothing
-- but the expiry of a hold that had already ended.
CREATE FUNCTION claim_time(p_org text, p_when timestamptz, p_patient text, p_call text,
                           p_hold_minutes int, p_slot_minutes int, p_horizon_days int, p_alternatives int,
                           OUT outcome text, OUT tz_name text, OUT alternatives timestamptz[])
  LANGUAGE plpgsql
  AS $$
DECLARE
  v_call_status text;
  v_call_patient text;
BEGIN
  PERFORM set_config('app.current_org_id', p_org, true);
  alternatives := '{}';
  -- The same order of refusals as before: a hold looks at its call first; a booking at
  -- the time, then the patient, then the call. The call's row is locked: one claim at a time.
  IF p_hold_minutes IS NOT NULL THEN
    SELECT status, patient_id INTO v_call_status, v_call_patient FROM calls WHERE id = p_call FOR UPDATE;
    IF NOT FOUND THEN outcome := 'no-call'; RETURN; END IF;
  END IF;
  SELECT c.timezone INTO tz_name FROM clinics c WHERE c.org_id = p_org;
  IF NOT FOUND THEN outcome := 'no-clinic'; RETURN; END IF;
  IF p_when <= now() THEN outcome := 'past'; RETURN; END IF;
  IF p_when > now() + make_interval(hours => 24 * p_horizon_days) THEN outcome := 'beyond-horizon'; RETURN; END IF;
  IF NOT clinic_offers(p_org, p_when, p_slot_minutes) THEN
    outcome := 'not-offered'; RETURN;
  END IF;
  IF p_hold_minutes IS NULL THEN
    IF p_patient IS NOT NULL AND NOT EXISTS (SELECT 1 FROM patients WHERE patient_id = p_patient) THEN
      outcome := 'no-patient'; RETURN;
    END IF;
    IF p_call IS NOT NULL THEN
      SELECT status INTO v_call_status FROM calls WHERE id = p_call FOR UPDATE;
      IF NOT FOUND THEN outcome := 'no-call'; RETURN; END IF;
    END IF;
  END IF;

  IF p_hold_minutes IS NOT NULL THEN
    IF v_call_status <> 'in-progress' THEN outcome := 'call-ended'; RETURN; END IF;
    IF NOT EXISTS (SELECT 1 FROM appointment_slots
                   WHERE call_id = p_call AND status = 'held' AND slot_time = p_when) THEN
      IF NOT take_time(p_org, p_when, 'held', now() + make_interval(mins => p_hold_minutes), p_call,
                       v_call_patient) THEN
        outcome := 'taken';
        alternatives := nearest_free_times(p_org, p_when, p_alternatives, p_slot_minutes);
        RETURN;
      END IF;
      UPDATE appointment_slots SET status = 'released', updated_at = now()
        WHERE call_id = p_call AND status = 'held' AND slot_time <> p_when;
    END IF;
    UPDATE calls SET selected_slot = p_when WHERE id = p_call;
    outcome := 'held';
    RETURN;
  END IF;

  -- The call's own hold becomes the booking; otherwise a new row, unless one is active.
  UPDATE appointment_slots SET status = 'booked', held_until = NULL, updated_at = now(),
         patient_id = coalesce(p_patient, patient_id)
    WHERE p_call IS NOT NULL AND org_id = p_org AND slot_time = p_when AND call_id = p_call AND status = 'held';
  IF NOT FOUND THEN
    IF NOT take_time(p_org, p_when, 'booked', NULL, p_call, p_patient) THEN
      outcome := 'taken';
      alternatives := nearest_free_times(p_org, p_when, p_alternatives, p_slot_minutes);
      RETURN;
    END IF;
    -- A call holds one time at most: the new booking replaces its hold.
    UPDATE appointment_slots SET status = 'released', updated_at = now()
      WHERE p_call IS NOT NULL AND org_id = p_org AND call_id = p_call AND status = 'held';
  END IF;
  IF v_call_status = 'in-progress' THEN
    UPDATE calls SET status = 'booked', booking_status = 'booked', selected_slot = p_when WHERE id = p_call;
  END IF;
  outcome := 'booked';
END $$;

RESET ROLE;

REVOKE ALL ON FUNCTION clinic_slot_times(text, timestamptz, timestamptz, int) FROM PUBLIC;
REVOKE ALL ON FUNCTION nearest_free_times(text, timestamptz, int, int) FROM PUBLIC;
REVOKE ALL ON FUNCTION clinic_offers(text, timestamptz, int) FROM PUBLIC;
REVOKE ALL ON FUNCTION take_time(text, timestamptz, text, timestamptz, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION claim_time(text, timestamptz, text, text, int, int, int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinic_slot_times(text, timestamptz, timestamptz, int) TO clinic_service;
GRANT EXECUTE ON FUNCTION nearest_free_times(text, timestamptz, int, int) TO clinic_service;
GRANT EXECUTE ON FUNCTION clinic_offers(text, timestamptz, int) TO clinic_service;
GRANT EXECUTE ON FUNCTION take_time(text, timestamptz, text, timestamptz, text, text) TO clinic_service;
GRANT EXECUTE ON FUNCTION claim_time(text, timestamptz, text, text, int, int, int, int) TO clinic_service;
