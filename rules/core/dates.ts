/**
 * Calendar dates as ISO strings (YYYY-MM-DD). ISO strings compare correctly as strings,
 * so no Date object (and no time zone) is ever involved in a rule.
 */

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

/** The value of the ASCII digits of `text` from `at` to `end`, or NaN when one is not a digit. */
function digitsAt(text: string, at: number, end: number): number {
  let n = 0;
  for (let i = at; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** Parses a strict YYYY-MM-DD; undefined when the text is not a date that exists. */
export function parseIsoDate(value: string): YMD | undefined {
  // four digits, '-', two digits, '-', two digits, read digit by digit: a batch reads a date on every row
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const y = digitsAt(value, 0, 4);
  const m = digitsAt(value, 5, 7);
  const d = digitsAt(value, 8, 10);
  if (Number.isNaN(y) || Number.isNaN(m) || Number.isNaN(d)) return undefined;
  if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDate({ y, m, d }: YMD): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function toDayNumber({ y, m, d }: YMD): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromDayNumber(n: number): YMD {
  const date = new Date(n * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function addDays(date: string, days: number): string {
  return formatDate(fromDayNumber(toDayNumber(parseIsoDate(date)!) + days));
}

/**
 * Adds whole months; a day that does not exist in the target month becomes that month's last day
 * (1964-02-29 + 60 years → 2024-02-29, + 61 years → 2025-02-28). Interpretation `month-end-dates`.
 */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parseIsoDate(date)!;
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
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
  if (monthAdditionClamps(firstDay, months)) return addMonths(firstDay, months);
  return addDays(addMonths(firstDay, months), -1);
}

/** True when `day` falls inside the period of `months` months whose first day is `firstDay` (both ends included). */
export function withinPeriod(firstDay: string, months: number, day: string): boolean {
  return day >= firstDay && day <= periodLastDay(firstDay, months);
}

/** True when `addMonths` had to move the day to the month's end. */
export function monthAdditionClamps(date: string, months: number): boolean {
  return parseIsoDate(addMonths(date, months))!.d !== parseIsoDate(date)!.d;
}

/** Excel's serial day number (1900 date system, with its phantom 1900-02-29) to an ISO date. */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2_958_465) return undefined;
  return formatDate(fromDayNumber(serial - 25_569));
}

/** An ISO date to Excel's serial day number (dates from 1900-03-01 on). */
export function isoToExcelSerial(date: string): number {
  return toDayNumber(parseIsoDate(date)!) + 25_569;
}
