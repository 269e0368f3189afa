/** What levy-due's table of cases cannot say: the words of its inputs, and the clause and reading it cites, as data. */
import { describe, expect, it } from 'vitest';
import { listInterpretations, listRules } from '../../rules/index.ts';

const rule = 'levy-due';

describe('levy-due (helper for m2-levy)', () => {
  it('relies on the clause of the levy (残疾人就业保障金), and its reading of the year cites 财税〔2015〕72号', () => {
    const meta = listRules().find((m) => m.id === rule)!;
    expect(meta.clause.id).toBe('m2');
    expect(meta.clause.text).toContain('残疾人就业保障金');
    const reading = listInterpretations().find((i) => i.id === 'levy-year');
    expect(reading?.basis?.zh).toContain('财税〔2015〕72号');
  });

  it('labels year as the data year collected the next year, and date as the collection date', () => {
    const meta = listRules().find((m) => m.id === rule)!;
    const year = meta.inputs.find((i) => i.name === 'year')!;
    expect(year.label.zh).toBe('所属年度'); // the levy documents' own term, and the header clerks' tables use
    expect(year.label.en).toBe('Data year (所属年度; levy collected the next year)');
    expect(year.description.zh).toContain('数据年度，不是征收年度');
    expect(year.description.zh).toContain('在次年征收');
    expect(year.description.zh).toContain('按征收日期适用');
    const date = meta.inputs.find((i) => i.name === 'date')!;
    expect(date.label).toEqual({ zh: '征收日期', en: 'Collection date' });
  });
});
