/**
 * Reads a CSV body held as byte chunks: decodes incrementally, parses incrementally, and hands out
 * the header, then one record at a time. Chunks are released as they are consumed.
 */
import { CsvParser, type CsvRecord } from '../csv/parse.ts';
import type { ChunkDecoder } from '../body/decode.ts';

export class CsvSource {
  private readonly chunks: (Uint8Array | undefined)[];
  private readonly decoder: ChunkDecoder;
  private readonly parser = new CsvParser();
  private pending: CsvRecord[] = [];
  private at = 0;
  private next = 0;
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
      this.chunks[this.next++] = undefined;
      return this.parser.push(this.decoder.decode(chunk));
    }
    this.ended = true;
    const tail = this.decoder.end();
    return [...(tail ? this.parser.push(tail) : []), ...this.parser.end()];
  }
}
