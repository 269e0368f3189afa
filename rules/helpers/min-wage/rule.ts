/**
 * Rule `min-wage` (helper for m3.2): the monthly minimum wage of a Baotou district on a date,
 * from the autonomous region's dated tables. 稀土高新区 is in no class: error (interpretation `hi-tech-zone-wage`).
 */
import type { Context } from '../../core/context.ts';
import { KeptFigures } from '../../core/kept-figures.ts';
import type { ParameterSet } from '../../parameters/index.ts';
import { Dec, decimalOf, money } from '../../core/decimal.ts';
import { fail } from '../../core/errors.ts';
import { units } from '../../core/labels.ts';
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import type { District } from '../../parameters/districts.ts';
import { minimumWage, wageClassDistricts, wageClassNames, type WageClass } from '../../parameters/inner-mongolia.ts';

const wageClasses = Object.keys(wageClassDistricts).map(Number) as WageClass[];

/** The class the tables in force on `date` put `district` in, if any. */
function wageClassOf(district: District, date: string, ctx: Context): WageClass | undefined {
  for (const c of wageClasses) if (ctx.entryOn(wageClassDistricts[c], date)?.value?.includes(district.id)) return c;
  return undefined;
}

export interface WageLookup {
  monthlyMinWage: Dec;
  wageClass: WageClass;
  source: string;
  effectiveFrom: string;
}

/** The table in force on `date` for `district`, explained as a step; an error where no table answers. */
export function minimumWageOn(district: District, date: string, ctx: Context, field = 'district'): WageLookup {
  const wageClass = wageClassOf(district, date, ctx);
  // a class on the date is a table listing it; only without one are the other tables searched
  const listedByAnyTable = wageClass !== undefined || wageClasses.some((c) => ctx.historyOf(wageClassDistricts[c]).some((h) => h.value?.includes(district.id)));
  if (!listedByAnyTable) {
    ctx.rely('hi-tech-zone-wage');
    fail(
      'no-wage-table',
      `${district.zh}不在自治区最低工资标准的任何类区中，请直接填写月最低工资标准`,
      `${district.en} is in no class of the regional minimum-wage tables; pass monthlyMinWage instead`,
      field,
    );
  }
  const table = wageClass === undefined ? undefined : ctx.entryOn(minimumWage[wageClass], date);
  if (wageClass === undefined || !table || table.value === null) {
    const first = ctx.historyOf(minimumWage[1])[0].from;
    fail('no-wage-table', `${date} 早于已收录的最低工资标准（自 ${first} 起）`, `${date} is before the first minimum-wage table held (from ${first})`, 'date');
  }
  const monthlyMinWage = decimalOf(table as { value: string });
  ctx.step(() => [
    `${district.zh}属${wageClassNames[wageClass]}区；${date} 执行 ${table.source.document}（${table.from} 起）：月最低工资 ${money(monthlyMinWage)} 元`,
    `${district.en} is class ${wageClass}; on ${date} ${table.source.document} (from ${table.from}) applies: monthly minimum wage ${money(monthlyMinWage)} yuan`,
  ]);
  return { monthlyMinWage, wageClass, source: table.source.document, effectiveFrom: table.from };
}

/** The wage a reward multiplies: the one the caller gives, else the district's on the claim date. */
export function resolveMonthlyMinWage(input: { monthlyMinWage?: Dec; district?: District }, ctx: Context): Dec {
  const given = givenMonthlyMinWage(input, ctx);
  if (given !== undefined) {
    const warnDate = ctx.dateForWarning;
    if (input.district && warnDate) {
      const table = tryLookup(input.district, warnDate, ctx);
      if (table && !table.eq(given)) {
        ctx.warn(
          `填报的月最低工资 ${money(given)} 与 ${input.district.zh} ${warnDate} 的标准 ${money(table)} 不同；按填报值计算`,
          `The given monthly minimum wage ${money(given)} differs from ${input.district.en}'s ${money(table)} on ${warnDate}; the given value was used`,
        );
      }
    }
    return given;
  }
  if (input.district === undefined) {
    ctx.missing('monthlyMinWage', '请填写月最低工资标准，或填写旗县区与所涉日期', 'Give monthlyMinWage, or district and date');
  }
  if (ctx.date === undefined) {
    ctx.missing('date', '按旗县区查最低工资标准时须填写所涉日期', 'date is needed to look up the minimum wage of a district');
  }
  ctx.rely('min-wage-date');
  return minimumWageOn(input.district, ctx.date, ctx).monthlyMinWage;
}

/**
 * For an answer that needs no wage (an excluded unit, a failed condition, nobody above the quota): the wage
 * the caller gave, reported as given, else nothing. Never a refusal for a wage the answer does not use.
 */
export function givenMonthlyMinWage(input: { monthlyMinWage?: Dec }, ctx: Context): Dec | undefined {
  const given = input.monthlyMinWage;
  if (given !== undefined && ctx.explain) ctx.step(`月最低工资标准（填报）：${money(given)} 元`, `Monthly minimum wage (given): ${money(given)} yuan`);
  return given;
}

/** The wage of the table in force for `district` on `date`, if one answers; read from the parameter set, no step, no refusal. */
function lookUp(district: District, date: string, ctx: Context): Dec | null {
  const wageClass = wageClassOf(district, date, ctx);
  const table = wageClass ? ctx.entryOn(minimumWage[wageClass], date) : undefined;
  return table && table.value !== null ? decimalOf(table as { value: string | number }) : null;
}

/**
 * lookUp's answers kept per parameter set (sets are immutable), district and date: a batch's rows that give their
 * wage name few districts and dates, and each row checks the wage it gives against the table's (a warning).
 */
const keptWages = new KeptFigures<ParameterSet, District, string, Dec | null>();

function tryLookup(district: District, date: string, ctx: Context): Dec | undefined {
  const kept = keptWages.find(ctx.parameters, district, date);
  const wage = kept !== undefined ? kept : keptWages.keep(ctx.parameters, district, date, lookUp(district, date, ctx));
  return wage ?? undefined;
}

export const minWage = defineRule({
  id: 'min-wage',
  clause: clauses['m3.2'],
  kind: 'helper',
  title: text('当地月最低工资标准', 'Local monthly minimum wage'),
  description: text(
    '旗县区在某日执行的自治区月最低工资标准（一类、二类、三类区）',
    `The regional monthly minimum wage in force in a district on a date (classes ${Object.keys(wageClassNames).join(', ')})`,
  ),
  sources: minimumWage[1].history.map((t) => `${t.source.document}（${t.from} 起）`),
  inputs: [
    {
      name: 'district',
      type: 'district',
      required: true,
      label: text('旗县区', 'District'),
      description: text('包头市旗县区（全称、简称或英文名）', 'Baotou district (full, short or English name)'),
      example: '昆都仑区',
    },
    {
      name: 'date',
      type: 'date',
      required: true,
      label: text('日期', 'Date'),
      description: text('要查询的日期 YYYY-MM-DD', 'The date to look up, YYYY-MM-DD'),
      example: '2024-06-30',
    },
  ],
  outputs: [
    { name: 'monthlyMinWage', type: 'money', label: text('月最低工资标准', 'Monthly minimum wage'), unit: units.yuanPerMonth },
    { name: 'class', type: 'integer', label: text('类区', 'Wage class') },
    { name: 'source', type: 'text', label: text('依据', 'Source') },
    { name: 'effectiveFrom', type: 'date', label: text('执行日期', 'In force from') },
  ],
  primary: 'monthlyMinWage',
  compute(input, ctx) {
    const found = minimumWageOn(input.district, input.date, ctx);
    return { monthlyMinWage: found.monthlyMinWage, class: found.wageClass, source: found.source, effectiveFrom: found.effectiveFrom };
  },
});
