-- A request naming another clinic's call or patient gets a 404 (indistinguishable from
-- an id that does not exist), and the attempt is written to the log of the clinic that
-- owns the id (ISO-5). Like audit_denial, it runs as the definer, in its own transaction.

GRANT CREATE ON SCHEMA public TO clinic_definer;
GRANT SELECT (org_id, id) ON calls TO clinic_definer;
GRANT SELECT (org_id, patient_id) ON patients TO clinic_definer;

SET ROLE clinic_definer;
CREATE FUNCTION audit_foreign_reference(kind text, ref text, by_org text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE owner text;
BEGIN
  IF kind = 'call' THEN
    SELECT org_id INTO owner FROM calls WHERE id = ref;
  ELSIF kind = 'patient' THEN
    SELECT org_id INTO owner FROM patients WHERE patient_id = ref;
  ELSE
    RAISE EXCEPTION 'unknown kind %', kind USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF owner IS NOT NULL AND owner IS DISTINCT FROM by_org THEN
    INSERT INTO audit_log (org_id, action, detail)
      VALUES (owner, 'denied:foreign-' || kind, jsonb_build_object('byClinic', by_org, 'id', left(ref, 80)));
  END IF;
END $$;
RESET ROLE;

REVOKE ALL ON FUNCTION audit_foreign_reference(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_foreign_reference(text, text, text) TO clinic_service;

REVOKE CREATE ON SCHEMA public FROM clinic_definer;
