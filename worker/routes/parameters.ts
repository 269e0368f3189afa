/**
 * `GET /v1/parameters?date=YYYY-MM-DD`: every parameter's value in force on that date, with its source
 * and its dated history. `GET /v1/policies`: the plans, with their validity windows. Both read the
 * rules package's data; neither knows a parameter or a plan by name.
 */
import { Hono } from 'hono';
import { listPlans, parametersOn, planInForce, policyRefOf, RULESET_VERSION } from '../../rules/index.ts';
import { parseIsoDate } from '../../rules/core/dates.ts';
import { kindOf, overridableParameters } from '../../rules/whatif/overrides.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../http/errors.ts';

export const parameters = new Hono<AppEnv>();

parameters.get('/v1/parameters', (c) => {
  const query = new URL(c.req.url).searchParams;
  for (const name of query.keys()) {
    if (name !== 'date') throw apiError('unknown-input', { name }, { field: name });
  }
  const date = query.get('date');
  if (date === null || date === '') throw apiError('missing-input');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !parseIsoDate(date)) throw apiError('invalid-date', { date });
  const plan = planInForce(date);
  // `overridable`: a 测算 (POST /v1/whatif/{id}) may set it; `kind` says whether it takes whole numbers or decimals.
  const overridable = overridableParameters();
  const listed = parametersOn(date).map((p) => {
    const settable = overridable.get(p.id);
    return settable ? { ...p, overridable: true, kind: kindOf(settable) } : { ...p, overridable: false };
  });
  return c.json({ rulesetVersion: RULESET_VERSION, date, policy: plan ? policyRefOf(plan) : null, parameters: listed });
});

parameters.get('/v1/policies', (c) =>
  c.json({
    rulesetVersion: RULESET_VERSION,
    policies: listPlans().map((p) => ({
      ...policyRefOf(p),
      publishedOn: p.publishedOn,
      ...(p.issuedOn ? { issuedOn: p.issuedOn } : {}),
      clauses: Object.keys(p.clauses),
    })),
  }),
);
