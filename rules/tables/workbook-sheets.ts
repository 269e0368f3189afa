/** Sheets by name, looked up without the prototype (`__proto__`, `constructor` are names like any other). */
import type { SheetInfo } from './sheet-source.ts';
import { malformed } from './workbook-limits.ts';

/** The refusal for a sheet name the workbook does not have: it lists the sheets it has. */
export function noSheet(name: string, sheets: readonly SheetInfo[]) {
  const names = sheets.map((s) => s.name);
  return malformed(
    `工作簿中没有名为“${name}”的工作表（有：${names.join('、')}）`,
    `The workbook has no sheet named "${name}" (it has: ${names.join(', ')})`,
    'sheet',
  );
}
