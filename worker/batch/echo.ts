/**
 * Caps on the text an answer echoes back, so an answer's size follows what was sent, not what it
 * inflates into (one long shared string of a workbook, referenced by every row): each echoed text cell is
 * cut at `cellChars` with a visible marker, and once an answer has echoed `answerChars` characters, every
 * further text cell is the marker alone. Defaults below; the vars ECHO_CELL_MAX_CHARS and
 * ECHO_ANSWER_CHARS_PER_BODY_BYTE change them.
 */
import type { Lang } from '../../rules/tables/index.ts';
import type { Env } from '../env.ts';

export const DEFAULT_ECHO_CELL_CHARS = 2_000;
/** An answer echoes at most this many characters per byte of the body, and never less than ECHO_ANSWER_MIN_CHARS. */
export const DEFAULT_ECHO_CHARS_PER_BODY_BYTE = 8;
export const ECHO_ANSWER_MIN_CHARS = 1_000_000;

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n > 0 ? n : fallback;
};

export const echoLimitsOf = (env: Env | undefined, bodyBytes: number) => ({
  cellChars: positive(env?.ECHO_CELL_MAX_CHARS, DEFAULT_ECHO_CELL_CHARS),
  answerChars: Math.max(ECHO_ANSWER_MIN_CHARS, bodyBytes * positive(env?.ECHO_ANSWER_CHARS_PER_BODY_BYTE, DEFAULT_ECHO_CHARS_PER_BODY_BYTE)),
});

/** The marker that ends a cut cell (the original length, in characters). */
export const cutMarker = (length: number, lang: Lang) => (lang === 'zh' ? `…［已截断，原文 ${length} 字］` : `…[cut: ${length} characters]`);

export class EchoBudget {
  /** Characters echoed so far. */
  used = 0;

  private readonly limits: { cellChars: number; answerChars: number };
  private readonly lang: Lang;

  constructor(limits: { cellChars: number; answerChars: number }, lang: Lang) {
    this.limits = limits;
    this.lang = lang;
  }

  /** The cells to echo for one row: long texts cut, and none past the answer's budget. */
  cap(cells: readonly unknown[]): readonly unknown[] {
    let out: unknown[] | undefined;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (typeof cell !== 'string') continue;
      const room = Math.min(this.limits.cellChars, this.limits.answerChars - this.used);
      if (cell.length <= room) {
        this.used += cell.length;
        continue;
      }
      let kept = Math.max(0, room);
      if (kept > 0 && /[\ud800-\udbff]/.test(cell[kept - 1])) kept--; // never half a surrogate pair
      this.used += kept;
      out ??= cells.slice();
      out[i] = cell.slice(0, kept) + cutMarker(cell.length, this.lang);
    }
    return out ?? cells;
  }
}
