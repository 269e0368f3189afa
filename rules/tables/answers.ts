/**
 * The answer columns beside a table's own columns, in one language: status, the rule's primary output,
 * the difference (claimed − computed) and a message. The Worker's CSV and xlsx answers and the task
 * pane write these same cells. Money stays a number (a `Money` cell), so a clerk can sum it.
 */
import type { BatchRow } from '../batch.ts';
import type { RuleMetadata } from '../metadata.ts';
import { messageIn, type Projection } from '../core/projection-words.ts';
import { ROW_VERDICT_WORDS, verdictOf } from '../core/row-words.ts';

export type Lang = 'zh' | 'en';

/** An amount of money, printed with two decimals, written as a number cell. */
export interface Money {
  money: string;
}
export type AnswerCell = string | number | boolean | Money | undefined;

export const isMoney = (cell: unknown): cell is Money => typeof cell === 'object' && cell !== null && typeof (cell as Money).money === 'string';

export const ANSWER_HEADERS = {
  status: { zh: '状态', en: 'status' },
  difference: { zh: '差额', en: 'difference' },
  message: { zh: '说明', en: 'message' },
} as const;

/** The four answer headers: Chinese labels in Chinese; the API's own names in English. */
export function answerHeaders(meta: Pick<RuleMetadata, 'outputs' | 'primary'>, lang: Lang): string[] {
  const primary = meta.outputs.find((o) => o.name === meta.primary);
  return [
    ANSWER_HEADERS.status[lang],
    lang === 'zh' ? (primary?.label.zh ?? meta.primary) : meta.primary,
    ANSWER_HEADERS.difference[lang],
    ANSWER_HEADERS.message[lang],
  ];
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A case that fails a condition of the clause: said first in the message, with the conditions in words. */
const NOT_ELIGIBLE = ROW_VERDICT_WORDS.ineligible;

/**
 * The row's message in one language, in the words of the place it is read (a refusal that points at a
 * control names Excel's argument in the task pane, the API's field in a CSV/xlsx answer). The Chinese
 * names fields by their labels only; the English adds the field's code.
 */
export function answerMessage(row: BatchRow, meta: Pick<RuleMetadata, 'primary'>, lang: Lang, projection: Projection = 'api'): string {
  const sep = lang === 'zh' ? '；' : '; ';
  if (row.reason) return row.reason[lang];
  if (row.error) return `${messageIn(projection, row.error)[lang]}${row.error.field && lang === 'en' ? ` [${row.error.field}]` : ''}`;
  const parts: string[] = [];
  if (row.eligible === false)
    parts.push(`${NOT_ELIGIBLE[lang]}${lang === 'zh' ? '：' : ': '}${(row.failedConditions ?? []).map((c) => c.message[lang]).join(sep)}`);
  else if (row.status === 'mismatch') {
    const computed = String(row.result?.[meta.primary] ?? '');
    parts.push(lang === 'zh' ? `申报 ${row.claimed}，应为 ${computed}` : `claimed ${row.claimed}, computed ${computed}`);
  }
  for (const w of row.warnings ?? []) parts.push(w[lang]);
  return parts.join(sep);
}

/** The four answer cells of a row. */
export function answerCells(row: BatchRow, meta: Pick<RuleMetadata, 'outputs' | 'primary'>, lang: Lang, projection: Projection = 'api'): AnswerCell[] {
  const primary = meta.outputs.find((o) => o.name === meta.primary);
  const value = row.result?.[meta.primary];
  let shown: AnswerCell;
  if (value === undefined || value === null) shown = undefined;
  else if (primary?.type === 'money' && typeof value === 'string' && NUMBER.test(value)) shown = { money: value };
  else if (typeof value === 'boolean') shown = lang === 'zh' ? (value ? '是' : '否') : value;
  else if (typeof value === 'string' || typeof value === 'number') shown = value;
  else shown = JSON.stringify(value);
  const difference = row.difference === undefined ? undefined : { money: row.difference };
  return [ROW_VERDICT_WORDS[verdictOf(row)][lang], shown, difference, answerMessage(row, meta, lang, projection)];
}
