import { readFileSync, readdirSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { evaluate, listInterpretations, listRules, rules } from '../../rules/index.ts';
import { catalogueText, policyText } from '../support/spec.ts';

const root = new URL('../../', import.meta.url);
const catalogue = catalogueText;

/** Rule ids as RULES.md lists them: the first backticked id of each table row. */
const catalogueIds = [...catalogue.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
/** Interpretation ids: rows of the interpretations table. */
const catalogueInterpretations = [...catalogue.split('## Interpretations')[1].matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
const catalogueRuleIds = catalogueIds.filter((id) => !catalogueInterpretations.includes(id));

describe('the registry', () => {
  it('has every rule of RULES.md, and only those', () => {
    expect(catalogueRuleIds).toHaveLength(listRules().length);
    expect(new Set(catalogueRuleIds).size, 'each rule once in RULES.md').toBe(catalogueRuleIds.length);
    expect(
      listRules()
        .map((r) => r.id)
        .sort(),
    ).toEqual([...catalogueRuleIds].sort());
  });

  it('keeps RULES.md order', () => {
    expect(listRules().map((r) => r.id)).toEqual(catalogueRuleIds);
  });

  it('gives every rule, input and output zh and en text', () => {
    for (const rule of listRules()) {
      for (const t of [rule.title, rule.description, rule.clause.heading]) {
        expect(t.zh, rule.id).toMatch(/\p{Script=Han}/u);
        expect(t.en, rule.id).toMatch(/[A-Za-z]/);
      }
      for (const input of rule.inputs) {
        expect(input.label.zh && input.label.en && input.description.zh && input.description.en, `${rule.id}.${input.name}`).toBeTruthy();
        for (const choice of input.choices ?? []) expect(choice.label.zh && choice.label.en, `${rule.id}.${input.name}`).toBeTruthy();
      }
      for (const output of rule.outputs) expect(output.label.zh && output.label.en, `${rule.id}.${output.name}`).toBeTruthy();
      expect(
        rule.outputs.some((o) => o.name === rule.primary),
        rule.id,
      ).toBe(true);
    }
  });

  it('reports eligibility once, in the answer itself (eligible, failedConditions): no rule declares it again as an output', () => {
    const answerLevel = ['eligible', 'failedConditions'];
    for (const rule of listRules())
      expect(
        rule.outputs.map((o) => o.name).filter((name) => answerLevel.includes(name)),
        rule.id,
      ).toEqual([]);
    const answer = evaluate('graduate-hire-subsidy', { persons: 1, contractMonths: 11, socialInsurance: true, date: '2024-06-30' });
    expect(answer.ok && [answer.eligible, answer.failedConditions.map((c) => c.code), Object.keys(answer.result)]).toEqual([
      false,
      ['contract-too-short'],
      ['amount'],
    ]);
  });

  it('ends every rule’s inputs with date and applyOutsideValidity', () => {
    for (const rule of listRules()) {
      const names = rule.inputs.map((i) => i.name);
      expect(names, rule.id).toContain('date');
      expect(names.at(-1), rule.id).toBe('applyOutsideValidity');
      expect(new Set(names).size, rule.id).toBe(names.length);
    }
  });

  it('cites, for every rule, a clause whose text is in the policy file', () => {
    for (const rule of listRules()) {
      expect(policyText.includes(rule.clause.text), `${rule.id} → ${rule.clause.id}`).toBe(true);
    }
  });

  it('lists every interpretation of RULES.md, each with zh and en readings', () => {
    const ids = listInterpretations().map((i) => i.id);
    for (const id of catalogueInterpretations) expect(ids).toContain(id);
    for (const i of listInterpretations()) expect(i.reading.zh && i.reading.en && i.alternative.zh && i.alternative.en, i.id).toBeTruthy();
  });

  it('refuses an unknown rule without throwing', () => {
    const r = evaluate('no-such-rule', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('unknown-rule');
  });
});

describe('parameters as data', () => {
  /** Rule code with comments, strings and `example:` values removed: what is left is logic. */
  const logicOf = (source: string) =>
    source
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/[^\n]*/g, '')
      .replace(/`(?:[^`\\]|\\.)*`/g, '``')
      .replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
      .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
      .replace(/example: [^,}\n]+/g, '');
  /** Numbers that are arithmetic, not policy: nothing, one, 4 decimals of a displayed ratio, months in a year. */
  const allowed = new Set(['0', '1', '4', '12']);

  /** The code of every rule folder (rules/clauses/<id>/, rules/helpers/<id>/), its table of cases left out. */
  const ruleCode = ['rules/clauses/', 'rules/helpers/'].flatMap((dir) =>
    (readdirSync(new URL(dir, root), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('cases.ts')).map((f) => `${dir}${f}`),
  );

  it('writes no policy number in rule code (rules/clauses, rules/helpers)', () => {
    expect(ruleCode.length).toBeGreaterThan(rules.length);
    for (const file of ruleCode) {
      const logic = logicOf(readFileSync(new URL(file, root), 'utf8'));
      const numbers = [...logic.matchAll(/(?<![\w.])\d+(?:\.\d+)?(?!\w)/g)].map((m) => m[0]).filter((n) => !allowed.has(n));
      expect(numbers, file).toEqual([]);
    }
  });

  /**
   * The prose of a module, read with the TypeScript parser: the text of its string and template literals
   * (template expressions left out, so `${num(p)}` reads a parameter), without imports and `example:`
   * values, and its comments. A prose string has a letter or a Han character and is not an identifier
   * (`m3.2`, `female-55`); quoted examples ("14,12,7"), identifiers inside prose (personsStable12Months),
   * standard numbers (GB 11643) and document numbers (财税〔2015〕72号) are not prose.
   */
  const literalsAndComments = (text: string): { literals: string[]; comments: string[] } => {
    const source = ts.createSourceFile('rule.ts', text, ts.ScriptTarget.Latest, true);
    const literals: string[] = [];
    const comments = new Map<number, string>();
    const visit = (node: ts.Node): void => {
      for (const r of [...(ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []), ...(ts.getTrailingCommentRanges(text, node.getEnd()) ?? [])]) {
        comments.set(r.pos, text.slice(r.pos, r.end));
      }
      if (ts.isImportDeclaration(node) || (ts.isPropertyAssignment(node) && node.name.getText(source) === 'example')) return;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.push(node.text);
      else if (ts.isTemplateExpression(node)) literals.push(node.head.text + node.templateSpans.map((span) => span.literal.text).join(''));
      ts.forEachChild(node, visit);
    };
    visit(source);
    return { literals, comments: [...comments.values()] };
  };
  const notNumbers = (t: string) =>
    t
      .replace(/"[^"]*"/g, '')
      .replace(/\b[A-Za-z]+\d+[A-Za-z]\w*/g, '')
      .replace(/GB \d+(-\d+)?/g, '')
      .replace(/〔\d+〕\d+号|\d{4}年第\d+号/g, '');
  const proseOf = (text: string): string[] =>
    literalsAndComments(text)
      // not prose: no letters, a single code word, or a regular expression's source (`\d{1,2}`, `(?:`)
      .literals.filter((t) => /[A-Za-z\p{Script=Han}]/u.test(t) && !/^[A-Za-z][\w.-]*$/.test(t) && !/\\[dswbDSWB]|\(\?[:=!<]/.test(t))
      .map(notNumbers);
  /** A rule module's comments, code spans (`rule-id`, `m3.2`) and clause ids left out. */
  const commentsOf = (text: string): string[] =>
    literalsAndComments(text).comments.map((c) => notNumbers(c.replace(/`[^`]*`/g, '')).replace(/\b[A-Za-z]+\d+(\.\d+)*\b/g, ''));
  /** Numbers prose may write: none, one (a count: "the first is 1"), and the cent money is rounded to (RULES.md). */
  const proseAllowed = new Set(['0', '1', '0.01']);
  const numbersInProse = (source: string) =>
    // A character escape (`\u3000`, `\x20`) names a character, not a number.
    proseOf(source).flatMap((t) =>
      [...t.replace(/\\u\{?[0-9A-Fa-f]+\}?|\\x[0-9A-Fa-f]{2}/g, '').matchAll(/\d+(?:\.\d+)?/g)]
        .map((m) => `${m[0]} in “${t.slice(0, 60)}”`)
        .filter((n) => !proseAllowed.has(n.split(' ')[0])),
    );

  it('finds a number written in prose (the check can fail)', () => {
    expect(numbersInProse("const r = {\n  title: text('至少5天', `at least ${n} days, 40 hours`),\n  id: 'm3.2',\n  example: '7 days',\n};")).toEqual([
      '5 in “至少5天”',
      '40 in “at least  days, 40 hours”',
    ]);
  });

  /** Numbers a rule module's comments may write: as its code may (arithmetic, not policy), and the cent. */
  const commentAllowed = new Set([...allowed, '0.01']);
  const numbersInComments = (text: string) =>
    commentsOf(text).flatMap((c) =>
      [...c.matchAll(/\d+(?:[.,]\d+)*/g)]
        .map((m) => m[0])
        .filter((n) => !commentAllowed.has(n))
        .map((n) => `${n} in “${c.trim().slice(0, 80)}”`),
    );

  it('finds a number written in a comment (the check can fail)', () => {
    expect(numbersInComments('/** Rule `x`, clause m3.2: 5 × the wage, 财税〔2015〕72号. */\nconst a = 1; // over 1.5 %')).toEqual([
      '5 in “/** Rule , clause : 5 × the wage, 财税. */”',
      '1.5 in “// over 1.5 %”',
    ]);
  });

  it('writes no policy number in a rule module’s comments (a successor plan would leave them wrong)', () => {
    for (const file of ruleCode) expect(numbersInComments(readFileSync(new URL(file, root), 'utf8')), file).toEqual([]);
  });

  it('writes no policy number in a prose string anywhere in rules/ (texts read the parameter; only rules/parameters, rules/plans and the quoted interpretations hold numbers)', () => {
    const files = (readdirSync(new URL('rules/', root), { recursive: true }) as string[]).filter(
      // tables/: cell forms (`2024年6月30日`, `￥29,700.00`), no policy numbers; cases.ts: a rule's table of cases, examples by nature
      (f) => f.endsWith('.ts') && !/^(parameters|plans|tables)\//.test(f) && f !== 'interpretations.ts' && !f.endsWith('/cases.ts'),
    );
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) expect(numbersInProse(readFileSync(new URL(`rules/${file}`, root), 'utf8')), file).toEqual([]);
  });

  it('names its rule id and clause id in each rule module’s header', () => {
    for (const rule of rules) {
      const file = readFileSync(new URL(`rules/${rule.kind === 'helper' ? 'helpers' : 'clauses'}/${rule.id}/rule.ts`, root), 'utf8');
      const header = file.slice(0, file.indexOf('*/'));
      expect(header, rule.id).toContain(`\`${rule.id}\``);
      expect(header, rule.id).toMatch(rule.kind === 'helper' ? /helper/ : new RegExp(`clause ${rule.clause.id.replace('.', '\\.')}`));
    }
  });
});
