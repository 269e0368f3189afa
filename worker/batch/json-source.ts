/**
 * Reads the rows of a JSON body held as bytes, one block at a time (the blocks the body's scan found,
 * worker/body/json-scan.ts), each when its first row is asked for; each row is let go once handed out. So only
 * one block's rows are alive at a time, as a CSV body's records are.
 *
 * - A block the scan found of one shape (every row a flat object with the same bytes around its values: the
 *   common batch) is decoded once and each row made from its values alone, as it is asked for: no second parse
 *   of the text, no list of the block's rows. A string is a slice of the block's text (so a long one keeps that
 *   text, 32 KiB, alive while the row is), a number its text or (below) its value read from its digits.
 * - Any other block is decoded and parsed, with its numbers kept as written (worker/body/json.ts).
 *
 * Every number is read as its text. It is handed out as that text (a string), but for the keys given to
 * `keepNumbers`: directly under one of those in an object row, a number of a block the scan found canonical
 * is handed out as the JS number itself, whose `String(value)` is its text (nothing to make for it).
 */
import { MAX_JSON_DEPTH, NumberTexts, numbersAsText, parseCanonicalJson, parseJson } from '../body/json.ts';
import { rowLayout, type ListBlock } from '../body/json-scan.ts';
import { EXACT_POWERS_OF_TEN } from '../../rules/core/scaled-decimal.ts';

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
    if (this.shaped.left > 0) {
      this.count++;
      return this.shapedRow();
    }
    while (this.at >= this.rows.length) {
      const block = this.blocks[this.next];
      if (!block) return undefined;
      this.next++;
      if (block.oneShape && this.startShaped(block)) {
        this.count++;
        return this.shapedRow();
      }
      this.rows = this.parse(block);
      this.at = 0;
    }
    const row = this.rows[this.at];
    this.rows[this.at++] = undefined;
    this.count++;
    return row;
  }

  /** The block whose rows are read by their values only (`startShaped`), where its next row begins, and how many are left. */
  private readonly shaped: ShapedBlock = { text: '', at: 0, char: 0, left: 0, keys: [], lengths: [], chars: [], numbers: [] };

  /**
   * Starts reading a block of one shape by its rows' values (false: it is parsed instead): its text decoded once, and
   * each row made from the values between the bytes every row of it has (the scan checked them, and that it is JSON).
   * Not when its text has U+FFFD (the bytes may not be UTF-8, so a byte's place may not be its character's), nor when a
   * key is repeated or is `__proto__` (which an assignment does not make as `JSON.parse` makes it).
   */
  private startShaped(block: ListBlock): boolean {
    const layout = rowLayout(this.bytes, block.start);
    if (!layout) return false;
    const { keys, lengths } = layout;
    if (keys.includes('__proto__') || new Set(keys).size < keys.length) return false;
    const text = this.decoder.decode(this.bytes.subarray(block.start, block.end));
    if (text.includes('\uFFFD')) return false;
    const shaped = this.shaped;
    shaped.text = text;
    shaped.at = block.start;
    shaped.char = 0;
    shaped.left = block.count;
    shaped.keys = keys;
    shaped.lengths = lengths;
    shaped.chars = lengths.map((length, s) => utf16Length(this.bytes, layout.starts[s], layout.starts[s] + length));
    shaped.numbers = keys.map((key) => block.canonical && this.kept !== undefined && this.kept.has(key));
    return true;
  }

  /** The next row of the shaped block: its values, each after the bytes every row has before it. */
  private shapedRow(): Record<string, unknown> {
    const b = this.bytes;
    const shaped = this.shaped;
    const { text, keys, lengths, chars, numbers } = shaped;
    let at = shaped.at;
    let char = shaped.char;
    const row: Record<string, unknown> = {};
    for (let s = 0; s < keys.length; s++) {
      at += lengths[s];
      char += chars[s];
      const c = b[at];
      let value: unknown;
      let to = at + 1;
      let units: number;
      if (c === QUOTE) {
        // to the closing quote, past escapes; then the string's length in the text
        let escaped = false;
        for (let d = b[to]; d !== QUOTE; d = b[to]) {
          if (d === BACKSLASH) {
            escaped = true;
            to += 2;
          } else to++;
        }
        to++;
        units = utf16Length(b, at, to);
        value = escaped ? JSON.parse(text.slice(char, char + units)) : text.slice(char + 1, char + units - 1);
      } else if (c === 0x74) {
        value = true;
        to = at + 4;
        units = 4;
      } else if (c === 0x66) {
        value = false;
        to = at + 5;
        units = 5;
      } else if (c === 0x6e) {
        value = null;
        to = at + 4;
        units = 4;
      } else {
        for (let d = b[to]; (d >= 0x30 && d <= 0x39) || d === 0x2e || d === 0x2b || d === 0x2d || d === 0x45 || d === 0x65; d = b[to]) to++;
        units = to - at;
        value = numbers[s] ? canonicalNumber(b, at, to) : text.slice(char, char + units);
      }
      row[keys[s]] = value;
      at = to;
      char += units;
    }
    at += lengths[keys.length];
    char += chars[keys.length];
    // to the next row: past the comma and any space around it
    if (--shaped.left > 0)
      while (b[at] !== 0x7b) {
        at++;
        char++;
      }
    shaped.at = at;
    shaped.char = char;
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

/** A block of one shape, read by its rows' values (`JsonListSource.startShaped`). */
interface ShapedBlock {
  /** The block's text, decoded once. */
  text: string;
  /** Where the next row begins: its byte, and its character in `text`. */
  at: number;
  char: number;
  left: number;
  keys: string[];
  /** The segments around the values: each one's length in bytes and in characters. */
  lengths: number[];
  chars: number[];
  /** Whether the number under each key is handed out as a JS number (else as its text). */
  numbers: boolean[];
}

/** How many UTF-16 code units the UTF-8 bytes `b[from..to)` decode to (they are UTF-8: no U+FFFD in their text). */
function utf16Length(b: Uint8Array, from: number, to: number): number {
  let units = to - from;
  for (let i = from; i < to; i++) {
    const c = b[i];
    // a continuation byte adds no unit; a four-byte sequence is two (a surrogate pair)
    if (c >= 0x80) units += c < 0xc0 ? -1 : c >= 0xf0 ? 1 : 0;
  }
  return units;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The number whose canonical text is `b[from..to)` (at most 15 significant digits, no exponent: see json-scan.ts
 * `numberAt`): its digits as an integer below 2^53, divided once by an exact power of ten, so rounded once, as
 * `Number(text)` rounds it.
 */
function canonicalNumber(b: Uint8Array, from: number, to: number): number {
  let i = from;
  const negative = b[i] === 0x2d;
  if (negative) i++;
  let digits = 0;
  let scale = 0;
  for (; i < to; i++) {
    const c = b[i];
    if (c === 0x2e) scale = to - i - 1;
    else digits = digits * 10 + (c - 0x30);
  }
  const value = scale === 0 ? digits : digits / EXACT_POWERS_OF_TEN[scale];
  return negative ? -value : value;
}
