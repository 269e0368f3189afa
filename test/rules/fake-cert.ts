/**
 * Builds made-up certificate numbers for tests, never a real person's: area code 150296 is assigned to no county
 * (包头市's are 150202–150207 and 150221–150223, with 150271 for the high-tech zone in the statistical codes; a real
 * code such as 150202, 东河区, could coincide with someone's number). 150296 keeps the check characters the cases were
 * written for, as 8·(9−0) + 4·(6−2) = 88 is a multiple of 11 (the weights of characters 5 and 6 being 8 and 4). The
 * check character is computed here independently of the rules package — ISO 7064 MOD 11-2, the weights
 * being 2^(17 − i) mod 11 — so a wrong table in the package would make the tests fail.
 */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}

export interface FakeCert {
  area?: string;
  /** YYYYMMDD */
  birth?: string;
  /** Three digits; the last one odd for a man. */
  sequence?: string;
  category?: number | string;
  grade?: number | string;
}

/** The area code of every made-up number: assigned to no county (see above). */
export const fakeArea = '150296';

/** An 18-character identity number with a correct check character. */
export const fakeId = ({ area = fakeArea, birth = '19650115', sequence = '001' }: FakeCert = {}): string => {
  const first17 = `${area}${birth}${sequence}`;
  return first17 + checkCharacter(first17);
};

/** A 20-character certificate number with a correct check character. */
export const fakeCert = (parts: FakeCert = {}): string => `${fakeId(parts)}${parts.category ?? 4}${parts.grade ?? 2}`;

/** A sequence whose identity number ends in the check character X (to test a lower-case x). */
export function sequenceEndingInX(parts: FakeCert = {}): string {
  for (let n = 0; n < 1000; n++) {
    const sequence = String(n).padStart(3, '0');
    if (fakeId({ ...parts, sequence }).endsWith('X')) return sequence;
  }
  throw new Error('no sequence gives X');
}
