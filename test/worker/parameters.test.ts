import { describe, expect, it } from 'vitest';
import { listPlans, parametersOn, RULESET_VERSION } from '../../rules/index.ts';
import { call } from './helpers.ts';

interface OnDate {
  id: string;
  value: string | number | null;
  from: string | null;
  source: { document: string; clause?: string } | null;
  history: { from: string; to?: string; value: string | number | null; source: { document: string; clause?: string } }[];
}

const get = async (path: string) => {
  const response = await call(path);
  return { response, body: (await response.json()) as Record<string, unknown> };
};
const byId = (body: Record<string, unknown>, id: string) => (body.parameters as OnDate[]).find((p) => p.id === id)!;

describe('GET /v1/parameters?date=', () => {
  it('answers every parameter in force on the date, with its source and its dated history', async () => {
    const { response, body } = await get('/v1/parameters?date=2024-06-30');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(body.rulesetVersion).toBe(RULESET_VERSION);
    expect(body.date).toBe('2024-06-30');
    expect(body.policy).toMatchObject({ id: '包府办发〔2023〕43号', validFrom: '2023-04-22', validTo: '2024-12-31' });
    expect((body.parameters as OnDate[]).map((p) => p.id)).toEqual(parametersOn('2024-06-30').map((p) => p.id));
    expect(byId(body, 'plan.overquotaReward.minimumWageMultiplier')).toMatchObject({
      value: 5,
      from: '2023-04-22',
      source: { document: '包府办发〔2023〕43号', clause: 'm3.2' },
    });
    expect(byId(body, 'quota.ratio').value).toBe('0.015');
    expect(byId(body, 'minimumWage.class1')).toMatchObject({ value: '1980', from: '2021-12-01' });
    const cap = byId(body, 'levy.wageCapMultiple');
    expect(cap).toMatchObject({ value: 2, from: '2018-04-01', source: { document: '财税〔2018〕39号' } });
    expect(cap.history).toEqual([
      { from: '2017-04-01', to: '2018-03-31', value: 3, source: { document: '财税〔2017〕18号' } },
      { from: '2018-04-01', value: 2, source: { document: '财税〔2018〕39号' } },
    ]);
  });

  it('moves with the date: a new table, a lapsed reduction, no plan in force', async () => {
    const { body } = await get('/v1/parameters?date=2028-01-01');
    expect(body.policy).toBeNull();
    expect(byId(body, 'minimumWage.class1')).toMatchObject({ value: '2270', from: '2024-12-01', source: { document: '内政办发〔2024〕46号' } });
    expect(byId(body, 'levy.rateBelowTier')).toMatchObject({ value: null, from: '2028-01-01', source: { document: '财政部公告2023年第8号' } });
    expect(byId(body, 'levy.exemptMaxStaff')).toMatchObject({ value: 30, from: '2017-04-01', source: { document: '财税〔2017〕18号' } });
    const early = (await get('/v1/parameters?date=2017-03-31')).body;
    expect(byId(early, 'levy.wageCapMultiple')).toMatchObject({ value: null, from: null, source: null });
    expect(byId(early, 'plan.overquotaReward.minimumWageMultiplier').value).toBeNull();
  });

  it('refuses a missing, invalid or unknown parameter with 422 and the field', async () => {
    for (const [path, code, field] of [
      ['/v1/parameters', 'missing-input', 'date'],
      ['/v1/parameters?date=2024-02-30', 'invalid-date', 'date'],
      ['/v1/parameters?date=2024/6/30', 'invalid-date', 'date'],
      ['/v1/parameters?date=2024-06-30&year=2024', 'unknown-input', 'year'],
    ] as const) {
      const { response, body } = await get(path);
      expect(response.status, path).toBe(422);
      expect(body.error, path).toMatchObject({ code, field });
      expect((body.error as { message: { zh: string } }).message.zh, path).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('GET /v1/policies', () => {
  it('lists the plans with their validity windows', async () => {
    const { response, body } = await get('/v1/policies');
    expect(response.status).toBe(200);
    expect(body.rulesetVersion).toBe(RULESET_VERSION);
    const policies = body.policies as { id: string; validFrom: string; validTo: string; publishedOn: string; clauses: string[] }[];
    expect(policies.map((p) => [p.id, p.validFrom, p.validTo])).toEqual(listPlans().map((p) => [p.id, p.validFrom, p.validTo]));
    expect(policies[0]).toMatchObject({ id: '包府办发〔2023〕43号', publishedOn: '2023-03-23', validFrom: '2023-04-22', validTo: '2024-12-31' });
    expect(policies[0].clauses).toContain('m3.2');
  });
});
