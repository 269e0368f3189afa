import { describe, expect, it } from 'vitest';
import { listRules } from '../../rules/index.ts';
import { functionsMetadata, type FunctionsFile } from '../../addin/metadata/generate.ts';
import { validateMetadata } from '../../addin/metadata/validate.ts';
import { toolingProblems } from '../../addin/metadata/tooling-check.ts';

const rules = listRules();
const en = functionsMetadata('en');
const zh = functionsMetadata('zh');

describe('generated functions metadata', () => {
  it('has one function per rule, id = the rule id in upper snake case, plus EXPLAIN, in both languages', () => {
    for (const file of [en, zh]) {
      expect(file.functions.map((f) => f.id)).toEqual([...rules.map((r) => r.id.toUpperCase().replace(/-/g, '_')), 'EXPLAIN']);
    }
  });

  it('lists every input as a parameter in inputsOf order, with en and zh descriptions', () => {
    for (const meta of rules) {
      const e = en.functions.find((f) => f.id === meta.functionName)!;
      const z = zh.functions.find((f) => f.id === meta.functionName)!;
      expect(e.parameters.map((p) => p.name)).toEqual(meta.inputs.map((i) => i.name));
      expect(z.parameters.map((p) => p.name)).toEqual(meta.inputs.map((i) => i.label.zh));
      meta.inputs.forEach((input, i) => {
        expect(e.parameters[i].description.length).toBeGreaterThan(0);
        expect(z.parameters[i].description).toMatch(/\p{Script=Han}/u);
        expect(e.parameters[i].description).toContain(input.description.en.slice(0, 40));
        // a required input stays required unless an optional one precedes it
        if (input.required && meta.inputs.slice(0, i).every((x) => x.required)) expect(e.parameters[i].optional).toBeUndefined();
        if (!input.required) expect(e.parameters[i].optional).toBe(true);
      });
      expect(z.description).toMatch(/\p{Script=Han}/u);
    }
  });

  it("says each parameter's unit once in Chinese: no doubled brackets such as （元）（元/月）", () => {
    for (const fn of zh.functions) for (const p of fn.parameters) expect(p.description, `${fn.name} ${p.name}`).not.toMatch(/）\s*（/);
    const rent = zh.functions.find((f) => f.id === 'RENT_SUBSIDY')!;
    expect(rent.parameters.find((p) => p.name === '实际月租金')?.description).toBe('实际支付的场地月租金（元/月）');
  });

  it('gives Chinese function names where Excel allows them', () => {
    const chinese = zh.functions.filter((f) => /\p{Script=Han}/u.test(f.name));
    expect(chinese.length).toBeGreaterThanOrEqual(rules.length - 2);
  });

  it("passes our validator and Microsoft's own parser (custom-functions-metadata) agrees with every id, name and type", () => {
    for (const file of [en, zh]) {
      expect(validateMetadata(file)).toEqual([]);
      expect(toolingProblems(file)).toEqual([]);
    }
  });

  it('the checks catch what the tooling forbids', () => {
    const broken: FunctionsFile = structuredClone(en);
    broken.functions[0].id = 'BAD-ID';
    broken.functions[1].name = broken.functions[2].name;
    broken.functions[2].parameters[0].type = 'date' as never;
    broken.functions[3].parameters.push({ name: 'late', description: 'required after optional', type: 'number' });
    const ours = validateMetadata(broken).join('\n');
    expect(ours).toMatch(/BAD-ID: id must start/);
    expect(ours).toMatch(/duplicate name/);
    expect(ours).toMatch(/type "date"/);
    expect(ours).toMatch(/required parameter follows an optional one/);
    const theirs = toolingProblems(broken).join('\n');
    expect(theirs).toMatch(/invalid characters/);
    expect(theirs).toMatch(/duplicate name/);
  });
});
