-- The clinic's knowledge base: its documents, the procedures read from them, and their
-- passages with embeddings (pgvector), all under the clinic's row-level security.
CREATE EXTENSION IF NOT EXISTS vector;

SET ROLE clinic_owner;

CREATE TABLE kb_documents (
  id         text PRIMARY KEY,
  org_id     text NOT NULL REFERENCES clinics,
  title      text NOT NULL,
  filename   text,
  pages      integer NOT NULL,
  embedder   text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kb_procedures (
  id          bigserial PRIMARY KEY,
  org_id      text NOT NULL REFERENCES clinics,
  document_id text NOT NULL REFERENCES kb_documents ON DELETE CASCADE,
  name        text NOT NULL,
  page        integer NOT NULL,
  description text NOT NULL,
  recovery    text NOT NULL,
  cost        text NOT NULL,
  aliases     text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX kb_procedures_org ON kb_procedures (org_id);

CREATE TABLE kb_chunks (
  id           bigserial PRIMARY KEY,
  org_id       text NOT NULL REFERENCES clinics,
  document_id  text NOT NULL REFERENCES kb_documents ON DELETE CASCADE,
  procedure_id bigint NOT NULL REFERENCES kb_procedures ON DELETE CASCADE,
  page         integer NOT NULL,
  text         text NOT NULL,
  embedding    vector(384) NOT NULL
);
CREATE INDEX kb_chunks_org ON kb_chunks (org_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['kb_documents', 'kb_procedures', 'kb_chunks'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (org_id = current_org()) WITH CHECK (org_id = current_org())',
                   t || '_own_clinic', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT ON kb_documents, kb_procedures, kb_chunks TO clinic_service;
GRANT USAGE ON SEQUENCE kb_procedures_id_seq, kb_chunks_id_seq TO clinic_service;

RESET ROLE;
