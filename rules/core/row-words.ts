/**
 * The one vocabulary for a batch row's outcome, read by every projection that shows rows: the page, the
 * task pane, EXPLAIN and the CSV/xlsx answers. A row's API status stays its code (`ok`, `mismatch`,
 * `invalid`, `skipped`); a computed row whose case fails a condition of the clause reads 不符合条件.
 */
import type { RowStatus } from '../batch.ts';
import type { Text } from './text.ts';

export type RowVerdict = RowStatus | 'ineligible';

export const ROW_VERDICT_WORDS: Readonly<Record<RowVerdict, Text>> = {
  ok: { zh: '通过', en: 'OK' },
  mismatch: { zh: '金额不符', en: 'Amount differs' },
  ineligible: { zh: '不符合条件', en: 'Not eligible' },
  invalid: { zh: '无法计算', en: 'Cannot compute' },
  skipped: { zh: '未计算', en: 'Not computed' },
};

/** What a row's outcome is called: its status, or 不符合条件 for a computed row that fails a condition. */
export const verdictOf = (row: { status: RowStatus; eligible?: false }): RowVerdict =>
  row.status === 'ok' && row.eligible === false ? 'ineligible' : row.status;
