/**
 * Rule `disabled-headcount` (helper for clause m3.2): how many disabled employees count toward the quota
 * under Inner Mongolia's levy measures. A 残疾人证 holder of a severe grade, or of category 智力 / 精神 at any grade,
 * or a 残疾军人证 holder of a grade up to the measures' limit, counts double, others once. A person counts only when on
 * the establishment or under a labour contract of the measures' length or more, paid at least the local minimum wage, with social
 * insurance paid; part of a year counts as months / 12, not rounded (interpretation `partial-year`).
 * The sum of weight × months is kept as an integer and divided by 12 once. Certificate numbers are never echoed.
 */
import { Dec, plain } from '../../core/decimal.ts';
import { fail } from '../../core/errors.ts';
import { units } from '../../core/labels.ts';
import { defineRule } from '../../core/rule.ts';
import { formatOutputs } from '../../core/format.ts';
import type { InputSpec, InputsOf, OutputSpec } from '../../core/schema.ts';
import { text, type Text } from '../../core/text.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import { headcount, quota } from '../../parameters/inner-mongolia.ts';
import { certificate, veteranCertificate } from '../../parameters/national.ts';
import { documentsOf, latestValue, type ReadingsOf } from '../../parameters/types.ts';
import { categoryName, gradeName, parseCertificate } from '../cert-info/rule.ts';
import { pctEn } from '../../parameters/words.ts';

/** One record of the list, typed from its specs (`recordFields`). */
type Row = InputsOf<typeof recordFields>;

export interface RowOutcome {
  index: number;
  weight: number;
  counted: boolean;
  contribution: string;
  reasons: Text[];
}

const categoryIds = Object.keys(certificate.categories).map(Number);
/** For the input specs and the description, which have no claim date; `compute` reads them through `ctx.at`. */
const MONTHS = latestValue(headcount.monthsPerYear);
const DOUBLE = latestValue(headcount.doubleWeight);

/** The counting numbers as read for one claim. */
type Counting = ReadingsOf<typeof headcount>;

const contributionSpec: OutputSpec = { name: 'contribution', type: 'decimal', label: text('折算人数', 'Counted') };

/** An exact decimal as a 'decimal' output prints it (the one formatter of the package). */
const decimalText = (d: Dec) => formatOutputs({ contribution: d }, [contributionSpec]).contribution as string;

/** A quotient for a clerk: "= q" when it has at most 4 decimals (any n/12 that terminates does), else "≈ q" to 4 decimals. */
const shown = (numerator: number, denominator: number) => {
  const q = new Dec(numerator).div(denominator);
  return q.decimalPlaces() <= 4 ? `= ${plain(q)}` : `≈ ${q.toFixed(4)}`;
};

/** The weight of one person and why: double for a severe grade, category 智力/精神, or a severe veteran grade; else single. */
function weightOf(category: number | undefined, grade: number | undefined, veteranGrade: number | undefined, h: Counting): { weight: number; reasons: Text[] } {
  const reasons: Text[] = [];
  const DOUBLE = h.doubleWeight.value;
  const SINGLE = h.singleWeight.value;
  let weight: number = SINGLE;
  if (category !== undefined && grade !== undefined) {
    const name = categoryName(category)!;
    const g = gradeName(grade);
    const severe = h.severeGrades.value.includes(grade);
    const doubleCategory = h.doubleWeightCategoriesAtAnyGrade.value.includes(category);
    const w = severe || doubleCategory ? DOUBLE : SINGLE;
    weight = Math.max(weight, w);
    reasons.push(text(`残疾人证：${name.zh}${g.zh}，按${w}名计算`, `Certificate: ${name.en}, ${g.en}: counts as ${w}`));
  }
  if (veteranGrade !== undefined) {
    const w = veteranGrade <= h.veteranDoubleWeightMaxGrade.value ? DOUBLE : SINGLE;
    weight = Math.max(weight, w);
    reasons.push(text(`残疾军人证：${veteranGrade}级，按${w}名计算`, `Veteran's certificate: grade ${veteranGrade}: counts as ${w}`));
  }
  return { weight, reasons };
}

/** Category and grade of a row: from the certificate number when given (checked against any category/grade given too). */
function categoryAndGrade(row: Row, i: number): { category?: number; grade?: number } {
  const at = (name: string) => `rows[${i}].${name}`;
  let { category, grade } = row;
  if (row.certNumber !== undefined) {
    const info = parseCertificate(row.certNumber);
    if (!info.valid) {
      fail(
        'invalid-certificate',
        `第 ${i + 1} 条记录的残疾人证号无效：${info.problems.map((p) => p.message.zh).join('；')}`,
        `The certificate number of rows[${i}] is not valid: ${info.problems.map((p) => p.message.en).join('; ')}`,
        at('certNumber'),
      );
    }
    for (const [name, given, read, nameZh] of [
      ['category', category, info.category, '残疾类别'],
      ['grade', grade, info.grade, '残疾等级'],
    ] as const) {
      if (given !== undefined && given !== read) {
        fail(
          'inconsistent-input',
          `第 ${i + 1} 条记录填写的${nameZh}为 ${given}，与残疾人证号中的 ${read} 不一致`,
          `rows[${i}].${name} is ${given} but the certificate number says ${read}`,
          at(name),
        );
      }
    }
    category = info.category;
    grade = info.grade;
  }
  if (category !== undefined && grade === undefined) {
    fail('missing-input', `第 ${i + 1} 条记录填写了残疾类别，缺少残疾等级`, `rows[${i}] gives a category but no grade`, at('grade'));
  }
  if (grade !== undefined && category === undefined) {
    fail('missing-input', `第 ${i + 1} 条记录填写了残疾等级，缺少残疾类别`, `rows[${i}] gives a grade but no category`, at('category'));
  }
  if (category === undefined && row.veteranGrade === undefined) {
    fail(
      'missing-input',
      `第 ${i + 1} 条记录须填写残疾人证号，或残疾类别与残疾等级，或残疾军人等级`,
      `rows[${i}] needs certNumber, or category and grade, or veteranGrade`,
      at('certNumber'),
    );
  }
  return { category, grade };
}

/** Whether a row counts toward the quota, with the reason for each condition it fails. */
function countsOf(row: Row, i: number, h: Counting): { counted: boolean; reasons: Text[] } {
  const reasons: Text[] = [];
  const minContract = h.minContractMonths.value;
  if (!row.onEstablishment) {
    if (row.contractMonths === undefined) {
      fail(
        'missing-input',
        `第 ${i + 1} 条记录不在编制内，须填写劳动合同期限（月）`,
        `rows[${i}] is not on the establishment: contractMonths (labour-contract months) is needed`,
        `rows[${i}].contractMonths`,
      );
    }
    if (row.contractMonths < minContract) {
      reasons.push(
        text(
          `劳动合同 ${row.contractMonths} 个月，不足1年（${minContract}个月）`,
          `labour contract of ${row.contractMonths} months, less than one year (${minContract} months)`,
        ),
      );
    }
  }
  if (!row.paidAtLeastMinWage) reasons.push(text('工资低于当地最低工资标准', 'paid less than the local minimum wage'));
  if (!row.socialInsurance) reasons.push(text('未缴纳社会保险', 'social insurance not paid'));
  return { counted: reasons.length === 0, reasons };
}

const categoryList = (lang: 'zh' | 'en') =>
  Object.entries(certificate.categories)
    .map(([id, name]) => `${id} ${name[lang]}`)
    .join(lang === 'zh' ? '、' : ', ');

const recordFields = [
  {
    name: 'certNumber',
    type: 'text',
    format: 'certificate-number',
    personal: true,
    excludes: ['category', 'grade'],
    label: text('残疾人证号', 'Certificate number'),
    description: text(
      `${certificate.length}位残疾人证号；不填则填写残疾类别与残疾等级`,
      `${certificate.length}-character certificate number; or give category and grade`,
    ),
  },
  {
    name: 'category',
    type: 'integer',
    min: Math.min(...categoryIds),
    max: Math.max(...categoryIds),
    label: text('残疾类别', 'Category'),
    description: text(`残疾人证类别：${categoryList('zh')}`, `Certificate category: ${categoryList('en')}`),
    example: 4,
  },
  {
    name: 'grade',
    type: 'integer',
    min: certificate.grades[0],
    max: certificate.grades[certificate.grades.length - 1],
    label: text('残疾等级', 'Grade'),
    description: text('残疾人证等级（一级最重）', 'Certificate grade (1 is the most severe)'),
    example: 3,
  },
  {
    name: 'veteranGrade',
    type: 'integer',
    min: latestValue(veteranCertificate.minGrade),
    max: latestValue(veteranCertificate.maxGrade),
    label: text('残疾军人等级', 'Veteran grade'),
    description: text('残疾军人证的残疾等级（如有）', "Disability grade on a disabled veteran's certificate, if any"),
  },
  {
    name: 'onEstablishment',
    type: 'boolean',
    default: false,
    label: text('在编', 'On the establishment'),
    description: text('是否在编制内（在编人员不需劳动合同）', 'On the establishment (no labour contract needed)'),
  },
  {
    name: 'monthsEmployed',
    type: 'integer',
    min: 0,
    max: MONTHS,
    default: MONTHS,
    label: text('在岗月数', 'Months employed'),
    description: text(`当年在岗月数（0–${MONTHS}）`, `Months employed in the year (0–${MONTHS})`),
    unit: units.months,
  },
  {
    name: 'contractMonths',
    type: 'integer',
    min: 0,
    label: text('劳动合同期限（月）', 'Labour-contract months'),
    description: text('劳动合同期限，月数；不在编者必填', 'Length of the labour contract in months; required unless on the establishment'),
    unit: units.months,
    example: 12,
  },
  {
    name: 'paidAtLeastMinWage',
    type: 'boolean',
    required: true,
    label: text('工资不低于最低工资', 'Paid at least the minimum wage'),
    description: text('支付的工资不低于当地最低工资标准', 'Paid at least the local minimum wage'),
    example: true,
  },
  {
    name: 'socialInsurance',
    type: 'boolean',
    required: true,
    label: text('缴纳社会保险', 'Social insurance paid'),
    description: text('足额缴纳社会保险', 'Social insurance paid in full'),
    example: true,
  },
] as const satisfies readonly InputSpec[];

export const disabledHeadcount = defineRule({
  id: 'disabled-headcount',
  clause: clauses['m3.2'],
  kind: 'helper',
  title: text('残疾职工折算人数', 'Disabled employees counted for the quota'),
  description: text(
    `按自治区规定计算安排残疾人就业的折算人数：一、二级或三、四级智力、精神残疾人（残疾军人一至三级）按${DOUBLE}名计算；须在编或签订${latestValue(headcount.minContractMonths)}个月以上劳动合同、工资不低于最低工资、缴纳社会保险；不足一年按月折算`,
    `Counts disabled employees for the ${pctEn(quota.ratio)} quota: grade ${latestValue(headcount.severeGrades).join('–')}, intellectual or mental at any grade (veterans grade 1–${latestValue(headcount.veteranDoubleWeightMaxGrade)}) count as ${DOUBLE}; only on the establishment or with a contract of ${latestValue(headcount.minContractMonths)} months or more, paid at least the minimum wage, with social insurance; part-years by months`,
  ),
  sources: [headcount.source.document, ...documentsOf(headcount.minContractMonths, quota.ratio)],
  inputs: [
    {
      name: 'rows',
      type: 'records',
      required: true,
      label: text('残疾职工名单', 'Disabled employees'),
      description: text('每名残疾职工一条记录', 'One record per disabled employee'),
      fields: recordFields,
    },
  ],
  outputs: [
    { name: 'disabledCounted', type: 'decimal', label: text('残疾职工折算人数', 'Disabled employees counted'), unit: units.persons },
    { name: 'personMonths', type: 'integer', label: text('折算人月数', 'Weighted person-months') },
    { name: 'persons', type: 'integer', label: text('计入的记录数', 'Records counted'), unit: units.persons },
    { name: 'rows', type: 'records', label: text('逐条结果（序号从 0 起）', 'Per record (index from 0)') },
  ],
  primary: 'disabledCounted',
  compute(input, ctx) {
    const h = ctx.at(headcount);
    const MONTHS = h.monthsPerYear.value;
    let personMonths = 0;
    let missedPersonMonths = 0;
    let partYear = false;
    const outcomes: RowOutcome[] = input.rows.map((row, index) => {
      const { category, grade } = categoryAndGrade(row, index);
      const weighed = weightOf(category, grade, row.veteranGrade, h);
      const counts = countsOf(row, index, h);
      const numerator = weighed.weight * row.monthsEmployed;
      const reasons = [...weighed.reasons, ...counts.reasons];
      if (counts.counted) {
        personMonths += numerator;
        if (row.monthsEmployed < MONTHS) partYear = true;
        reasons.push(
          text(
            `计入：${weighed.weight} × ${row.monthsEmployed} ÷ ${MONTHS} ${shown(numerator, MONTHS)}`,
            `counted: ${weighed.weight} × ${row.monthsEmployed} ÷ ${MONTHS} ${shown(numerator, MONTHS)}`,
          ),
        );
      } else {
        missedPersonMonths += numerator;
        reasons.push(text('不计入', 'not counted'));
      }
      const contribution = counts.counted ? new Dec(numerator).div(MONTHS) : new Dec(0);
      return { index, weight: weighed.weight, counted: counts.counted, contribution: decimalText(contribution), reasons };
    });
    const counted = outcomes.filter((o) => o.counted);
    const skipped = outcomes.filter((o) => !o.counted).map((o) => o.index);
    ctx.step(() => [
      `共 ${outcomes.length} 条记录，计入 ${counted.length} 条${skipped.length ? `；未计入：第 ${skipped.map((i) => i + 1).join('、')} 条` : ''}`,
      `${outcomes.length} records, ${counted.length} counted${skipped.length ? `; not counted: ${skipped.map((i) => `rows[${i}]`).join(', ')}` : ''}`,
    ]);
    ctx.step(() => [`Σ 权数 × 在岗月数 = ${personMonths}`, `Σ weight × months employed = ${personMonths}`]);
    const disabledCounted = new Dec(personMonths).div(MONTHS);
    ctx.step(() => [`${personMonths} ÷ ${MONTHS} ${shown(personMonths, MONTHS)} 人`, `${personMonths} ÷ ${MONTHS} ${shown(personMonths, MONTHS)} persons`]);
    if (partYear) {
      ctx.rely('partial-year');
      ctx.step(() => [`不足一年的按在岗月数 ÷ ${MONTHS} 折算，不取整`, `Part-year employment counts as months ÷ ${MONTHS}, not rounded`]);
    }
    if (missedPersonMonths > 0) {
      ctx.hint(() => [
        `未计入的第 ${skipped.map((i) => i + 1).join('、')} 条如补足条件（见各条原因），可再计入 ${plain(new Dec(missedPersonMonths).div(MONTHS).toDecimalPlaces(4))} 人`,
        `If ${skipped.map((i) => `rows[${i}]`).join(', ')} met the conditions (see each record's reasons), ${plain(new Dec(missedPersonMonths).div(MONTHS).toDecimalPlaces(4))} more persons would count`,
      ]);
    }
    return { disabledCounted, personMonths, persons: counted.length, rows: outcomes };
  },
});
