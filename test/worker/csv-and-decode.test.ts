// The CSV parser, writer, charset detection, header mapping and the answer's UTF-8 chunks, run inside workerd.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listRules, type RuleMetadata } from '../../rules/index.ts';
import { readHeader } from '../../rules/tables/index.ts';
import { countNonEmptyLines, linesAtMost } from '../../worker/csv/count.ts';
import { CsvParser } from '../../worker/csv/parse.ts';
import { csvCell, csvLine } from '../../worker/csv/write.ts';
import { Utf8Chunk } from '../../worker/batch/utf8-chunk.ts';
import { CsvSource } from '../../worker/batch/csv-source.ts';
import { createDecoder, encodingOfBody, encodingOfCharset, encodingOfWholeBody, invalidUtf8At, invalidUtf8Offset } from '../../worker/body/decode.ts';

function parseInPieces(text: string, cuts: number[]): string[][] {
  const parser = new CsvParser();
  const out: string[][] = [];
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < text.length)].sort((a, b) => a - b)) {
    out.push(...parser.push(text.slice(at, cut)).map((r) => r.cells));
    at = cut;
  }
  out.push(...parser.push(text.slice(at)).map((r) => r.cells));
  out.push(...parser.end().map((r) => r.cells));
  return out;
}

describe('whole-body UTF-8 checks', () => {
  it('find what the byte scan finds (invalidUtf8At, encodingOfBody), wherever the chunks are cut', () => {
    const bytes = fc.array(fc.oneof(fc.constantFrom(0x41, 0x0a, 0xef, 0xbb, 0xbf, 0xe5, 0x8c, 0x85, 0xc0, 0xed, 0xa0, 0xf4, 0x90, 0xff), fc.nat(255)), {
      maxLength: 24,
    });
    fc.assert(
      fc.property(bytes, fc.array(fc.nat(24)), (list, cuts) => {
        const all = new Uint8Array(list);
        const chunks: Uint8Array[] = [];
        let at = 0;
        for (const cut of [...cuts.filter((c) => c < all.length)].sort((a, b) => a - b)) (chunks.push(all.subarray(at, cut)), (at = cut));
        chunks.push(all.subarray(at));
        expect(invalidUtf8Offset(chunks)).toBe(invalidUtf8At(chunks));
        expect(encodingOfWholeBody(chunks)).toBe(encodingOfBody(chunks));
      }),
      { numRuns: 2_000, seed: 21 },
    );
  });
});

/** A body's bytes cut into chunks at the given offsets (those inside it), as a body arrives in pieces. */
function cutAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const cut of cuts.filter((c) => c < bytes.length).sort((a, b) => a - b)) (chunks.push(bytes.subarray(at, cut)), (at = cut));
  chunks.push(bytes.subarray(at));
  return chunks;
}

describe('CsvParser', () => {
  it('reads quotes, doubled quotes, embedded delimiters and line breaks, CRLF/LF/CR', () => {
    const text = 'a,b,c\r\n"x,1","say ""hi""","two\nlines"\n3,,\r4,5,6';
    expect(parseInPieces(text, [])).toEqual([
      ['a', 'b', 'c'],
      ['x,1', 'say "hi"', 'two\nlines'],
      ['3', '', ''],
      ['4', '5', '6'],
    ]);
  });

  it('gives the same records however the text is cut into pieces', () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"', ',', '\r\n', '\n', '""'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(200)), (grid, cuts) => {
        const text = grid.map((row) => row.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseInPieces(text, cuts)).toEqual(grid);
      }),
    );
  });

  it('reads lines without quotes (read in one pass) and lines with quotes alike, whatever the line ends and pieces', () => {
    const plain = fc.string({ maxLength: 5 }).map((t) => t.replace(/[",;\t\r\n]/g, 'x'));
    const quoted = fc.constantFrom('"', ',', '\r\n', '\n', '\r', 'a"b', '').map((t) => ({ quoted: t }));
    const row = fc.array(fc.oneof(plain, plain, quoted), { minLength: 1, maxLength: 4 });
    const end = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(fc.array(fc.tuple(row, end), { minLength: 1, maxLength: 8 }), fc.boolean(), fc.array(fc.nat(120)), (lines, ended, cuts) => {
        // a line of one empty cell is an empty line (not a record): quote it
        const rows = lines.map(([cells, e]) => [cells.length === 1 && cells[0] === '' ? { quoted: '' } : cells[0], ...cells.slice(1), e] as const);
        const text = rows
          .map((r, i) => {
            const cells = r.slice(0, -1) as (string | { quoted: string })[];
            const line = cells.map((c) => (typeof c === 'string' ? c : `"${c.quoted.replace(/"/g, '""')}"`)).join(',');
            return i < rows.length - 1 || ended ? `${line}${r[r.length - 1] as string}` : line;
          })
          .join('');
        const expected = rows.map((r) => (r.slice(0, -1) as (string | { quoted: string })[]).map((c) => (typeof c === 'string' ? c : c.quoted)));
        expect(parseInPieces(text, cuts)).toEqual(expected);
      }),
      { numRuns: 400, seed: 21 },
    );
  });

  it('takes tab or semicolon from the header when there is no comma', () => {
    expect(parseInPieces('a\tb\n1\t2\n', [])).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseInPieces('a;b\n1;2\n', [])).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('ignores a semicolon or tab inside a quoted header cell when choosing the delimiter', () => {
    expect(parseInPieces('";"\r\n"""",""""', [])).toEqual([[';'], ['"', '"']]);
    expect(parseInPieces('"a\tb",c\n1,2\n', [])).toEqual([
      ['a\tb', 'c'],
      ['1', '2'],
    ]);
  });

  it('reports an unclosed quote as one malformed record and keeps the lines after it', () => {
    const parser = new CsvParser();
    const records = [...parser.push('a,b\n1,"2\n3,4\n'), ...parser.end()];
    expect(records[0].cells).toEqual(['a', 'b']);
    expect(records[1].malformed).toBe('unclosed-quote');
    expect(records[2].cells).toEqual(['3', '4']);
  });

  it('cuts an over-long record instead of holding it', () => {
    const parser = new CsvParser({ maxRecordChars: 100 });
    const records = [...parser.push(`a\n"${'x'.repeat(150)}`), ...parser.push(`${'y'.repeat(150)}\nb\n`), ...parser.end()];
    expect(records.map((r) => r.malformed ?? r.cells.join('|'))).toEqual(['a', 'too-long', 'b']);
  });

  it('counts non-empty lines as an upper bound of records', () => {
    expect(countNonEmptyLines([new TextEncoder().encode('h\r\n1\r\n\r\n2')])).toBe(3);
    expect(countNonEmptyLines([new TextEncoder().encode('h\n1'), new TextEncoder().encode('\n2\n')])).toBe(3);
  });

  it('bounds the non-empty lines from above by line breaks (linesAtMost), exactly for a body of lines each ended once', () => {
    const encoder = new TextEncoder();
    expect(linesAtMost([encoder.encode('h\n1\n2\n')])).toBe(3);
    expect(linesAtMost([encoder.encode('h\r\n1\r\n2')])).toBe(3);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '\n', '\r', '\r\n', '包'), { maxLength: 30 }), fc.array(fc.nat(40)), (parts, cuts) => {
        const bytes = encoder.encode(parts.join(''));
        const chunks = cutAt(bytes, cuts);
        expect(linesAtMost(chunks)).toBeGreaterThanOrEqual(countNonEmptyLines(chunks));
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  it('linesAtMost counts every LF and every CR not followed by an LF in its chunk, whatever the chunks’ places in their buffers', () => {
    const reference = (chunks: Uint8Array[]) => {
      let breaks = 0;
      for (const chunk of chunks) for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10 || (chunk[i] === 13 && chunk[i + 1] !== 10)) breaks++;
      const last = chunks.findLast((c) => c.length > 0)?.at(-1) ?? 10;
      return last === 10 || last === 13 ? breaks : breaks + 1;
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(7), fc.array(fc.nat(300)), (noise, offset, cuts) => {
        // mostly CR, LF and text, some other bytes
        const body = new Uint8Array(offset + noise.length);
        noise.forEach((b, i) => (body[offset + i] = b < 64 ? 10 : b < 128 ? 13 : b < 224 ? 97 : b));
        const bytes = body.subarray(offset);
        const chunks = cutAt(bytes, cuts);
        expect(linesAtMost(chunks)).toBe(reference(chunks));
      }),
      { numRuns: 500, seed: 21 },
    );
  });
});

describe('csvCell', () => {
  it('neutralises formula starts and quotes what needs it', () => {
    expect(['=1+1', '+1', '-x', '@A1', '\tx', '\rx'].map(csvCell)).toEqual(['"\'=1+1"', '"\'+1"', '"\'-x"', '"\'@A1"', '"\'\tx"', '"\'\rx"']);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(undefined)).toBe('');
    expect(csvLine(['a', '=b'])).toBe(`a,"'=b"\r\n`);
  });

  it('neutralises full-width ＝＋－＠ and triggers after leading spaces, NBSP or U+3000 (issue 13, finding 5)', () => {
    for (const cell of ['＝1+1', '＋1', '－1', '＠SUM(A1)', ' =1+1', '  +1', '\u00a0=HYPERLINK("x")', '\u3000-1+1', '\u3000＠A1', ' \u00a0\u3000=1']) {
      const written = csvCell(cell);
      expect(written.replace(/^"/, ''), JSON.stringify(cell)).toMatch(/^'/);
    }
  });

  it('neutralises a trigger behind control, format and zero-width characters, and after a tab or semicolon', () => {
    const hidden = ['\u0000', '\u200b', '\u2060', '\u200c', '\u180e', '\u00ad', '\u202e', '\u001f', '\ufeff', '\u200b\u0000 '];
    const triggers = ['=', '+', '-', '@', '\ufe66', '\u207c', '\u2212', '\u208c', '\ufe62', '\ufe63', '\uff1d'];
    for (const h of hidden) for (const t of triggers) expect(csvCell(`${h}${t}1+1`), JSON.stringify(h + t)).toBe(`"'${h}${t}1+1"`);
    for (const cell of ['x\t=1+1', 'x;=1+1', "'\t=1+1", 'a;\u200b+1', 'x\t\u2212SUM(A1)']) expect(csvCell(cell), JSON.stringify(cell)).toBe(`"'${cell}"`);
    // a semicolon or tab without a trigger after it is only quoted
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a\tb')).toBe('"a\tb"');
  });

  it('keeps numbers numeric: a negative number or amount is not an injection', () => {
    expect(csvCell(-9900)).toBe('-9900');
    expect(csvCell('-9900.00')).toBe('-9900.00');
    expect(csvCell({ money: '-9900.00' })).toBe('-9900.00');
    expect(csvCell('-1')).toBe('-1');
  });
});

describe('decoding', () => {
  const zh = '包头市昆都仑区';
  const gbk = new Uint8Array([0xb0, 0xfc, 0xcd, 0xb7, 0xca, 0xd0, 0xc0, 0xa5, 0xb6, 0xbc, 0xc2, 0xd8, 0xc7, 0xf8]);

  it('workerd decodes GBK and GB18030 natively', () => {
    expect(new TextDecoder('gbk').decode(gbk)).toBe(zh);
    expect(new TextDecoder('gb18030').decode(gbk)).toBe(zh);
  });

  it('honours charset= and detects UTF-8, UTF-8 with BOM and GBK', () => {
    expect(encodingOfCharset('text/csv; charset=GBK')).toBe('gb18030');
    expect(encodingOfCharset('text/csv; charset="utf-8"')).toBe('utf-8');
    expect(encodingOfCharset('text/csv')).toBeUndefined();
    expect(encodingOfCharset('text/csv; charset=koi8-r')).toBeNull();
    const utf8 = new TextEncoder().encode(`a,b\n${zh}\n`);
    const cases: [Uint8Array, string][] = [
      [utf8, 'utf-8'],
      [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'utf-8'],
      [new Uint8Array([...new TextEncoder().encode('a,b\n'), ...gbk, 10]), 'gb18030'],
    ];
    for (const [bytes, encoding] of cases) {
      // Cut anywhere: a multi-byte character split across chunks still decodes.
      for (const cut of [1, 3, 5, 6, bytes.length - 2]) {
        const decoder = createDecoder();
        const text = decoder.decode(bytes.subarray(0, cut)) + decoder.decode(bytes.subarray(cut)) + decoder.end();
        expect(text).toBe(`a,b\n${zh}\n`);
        expect(decoder.encoding).toBe(encoding);
      }
    }
  });
});

describe('CsvSource', () => {
  // lines of every kind, past several 16 KB steps: CRLF and LF, quoted notes holding line breaks, Chinese text, long lines
  const lines = Array.from({ length: 4_000 }, (_, i) =>
    i % 7 === 3
      ? `${i},"包头
第${i}行, ""引号""",${'x'.repeat(i % 50)}\r\n`
      : i % 11 === 5
        ? `${i},${'长'.repeat(3_000)},b\n`
        : `${i},昆都仑区,2024-06-30${i % 2 ? '\r\n' : '\n'}`,
  );
  const text = `rowId,district,date\n${lines.join('')}`;
  const expected = (() => {
    const parser = new CsvParser();
    return [...parser.push(text), ...parser.end()].map((r) => r.cells);
  })();
  const utf16le = (t: string) => {
    const bytes = new Uint8Array(2 + t.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < t.length; i++) ((bytes[2 + 2 * i] = t.charCodeAt(i) & 0xff), (bytes[3 + 2 * i] = t.charCodeAt(i) >> 8));
    return bytes;
  };
  const bodies: [string, Uint8Array][] = [
    ['UTF-8', new TextEncoder().encode(text)],
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
    ['UTF-16LE (a step may end inside a character)', utf16le(text)],
  ];
  for (const [name, bytes] of bodies) {
    it(`hands out the records the parser reads from the whole text: ${name}, whatever the chunks`, () => {
      for (const size of [bytes.length, 65_536, 20_001, 4_097]) {
        const chunks: Uint8Array[] = [];
        for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.slice(at, at + size));
        const source = new CsvSource(chunks, createDecoder());
        const read: string[][] = [];
        for (let record = source.read(); record; record = source.read()) read.push(record.cells);
        expect(read).toEqual(expected);
      }
    });
  }

  it('reads GB18030 (whose two-byte characters never hold the byte of a line break) across steps', () => {
    const gbkLine = [0xb0, 0xfc, 0xcd, 0xb7, 0x2c, 0x31, 0x0d, 0x0a]; // 包头,1\r\n
    const bytes = new Uint8Array(Array.from({ length: 6_000 }, () => gbkLine).flat());
    const source = new CsvSource([bytes.subarray(0, 30_001), bytes.subarray(30_001)], createDecoder('gb18030'));
    let records = 0;
    for (let record = source.read(); record; record = source.read()) {
      expect(record.cells).toEqual(['包头', '1']);
      records++;
    }
    expect(records).toBe(6_000);
  });
});

describe('readHeader (rules/tables)', () => {
  const meta = listRules().find((m) => m.id === 'overquota-reward')!;

  it('maps names, zh and en labels, rowId and claimed', () => {
    const zhLabels = meta.inputs.slice(0, 2).map((i) => i.label.zh);
    const mapped = readHeader(['行号', ...zhLabels, meta.inputs[2].label.en.toUpperCase(), 'claimed'], meta);
    expect(mapped.ok && mapped.columns.map((c) => ('name' in c ? c.name : c.kind))).toEqual([
      'rowId',
      meta.inputs[0].name,
      meta.inputs[1].name,
      meta.inputs[2].name,
      'claimed',
    ]);
  });

  it('refuses repeated columns and records inputs, naming them', () => {
    const repeated = readHeader([meta.inputs[0].name, meta.inputs[0].label.zh], meta);
    expect(repeated.ok || repeated.error).toMatchObject({ code: 'unknown-column', field: meta.inputs[0].name });
    expect(repeated.ok || repeated.error.message.zh).toContain(meta.inputs[0].label.zh);
    expect(repeated.ok || repeated.error.message.zh).toContain(meta.inputs[0].name);
    const withRecords: RuleMetadata = {
      ...meta,
      inputs: [
        ...meta.inputs,
        { name: 'people', type: 'records', required: true, label: { zh: '人员', en: 'People' }, description: { zh: '', en: '' }, fields: [] },
      ],
    };
    const missing = readHeader([meta.inputs[0].name], withRecords);
    expect(missing.ok || missing.error).toMatchObject({ code: 'records-not-in-csv', field: 'people' });
    const asColumn = readHeader(['people'], withRecords);
    expect(asColumn.ok || asColumn.error).toMatchObject({ code: 'records-not-in-csv', field: 'people' });
  });

  it('every rule with a records input refuses CSV with a clear 422 reason', () => {
    for (const rule of listRules().filter((m) => m.inputs.some((i) => i.type === 'records' && i.required))) {
      const mapped = readHeader(
        rule.inputs.filter((i) => i.type !== 'records').map((i) => i.name),
        rule,
      );
      expect(mapped.ok).toBe(false);
    }
  });
});

describe('Utf8Chunk', () => {
  it('gives the bytes TextEncoder gives for the whole text, growing past its first size', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 60 }), fc.integer({ min: 1, max: 64 }), (pieces, size) => {
        const encoder = new TextEncoder();
        const chunk = new Utf8Chunk(encoder, size);
        for (const piece of pieces) chunk.write(piece);
        expect(chunk.bytes()).toEqual(encoder.encode(pieces.join('')));
      }),
    );
    // JSON arrays written as their items: the bytes of the items joined by commas, after what came before
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.integer()), { minLength: 1, maxLength: 5 }), { maxLength: 6 }),
        (lists) => {
          const encoder = new TextEncoder();
          const chunk = new Utf8Chunk(encoder, 8);
          chunk.write('"rows":[');
          lists.forEach((list, i) => chunk.writeJsonItems(JSON.stringify(list), i === 0));
          expect(chunk.bytes()).toEqual(encoder.encode(`"rows":[${lists.map((l) => JSON.stringify(l).slice(1, -1)).join(',')}`));
        },
      ),
      { numRuns: 200, seed: 21 },
    );
    const chunk = new Utf8Chunk(new TextEncoder(), 4);
    chunk.write('未给出所涉日期');
    chunk.write(' – ok');
    expect(new TextDecoder().decode(chunk.bytes())).toBe('未给出所涉日期 – ok');
  });
});
