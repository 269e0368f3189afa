// worker/body/json.ts reads the common body with JSON.parse and puts the number texts back; these are the cases where that could go wrong.
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../worker/body/json.ts';

describe('parseJson keeps every number as written', () => {
  it('in a batch body, row after row', () => {
    const body = `{"rows":[${Array.from({ length: 50 }, (_, i) => `{"rowId":"r${i}","totalStaff":${400 + i},"disabledCounted":${i}.50,"monthlyMinWage":1.98e3,"x":[-0,0.10]}`).join(',')}]}`;
    const rows = (parseJson(body) as { rows: Record<string, unknown>[] }).rows;
    expect(rows).toHaveLength(50);
    rows.forEach((row, i) =>
      expect(row).toEqual({ rowId: `r${i}`, totalStaff: String(400 + i), disabledCounted: `${i}.50`, monthlyMinWage: '1.98e3', x: ['-0', '0.10'] }),
    );
  });

  it('when JSON.parse puts array-index keys first', () => {
    expect(parseJson('{"b":2.50,"1":"a","0":1.0}')).toEqual({ b: '2.50', 1: 'a', 0: '1.0' });
    expect(parseJson('{"b":1.0,"0":1}')).toEqual({ b: '1.0', 0: '1' });
  });

  it('when a key is repeated (the last value counts, as in JSON.parse)', () => {
    expect(parseJson('{"a":"s","b":1,"a":1.0}')).toEqual({ a: '1.0', b: '1' });
    expect(parseJson('{"a":1.0,"b":2,"a":3.00}')).toEqual({ a: '3.00', b: '2' });
  });

  it('for numbers a binary float cannot hold', () => {
    expect(parseJson('{"a":12345678901234567890,"b":12345678901234567000,"c":1e-400}')).toEqual({
      a: '12345678901234567890',
      b: '12345678901234567000',
      c: '1e-400',
    });
    expect(parseJson('[0.1000000000000000055511151231257827,0.1]')).toEqual(['0.1000000000000000055511151231257827', '0.1']);
  });

  it('for a bare number, a "__proto__" key and empty containers', () => {
    expect(parseJson('1.50')).toBe('1.50');
    expect(parseJson(' true ')).toBe(true);
    const object = parseJson('{"__proto__":1.0,"a":{},"b":[]}') as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(object, '__proto__')?.value).toBe('1.0');
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    expect(object.a).toEqual({});
    expect(object.b).toEqual([]);
  });

  it('refuses what JSON refuses', () => {
    for (const bad of ['{"a":01}', '{"a":1.}', '[-]', '{"a":+1}', '[1 2]', '{"a":1e}', '{"a":-}', '[1,]'])
      expect(() => parseJson(bad), bad).toThrow(SyntaxError);
  });
});
