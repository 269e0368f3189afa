import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

/**
 * Worker tests: inside workerd (@cloudflare/vitest-plugin), with wrangler.toml's bindings, the local D1
 * migrated in `setup.ts`, and the documented local key `local-dev-key` (its hash only, as in local runs).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
// The assets binding needs its folder, even when the site has not been built.
mkdirSync(`${root}dist/site`, { recursive: true });

// The documented local key, and a second key to show one key cannot read another's audit records.
const LOCAL_DEV_KEY = 'local-dev-key';
const OTHER_TEST_KEY = 'test-second-key';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export default defineProject({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: `${root}wrangler.toml` },
      miniflare: {
        bindings: {
          API_KEYS: `local:${sha256(LOCAL_DEV_KEY)},second:${sha256(OTHER_TEST_KEY)}`,
          PUBLIC_ORIGIN: 'https://rules.test',
          BATCH_ORIGINS: 'https://allowed.example',
          AUDIT_HMAC_KEY: 'test-audit-hmac-key',
          MAX_BATCH_ROWS: '1000',
          MAX_BATCH_BYTES: '200000',
          TEST_MIGRATIONS: await readD1Migrations(`${root}worker/migrations`),
        },
      },
    })),
  ],
  test: {
    name: 'worker',
    include: ['test/worker/**/*.test.ts'],
    root,
    setupFiles: ['test/worker/setup.ts'],
  },
});
