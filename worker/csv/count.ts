/**
 * Counts the non-empty lines of a CSV body at the byte level, before decoding: an upper bound on its
 * records (a record is at least one line), so a batch over the row limit is refused with 413 before
 * any row is answered. Safe for UTF-8 and GBK/GB18030 alike: their multi-byte sequences never contain
 * the bytes of CR or LF. UTF-16 (with its BOM) is counted by 16-bit code units.
 */
import { bomOf, type ChunkDecoder } from '../body/decode.ts';
import { CsvParser } from './parse.ts';

/**
 * At least as many as the non-empty lines of a body (every LF, every CR not followed by LF within its
 * chunk, and a last line without a line break), found by the typed arrays' native `indexOf`: a body under the row limit by this count is
 * under it by the exact one, without a byte-by-byte pass. UTF-16 bodies are counted exactly (countNonEmptyLines).
 */
export function linesAtMost(chunks: readonly Uint8Array[]): number {
  const bom = chunks[0] ? bomOf(chunks[0]) : undefined;
  if (bom === 'utf-16le' || bom === 'utf-16be') return countNonEmptyLines(chunks);
  let breaks = 0;
  let last = 10;
  for (const chunk of chunks) {
    if (chunk.length) last = chunk[chunk.length - 1];
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) breaks++;
    for (let at = chunk.indexOf(13); at >= 0; at = chunk.indexOf(13, at + 1)) if (chunk[at + 1] !== 10) breaks++;
  }
  // the last line counts when no line break ends it
  return last === 10 || last === 13 ? breaks : breaks + 1;
}

export function countNonEmptyLines(chunks: readonly Uint8Array[]): number {
  const bom = chunks[0] ? bomOf(chunks[0]) : undefined;
  if (bom === 'utf-16le' || bom === 'utf-16be') return countUtf16Lines(chunks, bom === 'utf-16le');
  let lines = 0;
  let inLine = false;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 10 || b === 13) {
        if (inLine) lines++;
        inLine = false;
      } else inLine = true;
    }
  }
  return inLine ? lines + 1 : lines;
}

function countUtf16Lines(chunks: readonly Uint8Array[], littleEndian: boolean): number {
  let lines = 0;
  let inLine = false;
  let odd: number | undefined; // a byte left over from the previous chunk
  let skipBom = true;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      if (odd === undefined) {
        odd = chunk[i];
        continue;
      }
      const unit = littleEndian ? odd | (chunk[i] << 8) : (odd << 8) | chunk[i];
      odd = undefined;
      if (skipBom) {
        skipBom = false;
        continue;
      }
      if (unit === 10 || unit === 13) {
        if (inLine) lines++;
        inLine = false;
      } else inLine = true;
    }
  }
  return inLine ? lines + 1 : lines;
}

/**
 * The CSV records of a body, counted by the parser that will read them (a quoted note's line breaks are
 * not records): the exact count, used when the quick line count passes the row limit.
 */
export function countRecords(chunks: readonly Uint8Array[], decoder: ChunkDecoder): number {
  const parser = new CsvParser();
  let records = 0;
  for (const chunk of chunks) records += parser.push(decoder.decode(chunk)).length;
  const tail = decoder.end();
  if (tail) records += parser.push(tail).length;
  return records + parser.end().length;
}
