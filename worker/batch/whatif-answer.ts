/**
 * A what-if batch's answer, written as it goes, in the format asked for; every one marked 测算 and
 * listing its overrides (rules/tables/whatif-table.ts words both):
 * - JSON `{ ok, whatif: true, mark, batchId, rule, rulesetVersion, clause, policy, overrides, ignoredColumns, rows, summary }`,
 *   each row `{ index, rowId?, status, baseline?, reform?, change?, … }` (money as text; `?cells=1` adds `columns` and `cells`);
 * - CSV: the note line, then the input columns as given and status, 现行, 测算, 变化 and message;
 * - xlsx: the same in a 测算结果 sheet, and a 汇总 sheet comparing the totals, by district.
 */
import type { ListedOverride } from '../../rules/tables/whatif-table.ts';
import { startWhatIfSheet, whatIfCsvHead, whatIfCsvRow, writeWhatIfSummarySheet } from '../../rules/tables/whatif-table.ts';
import { XlsxWriter } from '../../rules/tables/xlsx-write.ts';
import { WHATIF_MARK } from '../../rules/whatif/overrides.ts';
import type { WhatIfRow, WhatIfTableBatch } from '../../rules/whatif/table-batch.ts';
import { jsonRowsWriter, XLSX_TYPE, type AnswerContext, type AnswerFormat, type AnswerWriter } from './answer.ts';
import type { Utf8Chunk } from './utf8-chunk.ts';

export function whatIfWriter(format: AnswerFormat, context: AnswerContext, batch: WhatIfTableBatch, overrides: () => ListedOverride[]): AnswerWriter {
  const { head, meta, columns, lang, withCells } = context;
  if (format === 'csv') {
    return {
      contentType: 'text/csv; charset=utf-8',
      echoes: true,
      head: (out) => out.write(whatIfCsvHead(columns, meta, lang, overrides())),
      row: ({ row, cells }, _first, out) => out.write(whatIfCsvRow(cells, columns.length, batch.pair(row), meta, lang)),
      tail: () => {},
    };
  }
  if (format === 'xlsx') {
    let out: Utf8Chunk | undefined;
    const writer = new XlsxWriter((bytes) => out!.writeBytes(bytes));
    let write: ((cells: readonly unknown[], row: WhatIfRow) => void) | undefined;
    return {
      contentType: XLSX_TYPE,
      echoes: true,
      head: (chunk) => {
        out = chunk;
        write = startWhatIfSheet(writer, columns, meta, lang, overrides());
      },
      row: ({ row, cells }, _first, chunk) => {
        out = chunk;
        write!(cells, batch.pair(row));
      },
      tail: (_summary, chunk) => {
        out = chunk;
        writer.endSheet();
        writeWhatIfSummarySheet(writer, batch.whatIfSummary(), meta, lang, overrides());
        writer.finish();
      },
    };
  }
  const { hold, flush } = jsonRowsWriter();
  return {
    contentType: 'application/json; charset=utf-8',
    echoes: withCells,
    head: (out) =>
      out.write(
        `{"ok":true,"whatif":true,"mark":${JSON.stringify(WHATIF_MARK)},"batchId":${JSON.stringify(head.batchId)},"rule":${JSON.stringify(head.rule)},"rulesetVersion":${JSON.stringify(head.rulesetVersion)},"clause":${JSON.stringify({ id: meta.clause.id, text: meta.clause.text })},"policy":${JSON.stringify(meta.policy)},"overrides":${JSON.stringify(overrides().map(({ description: _d, ...o }) => o))},"ignoredColumns":${JSON.stringify(head.ignoredColumns)}${head.droppedColumns ? `,"droppedColumns":${head.droppedColumns}` : ''}${withCells ? `,"columns":${JSON.stringify(columns)}` : ''},"rows":[`,
      ),
    row: ({ row, cells }) => {
      const pair = batch.pair(row);
      hold(withCells ? { ...pair, cells: columns.map((_, i) => cells[i] ?? null) } : pair);
    },
    flush,
    tail: (_summary, out) => {
      flush(out);
      out.write(`],"summary":${JSON.stringify(batch.whatIfSummary())}}`);
    },
  };
}
