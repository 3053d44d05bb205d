-- Calls that Vapi starts, and Vapi's own ways of signing (pinned decision 19).
-- Each clinic chooses how its voice line signs (secret header, Bearer token, HMAC) and names
-- the Vapi assistant and phone number it owns: for HMAC those ids are how the clinic is found
-- before the signature can be checked. A caller whose number the clinic does not know becomes
-- a patient without a name, so the follow-up text and its history work as for anyone.

SET ROLE clinic_owner;

ALTER TABLE clinics
  ADD COLUMN vapi_auth text NOT NULL DEFAULT 'secret' CHECK (vapi_auth IN ('secret', 'bearer', 'hmac')),
  ADD COLUMN vapi_assistant_id text UNIQUE,
  ADD COLUMN vapi_phone_number_id text UNIQUE;

ALTER TABLE patients ALTER COLUMN name DROP NOT NULL;

-- HMAC deliveries seen, so that a signed message cannot be delivered twice ("never reused").
-- The primary key decides between two simultaneous replays; rows older than the window are pruned.
CREATE TABLE vapi_deliveries (
  org_id      text NOT NULL REFERENCES clinics,
  signature   text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, signature)
);
ALTER TABLE vapi_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE vapi_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY vapi_deliveries_own_clinic ON vapi_deliveries
  USING (org_id = current_org()) WITH CHECK (org_id = current_org());
GRANT SELECT, INSERT, DELETE ON vapi_deliveries TO clinic_service;

RESET ROLE;

-- Look-ups before the clinic is known (pinned decisions 14 and 18): a clinic id, nothing else.
GRANT CREATE ON SCHEMA public TO clinic_definer;
GRANT SELECT (vapi_auth, vapi_assistant_id, vapi_phone_number_id) ON clinics TO clinic_definer;
SET ROLE clinic_definer;

-- A secret presented as it is (x-vapi-secret or Bearer): a `secret` clinic takes either header,
-- a `bearer` clinic only the Bearer one, an `hmac` clinic never (its key must not travel).
CREATE FUNCTION clinic_for_vapi_secret(secret_hash text, via text) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT org_id FROM clinics WHERE webhook_secret_hash = secret_hash
          AND (vapi_auth = 'secret' OR (vapi_auth = 'bearer' AND via = 'bearer')) $$;

-- The HMAC clinic whose key is to check a signature: by the assistant first, then the number.
CREATE FUNCTION clinic_for_vapi_line(assistant text, phone_number text) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT coalesce(
          (SELECT org_id FROM clinics WHERE vapi_auth = 'hmac' AND vapi_assistant_id = assistant),
          (SELECT org_id FROM clinics WHERE vapi_auth = 'hmac' AND vapi_phone_number_id = phone_number)) $$;

RESET ROLE;
REVOKE CREATE ON SCHEMA public FROM clinic_definer;
REVOKE ALL ON FUNCTION clinic_for_vapi_secret(text, text), clinic_for_vapi_line(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinic_for_vapi_secret(text, text), clinic_for_vapi_line(text, text) TO clinic_service;
