import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'rules',
    environment: 'node',
    include: ['test/rules/**/*.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
  },
});
