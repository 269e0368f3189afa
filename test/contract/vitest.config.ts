import { defineProject } from 'vitest/config';

/**
 * The HTTP contract, one suite against both servers: the self-hosted one (`npm run serve`: workerd
 * on its own config, no wrangler) and `wrangler dev`, each on a free port with throw-away state.
 */
export default defineProject({
  test: {
    name: 'contract',
    environment: 'node',
    include: ['test/contract/**/*.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
    globalSetup: ['test/contract/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
