/**
 * A CSV body's JSON answer made in Node as the Worker makes it per pull, without workerd or HTTP: the body's
 * bytes → csvRows (form reader, TableBatch) → the answer's rows written into UTF-8 pieces of 512 rows.
 * table-path.ts times it; floor.ts takes real answer rows from it.
 */
import { findRule, metadataOf } from '../../rules/index.ts';
import { TableBatch } from '../../rules/tables/index.ts';
import { csvRows } from '../../worker/batch/sources.ts';
import { answerWriter } from '../../worker/batch/answer.ts';
import { Utf8Chunk } from '../../worker/batch/utf8-chunk.ts';

const encoder = new TextEncoder();

/** Writes rule `id`'s JSON answer to a CSV body, handing each piece to `piece`. */
export function writeJsonAnswer(id: string, bytes: Uint8Array, piece: (bytes: Uint8Array) => void): void {
  const rule = findRule(id)!;
  const meta = metadataOf(rule);
  const batch = new TableBatch(rule, meta);
  const source = csvRows([bytes], 'text/csv; charset=utf-8', meta, 1_000_000, undefined);
  const head = { batchId: 'x', rule: id, rulesetVersion: 'v', ignoredColumns: source.ignoredColumns, droppedColumns: 0, form: source.form };
  const writer = answerWriter('json', { head, meta, columns: source.columns, lang: 'zh', withCells: false, read: source.read });
  let first = true;
  let chunk = new Utf8Chunk(encoder, 1 << 16);
  writer.head(chunk);
  for (let n = 0; ; n++) {
    const answered = source.next(batch);
    if (!answered) break;
    writer.row(answered, first, chunk);
    first = false;
    if (n % 512 === 511) {
      writer.flush?.(chunk);
      piece(chunk.bytes());
      chunk = new Utf8Chunk(encoder, 1 << 16);
    }
  }
  writer.tail(batch.summary(), chunk);
  piece(chunk.bytes());
}
