import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m2: one favourable licence; a guardian may assist; no partnership or hired operation; 不少于 the minimum distance. */
export default {
  rule: 'tobacco-licence-check',
  cases: [
    {
      name: 'exactly 30 m in 昆区 is enough (不少于)',
      input: { district: '昆区', disabledApplicant: true, distanceMetres: 30, date },
      output: { ok: true, minimumMetres: 30 },
    },
    { name: '29.99 m is not', input: { district: '昆区', disabledApplicant: true, distanceMetres: '29.99', date }, output: { ok: false } },
    {
      name: 'a second favourable licence is not allowed',
      input: { district: '固阳县', disabledApplicant: true, distanceMetres: 40, existingFavourableLicences: 1, date },
      output: { ok: false },
    },
    {
      name: 'hired operation fails even where the table has no distance (稀土高新区)',
      input: { district: '稀土高新区', disabledApplicant: true, distanceMetres: 40, operationMode: 'hired', date },
      output: { ok: false },
    },
    {
      name: 'exclusions first: hired operation answers for 稀土高新区 without the distance its table lacks (无需间距), nothing more',
      input: { district: '稀土高新区', disabledApplicant: true, distanceMetres: 30, existingFavourableLicences: 0, operationMode: 'hired', date },
      output: { ok: false },
      failed: ['operation-mode-excluded'],
      steps: [{ zh: '稀土高新区未列入包府办发〔2023〕43号（m2）的间距表；上述条件已不符合，无需间距即可作答' }],
      exact: ['output'],
    },
    {
      name: 'exactly the minimum distance (不少于 includes it), self-operated, none held: met',
      input: { district: '昆区', disabledApplicant: true, distanceMetres: 30, existingFavourableLicences: 0, operationMode: 'self', date },
      output: { ok: true, minimumMetres: 30 },
      eligible: true,
      failed: [],
    },
    {
      name: '29.99 m: too close, and the hint says by how much',
      input: { district: '昆区', disabledApplicant: true, distanceMetres: '29.99', existingFavourableLicences: 0, operationMode: 'self', date },
      output: { ok: false },
      failed: ['too-close'],
      hints: ['0.01 m short'],
    },
    {
      name: 'a guardian may assist (监护人辅助经营)',
      input: { district: '昆区', disabledApplicant: true, distanceMetres: 30, existingFavourableLicences: 0, operationMode: '监护人辅助经营', date },
      output: { ok: true },
    },
    {
      name: 'partnership is excluded',
      input: { district: '昆区', disabledApplicant: true, distanceMetres: 30, existingFavourableLicences: 0, operationMode: 'partnership', date },
      output: { ok: false },
      failed: ['operation-mode-excluded'],
    },
    {
      name: 'hired operation (雇佣经营) is excluded',
      input: { district: '昆区', disabledApplicant: true, distanceMetres: 30, existingFavourableLicences: 0, operationMode: '雇佣经营', date },
      output: { ok: false },
      failed: ['operation-mode-excluded'],
    },
    {
      name: 'one favourable licence only',
      input: { district: '昆区', disabledApplicant: true, distanceMetres: 30, existingFavourableLicences: 1, operationMode: 'self', date },
      output: { ok: false },
      failed: ['favourable-licence-already-held'],
    },
    {
      name: 'an applicant who is not disabled needs the normal distance',
      input: { district: '昆区', disabledApplicant: false, distanceMetres: 64, existingFavourableLicences: 0, operationMode: 'self', date },
      output: { ok: false, minimumMetres: 65 },
    },
    {
      name: '稀土高新区 with a licence held: fails without a distance',
      input: { district: '稀土高新区', disabledApplicant: true, distanceMetres: 30, existingFavourableLicences: 1, operationMode: 'self', date },
      output: { ok: false },
    },
    {
      name: '稀土高新区 with every condition met: the distance decides, and the text has none',
      input: { district: '稀土高新区', disabledApplicant: true, distanceMetres: 30, existingFavourableLicences: 0, operationMode: 'self', date },
      error: { code: 'no-answer-in-text', field: 'district' },
    },
    {
      name: 'a negative distance is refused',
      input: { district: '昆区', disabledApplicant: true, distanceMetres: -1, existingFavourableLicences: 0, operationMode: 'self', date },
      error: { code: 'out-of-range', field: 'distanceMetres' },
    },
    {
      name: 'an unknown way of operating is refused',
      input: { district: '昆区', disabledApplicant: true, distanceMetres: 30, existingFavourableLicences: 0, operationMode: 'franchise', date },
      error: { code: 'invalid-choice', field: 'operationMode' },
    },
    {
      name: 'Hi-Tech Zone (稀土高新区 in English): no answer in the text',
      input: { district: 'Hi-Tech Zone', disabledApplicant: true, distanceMetres: 30, existingFavourableLicences: 0, operationMode: 'self', date },
      error: { code: 'no-answer-in-text', field: 'district' },
    },
  ],
} satisfies RuleCases;
