-- A text claimed for sending when the service died may or may not have gone out: it becomes
-- 'unknown' (pinned decision 22), never resent automatically, shown to staff. A claim carries
-- a token so that the same attempt can make it again when the database's answer was lost.
ALTER TABLE sms_messages ADD COLUMN claim_token text;
ALTER TABLE sms_messages DROP CONSTRAINT sms_messages_status_check;
ALTER TABLE sms_messages ADD CONSTRAINT sms_messages_status_check
  CHECK (status IN ('queued', 'sending', 'pending', 'sent', 'delivered', 'undelivered', 'failed', 'unknown'));

-- At start, the service lists what a dead run left mid-send: ids only (pinned decision 18).
GRANT CREATE ON SCHEMA public TO clinic_definer;
SET ROLE clinic_definer;
CREATE FUNCTION outbox_in_flight() RETURNS TABLE (org_id text, id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT org_id, id FROM sms_messages WHERE status = 'sending' $$;
RESET ROLE;
REVOKE CREATE ON SCHEMA public FROM clinic_definer;
REVOKE ALL ON FUNCTION outbox_in_flight() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbox_in_flight() TO clinic_service;
