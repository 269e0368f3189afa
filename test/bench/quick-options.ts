/** The command-line switches the quick bench scripts (by-rule.ts, table-path.ts) share: `--rules a,b`, `--rows N`, `--reps N`. */
import { csvRules } from './rule-csv.ts';

export const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const wanted = option('--rules')?.split(',');
export const rows = Number(option('--rows') ?? 100_000);
export const reps = Number(option('--reps') ?? 3);
/** The CSV rules asked for (every one without `--rules`). */
export const chosenRules = () => csvRules().filter((r) => !wanted || wanted.includes(r.id));
