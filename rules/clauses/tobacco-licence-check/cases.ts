import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m2: one favourable licence; a guardian may assist; no partnership or hired operation; 不少于 the minimum distance. */
export default {
  rule: 'tobacco-licence-check',
  cases: [
    { name: 'exactly 30 m in 昆区 is enough (不少于)', input: { district: '昆区', disabledApplicant: true, distanceMetres: 30, date }, output: { ok: true, minimumMetres: 30 } },
    { name: '29.99 m is not', input: { district: '昆区', disabledApplicant: true, distanceMetres: '29.99', date }, output: { ok: false } },
    { name: 'a second favourable licence is not allowed', input: { district: '固阳县', disabledApplicant: true, distanceMetres: 40, existingFavourableLicences: 1, date }, output: { ok: false } },
    { name: 'hired operation fails even where the table has no distance (稀土高新区)', input: { district: '稀土高新区', disabledApplicant: true, distanceMetres: 40, operationMode: 'hired', date }, output: { ok: false } },
  ],
} satisfies RuleCases;
