/**
 * A rule's table of cases, OpenFisca style: inputs → the expected outputs (or the expected refusal),
 * written from the policy text and RULES.md, not from the code's answers. One generic runner
 * (`test/rules/cases.test.ts`) executes every table; every rule in the registry must have one.
 */
export interface RuleCase {
  /** What the case shows, with the words of the text it tests where they matter. */
  name: string;
  input: Record<string, unknown>;
  /** The outputs the answer must contain (other outputs are not checked). */
  output?: Record<string, unknown>;
  /** Or: the refusal, by code and field. */
  error?: { code: string; field?: string };
  /** Interpretations the answer must list. */
  interpretations?: readonly string[];
}

export interface RuleCases {
  rule: string;
  cases: readonly RuleCase[];
}

/** `date` inside the plan's validity window, for the clause rules. */
export const inForce = '2024-06-30';
