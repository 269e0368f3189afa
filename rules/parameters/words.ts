/**
 * A parameter's latest value as prose shows it, for what has no claim date (a rule's title,
 * description, labels): texts read the number here instead of writing it.
 */
import { Dec, percent } from '../core/decimal.ts';
import { parameterIn, servedParameters } from './index.ts';
import { latestValue as latestIn, type Parameter, type Value } from './types.ts';

/** A parameter's latest value in the served set (a plan's number has its history only there): for what has no claim date. */
export const latestValue = <T extends Value>(p: Parameter<T>): T => latestIn(parameterIn(servedParameters, p));
const latestScalar = (p: Parameter<string | number>) => latestIn(parameterIn(servedParameters, p));

/** 5, 1500, 40 */
export const num = (p: Parameter<string | number>): string => String(latestScalar(p));
/** A ratio as a percentage: 0.015 → "1.5%". */
export const pct = (p: Parameter<string | number>): string => percent(new Dec(latestScalar(p)));
/** The same, English style: "1.5 %". */
export const pctEn = (p: Parameter<string | number>): string => pct(p).replace('%', ' %');
/** Thousands separated, English style: 200000 → "200,000". */
export const grouped = (p: Parameter<string | number>): string => new Dec(latestScalar(p)).toNumber().toLocaleString('en-US');
/** In 万 (ten thousands), Chinese style: 200000 → "20万". */
export const wan = (p: Parameter<string | number>): string => `${new Dec(latestScalar(p)).div(10000).toFixed()}万`;
