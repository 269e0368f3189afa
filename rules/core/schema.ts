/**
 * The shape of a rule's inputs and outputs. One description serves every projection:
 * HTTP validation and OpenAPI, Excel's function metadata, the page's form and the batch columns.
 */
import type { Text } from './text.ts';

export type InputType =
  | 'integer'
  | 'decimal'
  | 'money'
  | 'boolean'
  | 'date'
  | 'district'
  | 'choice'
  | 'text'
  | 'integer-list'
  | 'records';

export interface Choice {
  value: string;
  label: Text;
  /** Other accepted spellings, e.g. the Chinese label or a digit. */
  aliases?: readonly string[];
}

export interface InputSpec {
  name: string;
  type: InputType;
  label: Text;
  description: Text;
  unit?: Text;
  required?: boolean;
  /** Used when the input is absent or empty. */
  default?: string | number | boolean;
  /** Inclusive bounds for numbers (decimals as strings). */
  min?: number | string;
  max?: number | string;
  /** The lower bound itself is not allowed (e.g. a wage > 0). */
  minExclusive?: boolean;
  choices?: readonly Choice[];
  /** For `records`: the fields of one record. */
  fields?: readonly InputSpec[];
  /** Inputs that must be left empty when this one is given (e.g. a certificate number carries category and grade). */
  excludes?: readonly string[];
  /** A known text format: `certificate-number` is the 20-character 残疾人证 number. */
  format?: 'certificate-number';
  /** A typical value, for documentation, forms and generated examples. */
  example?: string | number | boolean;
  /**
   * The input identifies a person (a certificate or ID number, a person's id, a birth date): it is never
   * taken from a URL (the Worker refuses it in a query string and asks for POST), logged or echoed in errors.
   */
  personal?: boolean;
}

/** An input that identifies a person, itself or through a field of its records. */
export const isPersonalInput = (spec: InputSpec): boolean => spec.personal === true || (spec.fields?.some(isPersonalInput) ?? false);

export type OutputType = 'money' | 'integer' | 'decimal' | 'ratio' | 'boolean' | 'date' | 'text' | 'conditions' | 'records';

export interface OutputSpec {
  name: string;
  type: OutputType;
  label: Text;
  unit?: Text;
}

/** A condition a case failed, e.g. `contract-too-short`. */
export interface FailedCondition {
  code: string;
  message: Text;
}
