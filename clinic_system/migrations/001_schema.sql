-- The clinic receptionist's data. Applied by a superuser (the admin connection).
-- Roles: clinic_owner owns the tables (no login); clinic_service is what the
-- service connects as (no BYPASSRLS, owns nothing); clinic_definer owns the few
-- SECURITY DEFINER look-ups that must run before the clinic is known.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'clinic_owner') THEN
    CREATE ROLE clinic_owner NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'clinic_service') THEN
    CREATE ROLE clinic_service LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'clinic_definer') THEN
    CREATE ROLE clinic_definer NOLOGIN BYPASSRLS;
  END IF;
END $$;

GRANT USAGE, CREATE ON SCHEMA public TO clinic_owner;
GRANT USAGE ON SCHEMA public TO clinic_service;
-- The definer role needs CREATE only while this migration makes its functions.
GRANT USAGE, CREATE ON SCHEMA public TO clinic_definer;

SET ROLE clinic_owner;

-- The clinic of the current transaction; NULL (sees nothing) when none is set.
CREATE FUNCTION current_org() RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.current_org_id', true), '') $$;

CREATE TABLE clinics (
  org_id              text PRIMARY KEY,
  name                text NOT NULL,
  timezone            text NOT NULL,
  opening_hours       jsonb NOT NULL,
  api_key_hash        text NOT NULL UNIQUE,
  webhook_secret_hash text NOT NULL UNIQUE,
  created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE doctors (
  id        text PRIMARY KEY,
  org_id    text NOT NULL REFERENCES clinics,
  name      text NOT NULL,
  title     text NOT NULL DEFAULT 'Dr.',
  pronoun   text NOT NULL DEFAULT 'them',
  specialty text NOT NULL
);
CREATE INDEX doctors_org ON doctors (org_id);

CREATE TABLE patients (
  patient_id text PRIMARY KEY,
  org_id     text NOT NULL REFERENCES clinics,
  name       text NOT NULL,
  phone      text NOT NULL,
  email      text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patients_org ON patients (org_id);

-- The only legal moves of a call (pinned decision 5); the trigger below refuses others.
CREATE TABLE call_transitions (
  from_status text NOT NULL,
  to_status   text NOT NULL,
  PRIMARY KEY (from_status, to_status)
);
INSERT INTO call_transitions VALUES
  ('in-progress', 'completed'), ('in-progress', 'booked'), ('in-progress', 'abandoned'),
  ('abandoned', 'follow-up-sent'), ('abandoned', 'follow-up-pending'),
  ('follow-up-pending', 'follow-up-sent'), ('follow-up-pending', 'follow-up-failed'),
  ('follow-up-sent', 'booked');

CREATE TABLE calls (
  id                 text PRIMARY KEY,
  org_id             text NOT NULL REFERENCES clinics,
  patient_id         text REFERENCES patients,
  phone_number       text NOT NULL,
  assistant_id       text NOT NULL,
  status             text NOT NULL DEFAULT 'in-progress',
  reason             text,
  booking_status     text,
  selected_slot      timestamptz,
  transcript         text,
  transcript_preview text,
  summary            text,
  metadata           jsonb NOT NULL DEFAULT '{}'::jsonb,
  duration_seconds   numeric,
  started_at         timestamptz NOT NULL DEFAULT now(),
  ended_at           timestamptz,
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX calls_org ON calls (org_id);

CREATE TABLE call_status_history (
  id          bigserial PRIMARY KEY,
  org_id      text NOT NULL REFERENCES clinics,
  call_id     text NOT NULL REFERENCES calls,
  from_status text,
  to_status   text NOT NULL,
  changed_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX call_status_history_call ON call_status_history (call_id, id);

CREATE FUNCTION calls_guard_status() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.status <> 'in-progress' THEN
    RAISE EXCEPTION 'a call starts in-progress, not %', NEW.status USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.status IS DISTINCT FROM OLD.status AND NOT EXISTS (
       SELECT 1 FROM call_transitions WHERE from_status = OLD.status AND to_status = NEW.status) THEN
    RAISE EXCEPTION 'illegal call move % -> %', OLD.status, NEW.status USING ERRCODE = 'P0409';
  END IF;
  NEW.updated_at := clock_timestamp();
  RETURN NEW;
END $$;
CREATE TRIGGER calls_status_guard BEFORE INSERT OR UPDATE ON calls
  FOR EACH ROW EXECUTE FUNCTION calls_guard_status();

-- Every move, the first included, is a row of the call's history.
CREATE FUNCTION calls_record_status() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
    INSERT INTO call_status_history (org_id, call_id, from_status, to_status)
      VALUES (NEW.org_id, NEW.id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END, NEW.status);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER calls_status_history AFTER INSERT OR UPDATE OF status ON calls
  FOR EACH ROW EXECUTE FUNCTION calls_record_status();

-- One row per hold or booking. The partial unique index is what makes a double
-- booking impossible, whatever the application does (pinned decision 4).
CREATE TABLE appointment_slots (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      text NOT NULL REFERENCES clinics,
  slot_time   timestamptz NOT NULL,
  status      text NOT NULL CHECK (status IN ('held', 'booked', 'released', 'expired')),
  held_until  timestamptz,
  call_id     text REFERENCES calls,
  patient_id  text REFERENCES patients,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'held' OR held_until IS NOT NULL)
);
CREATE UNIQUE INDEX appointment_slots_one_active
  ON appointment_slots (org_id, slot_time) WHERE status IN ('held', 'booked');
CREATE INDEX appointment_slots_call ON appointment_slots (call_id);

-- The outbox: a text is recorded with the state change that calls for it, so a
-- provider failure or a restart loses nothing. One follow-up per abandoned call.
CREATE TABLE sms_messages (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id          text NOT NULL REFERENCES clinics,
  call_id         text REFERENCES calls,
  patient_id      text REFERENCES patients,
  kind            text NOT NULL DEFAULT 'follow-up',
  to_number       text NOT NULL,
  body            text,
  status          text NOT NULL DEFAULT 'queued'
                  CHECK (status IN ('queued', 'sending', 'pending', 'sent', 'delivered', 'undelivered', 'failed')),
  provider_sid    text,
  attempts        integer NOT NULL DEFAULT 0,
  last_error      text,
  next_attempt_at timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX sms_messages_one_follow_up ON sms_messages (call_id) WHERE kind = 'follow-up';
CREATE INDEX sms_messages_patient ON sms_messages (org_id, patient_id, created_at DESC);

-- Vapi may deliver a tool call twice: the first result is kept and replayed.
CREATE TABLE tool_calls (
  org_id       text NOT NULL REFERENCES clinics,
  tool_call_id text NOT NULL,
  call_id      text REFERENCES calls,
  name         text NOT NULL,
  result       jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, tool_call_id)
);

CREATE TABLE audit_log (
  id      bigserial PRIMARY KEY,
  org_id  text NOT NULL REFERENCES clinics,
  at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  action  text NOT NULL,
  detail  jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_org ON audit_log (org_id, id);

-- Every table holding a clinic's data: the clinic of the transaction only.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['clinics', 'doctors', 'patients', 'calls', 'call_status_history',
                           'appointment_slots', 'sms_messages', 'tool_calls', 'audit_log'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (org_id = current_org()) WITH CHECK (org_id = current_org())',
                   t || '_own_clinic', t);
  END LOOP;
END $$;

GRANT SELECT ON call_transitions TO clinic_service;
GRANT SELECT, INSERT, UPDATE ON clinics, doctors, patients, calls, call_status_history,
  appointment_slots, sms_messages, tool_calls, audit_log TO clinic_service;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO clinic_service;

RESET ROLE;

-- Look-ups before the clinic is known (pinned decision 14): narrow, definer-owned.
GRANT SELECT (org_id, api_key_hash, webhook_secret_hash) ON clinics TO clinic_definer;
GRANT INSERT ON audit_log TO clinic_definer;
GRANT USAGE ON SEQUENCE audit_log_id_seq TO clinic_definer;

SET ROLE clinic_definer;

CREATE FUNCTION clinic_for_api_key(key_hash text) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT org_id FROM clinics WHERE api_key_hash = key_hash $$;

CREATE FUNCTION clinic_for_webhook_secret(secret_hash text) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT org_id FROM clinics WHERE webhook_secret_hash = secret_hash $$;

-- An audit entry in the log of a clinic the caller is not acting for (a denied
-- cross-clinic attempt). Only denial actions, bounded detail, existing clinics.
CREATE FUNCTION audit_denial(target_org text, action text, detail jsonb) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  IF action NOT LIKE 'denied:%' THEN
    RAISE EXCEPTION 'only denials may be audited across clinics' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF octet_length(detail::text) > 2000 THEN
    RAISE EXCEPTION 'audit detail too large' USING ERRCODE = 'string_data_right_truncation';
  END IF;
  INSERT INTO audit_log (org_id, action, detail)
    SELECT org_id, action, detail FROM clinics WHERE org_id = target_org;
END $$;

RESET ROLE;

REVOKE ALL ON FUNCTION clinic_for_api_key(text), clinic_for_webhook_secret(text),
  audit_denial(text, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinic_for_api_key(text), clinic_for_webhook_secret(text),
  audit_denial(text, text, jsonb) TO clinic_service;

-- At start, the service resends what a previous run left in the outbox: ids only.
GRANT SELECT (org_id, id, status) ON sms_messages TO clinic_definer;
SET ROLE clinic_definer;
CREATE FUNCTION outbox_waiting() RETURNS TABLE (org_id text, id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT org_id, id FROM sms_messages WHERE status IN ('queued', 'pending') $$;
RESET ROLE;
REVOKE ALL ON FUNCTION outbox_waiting() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbox_waiting() TO clinic_service;

REVOKE CREATE ON SCHEMA public FROM clinic_definer;
