import { afterEach, describe, expect, it } from 'vitest';
import { evaluate, isoToExcelSerial, listRules, type InputSpec } from '../../rules/index.ts';
import { registerFunctions } from '../../addin/functions/register.ts';
import { argumentsToInputs, cellToInput, matrixToRecords, outputToCell } from '../../addin/functions/cells.ts';
import { setLanguage } from '../../addin/functions/language.ts';
import { customFunctionsStub, StubCustomFunctionsError } from '../support/office-stub.ts';

const cf = customFunctionsStub();
const ids = registerFunctions(cf);
const fn = (id: string) => cf.functions.get(id)!;

afterEach(() => setLanguage(undefined));

const caught = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    return error as StubCustomFunctionsError;
  }
  throw new Error('expected a CustomFunctions.Error');
};

describe('custom functions through a CustomFunctions stub', () => {
  it('associates one function per rule and EXPLAIN', () => {
    expect(ids).toEqual([...listRules().map((r) => r.functionName), 'EXPLAIN']);
    expect([...cf.functions.keys()]).toEqual(ids);
  });

  it('computes OVERQUOTA_REWARD as a number (RULES.md example: 29700)', () => {
    expect(fn('OVERQUOTA_REWARD')(400, 9, 1980, null, null, null, null)).toBe(29700);
  });

  it('takes dates as Excel serials and empty optional cells as absent', () => {
    // 昆区 on 2024-06-30: the 1980 table; monthlyMinWage left empty ("" as an empty referenced cell)
    const serial = isoToExcelSerial('2024-06-30');
    expect(fn('OVERQUOTA_REWARD')(400, 9, '', '昆区', null, serial, null)).toBe(29700);
    expect(fn('OVERQUOTA_REWARD')(400, 9, '', '昆区', null, '2024-06-30', false)).toBe(29700);
  });

  it("#VALUE! with the rule's own message for bad input, in Chinese by default and English when chosen", () => {
    const zhError = caught(() => fn('OVERQUOTA_REWARD')(0, 9, 1980));
    expect(zhError.code).toBe('#VALUE!');
    const expected = evaluate('overquota-reward', { totalStaff: 0, disabledCounted: 9, monthlyMinWage: 1980 });
    expect(expected.ok).toBe(false);
    if (!expected.ok) expect(zhError.message).toBe(expected.error.message.zh);
    setLanguage('en');
    const enError = caught(() => fn('OVERQUOTA_REWARD')(0, 9, 1980));
    if (!expected.ok) expect(enError.message).toBe(expected.error.message.en);
  });

  it("#N/A where the text gives no answer: 稀土高新区's tobacco distance", () => {
    const error = caught(() => fn('TOBACCO_MIN_DISTANCE')('稀土高新区', false));
    expect(error.code).toBe('#N/A');
    expect(error.message).toContain('稀土高新区');
    expect(fn('TOBACCO_MIN_DISTANCE')('昆区', true)).toBe(30);
  });

  it('a date output comes back as a formatted number that displays as a date', () => {
    const spec = { name: 'd', type: 'date', label: { zh: '', en: '' } } as const;
    expect(outputToCell('2024-11-30', spec, 'zh')).toEqual({ type: 'FormattedNumber', basicValue: 45626, numberFormat: 'yyyy-mm-dd' });
  });

  it('EXPLAIN spills value, clause, text, steps and interpretations as rows of two', () => {
    const rows = fn('EXPLAIN')('OVERQUOTA_REWARD', [[[400]], [[9]], [[1980]]]);
    expect(rows.every((r: unknown[]) => r.length === 2)).toBe(true);
    const labels = rows.map((r: unknown[]) => r[0]);
    expect(rows.find((r: unknown[]) => r[0] === '结果')[1]).toBe(29700);
    expect(rows.find((r: unknown[]) => r[0] === '条款')[1]).toMatch(/^m3\.2/);
    expect(labels).toContain('条款原文');
    expect(labels.some((l: string) => l.startsWith('步骤'))).toBe(true);
    expect(labels).toContain('解释 overquota-whole-persons');
    const failed = fn('EXPLAIN')('overquota-reward', [[[400]]]);
    expect(failed.map((r: unknown[]) => r[0])).toContain('错误');
    expect(failed.find((r: unknown[]) => r[0] === '结论')?.[1]).toBe('无法计算'); // the row vocabulary (rules/core/row-words.ts)
    expect(caught(() => fn('EXPLAIN')('NO_SUCH_RULE', [])).code).toBe('#VALUE!');
  });
});

describe('EXPLAIN and cell errors in plain words (issue 11)', () => {
  it('a case that fails a condition: 结论 不符合条件 and the condition in words, before the 0', () => {
    const rows: [string, unknown][] = fn('EXPLAIN')('OVERQUOTA_REWARD', [[[400]], [[9]], [[1980]], [['']], [['财政拨款单位']], [['2024-06-30']]]);
    const labels = rows.map((r) => r[0]);
    expect(rows.find((r) => r[0] === '结论')?.[1]).toBe('不符合条件');
    expect(rows.find((r) => r[0] === '不符合的条件')?.[1]).toMatch(/^财政拨款的单位不享受超比例奖励（包府办发〔2023〕43号 m3.2：/);
    expect(labels.indexOf('结论')).toBeLessThan(labels.indexOf('结果'));
    expect(JSON.stringify(rows)).not.toContain('excluded-unit-kind');
  });

  it('no date and the answer changes on 2024-12-01: the figure on each side', () => {
    const rows: [string, unknown][] = fn('EXPLAIN')('OVERQUOTA_REWARD', [[[400]], [[9]], [['']], [['昆都仑区']]]);
    expect(rows.find((r) => r[0] === '结果取决于所涉日期')).toBeDefined();
    expect(rows.find((r) => r[0] === '2024-12-01 之前')?.[1]).toBe(29700);
    expect(rows.find((r) => r[0] === '自 2024-12-01 起')?.[1]).toBe(34050);
  });

  it("a cell refused outside the validity names the function's argument, not the API field", () => {
    const error = caught(() => fn('OVERQUOTA_REWARD')(400, 9, 1980, null, null, isoToExcelSerial('2025-06-30')));
    expect(error.message).toContain('请将函数参数“有效期外仍适用”设为 TRUE');
    expect(error.message).not.toContain('applyOutsideValidity');
  });
});

describe('cell conversions', () => {
  const date: InputSpec = { name: 'date', type: 'date', label: { zh: '', en: '' }, description: { zh: '', en: '' } };
  const S = isoToExcelSerial('2024-07-01');
  it('serials → ISO dates, date-times → their day, impossible serials left for the rule to refuse', () => {
    expect(cellToInput(S, date)).toBe('2024-07-01');
    expect(cellToInput(S + 0.75, date)).toBe('2024-07-01');
    expect(cellToInput(12, date)).toBe(12);
    expect(cellToInput({ type: 'FormattedNumber', basicValue: S, numberFormat: 'yyyy-mm-dd' }, date)).toBe('2024-07-01');
    expect(cellToInput([[S]], date)).toBe('2024-07-01');
    expect(cellToInput('', date)).toBeUndefined();
    expect(cellToInput(null, date)).toBeUndefined();
  });

  it('ranges → lists and records (header row of names or Chinese labels)', () => {
    const list: InputSpec = { name: 'l', type: 'integer-list', label: { zh: '', en: '' }, description: { zh: '', en: '' } };
    expect(cellToInput([[12], [''], [14]], list)).toEqual([12, 14]);
    const fields: InputSpec[] = [{ name: 'personId', type: 'text', label: { zh: '身份证号', en: 'Person' }, description: { zh: '', en: '' } }, date];
    expect(
      matrixToRecords(
        [
          ['身份证号', 'date'],
          ['A', S],
          ['', ''],
          ['B', ''],
        ],
        fields,
      ),
    ).toEqual([{ personId: 'A', date: '2024-07-01' }, { personId: 'B' }]);
  });

  it('positional arguments map to inputs in inputsOf order', () => {
    const meta = listRules().find((r) => r.id === 'overquota-reward')!;
    expect(argumentsToInputs([400, '9.5', null, '昆区'], meta.inputs)).toEqual({ totalStaff: 400, disabledCounted: '9.5', district: '昆区' });
  });
});
