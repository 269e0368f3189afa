/**
 * The dates on which some parameter of the rules changes (inclusive `from` dates), oldest first.
 * `evaluate()` uses them to tell a clerk when an answer without a date depends on the date.
 * The parameter set holds them, made once when it is built (rules/parameters/set.ts).
 */
import { servedParameters, type ParameterSet } from '../parameters/index.ts';

export const parameterChangeDates = (set: ParameterSet = servedParameters): readonly string[] => set.changeDates;
