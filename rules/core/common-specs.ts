/** Input specs that several rules share, so a field means the same thing everywhere. */
import { units } from './labels.ts';
import type { InputSpec } from './schema.ts';
import { text, type Text } from './text.ts';

export const districtInput = (required: boolean): InputSpec => ({
  name: 'district',
  type: 'district',
  required,
  label: text('旗县区', 'District'),
  description: text('包头市旗县区（全称、简称或英文名，如 昆都仑区 / 昆区 / Kundulun）', 'Baotou district (full, short or English name, e.g. 昆都仑区 / 昆区 / Kundulun)'),
  example: '昆都仑区',
});

/** In-service staff, the base of the 1.5 % quota. */
export const totalStaffInput = ({ description, example }: { description: Text; example: number }): InputSpec => ({
  name: 'totalStaff',
  type: 'integer',
  required: true,
  min: 1,
  label: text('在职职工总数', 'In-service staff'),
  description,
  unit: units.persons,
  example,
});

/** Disabled employees as counted for the quota (the output of `disabled-headcount`). */
export const disabledCountedInput = ({ example }: { example: number }): InputSpec => ({
  name: 'disabledCounted',
  type: 'decimal',
  required: true,
  min: 0,
  label: text('残疾职工折算人数', 'Disabled employees counted'),
  description: text(
    '按比例计入的残疾职工人数（重度按2人，不足一年按月折算；可用“残疾职工折算人数”规则按名单计算）',
    'Disabled employees as counted for the quota (severe count 2; part-year by months; see disabled-headcount)',
  ),
  unit: units.persons,
  example,
});

export const monthlyMinWageInput: InputSpec = {
  name: 'monthlyMinWage',
  type: 'money',
  min: 0,
  minExclusive: true,
  label: text('月最低工资标准', 'Monthly minimum wage'),
  description: text('当地月最低工资标准；不填则按旗县区与所涉日期查表', 'Local monthly minimum wage (yuan); if absent, looked up from district and date'),
  unit: units.yuanPerMonth,
  example: 1980,
};

export const personsInput = (name: string, zh: string, en: string, extra: Partial<InputSpec> = {}): InputSpec => ({
  name,
  type: 'integer',
  required: true,
  min: 0,
  label: text(zh, en),
  description: text(zh, en),
  unit: units.persons,
  ...extra,
});

export const booleanInput = (name: string, zh: string, en: string, extra: Partial<InputSpec> = {}): InputSpec => ({
  name,
  type: 'boolean',
  required: true,
  label: text(zh, en),
  description: text(zh, en),
  ...extra,
});

/** City/district split of a subsidy: the city's half rounded half up, the district pays the rest (interpretation `share-rounding`). */
export const shareOutputs = [
  { name: 'cityShare', type: 'money', label: text('市级残联负担', 'City DPF share'), unit: units.yuan },
  { name: 'districtShare', type: 'money', label: text('旗县区残联负担', 'District DPF share'), unit: units.yuan },
] as const;
