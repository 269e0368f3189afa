/**
 * Calendar dates as ISO strings (YYYY-MM-DD). ISO strings compare correctly as strings,
 * so no Date object (and no time zone) is ever involved in a rule.
 */
import { digitAt } from './characters.ts';

export interface YMD {
  y: number;
  m: number;
  d: number;
}

/** The years a date may have: wide enough for birth dates and plans, narrow enough to catch typing errors. */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2200;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : MONTH_DAYS[m - 1];
}

/*
 * A date inside the package's years held in one small integer, y·512 + m·32 + d (no object made):
 * a batch reads and moves a date or two on every row.
 */
const packed = (y: number, m: number, d: number) => y * 512 + m * 32 + d;
const yearOf = (p: number) => p >> 9;
const monthOf = (p: number) => (p >> 5) & 15;
const dayOf = (p: number) => p & 31;

/** y·12 + (m − 1) of a text's first seven characters when they are YYYY-MM with a month 01–12, read code by code; -1 otherwise. */
function monthIndexAt(value: string): number {
  if (value.charCodeAt(4) !== 45) return -1;
  const y0 = digitAt(value, 0);
  const y1 = digitAt(value, 1);
  const y2 = digitAt(value, 2);
  const y3 = digitAt(value, 3);
  const m0 = digitAt(value, 5);
  const m1 = digitAt(value, 6);
  if ((y0 | y1 | y2 | y3 | m0 | m1) < 0) return -1;
  const m = m0 * 10 + m1;
  if (m < 1 || m > 12) return -1;
  return (y0 * 1000 + y1 * 100 + y2 * 10 + y3) * 12 + m - 1;
}

/** A strict YYYY-MM-DD that exists, packed; -1 when the text is not one. */
function packedIsoDate(value: string): number {
  // YYYY-MM, '-', two digits, read code by code
  if (value.length !== 10 || value.charCodeAt(7) !== 45) return -1;
  const index = monthIndexAt(value);
  const d0 = digitAt(value, 8);
  const d1 = digitAt(value, 9);
  if ((index | d0 | d1) < 0) return -1;
  const y = (index / 12) | 0;
  const m = index - y * 12 + 1;
  const d = d0 * 10 + d1;
  if (y < YEAR_MIN || y > YEAR_MAX || d < 1 || d > daysInMonth(y, m)) return -1;
  return packed(y, m, d);
}

/** Parses a strict YYYY-MM-DD; undefined when the text is not a date that exists. */
export function parseIsoDate(value: string): YMD | undefined {
  const p = packedIsoDate(value);
  return p < 0 ? undefined : { y: yearOf(p), m: monthOf(p), d: dayOf(p) };
}

/** The year of a strict YYYY-MM-DD as a number, read code by code (no text made); NaN when the text is not a date that exists. */
export function isoYearOf(value: string): number {
  const p = packedIsoDate(value);
  return p < 0 ? NaN : yearOf(p);
}

/** The months since year 0 of a strict YYYY-MM-DD's month, y·12 + (m − 1); NaN when the text is not a date that exists. */
export function isoMonthIndexOf(value: string): number {
  const p = packedIsoDate(value);
  return p < 0 ? NaN : yearOf(p) * 12 + monthOf(p) - 1;
}

/** The day of a strict YYYY-MM-DD as a number, read code by code; NaN when the text is not a date that exists. */
export function isoDayOf(value: string): number {
  const p = packedIsoDate(value);
  return p < 0 ? NaN : dayOf(p);
}

/** The months since year 0 of a strict YYYY-MM (a month, without a day), read code by code; NaN when the text is not one. */
export function isoYearMonthIndexOf(value: string): number {
  const index = value.length === 7 ? monthIndexAt(value) : -1;
  return index < 0 ? NaN : index;
}

/** True when the text is a strict YYYY-MM-DD that exists (as `parseIsoDate`, without making the parts). */
export const isIsoDate = (value: string): boolean => packedIsoDate(value) >= 0;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => pad(n));
/** "YYYY-" of the package's years and "MM-" of the months, made once: a date inside the years is written by joining three texts. */
const YEAR_DASH = Array.from({ length: YEAR_MAX - YEAR_MIN + 1 }, (_, i) => `${YEAR_MIN + i}-`);
const MONTH_DASH = Array.from({ length: 13 }, (_, m) => `${pad(m)}-`);

/** YYYY-MM-DD of a date whose year has four digits and whose month and day exist (callers check). */
const writeDate = (y: number, m: number, d: number): string =>
  y >= YEAR_MIN && y <= YEAR_MAX ? YEAR_DASH[y - YEAR_MIN] + MONTH_DASH[m] + TWO_DIGITS[d] : `${y}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;

export function formatDate({ y, m, d }: YMD): string {
  if (Number.isInteger(y) && y >= 1000 && y <= 9999 && Number.isInteger(m) && m >= 1 && m <= 12 && Number.isInteger(d) && d >= 1 && d <= 31) {
    return writeDate(y, m, d);
  }
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Days since 1970-01-01 of a proleptic Gregorian date, in integers (as Date.UTC counts them, for years 1000–9999). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date `n` days after 1970-01-01, written, when its year has four digits; undefined otherwise. */
function writeDayNumber(n: number): string | undefined {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y >= 1000 && y <= 9999 ? writeDate(y, m, d) : undefined;
}

function toDayNumber({ y, m, d }: YMD): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromDayNumber(n: number): YMD {
  const date = new Date(n * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** A short step (a day back, a month of days on) is taken month by month, without day numbers. */
const SHORT_STEP = 400;

/** The date `days` after a date inside the package's years, written, when its year has four digits. */
function writeDaysAfter(y: number, m: number, d: number, days: number): string | undefined {
  if (days < -SHORT_STEP || days > SHORT_STEP) return writeDayNumber(daysFromCivil(y, m, d) + days);
  d += days;
  while (d < 1) {
    if (--m < 1) ((m = 12), y--);
    d += daysInMonth(y, m);
  }
  for (let last = daysInMonth(y, m); d > last; last = daysInMonth(y, m)) {
    d -= last;
    if (++m > 12) ((m = 1), y++);
  }
  return writeDate(y, m, d);
}

export function addDays(date: string, days: number): string {
  const p = packedIsoDate(date);
  if (p >= 0 && Number.isSafeInteger(days)) {
    const written = writeDaysAfter(yearOf(p), monthOf(p), dayOf(p), days);
    if (written !== undefined) return written;
  }
  // far outside the package's years, or not a date (which throws, as it always has)
  return formatDate(fromDayNumber(toDayNumber(parseIsoDate(date)!) + days));
}

/** Month indexes (y·12 + m − 1) of the years written with four digits, 1000–9999: a date moved there can be written. */
const FOUR_DIGIT_MONTHS = { from: 1000 * 12, to: 10_000 * 12 } as const;

/** The month `months` after a packed date's month, as y·12 + (m − 1), when the months are whole; NaN otherwise. */
const monthIndexAfter = (p: number, months: number) => (Number.isSafeInteger(months) ? yearOf(p) * 12 + (monthOf(p) - 1) + months : NaN);

/**
 * Adds whole months; a day that does not exist in the target month becomes that month's last day
 * (1964-02-29 + 60 years → 2024-02-29, + 61 years → 2025-02-28). Interpretation `month-end-dates`.
 */
export function addMonths(date: string, months: number): string {
  const p = packedIsoDate(date);
  const index = p >= 0 ? monthIndexAfter(p, months) : NaN;
  if (index >= FOUR_DIGIT_MONTHS.from && index < FOUR_DIGIT_MONTHS.to) {
    const ty = Math.floor(index / 12);
    const tm = (index % 12) + 1;
    return writeDate(ty, tm, Math.min(dayOf(p), daysInMonth(ty, tm)));
  }
  const { y, m, d } = parseIsoDate(date)!;
  const slowIndex = y * 12 + (m - 1) + months;
  const ty = Math.floor(slowIndex / 12);
  const tm = (slowIndex % 12) + 1;
  return formatDate({ y: ty, m: tm, d: Math.min(d, daysInMonth(ty, tm)) });
}

/**
 * The last day of a period of whole months (years × 12) whose first day is `firstDay` (that day counted):
 * the day before the first day's corresponding day in the last month; where that month has no corresponding
 * day, the month's last day (《民法典》第二百零二条: "没有对应日的，月末日为期间的最后一日").
 * So 2024-03-01 + 3 years ends 2027-02-28, 2024-02-29 + 3 years ends 2027-02-28 (not the 27th),
 * 2024-03-31 + 1 month ends 2024-04-30. Interpretation `period-end`.
 * Every rule that counts a period in months or years uses this (and only this).
 */
export function periodLastDay(firstDay: string, months: number): string {
  const p = packedIsoDate(firstDay);
  const index = p >= 0 ? monthIndexAfter(p, months) : NaN;
  if (index >= FOUR_DIGIT_MONTHS.from && index < FOUR_DIGIT_MONTHS.to) {
    // the same steps in day numbers: the corresponding day's eve, or the month's last day where it has none
    const ty = Math.floor(index / 12);
    const tm = (index % 12) + 1;
    const last = daysInMonth(ty, tm);
    if (dayOf(p) > last) return writeDate(ty, tm, last);
    return writeDaysAfter(ty, tm, dayOf(p), -1)!;
  }
  if (monthAdditionClamps(firstDay, months)) return addMonths(firstDay, months);
  return addDays(addMonths(firstDay, months), -1);
}

/** True when `day` falls inside the period of `months` months whose first day is `firstDay` (both ends included). */
export function withinPeriod(firstDay: string, months: number, day: string): boolean {
  return day >= firstDay && day <= periodLastDay(firstDay, months);
}

/** True when `addMonths` had to move the day to the month's end. */
export function monthAdditionClamps(date: string, months: number): boolean {
  const p = packedIsoDate(date);
  const index = p >= 0 ? monthIndexAfter(p, months) : NaN;
  // the moved date has a four-digit year (a period from a date near YEAR_MAX may end after it): its day is the day moved or the month's last
  if (index >= FOUR_DIGIT_MONTHS.from && index < FOUR_DIGIT_MONTHS.to) return dayOf(p) > daysInMonth(Math.floor(index / 12), (index % 12) + 1);
  // otherwise as it always was (a moved date outside the years reads as no date and throws)
  return parseIsoDate(addMonths(date, months))!.d !== parseIsoDate(date)!.d;
}

/** Excel's serial day number (1900 date system, with its phantom 1900-02-29) to an ISO date. */
/** Excel's last day, 9999-12-31, as its serial day number (1900 system): no later serial is a date. */
export const LAST_EXCEL_SERIAL = 2_958_465;

export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isInteger(serial) || serial < 61 || serial > LAST_EXCEL_SERIAL) return undefined;
  return writeDayNumber(serial - 25_569)!;
}

/** An ISO date to Excel's serial day number (dates from 1900-03-01 on). */
export function isoToExcelSerial(date: string): number {
  const p = packedIsoDate(date);
  if (p < 0) return toDayNumber(parseIsoDate(date)!) + 25_569;
  return daysFromCivil(yearOf(p), monthOf(p), dayOf(p)) + 25_569;
}
