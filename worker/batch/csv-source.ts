/**
 * Reads a CSV body held as byte chunks: decodes incrementally, parses incrementally, and hands out
 * the header, then one record at a time. Chunks are released as they are consumed.
 */
import { CsvParser, type CsvRecord } from '../csv/parse.ts';
import type { ChunkDecoder } from '../body/decode.ts';

/**
 * Bytes decoded and parsed at a time: a few hundred records, about what one pull of the answer stream
 * answers, so they are let go young. A whole 64 KB chunk's records (thousands) outlived several pulls,
 * were moved to the old generation, and grew the isolate's heap to about 48 MB on a 100,000-row batch
 * (about 21 MB this way; `npm run bench`, isolate heap).
 */
const STEP = 16 * 1024;

export class CsvSource {
  private readonly chunks: (Uint8Array | undefined)[];
  private readonly decoder: ChunkDecoder;
  private readonly parser = new CsvParser();
  private pending: CsvRecord[] = [];
  private at = 0;
  private next = 0;
  /** Where in the current chunk the next step starts. */
  private offset = 0;
  private ended = false;

  constructor(chunks: Uint8Array[], decoder: ChunkDecoder) {
    this.chunks = chunks;
    this.decoder = decoder;
  }

  /** The next record, or undefined at the end of the body. */
  read(): CsvRecord | undefined {
    while (this.at >= this.pending.length) {
      if (this.ended) return undefined;
      this.pending = this.fill();
      this.at = 0;
    }
    return this.pending[this.at++];
  }

  private fill(): CsvRecord[] {
    if (this.next < this.chunks.length) {
      const chunk = this.chunks[this.next]!;
      let end = Math.min(chunk.length, this.offset + STEP);
      if (end < chunk.length) {
        // The step ends after its last line break: in UTF-8 and GB18030 the text decoded then ends with whole lines,
        // which the parser reads as they are, instead of joining what is left of a line to the next step's text (and
        // copying the two into one string to read it). Wherever it ends, the decoder carries a cut character over.
        const lineBreak = chunk.lastIndexOf(10, end - 1);
        if (lineBreak >= this.offset) end = lineBreak + 1;
      }
      const step = chunk.subarray(this.offset, end);
      this.offset = end;
      if (this.offset >= chunk.length) {
        this.chunks[this.next++] = undefined;
        this.offset = 0;
      }
      return this.parser.push(this.decoder.decode(step));
    }
    this.ended = true;
    const tail = this.decoder.end();
    return [...(tail ? this.parser.push(tail) : []), ...this.parser.end()];
  }
}
