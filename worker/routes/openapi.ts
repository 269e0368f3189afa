/** `GET /openapi.json`: the OpenAPI document, generated from the registry. */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { openApiDocument } from '../contract/openapi.ts';

export const openapi = new Hono<AppEnv>();

let document: Record<string, unknown> | undefined;
openapi.get('/openapi.json', (c) => c.json((document ??= openApiDocument())));
