// `npm run test:quick`: the inner loop. The type check beside the rules and Worker test projects, on both
// cores, with modules shared between the test files of a worker (`--isolate=false`: about a third of the CPU
// time of isolated files); without the suites that belong to the full gate (`npm test`) only: the recipe
// test, which copies the tree and runs the rules project again, the plan-folder test, which copies the tree
// and type-checks it with a new plan, the add-ins' equality with the Worker (a thousand random inputs per
// rule and add-in), the differential study against an exact reference and HyperFormula (ten thousand rows
// per rule), and the workbooks LibreOffice makes.
import { spawn } from 'node:child_process';

const fullGateOnly = [
  'test/rules/recipe.test.ts',
  'test/rules/plan-folder.test.ts',
  'test/worker/addin-equality.test.ts',
  'test/rules/differential.test.ts',
  'test/rules/workbook.test.ts',
];
const run = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const started = Date.now();
const [types, tests] = await Promise.all([
  run('tsc', ['--noEmit', '-p', 'tsconfig.json']).then((code) => {
    console.log(code === 0 ? 'type check: passed' : 'type check: FAILED');
    return code;
  }),
  run('vitest', [
    'run',
    '--project',
    'rules',
    '--project',
    'worker',
    '--isolate=false',
    '--maxWorkers=2',
    ...fullGateOnly.flatMap((file) => ['--exclude', file]),
  ]),
]);
console.log(`test:quick: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(types || tests);
