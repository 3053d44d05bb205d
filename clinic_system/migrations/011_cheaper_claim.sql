-- A cheaper claim (issue 20), every answer as before. PostgreSQL 16 plans a LANGUAGE sql
-- function's statement again on every call unless it is inlined into its caller, and neither
-- clinic_offers nor nearest_free_times (008) can be: on a claim that was most of the
-- database's work (0.2 ms to ask whether one time is offered, 0.6 ms for a loser's three
-- alternatives). As PL/pgSQL their plans are kept for the connection's life.
--
-- nearest_free_times also stops generating a fortnight of candidates: it looks within a few
-- hours of the time asked for first and widens only when that cannot decide. The candidates
-- are clinic_slot_times' as before (opening hours in the clinic's wall-clock time, across
-- daylight-saving changes), ranked the same way (closest first, ties to the earlier).
-- Why a narrow look decides exactly: it sees every candidate closer than its radius (within
-- the same week either side and never in the past), so when its p_limit-th free time is
-- closer than the radius, no candidate outside it can rank before any of the times found.
-- The last look is the whole week, the same query as 008's.

SET ROLE clinic_owner;

CREATE OR REPLACE FUNCTION clinic_offers(p_org text, p_when timestamptz, p_slot_minutes int) RETURNS boolean
  LANGUAGE plpgsql STABLE
  AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM clinics c
    CROSS JOIN LATERAL (SELECT p_when AT TIME ZONE c.timezone AS local) AS l
    CROSS JOIN LATERAL (SELECT c.opening_hours
                          -> (ARRAY['mon','tue','wed','thu','fri','sat','sun'])[extract(isodow FROM l.local)::int]
                          AS span) AS s
    WHERE c.org_id = p_org AND s.span IS NOT NULL
      AND l.local >= l.local::date + (s.span ->> 0)::time
      AND l.local + make_interval(mins => p_slot_minutes) <= l.local::date + (s.span ->> 1)::time
      AND extract(epoch FROM l.local - (l.local::date + (s.span ->> 0)::time)) % (p_slot_minutes * 60) = 0);
END $$;

CREATE OR REPLACE FUNCTION nearest_free_times(p_org text, p_wanted timestamptz, p_limit int, p_slot_minutes int)
  RETURNS timestamptz[]
  LANGUAGE plpgsql STABLE
  SET plan_cache_mode = force_generic_plan
  AS $$
DECLARE
  v_radius interval;
  v_found timestamptz[];
BEGIN
  FOREACH v_radius IN ARRAY ARRAY[interval '6 hours', interval '36 hours', interval '168 hours'] LOOP
    SELECT coalesce(array_agg(t ORDER BY abs(extract(epoch FROM t - p_wanted)), t), '{}') INTO v_found
    FROM (SELECT t
          FROM (SELECT t FROM clinic_slot_times(p_org, greatest(now(), p_wanted - v_radius),
                                                p_wanted + v_radius, p_slot_minutes) AS t
                WHERE t <> p_wanted AND t >= now()
                ORDER BY abs(extract(epoch FROM t - p_wanted)), t
                OFFSET 0) AS nearest_first
          WHERE NOT EXISTS (SELECT 1 FROM appointment_slots a
                            WHERE a.org_id = p_org AND a.slot_time = nearest_first.t
                              AND (a.status = 'booked' OR (a.status = 'held' AND a.held_until > now())))
          LIMIT p_limit) AS free;
    IF v_radius = interval '168 hours'
       OR (cardinality(v_found) = p_limit AND v_found[p_limit] - p_wanted < v_radius
           AND p_wanted - v_found[p_limit] < v_radius) THEN
      RETURN v_found;
    END IF;
  END LOOP;
END $$;

RESET ROLE;

-- The claim's other statements are look-ups by key whatever the values: their one plan is
-- the right one from the first call. Left to choose, a connection plans them afresh for its
-- first five claims, and a pool of forty connections meets a crowd with most of them new.
ALTER FUNCTION claim_time(text, timestamptz, text, text, int, int, int, int) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION take_time(text, timestamptz, text, timestamptz, text, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION clinic_offers(text, timestamptz, int) SET plan_cache_mode = force_generic_plan;
