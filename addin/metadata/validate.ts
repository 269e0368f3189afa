/**
 * Checks generated custom-function metadata against the rules Excel and Microsoft's tooling enforce
 * (custom-functions-metadata's parser, the JSON metadata reference): ids, names, parameter types,
 * dimensionality, optional and repeating parameters, description lengths, uniqueness.
 */
import { DESCRIPTION_LIMIT, type FunctionsFile } from './generate.ts';

const ID = /^[A-Za-z][A-Za-z0-9._]*$/;
const NAME = /^\p{L}[\p{L}0-9._]*$/u;
const TYPES = new Set(['number', 'string', 'boolean', 'any']);
const DIMENSIONS = new Set(['scalar', 'matrix']);

export function validateMetadata(file: FunctionsFile): string[] {
  const errors: string[] = [];
  if (!Array.isArray(file.functions) || file.functions.length === 0) return ['functions must be a non-empty array'];
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const fn of file.functions) {
    const at = `function ${fn.id}`;
    if (typeof fn.id !== 'string' || !ID.test(fn.id)) errors.push(`${at}: id must start with a letter and hold only A-Z, a-z, 0-9, "." and "_"`);
    if (fn.id.length < 3 || fn.id.length > 64) errors.push(`${at}: id must be 3–64 characters`);
    if (ids.has(fn.id.toUpperCase())) errors.push(`${at}: duplicate id`);
    ids.add(fn.id.toUpperCase());
    if (typeof fn.name !== 'string' || !NAME.test(fn.name))
      errors.push(`${at}: name "${fn.name}" must start with a letter and hold only letters, 0-9, "." and "_"`);
    if (fn.name.length < 3 || fn.name.length > 64) errors.push(`${at}: name "${fn.name}" must be 3–64 characters`);
    if (names.has(fn.name.toUpperCase())) errors.push(`${at}: duplicate name "${fn.name}"`);
    names.add(fn.name.toUpperCase());
    if (!fn.description || fn.description.length > DESCRIPTION_LIMIT) errors.push(`${at}: description must be 1–${DESCRIPTION_LIMIT} characters`);
    const parameterNames = new Set<string>();
    let seenOptional = false;
    fn.parameters.forEach((p, i) => {
      const where = `${at} parameter ${i + 1} (${p.name})`;
      if (!p.name || p.name.length > 64) errors.push(`${where}: name must be 1–64 characters`);
      if (parameterNames.has(p.name)) errors.push(`${where}: duplicate parameter name`);
      parameterNames.add(p.name);
      if (!p.description || p.description.length > DESCRIPTION_LIMIT) errors.push(`${where}: description must be 1–${DESCRIPTION_LIMIT} characters`);
      if (!TYPES.has(p.type)) errors.push(`${where}: type "${p.type}" is not number, string, boolean or any`);
      if (p.dimensionality !== undefined && !DIMENSIONS.has(p.dimensionality)) errors.push(`${where}: dimensionality must be scalar or matrix`);
      if (p.optional) seenOptional = true;
      else if (seenOptional) errors.push(`${where}: a required parameter follows an optional one`);
      if (p.repeating && i !== fn.parameters.length - 1) errors.push(`${where}: only the last parameter may repeat`);
    });
    if (fn.result.type !== undefined && !TYPES.has(fn.result.type)) errors.push(`${at}: result type "${fn.result.type}" is invalid`);
    if (fn.result.dimensionality !== undefined && !DIMENSIONS.has(fn.result.dimensionality))
      errors.push(`${at}: result dimensionality must be scalar or matrix`);
  }
  return errors;
}
