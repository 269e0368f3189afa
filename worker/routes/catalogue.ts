/** `GET /v1/rules` and `GET /v1/interpretations`: the registry's metadata, as the rules package lists it. */
import { Hono } from 'hono';
import { listInterpretations, listRules, RULESET_VERSION } from '../../rules/index.ts';
import type { AppEnv } from '../env.ts';

export const catalogue = new Hono<AppEnv>();

catalogue.get('/v1/rules', (c) => c.json({ rulesetVersion: RULESET_VERSION, rules: listRules() }));
catalogue.get('/v1/interpretations', (c) => c.json({ rulesetVersion: RULESET_VERSION, interpretations: listInterpretations() }));
