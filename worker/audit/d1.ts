/** The audit store on Cloudflare: D1 (migrations in worker/migrations). */
import type { D1Database } from '../env.ts';
import { sqlAuditStore, type AuditSql, type AuditStore } from './store.ts';

export function d1Sql(db: D1Database): AuditSql {
  return {
    run: async (sql, ...params) =>
      void (await db
        .prepare(sql)
        .bind(...params)
        .run()),
    first: (sql, ...params) =>
      db
        .prepare(sql)
        .bind(...params)
        .first(),
  };
}

export const d1AuditStore = (db: D1Database): AuditStore => sqlAuditStore(d1Sql(db));
