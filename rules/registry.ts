/**
 * The only list of rules. Every projection (HTTP routes, OpenAPI, Excel functions, the page's forms,
 * batch columns) is generated from it: a new rule is one module in `clauses/` and one line here.
 */
import type { RuleDefinition } from './core/rule.ts';
import { minWage } from './clauses/min-wage.ts';
import { overquotaReward } from './clauses/overquota-reward.ts';

export const rules: readonly RuleDefinition[] = [
  overquotaReward,
  minWage,
];

const byId = new Map(rules.map((r) => [r.id, r]));

export const findRule = (id: string): RuleDefinition | undefined => byId.get(id);
