/**
 * The batch audit in D1: one record per batch — id, time, the key's id (never the key), rule,
 * ruleset version, format, body size and SHA-256, row count and summary counts. Nothing from the
 * rows: no inputs, no ID or certificate numbers, nothing personal (disability status is sensitive).
 */
import type { BatchSummary } from '../rules/index.ts';
import type { D1Database } from './env.ts';

export interface AuditRecord {
  batchId: string;
  createdAt: string;
  keyId: string;
  rule: string;
  rulesetVersion: string;
  format: 'csv' | 'json' | 'xlsx' | 'xls';
  bodyBytes: number;
  bodySha256: string;
  summary: BatchSummary;
}

export async function writeAudit(db: D1Database, record: AuditRecord): Promise<void> {
  await db
    .prepare(
      `INSERT INTO batch_audit (batch_id, created_at, key_id, rule, ruleset_version, format, body_bytes, body_sha256, row_count, ok_count, mismatch_count, invalid_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      record.batchId,
      record.createdAt,
      record.keyId,
      record.rule,
      record.rulesetVersion,
      record.format,
      record.bodyBytes,
      record.bodySha256,
      record.summary.rows,
      record.summary.ok,
      record.summary.mismatch,
      record.summary.invalid,
    )
    .run();
}

interface AuditRow {
  batch_id: string;
  created_at: string;
  key_id: string;
  rule: string;
  ruleset_version: string;
  format: 'csv' | 'json' | 'xlsx' | 'xls';
  body_bytes: number;
  body_sha256: string;
  row_count: number;
  ok_count: number;
  mismatch_count: number;
  invalid_count: number;
}

/** The record of a batch, if it exists and was made with the same key. */
export async function readAudit(db: D1Database, batchId: string, keyId: string): Promise<AuditRecord | undefined> {
  const row = await db.prepare('SELECT * FROM batch_audit WHERE batch_id = ? AND key_id = ?').bind(batchId, keyId).first<AuditRow>();
  if (!row) return undefined;
  return {
    batchId: row.batch_id,
    createdAt: row.created_at,
    keyId: row.key_id,
    rule: row.rule,
    rulesetVersion: row.ruleset_version,
    format: row.format,
    bodyBytes: row.body_bytes,
    bodySha256: row.body_sha256,
    summary: {
      rows: row.row_count,
      ok: row.ok_count,
      mismatch: row.mismatch_count,
      invalid: row.invalid_count,
      skipped: row.row_count - row.ok_count - row.mismatch_count - row.invalid_count,
    },
  };
}
