-- Lexical retrieval beside the embeddings (KB-8): each procedure's own words (name,
-- description, alternative names, as its PDF writes them) as a full-text vector. Rows stored
-- before this migration have none and rank 0 until their document is uploaded again.
SET ROLE clinic_owner;
ALTER TABLE kb_procedures ADD COLUMN search tsvector;
RESET ROLE;
