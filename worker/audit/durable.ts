/**
 * The audit store when self-hosted on workerd: one Durable Object (`AuditLog`) whose SQLite storage
 * lives under DATA_DIR. It applies worker/migrations (the same files as D1) once, in order, and
 * serves the AuditStore calls over RPC. A Durable Object runs its calls one at a time, so concurrent
 * batches lose no record; the SQLite file survives restarts.
 */
import { DurableObject } from 'cloudflare:workers';
import { MIGRATIONS } from './migrations.ts';
import { sqlAuditStore, type AuditSql, type AuditStart, type AuditStore } from './store.ts';
import type { BatchSummary } from '../../rules/index.ts';

interface SqlStorage {
  exec(sql: string, ...params: unknown[]): { toArray(): Record<string, unknown>[] };
}

function doSql(sql: SqlStorage): AuditSql {
  return {
    run: async (text, ...params) => void sql.exec(text, ...params).toArray(),
    first: async <T>(text: string, ...params: unknown[]) => (sql.exec(text, ...params).toArray()[0] as T | undefined) ?? null,
  };
}

/** Applies the migrations not yet applied, recorded by name as wrangler does for D1. */
export function migrate(sql: SqlStorage): void {
  sql.exec('CREATE TABLE IF NOT EXISTS audit_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const done = new Set(
    sql
      .exec('SELECT name FROM audit_migrations')
      .toArray()
      .map((r) => String(r.name)),
  );
  for (const { name, statements } of MIGRATIONS) {
    if (done.has(name)) continue;
    for (const statement of statements) sql.exec(statement);
    sql.exec('INSERT INTO audit_migrations (name, applied_at) VALUES (?, ?)', name, new Date().toISOString());
  }
}

export class AuditLog extends DurableObject implements AuditStore {
  private readonly store: AuditStore;

  constructor(ctx: { storage: { sql: SqlStorage } }, env: unknown) {
    super(ctx as never, env as never);
    migrate(ctx.storage.sql);
    this.store = sqlAuditStore(doSql(ctx.storage.sql));
  }

  start(record: AuditStart) {
    return this.store.start(record);
  }
  finish(batchId: string, status: 'completed' | 'aborted', summary: BatchSummary, finishedAt: string) {
    return this.store.finish(batchId, status, summary, finishedAt);
  }
  read(batchId: string, keyId: string) {
    return this.store.read(batchId, keyId);
  }
}
