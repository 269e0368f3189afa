/**
 * The compact shared-string table (rules/tables/shared-strings.ts): every string written to
 * sharedStrings.xml in any of the ways a spreadsheet program may write it (entities, numeric
 * references, `_xHHHH_` escapes, several runs, CDATA, phonetic runs, empty) reads back as itself,
 * whichever encoding the table chose and however the XML's bytes arrive in pieces; the cap on one
 * cell's text refuses as it always did.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSharedStrings, type SharedStrings } from '../../rules/tables/shared-strings.ts';
import { workbookLimits, type WorkbookLimits } from '../../rules/tables/workbook-limits.ts';
import { XmlScanner } from '../../rules/tables/xml-scan.ts';
import { Refused } from '../../rules/tables/zip-entries.ts';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** One character of a string and how the XML writes it. */
interface Unit {
  ch: string;
  as: 'literal' | 'hex' | 'dec' | 'escape' | 'named';
}

const NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const hex4 = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

// no 'x' (and no ']'): a literal "_x0041_" would be read as an escape, as OOXML says, and "]]>" ends a CDATA section
const CHARS = ['a', 'Z', '0', '9', ' ', '_', '&', '<', '>', '"', "'", '中', '文', '包', '头', 'é', '€', '\uFEFF', '𠀀', '😀', '\r', '\n', '\uD800', '\uDFFF'];

const unit: fc.Arbitrary<Unit> = fc
  .record({ ch: fc.constantFrom(...CHARS), as: fc.constantFrom<Unit['as']>('literal', 'literal', 'literal', 'hex', 'dec', 'escape', 'named') })
  .map(({ ch, as }) => {
    const lone = ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff;
    if (as === 'named' && !(ch in NAMED)) return { ch, as: 'hex' as const };
    if (as === 'literal' && (lone || ch === '&' || ch === '<')) return { ch, as: 'dec' as const };
    if (as === 'escape' && ch.length > 1) return { ch, as: 'hex' as const };
    return { ch, as };
  });

const written = (u: Unit): string => {
  const code = u.ch.codePointAt(0)!;
  switch (u.as) {
    case 'literal':
      return u.ch;
    case 'hex':
      return `&#x${code.toString(16)};`;
    case 'dec':
      return `&#${code};`;
    case 'escape':
      return `_x${hex4(code)}_`;
    case 'named':
      return NAMED[u.ch];
  }
};

/** A run's text: a literal BOM first in a run is read as a byte-order mark (dropped), as the reader always has; it is written as a reference there. */
function runXml(units: Unit[], cdata: boolean): string {
  const canBeCdata = cdata && units.every((u) => u.as === 'literal') && units[0]?.ch !== '\uFEFF';
  if (canBeCdata) return `<![CDATA[${units.map((u) => u.ch).join('')}]]>`;
  return units.map((u, i) => (i === 0 && u.ch === '\uFEFF' && u.as === 'literal' ? '&#xFEFF;' : written(u))).join('');
}

interface Written {
  text: string;
  xml: string;
}

/** A string and its `<si>`: one plain `<t>`, or rich runs (with run properties, phonetic runs between them, CDATA). */
const sharedString: fc.Arbitrary<Written> = fc
  .record({
    units: fc.array(unit, { maxLength: 40 }),
    cuts: fc.array(fc.nat(40), { maxLength: 3 }),
    rich: fc.boolean(),
    cdata: fc.boolean(),
    phonetic: fc.boolean(),
    empty: fc.constantFrom('<si/>', '<si></si>', '<si><t/></si>', '<si><t></t></si>'),
  })
  .map(({ units, cuts, rich, cdata, phonetic, empty }) => {
    const text = units.map((u) => u.ch).join('');
    if (units.length === 0) return { text, xml: empty };
    if (!rich) return { text, xml: `<si><t>${runXml(units, cdata)}</t></si>` };
    const at = [...new Set([0, ...cuts.map((c) => c % units.length), units.length])].sort((a, b) => a - b);
    const runs: string[] = [];
    for (let k = 0; k + 1 < at.length; k++) {
      const part = units.slice(at[k], at[k + 1]);
      runs.push(`<r>${k % 2 ? '<rPr><b/></rPr>' : ''}<t xml:space="preserve">${runXml(part, cdata && k % 2 === 0)}</t></r>`);
      if (phonetic) runs.push('<rPh sb="0" eb="1"><t>ふりがな</t></rPh>');
    }
    return { text, xml: `<si>${runs.join('')}</si>` };
  });

const encoder = new TextEncoder();

/** The table read from the XML's bytes, handed to the scanner in pieces of the given sizes (cycled). */
function table(xml: string, pieces: number[], limits: WorkbookLimits = workbookLimits()): SharedStrings {
  const bytes = encoder.encode(xml);
  let at = 0;
  let k = 0;
  const pull = () => {
    if (at >= bytes.length) return undefined;
    const size = pieces[k++ % pieces.length];
    const piece = bytes.slice(at, at + size);
    at += size;
    return piece;
  };
  const oversize = () => new Refused({ ok: false, status: 413, error: { code: 'unreadable-table', message: { zh: '过长', en: 'too long' } } });
  return readSharedStrings(new XmlScanner(pull, Math.max(1 << 20, limits.maxCellText * 10), oversize), limits);
}

const sst = (items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;

function readsBack(strings: Written[], pieces: number[]): void {
  const read = table(sst(strings.map((s) => s.xml)), pieces);
  expect(read.count).toBe(strings.length);
  strings.forEach((s, i) => expect(read.at(i)).toBe(s.text));
  // again, last first: a string read before reads the same
  for (let i = strings.length - 1; i >= 0; i--) expect(read.at(i)).toBe(strings[i].text);
  expect(read.has(strings.length)).toBe(false);
  expect(read.at(strings.length)).toBeUndefined();
  expect(read.at(-1)).toBeUndefined();
}

describe('the shared-string table', () => {
  it('reads every string back as itself, however it was written and however the bytes arrive', () => {
    fc.assert(fc.property(fc.array(sharedString, { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 5 }), readsBack), {
      numRuns: 200,
    });
  });

  it('holds thousands of strings across its chunks', () => {
    const strings = fc.sample(sharedString, { numRuns: 6_000, seed: 20_261_202 });
    // long ones too: Chinese text (kept as UTF-16) and ASCII (kept as UTF-8) past the first chunks
    for (let i = 0; i < 400; i++) {
      const text = i % 2 ? `包头市第${i}号示范科技股份有限公司`.repeat(20) : `row ${i}: checked `.repeat(40);
      strings.push({ text, xml: `<si><t>${text}</t></si>` });
    }
    readsBack(strings, [16 * 1024]);
  });

  it('reads bytes that are not valid UTF-8, and a byte-order mark first, as the decoder reads them', () => {
    const runs = [
      [0xef, 0xbb, 0xbf, ...encoder.encode('包头')],
      [0xef, 0xbb, 0xbf, ...encoder.encode('ascii')],
      [...encoder.encode('包'), 0x80, ...encoder.encode('头')],
      [...encoder.encode('包头'), 0xe4, 0xb8],
      [0xc0, 0x80, ...encoder.encode('包头市')],
      [0xed, 0xa0, 0x80, ...encoder.encode('包头市')],
      [0xf5, 0x80, 0x80, 0x80, ...encoder.encode('包头市')],
      [0xf0, 0x9f, 0x98, 0x80, 0xf0, 0x9f, ...encoder.encode('包头市')],
      [...encoder.encode('包头'), 0xff, 0xfe],
    ].map((run) => new Uint8Array(run));
    const head = encoder.encode(`<sst ${NS}>`);
    const parts = runs.flatMap((run) => [encoder.encode('<si><t>'), run, encoder.encode('</t></si>')]);
    const xml = new Uint8Array([...head, ...parts.flatMap((p) => [...p]), ...encoder.encode('</sst>')]);
    let given = false;
    const pull = () => (given ? undefined : ((given = true), xml));
    const read = readSharedStrings(new XmlScanner(pull, 1 << 20, () => new Error('too long') as Refused), workbookLimits());
    const decoder = new TextDecoder();
    runs.forEach((run, i) => expect(read.at(i)).toBe(decoder.decode(run)));
  });

  it('refuses one cell’s text past the cap with its length, in one run or several', () => {
    const refusal = (xml: string, limits?: WorkbookLimits) => {
      try {
        table(sst([xml]), [4096], limits);
      } catch (error) {
        if (error instanceof Refused) return error.result;
        throw error;
      }
      throw new Error('read, not refused');
    };
    const cap = workbookLimits().maxCellText;
    expect(refusal(`<si><t>${'字'.repeat(40_000)}</t></si>`).error).toEqual({
      code: 'unreadable-table',
      field: 'maxCellText',
      message: {
        zh: `工作簿过大：一个单元格的文字长度为 40000 个字符，超过上限 ${cap} 个字符`,
        en: `The workbook is too large: text in one cell: 40000 characters, over the cap of ${cap} characters`,
      },
    });
    const half = 'a'.repeat(20_000);
    expect(refusal(`<si><r><t>${half}</t></r><r><t>${half}</t></r></si>`).error.message.en).toBe(
      `The workbook is too large: text in one cell: 40000 characters, over the cap of ${cap} characters`,
    );
    const small = workbookLimits({ maxCellText: 10 });
    expect(refusal('<si><t>&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;</t></si>', small).error.message.en).toContain('11 characters, over the cap of 10');
    // at the cap is read (ten characters of thirty bytes), one past it is not
    const ten = '包头市残疾人联合会的';
    expect(table(sst([`<si><t>${ten}</t></si>`]), [7], small).at(0)).toBe(ten);
    expect(refusal(`<si><t>${ten}人</t></si>`, small).error.message.en).toContain('11 characters, over the cap of 10');
  });
});
