import { describe, expect, it } from 'vitest';
import { isPersonalInput, listRules, RULESET_VERSION } from '../../rules/index.ts';
import { call } from './helpers.ts';

interface Doc {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, { parameters?: { name: string }[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
}

describe('GET /openapi.json', () => {
  it('documents every route and every rule’s inputs and outputs', async () => {
    const response = await call('/openapi.json');
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Doc;
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.version).toBe(RULESET_VERSION);
    for (const path of ['/v1/rules', '/v1/interpretations', '/v1/parameters', '/v1/policies', '/v1/batch/{batchId}', '/openapi.json'])
      expect(doc.paths[path]).toBeDefined();
    expect((doc.paths['/v1/parameters'].get.parameters ?? []).map((p) => p.name)).toEqual(['date']);
    expect(doc.components.schemas.ParametersOnDate.required).toEqual(['rulesetVersion', 'date', 'policy', 'parameters']);
    expect(doc.components.schemas.Policies.required).toEqual(['rulesetVersion', 'policies']);
    for (const meta of listRules()) {
      const own = doc.paths[`/v1/rules/${meta.id}`];
      expect(Object.keys(own).sort()).toEqual(['get', 'post']);
      expect(Object.keys(own.post.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '415', '422']));
      expect(doc.paths[`/v1/batch/${meta.id}`].post.responses).toHaveProperty('401');
      const inputs = doc.components.schemas[`${meta.functionName}_Inputs`];
      expect(Object.keys(inputs.properties!)).toEqual(meta.inputs.map((i) => i.name));
      expect(inputs.required).toEqual(meta.inputs.filter((i) => i.required).map((i) => i.name));
      const result = doc.components.schemas[`${meta.functionName}_Result`];
      expect(Object.keys(result.properties!)).toEqual(meta.outputs.map((o) => o.name));
      expect(own.get.parameters!.map((p) => p.name)).toEqual(meta.inputs.filter((i) => i.type !== 'records' && !isPersonalInput(i)).map((i) => i.name));
    }
  });

  it('every $ref points at a schema that exists', async () => {
    const doc = (await (await call('/openapi.json')).json()) as Doc;
    const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/([^"]+)"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref.split('/').pop()!.replace(/"$/, ''));
  });
});
