/**
 * One pass over a JSON body's bytes, before anything is answered: whether it is JSON at all (every rule
 * `JSON.parse` applies: grammar, numbers, escapes, control characters, one value), its top-level members
 * (key and byte range of each value, in document order), and for its list of rows where each element
 * lies, how many there are, which keys the object rows name, and which blocks of rows have one shape (the
 * same bytes around each row's values). Nothing is built but that: the rows are read later, a block at a
 * time (worker/batch/json-source.ts), so a body of 100,000 rows never stands in memory as one string or one tree.
 *
 * Bytes, not text: every byte JSON gives a meaning to is ASCII, and a byte of a multi-byte UTF-8
 * sequence (or an invalid one, which decoding turns into U+FFFD) is never ASCII, so it is part of a
 * string or an error, exactly as the decoded character is for `JSON.parse`. A leading BOM is skipped,
 * as decoding drops it.
 */

/** A top-level member: its key, and where its value lies in the bytes. */
export interface ScannedMember {
  key: string;
  start: number;
  end: number;
}

/**
 * Some whole elements of the list, about `LIST_BLOCK_BYTES` of text: `start` is the first one's first byte,
 * `end` just after the last one's last byte. `canonical` when every number in them is written as JavaScript
 * writes that number (`String(Number(text)) === text`) and nothing is nested deeper than the bound.
 */
export interface ListBlock {
  start: number;
  end: number;
  count: number;
  canonical: boolean;
  /** When every element is flat: an object whose values are strings, numbers, booleans or null, or one of those. */
  flat?: boolean;
  /**
   * When every element is a flat object with the same bytes around its values as the first (the same keys, in the
   * same order, written the same way): its rows can be read by their values only (`rowLayout`).
   */
  oneShape?: boolean;
}

/** The list of rows: its elements, in blocks, and every key its object elements name, in first-seen order (each object's in `Object.keys` order). */
export interface ScannedList {
  count: number;
  blocks: ListBlock[];
  keys: string[];
}

export interface JsonScan {
  /** Whether the body is an object; `members` lists its members (repeated keys included, as written). */
  object: boolean;
  members: ScannedMember[];
  /** The value of the body's last member named `listKey`, when it is a list. */
  list?: ScannedList;
}

/** A block of rows is closed once its text reaches this size. */
export const LIST_BLOCK_BYTES = 32 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);

/** The index after the whitespace from `i` (JSON's four characters only). */
function skipSpace(b: Uint8Array, i: number): number {
  let c = b[i];
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = b[++i];
  return i;
}

/** The index after the string that opens at `i`, or -1 when it is not a JSON string (a raw control character, a bad escape, no end). */
function stringEnd(b: Uint8Array, i: number): number {
  let j = i + 1;
  for (;;) {
    const c = b[j];
    if (c === QUOTE) return j + 1;
    if (c === BACKSLASH) {
      const e = b[j + 1];
      if (e === 0x75) {
        if (!(isHex(b[j + 2]) && isHex(b[j + 3]) && isHex(b[j + 4]) && isHex(b[j + 5]))) return -1;
        j += 6;
      } else if (e === QUOTE || e === BACKSLASH || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) j += 2;
      else return -1;
    } else if (c < 0x20)
      return -1; // the 0 after the body included
    else j++;
  }
}

/**
 * The number that starts at `i`: -1 when it is not a JSON number, else twice the index after it, plus 1 when
 * it is written as JavaScript writes its value, so `String(value)` gives the text back: no exponent, not
 * `-0`, no trailing zero after the point, at most 15 significant digits (a decimal of 15 digits or fewer
 * survives the round trip through a double) and no more than five zeros after `0.` (below 1e-6
 * JavaScript writes an exponent). Not canonical means only "not sure".
 */
function numberAt(b: Uint8Array, i: number): number {
  let j = i;
  if (b[j] === 0x2d) j++;
  const first = b[j];
  let digits = 0;
  let canonical = 1;
  if (first === 0x30) {
    j++;
    if (i !== j - 1) canonical = 0; // -0
  } else if (first >= 0x31 && first <= 0x39) {
    while (isDigit(b[++j]));
    digits = j - i - (b[i] === 0x2d ? 1 : 0);
  } else return -1;
  if (b[j] === 0x2e) {
    const point = j;
    if (!isDigit(b[++j])) return -1;
    while (isDigit(b[++j]));
    if (b[j - 1] === 0x30) canonical = 0;
    else if (first === 0x30) {
      let zeros = point + 1;
      while (b[zeros] === 0x30) zeros++;
      if (zeros - point - 1 > 5 || j - zeros > 15) canonical = 0;
      else canonical = 1; // -0.5 is written as JavaScript writes it
    } else if (digits + j - point - 1 > 15) canonical = 0;
  } else if (digits > 15) canonical = 0;
  if ((b[j] | 0x20) === 0x65) {
    j++;
    if (b[j] === 0x2b || b[j] === 0x2d) j++;
    if (!isDigit(b[j])) return -1;
    while (isDigit(b[++j]));
    canonical = 0;
  }
  return j * 2 + canonical;
}

const decoder = new TextDecoder();

/** The key whose quoted text is `b[i..j)`. */
const keyAt = (b: Uint8Array, i: number, j: number): string => JSON.parse(decoder.decode(b.subarray(i, j))) as string;

/** An object row's keys differ from the row before's: any key not seen before joins `list.keys`. */
function newKeys(b: Uint8Array, rowKeys: number[], count: number, rowStart: number, rowEnd: number, list: ScannedList, seen: Set<string>): void {
  const keys: string[] = [];
  for (let k = 0; k < count; k += 2) keys.push(keyAt(b, rowKeys[k], rowKeys[k + 1]));
  // JSON.parse keeps a repeated key once and puts array-index keys first: then its own order counts
  const ordered =
    keys.some((key) => isDigit(key.charCodeAt(0))) || new Set(keys).size < keys.length
      ? Object.keys(JSON.parse(decoder.decode(b.subarray(rowStart, rowEnd))) as object)
      : keys;
  for (const key of ordered) {
    if (seen.has(key)) continue;
    seen.add(key);
    list.keys.push(key);
  }
}

/**
 * The bytes around a flat object row's values (`{"rowId":`, `,"totalStaff":`, …, `}`), as read from the last row read
 * the general way. A row that repeats every one of them byte for byte, with a plain value between each two, names
 * the same keys in the same order, and is the same JSON around its values: only its values need reading.
 */
interface RowShape {
  /** How many values (0: no shape to repeat); there is one more segment than values. */
  values: number;
  /** Each segment's length, and where its words begin in `words`. */
  lengths: number[];
  at: number[];
  /**
   * Each segment's bytes as 32-bit words (little-endian): one for every four bytes but the last four, then one for its
   * last four (which may overlap the word before). A segment shorter than four bytes has its bytes, one per word.
   */
  words: Int32Array;
}

const newShape = (): RowShape => ({ values: 0, lengths: [], at: [], words: new Int32Array(64) });

/** Records the segment `b[from..from+length)` as segment `s` of `shape`, its words from `w`; the index after them. */
function putSegment(b: Uint8Array, view: DataView, shape: RowShape, s: number, from: number, length: number, w: number): number {
  if (w + (length >> 2) + 4 > shape.words.length) {
    const more = new Int32Array(shape.words.length * 2 + length);
    more.set(shape.words);
    shape.words = more;
  }
  const words = shape.words;
  shape.lengths[s] = length;
  shape.at[s] = w;
  if (length < 4) {
    for (let x = 0; x < length; x++) words[w++] = b[from + x];
    return w;
  }
  const stop = from + length - 4;
  for (let x = from; x < stop; x += 4) words[w++] = view.getInt32(x, true);
  words[w++] = view.getInt32(stop, true);
  return w;
}

/**
 * The segments around the values of the object row at `i` (already checked: JSON): where each begins and how long it
 * is, in `starts` and `lengths` (one more segment than values: the last is the closing brace, with any space before
 * it); how many values, or -1 when a value is a list or an object.
 */
function rowSegments(b: Uint8Array, i: number, starts: number[], lengths: number[]): number {
  let values = 0;
  let from = i;
  let j = i + 1;
  for (;;) {
    j = stringEnd(b, skipSpace(b, j));
    j = skipSpace(b, skipSpace(b, j) + 1); // past the colon
    starts[values] = from;
    lengths[values++] = j - from;
    const c = b[j];
    if (c === QUOTE) j = stringEnd(b, j);
    else if (c === 0x2d || isDigit(c)) j = numberAt(b, j) >> 1;
    else if (c === 0x74 || c === 0x6e) j += 4;
    else if (c === 0x66) j += 5;
    else return -1;
    from = j;
    j = skipSpace(b, j);
    if (b[j] === CLOSE_BRACE) {
      starts[values] = from;
      lengths[values] = j + 1 - from;
      return values;
    }
    j++; // the comma
  }
}

/** Records `shape` from the object row at `i` (already checked: JSON); false when a value is a list or an object. */
function readShape(b: Uint8Array, view: DataView, i: number, shape: RowShape): boolean {
  shape.values = 0;
  const starts: number[] = [];
  const values = rowSegments(b, i, starts, shape.lengths);
  if (values < 0) return false;
  let w = 0;
  for (let s = 0; s <= values; s++) w = putSegment(b, view, shape, s, starts[s], shape.lengths[s], w);
  shape.values = values;
  return true;
}

/** A flat object row's keys, and where each segment around its values begins and its length in bytes (see `rowSegments`). */
export interface RowLayout {
  keys: string[];
  starts: number[];
  lengths: number[];
}

/**
 * The layout of the object row at `i` of a block the scan found `oneShape` (so every row of the block has it, and
 * is JSON): rows of that block are read by their values only (worker/batch/json-source.ts).
 */
export function rowLayout(b: Uint8Array, i: number): RowLayout | undefined {
  const starts: number[] = [];
  const lengths: number[] = [];
  const values = rowSegments(b, i, starts, lengths);
  if (values < 0) return undefined;
  const keys: string[] = [];
  for (let s = 0; s < values; s++) {
    // past the brace or the comma, and any space around it
    const key = skipSpace(b, skipSpace(b, starts[s]) + 1);
    keys.push(keyAt(b, key, stringEnd(b, key)));
  }
  return { keys, starts, lengths };
}

/**
 * The object row at `i` when it has `shape` (the same bytes around its values) and plain values (strings, numbers,
 * true, false, null): twice the index after it, plus 1 when its numbers are canonical (as `numberAt`); else -1,
 * and the row is read the general way (which also finds any error in it).
 */
function rowOfShape(b: Uint8Array, view: DataView, i: number, n: number, shape: RowShape): number {
  const { lengths, at, words, values } = shape;
  let canonical = 1;
  let j = i;
  for (let s = 0; ; s++) {
    // the segment, word by word
    const length = lengths[s];
    let w = at[s];
    if (j + length > n) return -1;
    if (length >= 4) {
      const stop = j + length - 4;
      for (let x = j; x < stop; x += 4) if (view.getInt32(x, true) !== words[w++]) return -1;
      if (view.getInt32(stop, true) !== words[w]) return -1;
    } else for (let x = 0; x < length; x++) if (b[j + x] !== words[w + x]) return -1;
    j += length;
    if (s === values) return j * 2 + canonical;
    // a plain value
    const c = b[j];
    if (c === QUOTE) j = stringEnd(b, j);
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const number = numberAt(b, j);
      if (number < 0) return -1;
      canonical &= number;
      j = number >> 1;
    } else if (c === 0x74) j = b[j + 1] === 0x72 && b[j + 2] === 0x75 && b[j + 3] === 0x65 ? j + 4 : -1;
    else if (c === 0x66) j = b[j + 1] === 0x61 && b[j + 2] === 0x6c && b[j + 3] === 0x73 && b[j + 4] === 0x65 ? j + 5 : -1;
    else if (c === 0x6e) j = b[j + 1] === 0x75 && b[j + 2] === 0x6c && b[j + 3] === 0x6c ? j + 4 : -1;
    else return -1;
    if (j < 0) return -1;
  }
}

/**
 * Scans `b[0..n)` (`b[n]` must be 0: a sentinel no JSON token takes, so no read runs past the body);
 * undefined when it is not JSON. Containers nested deeper than `maxDepth` (the body itself is depth 1)
 * only make their block not `canonical`.
 */
export function scanJson(b: Uint8Array, n: number, maxDepth: number, listKey = 'rows'): JsonScan | undefined {
  if (b[n] !== 0) throw new RangeError('scanJson needs a 0 byte after the body');
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  // one bit per open container: 1 for an object
  let kinds = new Uint8Array(64);
  let depth = 0;
  let object = false;
  const members: ScannedMember[] = [];
  let memberKey = '';
  let memberStart = 0;
  let list: ScannedList | undefined;
  let seen = new Set<string>();
  // 2 while in the list (its elements are at depth 2), else -1; its object rows' keys are at depth `listDepth + 1`
  let listDepth = -1;
  let block: ListBlock | undefined;
  let elementStart = 0;
  // the current object row's keys as byte ranges (`keyCount` numbers), and the row before's; whether they have been the same so far
  let rowKeys: number[] = [];
  let lastRowKeys: number[] = [];
  let keyCount = 0;
  let lastKeyCount = 0;
  let sameKeys = true;
  let expectKey = false;
  // the bytes around the values of the last object row read the general way
  const shape = newShape();

  for (;;) {
    let c = b[i];
    if (c <= 0x20) c = b[(i = skipSpace(b, i))];
    let end: number;
    if (expectKey) {
      // a member's key, then its colon
      expectKey = false;
      if (c !== QUOTE) return undefined;
      if (depth === listDepth + 1) {
        const k = keyCount;
        // most rows name the keys of the row before, byte for byte: compared, not read again
        if (sameKeys && k < lastKeyCount) {
          const from = lastRowKeys[k];
          const length = lastRowKeys[k + 1] - from;
          end = i + length;
          let x = 0;
          // four bytes at a time, then the rest
          for (; x + 4 <= length && end <= n; x += 4) {
            if (view.getUint32(i + x, true) !== view.getUint32(from + x, true)) break;
          }
          for (; x < length; x++) {
            if (b[i + x] !== b[from + x]) {
              sameKeys = false;
              break;
            }
          }
        } else sameKeys = false;
        if (!sameKeys) end = stringEnd(b, i);
        rowKeys[keyCount++] = i;
        rowKeys[keyCount++] = end!;
      } else {
        end = stringEnd(b, i);
        if (depth === 1 && end > 0) memberKey = keyAt(b, i, end);
      }
      if (end! < 0) return undefined;
      i = end!;
      c = b[i];
      if (c !== COLON) {
        i = skipSpace(b, i);
        if (b[i] !== COLON) return undefined;
      }
      c = b[++i];
      if (c <= 0x20) c = b[(i = skipSpace(b, i))];
    }
    // a value starts at i
    let shaped = -1;
    if (depth === listDepth) {
      elementStart = i;
      list!.count++;
      block ??= { start: i, end: i, count: 0, canonical: true, flat: true, oneShape: true };
      block.count++;
      // most rows are the row before with other values: only the values are read, row after row, within the block
      if (c === OPEN_BRACE && shape.values > 0) {
        shaped = rowOfShape(b, view, i, n, shape);
        while (shaped >= 0) {
          const after = shaped >> 1;
          if ((shaped & 1) === 0) block.canonical = false;
          if (after - block.start >= LIST_BLOCK_BYTES) break;
          let next = b[after] === COMMA ? after : skipSpace(b, after);
          if (b[next] !== COMMA) break;
          next = b[next + 1] === OPEN_BRACE ? next + 1 : skipSpace(b, next + 1);
          if (b[next] !== OPEN_BRACE) break;
          const row = rowOfShape(b, view, next, n, shape);
          if (row < 0) break;
          block.end = after;
          list!.count++;
          block.count++;
          elementStart = next;
          shaped = row;
        }
      }
    } else if (depth === 1 && object) {
      memberStart = i;
      if (memberKey === listKey) {
        const isList = c === OPEN_BRACKET;
        list = isList ? { count: 0, blocks: [], keys: [] } : undefined;
        listDepth = isList ? 2 : -1;
        seen = new Set();
        lastKeyCount = 0;
        shape.values = 0;
      }
    }
    if (shaped >= 0) {
      end = shaped >> 1;
      if ((shaped & 1) === 0) block!.canonical = false;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const isObj = c === OPEN_BRACE;
      depth++;
      if (depth >> 3 >= kinds.length) {
        const more = new Uint8Array(kinds.length * 2);
        more.set(kinds);
        kinds = more;
      }
      if (isObj) kinds[depth >> 3] |= 1 << (depth & 7);
      else kinds[depth >> 3] &= ~(1 << (depth & 7));
      if (depth === 1) object = isObj;
      else if (block) {
        // a list element, or a value in an object element
        if (depth > listDepth + 1 || !isObj) block.flat = false;
        if (depth > maxDepth) block.canonical = false;
      }
      if (isObj && depth === listDepth + 1) {
        sameKeys = true;
        keyCount = 0;
      }
      c = b[++i];
      if (c <= 0x20) c = b[(i = skipSpace(b, i))];
      if (c !== (isObj ? CLOSE_BRACE : CLOSE_BRACKET)) {
        expectKey = isObj;
        continue;
      }
      depth--;
      end = i + 1;
    } else if (c === QUOTE) {
      end = stringEnd(b, i);
    } else if (c === 0x2d || isDigit(c)) {
      const number = numberAt(b, i);
      end = number >> 1;
      if ((number & 1) === 0 && block && listDepth > 0) block.canonical = false;
    } else if (c === 0x74) {
      end = b[i + 1] === 0x72 && b[i + 2] === 0x75 && b[i + 3] === 0x65 ? i + 4 : -1;
    } else if (c === 0x66) {
      end = b[i + 1] === 0x61 && b[i + 2] === 0x6c && b[i + 3] === 0x73 && b[i + 4] === 0x65 ? i + 5 : -1;
    } else if (c === 0x6e) {
      end = b[i + 1] === 0x75 && b[i + 2] === 0x6c && b[i + 3] === 0x6c ? i + 4 : -1;
    } else return undefined;
    if (end < 0) return undefined;
    // after a value: a comma and the next one, or the end of its container (and so of a value one level up)
    for (;;) {
      i = end;
      c = b[i];
      if (c <= 0x20) c = b[(i = skipSpace(b, i))];
      if (depth === listDepth) {
        if (shaped < 0 && b[elementStart] === OPEN_BRACE) {
          if (!(sameKeys && keyCount === lastKeyCount)) newKeys(b, rowKeys, keyCount, elementStart, end, list!, seen);
          const keys = lastRowKeys;
          lastRowKeys = rowKeys;
          rowKeys = keys;
          lastKeyCount = keyCount;
          if (keyCount === 0 || !readShape(b, view, elementStart, shape)) shape.values = 0;
          // a row read the general way starts the shape its block's rows have, or the block has more than one
          if (block!.count > 1 || shape.values === 0) block!.oneShape = false;
        } else if (shaped < 0) block!.oneShape = false;
        block!.end = end;
        if (end - block!.start >= LIST_BLOCK_BYTES) {
          list!.blocks.push(block!);
          block = undefined;
        }
      } else if (depth === 1 && object) {
        members.push({ key: memberKey, start: memberStart, end });
        listDepth = -1;
      } else if (depth === 0) {
        return i === n ? { object, members, ...(list ? { list } : {}) } : undefined;
      }
      const inObject = (kinds[depth >> 3] & (1 << (depth & 7))) !== 0;
      if (c === COMMA) {
        i++;
        expectKey = inObject;
        break;
      }
      if (c !== (inObject ? CLOSE_BRACE : CLOSE_BRACKET)) return undefined;
      if (depth === listDepth && block) {
        list!.blocks.push(block);
        block = undefined;
      }
      depth--;
      end = i + 1;
    }
  }
}
