/**
 * An answer as a table: the input columns as given (extra columns included), then the answer columns
 * (answers.ts), written row by row as CSV text or into an xlsx sheet. The Worker streams with these,
 * and the page writes its downloads with them from one JSON answer.
 */
import type { BatchRow } from '../batch.ts';
import type { InputSpec } from '../core/schema.ts';
import type { RuleMetadata } from '../metadata.ts';
import { answerCells, answerHeaders, type Lang } from './answers.ts';
import { cellForInput, dateText } from './cells.ts';
import { csvLine } from './csv-write.ts';
import { columnOf } from './headers.ts';
import type { XlsxCell, XlsxWriter } from './xlsx-write.ts';

type Meta = Pick<RuleMetadata, 'inputs' | 'outputs' | 'primary'>;

/** The header of an answer table: the echoed columns, then the answer columns. */
export const answerTableHeader = (columns: readonly string[], meta: Meta, lang: Lang): string[] => [...columns, ...answerHeaders(meta, lang)];

/** The UTF-8 BOM (so Excel opens Chinese text as UTF-8) and the header line. */
export const answerCsvHead = (columns: readonly string[], meta: Meta, lang: Lang): string => `\uFEFF${csvLine(answerTableHeader(columns, meta, lang))}`;

export const answerCsvRow = (cells: readonly unknown[], width: number, row: BatchRow, meta: Meta, lang: Lang): string => {
  const echoed: unknown[] = new Array(width);
  for (let i = 0; i < width; i++) echoed[i] = cells[i];
  return csvLine([...echoed, ...answerCells(row, meta, lang)]);
};

/** Column widths for an answer sheet: wider for text, a little for Chinese headers. */
const widthOf = (header: string) => Math.min(40, Math.max(10, [...header].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0) + 2));

/** Starts the answer sheet: a bold, frozen header row. Returns how to write each row. */
export function startAnswerSheet(writer: XlsxWriter, columns: readonly string[], meta: Meta, lang: Lang): (cells: readonly unknown[], row: BatchRow) => void {
  const header = answerTableHeader(columns, meta, lang);
  const widths = header.map(widthOf);
  widths[header.length - 1] = 60;
  writer.startSheet({ name: lang === 'zh' ? '校验结果' : 'Results', freezeHeader: true, widths });
  writer.row(header, 'header');
  const specs: (InputSpec | undefined)[] = columns.map((c) => {
    const column = columnOf(c, meta);
    return column.kind === 'input' ? column.spec : undefined;
  });
  const statusAt = columns.length;
  return (cells, row) => {
    const out: XlsxCell[] = new Array(columns.length);
    for (let i = 0; i < columns.length; i++) out[i] = echoCell(cells[i], specs[i]);
    out.push(...answerCells(row, meta, lang));
    writer.row(out, row.status, statusAt);
  };
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** An echoed cell in an xlsx answer: numbers as numbers, dates under a date input as date cells, the rest as given. */
export function echoCell(cell: unknown, spec: InputSpec | undefined): XlsxCell {
  if (cell === undefined || cell === null) return undefined;
  if (typeof cell === 'number' || typeof cell === 'boolean') return spec?.type === 'date' && typeof cell === 'number' ? dateCell(cellForInput(cell, spec)) ?? cell : cell;
  if (typeof cell !== 'string') return JSON.stringify(cell);
  if (spec?.type === 'date') return dateCell(dateText(cell)) ?? cell;
  if (spec && (spec.type === 'integer' || spec.type === 'decimal' || spec.type === 'money')) {
    const plain = cellForInput(cell, spec);
    if (typeof plain === 'string' && PLAIN_NUMBER.test(plain) && plain.length < 16) return Number(plain);
  }
  return cell;
}

const dateCell = (iso: unknown): XlsxCell | undefined => (typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? { date: iso } : undefined);
