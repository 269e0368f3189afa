// The few parts of `cloudflare:test` / `cloudflare:workers` these tests use, typed here so the
// project's Node-side tsconfig needs no Workers globals (@cloudflare/workers-types would clash with DOM).
declare module 'cloudflare:workers' {
  import type { D1Database } from '../../worker/env.ts';
  export const env: {
    DB: D1Database;
    TEST_MIGRATIONS: { name: string; queries: string[] }[];
    API_KEYS: string;
    AUDIT_HMAC_KEY: string;
    MAX_BATCH_ROWS: string;
    MAX_BATCH_BYTES: string;
  };
  export const exports: { default: { fetch(input: Request | string, init?: RequestInit): Promise<Response> } };
}
declare module 'cloudflare:test' {
  import type { D1Database } from '../../worker/env.ts';
  export function applyD1Migrations(db: D1Database, migrations: { name: string; queries: string[] }[], table?: string): Promise<void>;
}
