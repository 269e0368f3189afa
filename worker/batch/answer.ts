/**
 * The batch answer, written as it goes, in the format the client asked for:
 * - JSON `{ batchId, rule, rulesetVersion, clause, policy, ignoredColumns, droppedColumns?, rows: [...], summary }`
 *   (rows before summary, so nothing is held back; `?cells=1` adds the echoed `columns` and each row's `cells`,
 *   so a page can write its own CSV/xlsx from one request);
 * - CSV: the input columns as given, then status, the primary output, difference and message (rules/tables);
 * - xlsx: the same columns in a sheet with a frozen header, money as numbers, coloured status cells.
 */
import type { BatchRow, RuleMetadata } from '../../rules/index.ts';
import {
  answerCsvHead,
  answerCsvPreamble,
  answerCsvRow,
  answerTotalCells,
  claimedColumn,
  csvLine,
  startAnswerSheet,
  writeSummarySheet,
  XlsxWriter,
  type EchoColumns,
  type Lang,
  type TableSummary,
} from '../../rules/tables/index.ts';
import type { FormHead } from './sources.ts';
import type { Utf8Chunk } from './utf8-chunk.ts';

/** A row answer, with the cells to echo when the answer is a table. */
export interface AnsweredRow {
  row: BatchRow;
  cells: readonly unknown[];
}

export type AnswerFormat = 'json' | 'csv' | 'xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface AnswerWriter {
  contentType: string;
  /** Whether the rows' cells are written into the answer (a table, JSON with `?cells=1`): only then are they capped and counted (echo.ts). */
  echoes: boolean;
  head(out: Utf8Chunk): void;
  row(answered: AnsweredRow, first: boolean, out: Utf8Chunk): void;
  /** Writes what the writer holds back (rows kept to be written together) before a piece is handed out. */
  flush?(out: Utf8Chunk): void;
  tail(summary: TableSummary, out: Utf8Chunk): void;
}

export interface BatchHead {
  batchId: string;
  rule: string;
  rulesetVersion: string;
  /** Columns kept but not read by the rule (listed once). */
  ignoredColumns: readonly string[];
  /** Extra JSON keys beyond the echo cap, not echoed (issue 13, finding 6). */
  droppedColumns: number;
  /** What the form reader found: the sheet, every sheet looked at, the header's row, the preamble, unmatched columns. */
  form?: FormHead;
}

export interface AnswerContext {
  head: BatchHead;
  meta: RuleMetadata;
  /** The columns echoed in a table answer (as given). */
  columns: readonly string[];
  lang: Lang;
  /** JSON only: include `columns` and each row's echoed `cells`. */
  withCells: boolean;
  /** The echoed columns as read, so the answer does not read the header again. */
  read?: EchoColumns;
}

/** The form's fields of the JSON head, in order. */
const formJson = (form: FormHead | undefined): string =>
  form
    ? `${form.sheet !== undefined ? `,"sheet":${JSON.stringify(form.sheet)},"sheets":${JSON.stringify(form.sheets ?? [])}` : ''}${form.headerRow !== undefined ? `,"headerRow":${form.headerRow}` : ''}${form.preamble ? `,"preamble":${JSON.stringify(form.preamble)}` : ''},"unmatchedColumns":${JSON.stringify(form.unmatchedColumns)}`
    : '';

/**
 * The rows of a JSON answer's `rows` array, held until a piece is handed out and then written as one JSON
 * array without its brackets, in one write: the bytes of one JSON.stringify per row, for one call of each
 * (encoding a string costs about a microsecond per call in workerd, whatever its length).
 */
export function jsonRowsWriter(): { hold(row: unknown): void; flush(out: Utf8Chunk): void } {
  let held: unknown[] = [];
  let written = false;
  return {
    hold: (row) => void held.push(row),
    flush: (out) => {
      if (held.length === 0) return;
      const rows = JSON.stringify(held);
      held = [];
      out.writeJsonItems(rows, !written);
      written = true;
    },
  };
}

/**
 * Lines of a CSV answer held until a piece is handed out, then written in one write (as jsonRowsWriter
 * does for JSON rows): one encoding call per piece, not per row.
 */
function linesWriter(): { hold(line: string): void; flush(out: Utf8Chunk): void } {
  let held: string[] = [];
  return {
    hold: (line) => void held.push(line),
    flush: (out) => {
      if (held.length === 0) return;
      const text = held.join('');
      held = [];
      out.write(text);
    },
  };
}

function jsonWriter({ head, meta, columns, withCells }: AnswerContext): AnswerWriter {
  const { hold, flush } = jsonRowsWriter();
  return {
    contentType: 'application/json; charset=utf-8',
    echoes: withCells,
    head: (out) =>
      out.write(
        `{"ok":true,"batchId":${JSON.stringify(head.batchId)},"rule":${JSON.stringify(head.rule)},"rulesetVersion":${JSON.stringify(head.rulesetVersion)},"clause":${JSON.stringify({ id: meta.clause.id, text: meta.clause.text })},"policy":${JSON.stringify(meta.policy)},"ignoredColumns":${JSON.stringify(head.ignoredColumns)}${formJson(head.form)}${head.droppedColumns ? `,"droppedColumns":${head.droppedColumns}` : ''}${withCells ? `,"columns":${JSON.stringify(columns)}` : ''},"rows":[`,
      ),
    row: ({ row, cells }) => hold(withCells ? { ...row, cells: columns.map((_, i) => cells[i] ?? null) } : row),
    flush,
    tail: (summary, out) => {
      flush(out);
      out.write(`],"summary":${JSON.stringify(summary)}}`);
    },
  };
}

function csvWriter({ head, meta, columns, lang, read }: AnswerContext): AnswerWriter {
  const claimedAt = claimedColumn(columns, meta, read);
  const preamble = head.form?.preamble ?? [];
  const { hold, flush } = linesWriter();
  return {
    contentType: 'text/csv; charset=utf-8',
    echoes: true,
    head: (out) =>
      out.write(preamble.length ? `\uFEFF${answerCsvPreamble(preamble)}${answerCsvHead(columns, meta, lang).slice(1)}` : answerCsvHead(columns, meta, lang)),
    row: ({ row, cells }) => hold(answerCsvRow(cells, columns.length, row, meta, lang, claimedAt)),
    flush,
    tail: (summary, out) => {
      flush(out);
      out.write(csvLine(answerTotalCells(summary, columns, meta, lang, read)));
    },
  };
}

function xlsxWriter({ head: batchHead, meta, columns, lang, read }: AnswerContext): AnswerWriter {
  let out: Utf8Chunk | undefined;
  const writer = new XlsxWriter((bytes) => out!.writeBytes(bytes));
  let write: ((cells: readonly unknown[], row: BatchRow) => void) | undefined;
  return {
    contentType: XLSX_TYPE,
    echoes: true,
    head: (chunk) => {
      out = chunk;
      write = startAnswerSheet(writer, columns, meta, lang, { read, preamble: batchHead.form?.preamble });
    },
    row: ({ row, cells }, _first, chunk) => {
      out = chunk;
      write!(cells, row);
    },
    tail: (summary, chunk) => {
      out = chunk;
      writer.row(answerTotalCells(summary, columns, meta, lang, read), 'header');
      writer.endSheet();
      writeSummarySheet(writer, summary, meta, lang);
      writer.finish();
    },
  };
}

export function answerWriter(format: AnswerFormat, context: AnswerContext): AnswerWriter {
  return format === 'csv' ? csvWriter(context) : format === 'xlsx' ? xlsxWriter(context) : jsonWriter(context);
}
