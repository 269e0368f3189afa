/**
 * Reads the rows of a JSON body held as bytes, one block at a time (the blocks the body's scan found,
 * worker/body/json-scan.ts): a block's text is decoded and parsed when its first row is asked for, with
 * its numbers kept as written (worker/body/json.ts), and each row is let go once handed out. So only one
 * block's rows are alive at a time, as a CSV body's records are.
 *
 * Every number is read as its text. It is handed out as that text (a string), but for the keys given to
 * `keepNumbers`: directly under one of those in an object row, a number of a block the scan found canonical
 * is handed out as the JS number itself, whose `String(value)` is its text (nothing to make for it).
 */
import { MAX_JSON_DEPTH, NumberTexts, numbersAsText, parseCanonicalJson, parseJson } from '../body/json.ts';
import type { ListBlock } from '../body/json-scan.ts';

/** Stands for a row of a block that could not be parsed after all (the scan found it JSON: this is a guard, never expected). */
export const UNREADABLE_ROW = Symbol('unreadable JSON row');

export class JsonListSource {
  private readonly bytes: Uint8Array;
  private readonly blocks: ListBlock[];
  private readonly decoder = new TextDecoder();
  private readonly texts = new NumberTexts();
  private next = 0;
  private rows: unknown[] = [];
  private at = 0;
  /** How many rows were handed out. */
  count = 0;

  /** The keys whose numbers may stay JS numbers, and every other key the rows name (see `keepNumbers`). */
  private kept: ReadonlySet<string> | undefined;
  private others: readonly string[] = [];

  constructor(bytes: Uint8Array, blocks: ListBlock[]) {
    this.bytes = bytes;
    this.blocks = blocks;
  }

  /**
   * From the next block on, a number directly under one of `keys` in an object row of a canonical block is the
   * JS number whose `String(value)` is its text; `others`: every other key the rows name (their numbers, and
   * any number deeper in a row, are texts).
   */
  keepNumbers(keys: ReadonlySet<string>, others: readonly string[]): void {
    this.kept = keys;
    this.others = others;
  }

  /** The next row (numbers as their texts, but see `keepNumbers`), UNREADABLE_ROW, or undefined after the last. */
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
      const rows = !block.canonical ? parseJson(text, MAX_JSON_DEPTH - 1) : this.kept ? JSON.parse(text) : parseCanonicalJson(text, this.texts);
      if (Array.isArray(rows) && rows.length === block.count) {
        if (block.canonical && this.kept) this.numbersAsTextBut(rows, block.flat === true);
        return rows;
      }
    } catch {
      // answered below, row by row
    }
    return new Array<unknown>(block.count).fill(UNREADABLE_ROW);
  }

  /** Every number of the rows as its text, but those directly under a kept key of an object row (a flat block's rows hold no list or object). */
  private numbersAsTextBut(rows: unknown[], flat: boolean): void {
    const { kept, others, texts } = this;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (typeof row === 'number') rows[i] = texts.of(row);
      if (row === null || typeof row !== 'object') continue;
      if (Array.isArray(row)) {
        numbersAsText(row, texts);
        continue;
      }
      const object = row as Record<string, unknown>;
      if (flat) {
        for (let k = 0; k < others.length; k++) {
          const value = object[others[k]];
          if (typeof value === 'number') object[others[k]] = texts.of(value);
        }
        continue;
      }
      for (const key in object) {
        const value = object[key];
        if (typeof value === 'number') {
          if (!kept!.has(key)) object[key] = texts.of(value);
        } else if (value !== null && typeof value === 'object') numbersAsText(value, texts);
      }
    }
  }
}
