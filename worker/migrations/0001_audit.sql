-- One record per batch: who (the key's id, never the key), when, which rule and ruleset version,
-- how many rows, the SHA-256 of the body, and the summary counts.
-- Deliberately no row contents, no ID or certificate numbers, nothing personal.
CREATE TABLE batch_audit (
  batch_id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  key_id TEXT NOT NULL,
  rule TEXT NOT NULL,
  ruleset_version TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('csv', 'json')),
  body_bytes INTEGER NOT NULL,
  body_sha256 TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  ok_count INTEGER NOT NULL,
  mismatch_count INTEGER NOT NULL,
  invalid_count INTEGER NOT NULL
);
CREATE INDEX batch_audit_created_at ON batch_audit (created_at);
