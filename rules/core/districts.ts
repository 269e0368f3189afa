import { districts, type District } from '../parameters/districts.ts';
import { fail } from './errors.ts';

const normalise = (name: string) =>
  name
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

const byName = new Map<string, District>();
/** The names exactly as listed: most cells say 昆都仑区 or 昆区 as written, and need no normalising (a batch resolves one per row). */
const byExactName = new Map<string, District>();
for (const district of districts) {
  for (const name of [district.id, district.zh, district.short, district.en, ...district.aliases]) {
    byName.set(normalise(name), district);
    byExactName.set(name, district);
  }
}

export const acceptedDistrictNames = districts.map((d) => `${d.zh} / ${d.short} / ${d.en}`).join('; ');

/** The district a full, short or English name (or id, or alias) names, if any. */
export const findDistrict = (value: string): District | undefined => byExactName.get(value) ?? byName.get(normalise(value));

/** Resolves a full, short or English district name; anything else is an error listing the accepted names. */
export function resolveDistrict(value: string, field: string): District {
  const district = findDistrict(value);
  if (!district) {
    fail(
      'unknown-district',
      `未知的旗县区“${value}”。可用：${acceptedDistrictNames}`,
      `Unknown district "${value}". Accepted: ${acceptedDistrictNames}`,
      field,
    );
  }
  return district;
}
