/** Input specs that several rules share, so a field means the same thing everywhere. */
import { units } from './labels.ts';
import type { InputSpec } from './schema.ts';
import { text, type Text } from './text.ts';
import { headcount } from '../parameters/inner-mongolia.ts';
import { latestValue } from '../parameters/types.ts';

/** A spec `S` with `extra`'s fields put over it, keeping both as literal types (so the rule's input type can be derived). */
export type With<S, E> = Omit<S, keyof E> & E;

export const districtInput = <const R extends boolean>(required: R): InputSpec & { name: 'district'; type: 'district'; required: R } => ({
  name: 'district',
  type: 'district',
  required,
  label: text('旗县区', 'District'),
  aliases: ['区', '所属旗县区', '所在旗县区', '所属地区', '旗县（区）'],
  description: text(
    '包头市旗县区（全称、简称或英文名，如 昆都仑区 / 昆区 / Kundulun）',
    'Baotou district (full, short or English name, e.g. 昆都仑区 / 昆区 / Kundulun)',
  ),
  example: '昆都仑区',
});

/** In-service staff, the base of the 1.5 % quota. */
export const totalStaffInput = ({ description, example }: { description: Text; example: number }) =>
  ({
    name: 'totalStaff' as const,
    type: 'integer' as const,
    required: true as const,
    min: 1,
    label: text('在职职工总数', 'In-service staff'),
    aliases: ['职工人数', '在职人数', '职工总数', '在职职工人数'],
    description,
    unit: units.persons,
    example,
  }) satisfies InputSpec;

/** Disabled employees as counted for the quota (the output of `disabled-headcount`). */
export const disabledCountedInput = ({ example }: { example: number }) =>
  ({
    name: 'disabledCounted' as const,
    type: 'decimal' as const,
    required: true as const,
    min: 0,
    label: text('残疾职工折算人数', 'Disabled employees counted'),
    aliases: ['残疾人数', '安排残疾人数', '残疾职工人数', '安排残疾人就业人数'],
    description: text(
      `按比例计入的残疾职工人数（重度按${latestValue(headcount.doubleWeight)}人，不足一年按月折算；可用“残疾职工折算人数”规则按名单计算）`,
      `Disabled employees as counted for the quota (severe count ${latestValue(headcount.doubleWeight)}; part-year by months; see disabled-headcount)`,
    ),
    unit: units.persons,
    example,
  }) satisfies InputSpec;

export const monthlyMinWageInput = {
  name: 'monthlyMinWage',
  type: 'money',
  min: 0,
  minExclusive: true,
  label: text('月最低工资标准', 'Monthly minimum wage'),
  aliases: ['最低工资标准', '最低工资'],
  description: text('当地月最低工资标准；不填则按旗县区与所涉日期查表', 'Local monthly minimum wage (yuan); if absent, looked up from district and date'),
  unit: units.yuanPerMonth,
  example: 1980,
} as const satisfies InputSpec;

type PersonsSpec<N extends string> = { name: N; type: 'integer'; required: true; min: 0; label: Text; description: Text; unit: Text };

/** A count of persons (integer ≥ 0, required unless `extra` says otherwise). */
export function personsInput<const N extends string>(name: N, zh: string, en: string): PersonsSpec<N>;
export function personsInput<const N extends string, const E extends Partial<InputSpec>>(name: N, zh: string, en: string, extra: E): With<PersonsSpec<N>, E>;
export function personsInput(name: string, zh: string, en: string, extra: Partial<InputSpec> = {}): InputSpec {
  return { name, type: 'integer', required: true, min: 0, label: text(zh, en), description: text(zh, en), unit: units.persons, ...extra };
}

type BooleanSpec<N extends string> = { name: N; type: 'boolean'; required: true; label: Text; description: Text };

/** A yes/no input (required unless `extra` says otherwise). */
export function booleanInput<const N extends string>(name: N, zh: string, en: string): BooleanSpec<N>;
export function booleanInput<const N extends string, const E extends Partial<InputSpec>>(name: N, zh: string, en: string, extra: E): With<BooleanSpec<N>, E>;
export function booleanInput(name: string, zh: string, en: string, extra: Partial<InputSpec> = {}): InputSpec {
  return { name, type: 'boolean', required: true, label: text(zh, en), description: text(zh, en), ...extra };
}

/** City/district split of a subsidy: the city's half rounded half up, the district pays the rest (interpretation `share-rounding`). */
export const shareOutputs = [
  { name: 'cityShare', type: 'money', label: text('市级残联负担', 'City DPF share'), unit: units.yuan },
  { name: 'districtShare', type: 'money', label: text('旗县区残联负担', 'District DPF share'), unit: units.yuan },
] as const;
