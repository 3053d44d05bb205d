-- Twilio's delivery reports name a message by its provider id, before the clinic is
-- known: a narrow definer look-up (pinned decision 14) answers which clinic it belongs to.
CREATE INDEX sms_messages_provider_sid ON sms_messages (provider_sid);

GRANT CREATE ON SCHEMA public TO clinic_definer;
GRANT SELECT (provider_sid) ON sms_messages TO clinic_definer;
SET ROLE clinic_definer;
CREATE FUNCTION clinic_for_message(sid text) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT org_id FROM sms_messages WHERE provider_sid = sid $$;
RESET ROLE;
REVOKE CREATE ON SCHEMA public FROM clinic_definer;
REVOKE ALL ON FUNCTION clinic_for_message(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinic_for_message(text) TO clinic_service;
