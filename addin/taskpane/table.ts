/**
 * The selected table ↔ batch rows and result columns, as plain arrays (no Office objects), so the
 * task pane's logic is testable in Node. The header row names inputs by name or by their Chinese or
 * English label; `rowId` (行号/编号) and `claimed` (申报金额) are optional extra columns.
 */
import { batchColumnForHeader, inputForHeader, type BatchOutcome, type BatchRow, type RuleMetadata } from '../../rules/index.ts';
import { basicValueOf, cellToInput, isBlankCell, outputToCell } from '../functions/cells.ts';
import type { Lang } from '../functions/language.ts';

export type Column = { kind: 'input'; name: string } | { kind: 'rowId' } | { kind: 'claimed' } | { kind: 'unknown'; header: string };

export function columnsFor(headers: readonly unknown[], meta: RuleMetadata): Column[] {
  return headers.map((header) => {
    const text = typeof header === 'string' ? header : String(header ?? '');
    const own = batchColumnForHeader(text);
    if (own) return { kind: own };
    const spec = inputForHeader(text, meta.inputs);
    return spec ? { kind: 'input', name: spec.name } : { kind: 'unknown', header: text };
  });
}

/**
 * The rule the headers describe: every header is one of its inputs (or rowId/claimed) and every required
 * input is present. Undefined when no rule or more than one rule fits: the clerk chooses.
 */
export function guessRule(headers: readonly unknown[], rules: readonly RuleMetadata[]): RuleMetadata | undefined {
  const fits = rules.filter((meta) => {
    const columns = columnsFor(headers, meta);
    if (columns.some((c) => c.kind === 'unknown')) return false;
    const present = new Set(columns.flatMap((c) => (c.kind === 'input' ? [c.name] : [])));
    return present.size > 0 && meta.inputs.every((i) => !i.required || present.has(i.name));
  });
  if (fits.length <= 1) return fits[0];
  // Prefer the rule whose inputs the headers cover most completely.
  const score = (meta: RuleMetadata) => columnsFor(headers, meta).filter((c) => c.kind === 'input').length / meta.inputs.length;
  const ranked = [...fits].sort((a, b) => score(b) - score(a));
  return score(ranked[0]) > score(ranked[1]) ? ranked[0] : undefined;
}

/** Data rows (below the header) → raw batch rows; dates as serial numbers become ISO dates, blank cells are left out. */
export function rowsFromTable(values: readonly (readonly unknown[])[], meta: RuleMetadata): Record<string, unknown>[] {
  const [headers, ...data] = values;
  const columns = columnsFor(headers, meta);
  return data.map((row) => {
    const raw: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const cell = row[i];
      if (column.kind === 'input') {
        const value = cellToInput(cell, meta.inputs.find((s) => s.name === column.name)!);
        if (value !== undefined) raw[column.name] = value;
      } else if ((column.kind === 'rowId' || column.kind === 'claimed') && !isBlankCell(cell)) {
        raw[column.kind] = cell;
      } else if (column.kind === 'unknown' && !isBlankCell(cell)) {
        raw[column.header] = cell; // the rule names it as an unknown input
      }
    });
    return raw;
  });
}

const STATUS = {
  ok: { zh: '通过', en: 'ok' },
  mismatch: { zh: '不符', en: 'mismatch' },
  invalid: { zh: '无效', en: 'invalid' },
  skipped: { zh: '跳过', en: 'skipped' },
} as const;

export const RESULT_HEADERS = {
  status: { zh: '校验结果', en: 'Status' },
  difference: { zh: '差额（申报−应得）', en: 'Difference (claimed − computed)' },
  message: { zh: '说明', en: 'Message' },
} as const;

export type ResultCell = string | number | boolean;

/** Four columns beside the table: status, the rule's primary value, difference, message; a header row first. */
export function resultColumns(outcome: Pick<BatchOutcome, 'rows'>, meta: RuleMetadata, lang: Lang): ResultCell[][] {
  const primary = meta.outputs.find((o) => o.name === meta.primary);
  const header: ResultCell[] = [RESULT_HEADERS.status[lang], primary?.label[lang] ?? meta.primary, RESULT_HEADERS.difference[lang], RESULT_HEADERS.message[lang]];
  return [header, ...outcome.rows.map((row) => resultRow(row, meta, lang))];
}

function resultRow(row: BatchRow, meta: RuleMetadata, lang: Lang): ResultCell[] {
  const primary = meta.outputs.find((o) => o.name === meta.primary);
  const value = row.result ? (basicValueOf(outputToCell(row.result[meta.primary], primary, lang)) ?? '') : '';
  const difference = row.difference === undefined ? '' : Number(row.difference);
  let message = '';
  if (row.error) message = `${row.error.message[lang]}${row.error.field ? ` [${row.error.field}]` : ''}`;
  else if (row.status === 'mismatch') message = lang === 'zh' ? `申报 ${row.claimed}，应为 ${row.result?.[meta.primary]}` : `claimed ${row.claimed}, computed ${row.result?.[meta.primary]}`;
  else if (row.warnings?.length) message = row.warnings.map((w) => w[lang]).join(lang === 'zh' ? '；' : '; ');
  return [STATUS[row.status][lang], value, difference, message];
}

/** Row fill colours: mismatches amber, invalid rows red, ok rows left as they are. */
export const HIGHLIGHT = { mismatch: '#FFEB9C', invalid: '#FFC7CE', skipped: '#D9D9D9' } as const;
