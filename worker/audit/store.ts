/**
 * The batch audit: one record per accepted batch — id, times, status, the key's id (never the key),
 * rule, ruleset version, format, body size and keyed hash (HMAC-SHA-256 with AUDIT_HMAC_KEY), and the
 * summary counts of the rows answered; a 测算 (what-if) batch is kept as such (kind `whatif`) with its
 * overrides (parameter ids and values). Nothing from the rows: no inputs, no ID or certificate
 * numbers, nothing personal (disability status is sensitive).
 *
 * Lifecycle (issue 13 finding 7): `started` when the batch is accepted, before any answer byte;
 * `completed` when the answer ends, or `aborted` when the client hangs up, with the rows answered.
 *
 * One small interface, AuditStore, written once over SQL (`AuditSql`): D1 on Cloudflare
 * (./d1.ts), workerd's SQLite-backed Durable Object storage when self-hosted (./durable.ts).
 */
import type { BatchSummary } from '../../rules/index.ts';

export type AuditStatus = 'started' | 'completed' | 'aborted';

/** What is known when a batch is accepted. */
export interface AuditStart {
  batchId: string;
  createdAt: string;
  keyId: string;
  rule: string;
  rulesetVersion: string;
  format: 'csv' | 'json' | 'xlsx' | 'xls';
  bodyBytes: number;
  /** HMAC-SHA-256 of the body's bytes with AUDIT_HMAC_KEY, hex. */
  bodyHmac: string;
  /** A 测算 (what-if) batch: the overrides it applied (parameter ids and values; nothing from the rows). */
  whatif?: { overrides: readonly { parameter: string; value: string | number; from?: string }[] };
}

export interface AuditRecord extends AuditStart {
  status: AuditStatus;
  finishedAt: string | null;
  /** Counts of the rows answered (all rows when completed; those answered before the hang-up when aborted). */
  summary: BatchSummary;
  /** Plain SHA-256, present only on records written before migration 0002. */
  bodySha256?: string;
}

export interface AuditStore {
  start(record: AuditStart): Promise<void>;
  finish(batchId: string, status: 'completed' | 'aborted', summary: BatchSummary, finishedAt: string): Promise<void>;
  /** The record of a batch, if it exists and was made with the same key. */
  read(batchId: string, keyId: string): Promise<AuditRecord | undefined>;
}

/** The two SQL calls the store needs, over D1 or a Durable Object's SQLite. */
export interface AuditSql {
  run(sql: string, ...params: (string | number | null)[]): Promise<void>;
  first<T>(sql: string, ...params: (string | number | null)[]): Promise<T | null>;
}

interface AuditRow {
  batch_id: string;
  created_at: string;
  finished_at: string | null;
  status: AuditStatus;
  key_id: string;
  rule: string;
  ruleset_version: string;
  format: 'csv' | 'json' | 'xlsx' | 'xls';
  body_bytes: number;
  body_sha256: string | null;
  body_hmac: string | null;
  row_count: number;
  ok_count: number;
  mismatch_count: number;
  invalid_count: number;
  kind?: 'batch' | 'whatif';
  overrides?: string | null;
}

export function sqlAuditStore(sql: AuditSql): AuditStore {
  return {
    start: (r) =>
      sql.run(
        `INSERT INTO batch_audit (batch_id, created_at, status, key_id, rule, ruleset_version, format, body_bytes, body_hmac, row_count, ok_count, mismatch_count, invalid_count, kind, overrides)
         VALUES (?, ?, 'started', ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?)`,
        r.batchId,
        r.createdAt,
        r.keyId,
        r.rule,
        r.rulesetVersion,
        r.format,
        r.bodyBytes,
        r.bodyHmac,
        r.whatif ? 'whatif' : 'batch',
        r.whatif ? JSON.stringify(r.whatif.overrides.map(({ parameter, value, from }) => (from ? { parameter, value, from } : { parameter, value }))) : null,
      ),
    // Only a started record is finished, once: a late abort cannot overwrite a completion.
    finish: (batchId, status, s, finishedAt) =>
      sql.run(
        `UPDATE batch_audit SET status = ?, finished_at = ?, row_count = ?, ok_count = ?, mismatch_count = ?, invalid_count = ?
         WHERE batch_id = ? AND status = 'started'`,
        status,
        finishedAt,
        s.rows,
        s.ok,
        s.mismatch,
        s.invalid,
        batchId,
      ),
    read: async (batchId, keyId) => {
      const row = await sql.first<AuditRow>('SELECT * FROM batch_audit WHERE batch_id = ? AND key_id = ?', batchId, keyId);
      if (!row) return undefined;
      return {
        batchId: row.batch_id,
        createdAt: row.created_at,
        finishedAt: row.finished_at,
        status: row.status,
        keyId: row.key_id,
        rule: row.rule,
        rulesetVersion: row.ruleset_version,
        format: row.format,
        bodyBytes: row.body_bytes,
        bodyHmac: row.body_hmac ?? '',
        ...(row.body_sha256 ? { bodySha256: row.body_sha256 } : {}),
        ...(row.kind === 'whatif' ? { whatif: { overrides: JSON.parse(row.overrides ?? '[]') } } : {}),
        summary: {
          rows: row.row_count,
          ok: row.ok_count,
          mismatch: row.mismatch_count,
          invalid: row.invalid_count,
          skipped: row.row_count - row.ok_count - row.mismatch_count - row.invalid_count,
        },
      };
    },
  };
}
