-- Batches may now be sent as workbooks: the audit's format also takes 'xlsx' and 'xls' (issue 10).
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt with the same columns.
CREATE TABLE batch_audit_new (
  batch_id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  key_id TEXT NOT NULL,
  rule TEXT NOT NULL,
  ruleset_version TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('csv', 'json', 'xlsx', 'xls')),
  body_bytes INTEGER NOT NULL,
  body_sha256 TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  ok_count INTEGER NOT NULL,
  mismatch_count INTEGER NOT NULL,
  invalid_count INTEGER NOT NULL
);
INSERT INTO batch_audit_new SELECT * FROM batch_audit;
DROP TABLE batch_audit;
ALTER TABLE batch_audit_new RENAME TO batch_audit;
CREATE INDEX batch_audit_created_at ON batch_audit (created_at);
