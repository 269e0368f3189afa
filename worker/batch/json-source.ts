/**
 * Reads the rows of a JSON body held as bytes, one block at a time (the blocks the body's scan found,
 * worker/body/json-scan.ts): a block's text is decoded and parsed when its first row is asked for, with
 * its numbers kept as written (worker/body/json.ts), and each row is let go once handed out. So only one
 * block's rows are alive at a time, as a CSV body's records are.
 */
import { MAX_JSON_DEPTH, parseCanonicalJson, parseJson } from '../body/json.ts';
import type { ListBlock } from '../body/json-scan.ts';

/** Stands for a row of a block that could not be parsed after all (the scan found it JSON: this is a guard, never expected). */
export const UNREADABLE_ROW = Symbol('unreadable JSON row');

export class JsonListSource {
  private readonly bytes: Uint8Array;
  private readonly blocks: ListBlock[];
  private readonly decoder = new TextDecoder();
  private next = 0;
  private rows: unknown[] = [];
  private at = 0;
  /** How many rows were handed out. */
  count = 0;

  constructor(bytes: Uint8Array, blocks: ListBlock[]) {
    this.bytes = bytes;
    this.blocks = blocks;
  }

  /** The next row (numbers as their texts), UNREADABLE_ROW, or undefined after the last. */
  read(): unknown {
    while (this.at >= this.rows.length) {
      const block = this.blocks[this.next];
      if (!block) return undefined;
      this.next++;
      this.rows = this.parse(block);
      this.at = 0;
    }
    const row = this.rows[this.at];
    this.rows[this.at++] = undefined;
    this.count++;
    return row;
  }

  private parse(block: ListBlock): unknown[] {
    // the elements with the commas between them: as a list, it stands where the body's list did (depth 2)
    const text = `[${this.decoder.decode(this.bytes.subarray(block.start, block.end))}]`;
    try {
      const rows = block.canonical ? parseCanonicalJson(text) : parseJson(text, MAX_JSON_DEPTH - 1);
      if (Array.isArray(rows) && rows.length === block.count) return rows;
    } catch {
      // answered below, row by row
    }
    return new Array<unknown>(block.count).fill(UNREADABLE_ROW);
  }
}
