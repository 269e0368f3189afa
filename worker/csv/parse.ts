/**
 * A streaming CSV parser (RFC 4180 as Excel writes it): text goes in by pieces, complete records
 * come out. Quoted fields may hold delimiters, quotes ("") and line breaks; CRLF, LF and CR all end
 * a record; empty lines are not records. The delimiter is taken from the header line (comma, else
 * tab or semicolon). A record longer than `maxRecordChars` (e.g. an unclosed quote) is cut at the
 * next line break and reported as malformed, so one bad record never swallows the rest.
 */

export interface CsvRecord {
  cells: string[];
  /** Set when the record could not be read as CSV (its cells are then unreliable). */
  malformed?: 'unclosed-quote' | 'too-long';
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

export class CsvParser {
  private buffer = '';
  private delimiter: number | undefined;
  private skipping: CsvRecord['malformed'];
  private readonly maxRecordChars: number;

  constructor(options: { maxRecordChars?: number; delimiter?: string } = {}) {
    this.maxRecordChars = options.maxRecordChars ?? 1_000_000;
    if (options.delimiter) this.delimiter = options.delimiter.charCodeAt(0);
  }

  /** Adds text; returns the records it completed. */
  push(text: string): CsvRecord[] {
    this.buffer = this.buffer.length ? this.buffer + text : text;
    return this.drain(false);
  }

  /** Ends the input; returns the last record, if any. */
  end(): CsvRecord[] {
    return this.drain(true);
  }

  private chooseDelimiter(): boolean {
    if (this.delimiter !== undefined) return true;
    const lineEnd = this.buffer.search(/[\r\n]/);
    if (lineEnd < 0 && this.buffer.length < this.maxRecordChars) return false;
    const header = lineEnd < 0 ? this.buffer : this.buffer.slice(0, lineEnd);
    // Only what stands outside quotes can be a delimiter: a header cell may itself hold ';' or a tab.
    const bare = header.replace(/"(?:[^"]|"")*"?/g, '');
    this.delimiter = bare.includes(',') ? 44 : bare.includes('\t') ? 9 : bare.includes(';') ? 59 : 44;
    return true;
  }

  private drain(final: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.skipping) {
      const lb = this.buffer.search(/[\r\n]/);
      if (lb < 0 && !final) {
        this.buffer = '';
        return out;
      }
      out.push({ cells: [], malformed: this.skipping });
      this.skipping = undefined;
      this.buffer = lb < 0 ? '' : this.buffer.slice(lb + 1);
    }
    if (!this.chooseDelimiter() && !final) return out;
    this.delimiter ??= 44;
    const text = this.buffer;
    const n = text.length;
    const d = this.delimiter;
    const max = this.maxRecordChars;
    let pos = 0;
    while (pos < n) {
      // A line without quotes, read in one pass: its cells between delimiters, up to its line break.
      const cells: string[] = [];
      let from = pos;
      let i = pos;
      let c = -1;
      for (; i < n; i++) {
        c = text.charCodeAt(i);
        if (c === d) {
          cells.push(text.slice(from, i));
          from = i + 1;
        } else if (c === LF || c === CR || c === QUOTE) break;
      }
      if (i > pos && i - pos <= max && c !== QUOTE) {
        if (i < n) {
          // CR at the end of the text: is an LF next? wait for more
          if (c === CR && i + 1 >= n && !final) break;
          cells.push(text.slice(from, i));
          out.push({ cells });
          pos = c === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
          continue;
        }
        if (final) {
          cells.push(text.slice(from, n));
          out.push({ cells });
          pos = n;
          continue;
        }
      }
      const parsed = this.record(text, pos, final);
      if (parsed === undefined || this.skipping) {
        if (this.skipping) pos = text.length;
        break;
      }
      pos = parsed.next;
      if (parsed.record) out.push(parsed.record);
    }
    this.buffer = text.slice(pos);
    return out;
  }

  /** Parses one record at `start`; undefined when it is not complete yet. */
  private record(text: string, start: number, final: boolean): { record?: CsvRecord; next: number } | undefined {
    const n = text.length;
    if (start >= n) return undefined;
    const d = this.delimiter!;
    // Empty line: skip it.
    const c0 = text.charCodeAt(start);
    if (c0 === LF) return { next: start + 1 };
    if (c0 === CR) {
      if (start + 1 >= n && !final) return undefined;
      return { next: text.charCodeAt(start + 1) === LF ? start + 2 : start + 1 };
    }
    const cells: string[] = [];
    let i = start;
    for (;;) {
      if (i - start > this.maxRecordChars) return this.cut(text, start, 'too-long', final);
      if (i < n && text.charCodeAt(i) === QUOTE) {
        // Quoted field.
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0 || q - start > this.maxRecordChars) {
            if (!final && q < 0 && n - start <= this.maxRecordChars) return undefined;
            return this.cut(text, start, q < 0 && final ? 'unclosed-quote' : 'too-long', final);
          }
          if (q + 1 >= n && !final) return undefined; // is it "" or the closing quote? wait for more
          value += text.slice(from, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        // Anything between the closing quote and the delimiter is kept, as Excel does.
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === d || c === LF || c === CR) break;
          j++;
        }
        if (j >= n && !final) return undefined;
        value += text.slice(i, j);
        cells.push(value);
        i = j;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === d || c === LF || c === CR) break;
          j++;
        }
        if (j >= n && !final) {
          if (j - start > this.maxRecordChars) return this.cut(text, start, 'too-long', final);
          return undefined;
        }
        cells.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) return { record: { cells }, next: n };
      const c = text.charCodeAt(i);
      if (c === d) {
        i++;
        if (i >= n && final) {
          cells.push('');
          return { record: { cells }, next: n };
        }
        continue;
      }
      // Line break ends the record.
      if (c === CR) {
        if (i + 1 >= n && !final) return undefined;
        return { record: { cells }, next: text.charCodeAt(i + 1) === LF ? i + 2 : i + 1 };
      }
      return { record: { cells }, next: i + 1 };
    }
  }

  /**
   * A malformed record (an unclosed quote, or too long): reported once, and reading resumes at the
   * first line break after its start, so the lines after it are still rows of their own.
   */
  private cut(text: string, start: number, why: 'unclosed-quote' | 'too-long', final: boolean): { record?: CsvRecord; next: number } | undefined {
    const lb = text.slice(start, start + this.maxRecordChars + 1).search(/[\r\n]/);
    if (lb >= 0) return { record: { cells: [], malformed: why }, next: start + lb + 1 };
    if (final) return { record: { cells: [], malformed: why }, next: text.length };
    // One giant line: drop it as it comes, report it when its line break (or the end) arrives.
    this.skipping = why;
    return { next: text.length };
  }
}
