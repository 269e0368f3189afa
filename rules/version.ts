/**
 * The version of this ruleset: changes whenever a rule, a parameter or an interpretation changes,
 * so an answer can always be traced to the code that gave it.
 */
export const RULESET_VERSION = '2026.11.1';
