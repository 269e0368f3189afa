/**
 * A parameter's latest value as prose shows it, for what has no claim date (a rule's title,
 * description, labels): texts read the number here instead of writing it.
 */
import { Dec, percent } from '../core/decimal.ts';
import { latestValue, type Parameter } from './types.ts';

/** 5, 1500, 40 */
export const num = (p: Parameter): string => String(latestValue(p));
/** A ratio as a percentage: 0.015 → "1.5%". */
export const pct = (p: Parameter): string => percent(new Dec(latestValue(p)));
/** The same, English style: "1.5 %". */
export const pctEn = (p: Parameter): string => pct(p).replace('%', ' %');
/** Thousands separated, English style: 200000 → "200,000". */
export const grouped = (p: Parameter): string => new Dec(latestValue(p)).toNumber().toLocaleString('en-US');
/** In 万 (ten thousands), Chinese style: 200000 → "20万". */
export const wan = (p: Parameter): string => `${new Dec(latestValue(p)).div(10000).toFixed()}万`;
