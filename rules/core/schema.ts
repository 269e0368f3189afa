/**
 * The shape of a rule's inputs and outputs. One description serves every projection:
 * HTTP validation and OpenAPI, Excel's function metadata, the page's form and the batch columns.
 */
import type { District } from '../parameters/districts.ts';
import type { Dec } from './decimal.ts';
import type { Text } from './text.ts';

export type InputType = 'integer' | 'decimal' | 'money' | 'boolean' | 'date' | 'district' | 'choice' | 'text' | 'integer-list' | 'records';

export interface Choice<V extends string = string> {
  value: V;
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
  /** Other headers offices write for this input in their own forms (职工人数 for 在职职工总数): read like the label. */
  aliases?: readonly string[];
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
  /** Absent from some answers (a figure the case does not need): `compute` may leave it out. Every other output is required. */
  optional?: true;
}

/** A condition a case failed, e.g. `contract-too-short`. */
export interface FailedCondition {
  code: string;
  message: Text;
}

/*
 * Types derived from the specs, so a rule's `compute` sees exactly what its declared inputs give it
 * (and returns only the outputs it declares): no hand-written `interface Inputs` to drift from `inputs`.
 */

/** The value `coerce` gives an input of this spec. */
export type ValueOf<S extends InputSpec> = S extends { type: 'integer' }
  ? number
  : S extends { type: 'decimal' | 'money' }
    ? Dec
    : S extends { type: 'boolean' }
      ? boolean
      : S extends { type: 'date' | 'text' }
        ? string
        : S extends { type: 'district' }
          ? District
          : S extends { type: 'choice'; choices: readonly Choice<infer V>[] }
            ? V
            : S extends { type: 'integer-list' }
              ? number[]
              : S extends { type: 'records'; fields: infer F extends readonly InputSpec[] }
                ? InputsOf<F>[]
                : never;

/** A spec whose value is always there after coercion: required, or with a default. */
type Present<S> = S extends { required: true } ? true : S extends { default: string | number | boolean } ? true : false;
type NameOf<S extends InputSpec> = string extends S['name'] ? never : S['name'];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The typed inputs a rule's `compute` receives from a list of specs. A spec whose name is a plain `string` is left out (declare specs `as const`). */
export type InputsOf<Specs extends readonly InputSpec[]> = Simplify<
  { [S in Specs[number] as Present<S> extends true ? NameOf<S> : never]: ValueOf<S> } & {
    [S in Specs[number] as Present<S> extends true ? never : NameOf<S>]?: ValueOf<S>;
  }
>;

/** The exact value a rule returns for an output of this spec (`formatOutputs` rounds and prints it). */
export type OutputValueOf<O extends OutputSpec> = O extends { type: 'money' | 'decimal' | 'ratio' }
  ? Dec
  : O extends { type: 'integer' }
    ? number | Dec
    : O extends { type: 'boolean' }
      ? boolean
      : O extends { type: 'date' | 'text' }
        ? string
        : O extends { type: 'conditions' }
          ? readonly FailedCondition[]
          : O extends { type: 'records' }
            ? readonly object[]
            : never;

/** What a rule's `compute` returns: every declared output, except those declared `optional` (an absent one is left out of the answer). */
export type OutputsOf<Outputs extends readonly OutputSpec[]> = Simplify<
  { [O in Outputs[number] as string extends O['name'] ? never : O extends { optional: true } ? never : O['name']]: OutputValueOf<O> } & {
    [O in Outputs[number] as string extends O['name'] ? never : O extends { optional: true } ? O['name'] : never]?: OutputValueOf<O>;
  }
>;
