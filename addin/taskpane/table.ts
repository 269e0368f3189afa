/**
 * The selected table ↔ batch rows and result columns, as plain arrays (no Office objects), so the
 * task pane's logic is testable in Node. The header row is read by the shared table module
 * (rules/tables): inputs by name or zh/en label (units in parentheses allowed), 序号/行号 and 申报金额,
 * extra columns (单位名称, 备注 …) kept and not computed; Excel's own date and number cells are read as
 * the Worker reads them.
 */
import type { BatchRow, RuleMetadata } from '../../rules/index.ts';
import { answerCells, answerHeaders, columnOf, isMoney, readHeader, type AnswerCell, type HeaderReading } from '../../rules/tables/index.ts';
import { basicValueOf, outputToCell } from '../functions/cells.ts';
import type { Lang } from '../functions/language.ts';

/**
 * The rule the headers describe: its header reading succeeds and every required input is present.
 * Undefined when no rule or more than one rule fits equally well: the clerk chooses.
 */
export function guessRule(headers: readonly unknown[], rules: readonly RuleMetadata[]): RuleMetadata | undefined {
  const coverage = (meta: RuleMetadata): number => {
    const reading = readHeader(headers, meta);
    if (!reading.ok) return 0;
    const present = new Set(reading.columns.flatMap((c) => (c.kind === 'input' ? [c.name] : [])));
    if (!meta.inputs.every((i) => !i.required || present.has(i.name))) return 0;
    return present.size / meta.inputs.length;
  };
  const ranked = rules
    .map((meta) => ({ meta, score: coverage(meta) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score);
  if (ranked.length <= 1) return ranked[0]?.meta;
  return ranked[0].score > ranked[1].score ? ranked[0].meta : undefined;
}

/** The header reading of a selected table (a refusal names the columns). */
export const readTableHeader = (values: readonly (readonly unknown[])[], meta: RuleMetadata): HeaderReading => readHeader(values[0] ?? [], meta);

/** The header cells that name nothing the rule reads: the columns the clerk may map to an input. */
export const unmatchedHeaders = (headers: readonly unknown[], meta: Pick<RuleMetadata, 'inputs'>): string[] =>
  headers.flatMap((cell) => {
    const column = columnOf(cell, meta);
    return column.kind === 'extra' ? [column.header] : [];
  });

/** Data rows as objects keyed by their header text, as the Worker's JSON batch reads them (same module). */
export function rowObjects(values: readonly (readonly unknown[])[]): Record<string, unknown>[] {
  const [headers, ...data] = values;
  const keys = headers.map((h) => (h === undefined || h === null ? '' : String(h).trim()));
  return data.map((row) => {
    const object: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      if (key !== '' && !(key in object)) object[key] = row[i] ?? ''; // blank cells stay '', so a blank row is seen as one
    });
    return object;
  });
}

export type ResultCell = string | number | boolean;

const excelCell = (cell: AnswerCell): ResultCell => (cell === undefined ? '' : isMoney(cell) ? Number(cell.money) : cell);

/** Four columns beside the table: status, the rule's primary value, difference, message; a header row first. */
export function resultColumns(outcome: { rows: readonly BatchRow[] }, meta: RuleMetadata, lang: Lang): ResultCell[][] {
  const primary = meta.outputs.find((o) => o.name === meta.primary);
  // A date value goes into the sheet as the sheet's own date (a serial day number), as the functions return it.
  const dateValue = (row: BatchRow): ResultCell => basicValueOf(outputToCell(row.result?.[meta.primary], primary, lang)) ?? '';
  return [
    answerHeaders(meta, lang),
    ...outcome.rows.map((row) =>
      answerCells(row, meta, lang, 'excel').map((cell, i) => (i === 1 && primary?.type === 'date' && row.result ? dateValue(row) : excelCell(cell))),
    ),
  ];
}

/** Row fill colours: mismatches amber, invalid rows red, skipped rows grey, ok rows left as they are. */
export const HIGHLIGHT = { mismatch: '#FFEB9C', invalid: '#FFC7CE', skipped: '#D9D9D9' } as const;
