-- What a clinic says about itself that callers repeat and redaction must keep (pinned
-- decision 23): its web address and its staff's names (doctors are in `doctors`).
ALTER TABLE clinics ADD COLUMN website text;
ALTER TABLE clinics ADD COLUMN staff jsonb NOT NULL DEFAULT '[]'::jsonb;
