/**
 * A rule's table of cases, OpenFisca style: inputs → the expected outputs (or the expected refusal),
 * written from the policy text and RULES.md, not from the code's answers. Each rule folder holds its
 * table (`cases.ts` beside `rule.ts`); one generic runner (`test/rules/cases.test.ts`) executes every
 * table, every rule in the registry must have one, and `npm run docs` prints them in `docs/rules/`.
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
  /** Whether the case meets the clause's conditions (`eligible`). */
  eligible?: boolean;
  /** The codes of the conditions it fails, in order (`failedConditions[].code`). */
  failed?: readonly string[];
  /** Explanation steps (English) the answer must contain, each in full. */
  steps?: readonly string[];
  /** Warnings (English) the answer must contain, each in full; `[]`: none at all. */
  warnings?: readonly string[];
  /** Hints (English) the answer must contain, each in full; `[]`: none at all. */
  hints?: readonly string[];
}

export interface RuleCases {
  rule: string;
  cases: readonly RuleCase[];
}

/** `date` inside the plan's validity window, for the clause rules. */
export const inForce = '2024-06-30';
