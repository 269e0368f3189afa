/**
 * A rule's table of cases, OpenFisca style: inputs → the expected outputs (or the expected refusal),
 * written from the policy text and RULES.md, not from the code's answers. Each rule folder holds its
 * table (`cases.ts` beside `rule.ts`); one generic runner (`test/rules/cases.test.ts`) executes every
 * table, every rule in the registry must have one, and `npm run docs` prints them in `docs/rules/`.
 */
/** Words of the answer a case names: the English text, or `{ zh }` where the Chinese words are what matter (the clause's own terms), or both. */
export type Said = string | { zh: string; en?: string };

/** The parts of an answer a case may give in full, in order, with nothing else beside them. */
export type ExactPart = 'output' | 'steps' | 'warnings' | 'hints' | 'interpretations';

export interface RuleCase {
  /** What the case shows, with the words of the text it tests where they matter. */
  name: string;
  input: Record<string, unknown>;
  /** The outputs the answer must contain (other outputs are not checked; with `exact: ['output']` there are none). */
  output?: Record<string, unknown>;
  /** Or: the refusal, by code and field, and words its message contains (`says`). Every refusal has a message in both languages. */
  error?: { code: string; field?: string; says?: Said };
  /** Interpretations the answer must list; `[]`: none at all. */
  interpretations?: readonly string[];
  /** Whether the case meets the clause's conditions (`eligible`). */
  eligible?: boolean;
  /** The codes of the conditions it fails, in order (`failedConditions[].code`). */
  failed?: readonly string[];
  /** Explanation steps the answer must contain, each in full. */
  steps?: readonly Said[];
  /** Warnings the answer must contain, each in full; `[]`: none at all. */
  warnings?: readonly Said[];
  /** Hints the answer must contain, each in full; `[]`: none at all. */
  hints?: readonly Said[];
  /**
   * With no date given, the answer on each side of a change inside the plan's window (`byDate`): each period's
   * first and last day and the outputs it must contain; `[]`: the answer does not depend on the date. A refusal
   * that is only the missing date carries them too.
   */
  byDate?: readonly { from: string; to: string; output: Record<string, unknown> }[];
  /** The clause the answer cites, by id (for a helper: the clause that relies on it). */
  clause?: string;
  /** Documents the answer lists among its sources, each in full. */
  sources?: readonly string[];
  /** The parts given in full: nothing beside them (`output`: no other outputs; steps, warnings, hints, interpretations: exactly these, in order). */
  exact?: readonly ExactPart[];
}

export interface RuleCases {
  rule: string;
  cases: readonly RuleCase[];
}

/** `date` inside the plan's validity window, for the clause rules. */
export const inForce = '2024-06-30';
