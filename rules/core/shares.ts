import type { Context } from './context.ts';
import { Dec, money, percent, toCents } from './decimal.ts';

/**
 * Splits an amount between the city and the district DPF: the city's share is rounded half up to
 * 0.01 and the district pays the remainder, so the two always add up (interpretation `share-rounding`).
 */
export function splitShares(amount: Dec, cityShare: Dec, ctx: Context): { cityShare: Dec; districtShare: Dec } {
  const city = toCents(amount.times(cityShare));
  const district = amount.minus(city);
  ctx.rely('share-rounding');
  ctx.step(() => [
    `市级负担 ${percent(cityShare)}：${money(city)} 元；旗县区负担其余：${money(district)} 元`,
    `City share ${percent(cityShare)}: ${money(city)} yuan; the district pays the rest: ${money(district)} yuan`,
  ]);
  return { cityShare: city, districtShare: district };
}
