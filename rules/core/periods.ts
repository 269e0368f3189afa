/**
 * How an answer given for periods of dates is named and shown (`byDate`): "2024-12-01 之前", "自 2024-12-01 起",
 * money as 29,700.00. Shared by `evaluate()`'s notice, the page and EXPLAIN so that they say it alike.
 */
import type { Text } from './text.ts';

/** A period `{ from, to }` among consecutive ones. */
export interface Period {
  from: string;
  to: string;
}

/** The first period is "before the second's start", the last "from its start", any other "from – to". */
export function periodLabel(periods: readonly Period[], i: number): Text {
  const p = periods[i];
  if (i === 0 && periods.length > 1) return { zh: `${periods[1].from} 之前`, en: `before ${periods[1].from}` };
  if (i === periods.length - 1) return { zh: `自 ${p.from} 起`, en: `from ${p.from}` };
  return { zh: `${p.from} 至 ${p.to}`, en: `from ${p.from} to ${p.to}` };
}

/** "29700.00" → "29,700.00": thousands separated, as clerks write amounts. */
export const groupThousands = (value: string): string => value.replace(/^(-?\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
