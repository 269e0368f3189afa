import { Hono } from 'hono';
import { listRules } from '../rules/index.ts';

const app = new Hono();
app.get('/v1/rules', (c) => c.json({ rules: listRules() }));
export default app;
