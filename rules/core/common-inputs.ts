import type { InputSpec } from './schema.ts';
import { text } from './text.ts';

/** Every rule takes these two, after its own inputs. */
export const dateInput = {
  name: 'date',
  type: 'date',
  label: text('所涉日期', 'Date of the claim'),
  description: text(
    '申报所涉期间的日期（不是今天），YYYY-MM-DD；用于判断政策是否有效及取当时的标准',
    'The date the claim concerns (not today), YYYY-MM-DD; selects the policy version and the standards in force',
  ),
  example: '2024-06-30',
} as const satisfies InputSpec;

export const applyOutsideValidityInput = {
  name: 'applyOutsideValidity',
  type: 'boolean',
  label: text('有效期外仍适用', 'Apply outside validity'),
  description: text(
    '日期在本方案有效期外时仍按本版本计算（结果附警告）',
    'Apply this version even when the date is outside its validity window (with a warning)',
  ),
  default: false,
} as const satisfies InputSpec;

export const commonInputs = [dateInput, applyOutsideValidityInput] as const;
