-- The audit's lifecycle and keyed hash (issue 13 findings 7 and 8):
-- a record is written when a batch is accepted (status 'started'), then 'completed' at the end or
-- 'aborted' when the client hangs up; row_count and the counts are the rows answered by then.
-- body_hmac is HMAC-SHA-256 of the body with the secret AUDIT_HMAC_KEY; the plain body_sha256 of older
-- records is kept (it could be reversed for short bodies) but no longer written.
-- Batches may also be sent as workbooks (issue 10): the format also takes 'xlsx' and 'xls'.
CREATE TABLE batch_audit_v2 (
  batch_id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('started', 'completed', 'aborted')),
  key_id TEXT NOT NULL,
  rule TEXT NOT NULL,
  ruleset_version TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('csv', 'json', 'xlsx', 'xls')),
  body_bytes INTEGER NOT NULL,
  body_sha256 TEXT,
  body_hmac TEXT,
  row_count INTEGER NOT NULL,
  ok_count INTEGER NOT NULL,
  mismatch_count INTEGER NOT NULL,
  invalid_count INTEGER NOT NULL
);
INSERT INTO batch_audit_v2 (batch_id, created_at, finished_at, status, key_id, rule, ruleset_version, format, body_bytes, body_sha256, body_hmac, row_count, ok_count, mismatch_count, invalid_count)
  SELECT batch_id, created_at, created_at, 'completed', key_id, rule, ruleset_version, format, body_bytes, body_sha256, NULL, row_count, ok_count, mismatch_count, invalid_count FROM batch_audit;
DROP TABLE batch_audit;
ALTER TABLE batch_audit_v2 RENAME TO batch_audit;
CREATE INDEX batch_audit_created_at ON batch_audit (created_at);
