/**
 * The audit as the batch routes use it: which store this deployment has, and the two calls around a
 * batch — `auditStart` at acceptance, `auditFinish` at the end or on hang-up. A store that fails is
 * logged by batch id only (never the body), and the batch is answered all the same.
 */
import type { BatchSummary } from '../../rules/index.ts';
import type { Env } from '../env.ts';
import { d1AuditStore } from './d1.ts';
import type { AuditStart, AuditStore } from './store.ts';

export type { AuditRecord, AuditStart, AuditStatus, AuditStore } from './store.ts';

/** Self-hosted (workerd): the AUDIT_LOG Durable Object, one SQLite database under DATA_DIR. Else D1. */
export function auditStoreOf(env: Env): AuditStore {
  if (env.AUDIT_LOG) return env.AUDIT_LOG.get(env.AUDIT_LOG.idFromName('audit')) as unknown as AuditStore;
  return d1AuditStore(env.DB);
}

/** Records an accepted batch as `started`; false when the store could not (the batch is then refused). */
export async function auditStart(store: AuditStore, record: AuditStart): Promise<boolean> {
  try {
    await store.start(record);
    return true;
  } catch (error) {
    console.error('batch audit not started', record.batchId, error instanceof Error ? error.message : 'unknown error');
    return false;
  }
}

export async function auditFinish(store: AuditStore, batchId: string, status: 'completed' | 'aborted', summary: BatchSummary): Promise<void> {
  try {
    await store.finish(batchId, status, { ...summary }, new Date().toISOString());
  } catch (error) {
    console.error('batch audit not finished', batchId, error instanceof Error ? error.message : 'unknown error');
  }
}
