/**
 * A small JSON Schema validator for the subset the OpenAPI document uses: `$ref` (to `#/components/schemas/…`),
 * `type` (one or a list), `const`, `enum`, `anyOf`, `allOf`, `properties`, `required`, `additionalProperties`,
 * `items`, `minItems`, `minimum`, `maximum`, `exclusiveMinimum`, `pattern`, and the formats `date`, `date-time`
 * and `uuid`. It returns every mismatch with its path, so a failing test says where the answer left its schema.
 * A keyword it does not know fails the check rather than being ignored.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  '$ref',
  'type',
  'const',
  'enum',
  'anyOf',
  'allOf',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'pattern',
  'format',
  // annotations
  'description',
  'default',
  'example',
  'x-label',
  'x-aliases',
  'x-primary',
]);

const FORMATS: Record<string, RegExp> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  binary: /[\s\S]*/,
};

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function validate(schema: Schema, value: unknown, components: Record<string, Schema>, path = '$'): string[] {
  const errors: string[] = [];
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) errors.push(`${path}: the validator does not know the keyword ${key}`);
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = components[name];
    if (!target) return [...errors, `${path}: no schema ${schema.$ref}`];
    return [...errors, ...validate(target, value, components, path)];
  }
  if (schema.type !== undefined) {
    const types = (Array.isArray(schema.type) ? schema.type : [schema.type]) as string[];
    const actual = typeOf(value);
    if (!types.some((t) => t === actual || (t === 'number' && actual === 'integer'))) return [...errors, `${path}: ${actual} is not ${types.join(' or ')}`];
  }
  if ('const' in schema && !sameJson(schema.const, value)) errors.push(`${path}: ${JSON.stringify(value)} is not ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => sameJson(e, value)))
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (Array.isArray(schema.anyOf)) {
    const each = (schema.anyOf as Schema[]).map((s) => validate(s, value, components, path));
    if (!each.some((e) => e.length === 0)) errors.push(`${path}: matches none of anyOf (${each.map((e) => e[0]).join(' | ')})`);
  }
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf as Schema[]) errors.push(...validate(s, value, components, path));
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: "${value}" does not match ${schema.pattern}`);
    if (typeof schema.format === 'string') {
      const format = FORMATS[schema.format];
      if (!format) errors.push(`${path}: unknown format ${schema.format}`);
      else if (!format.test(value)) errors.push(`${path}: "${value}" is not a ${schema.format}`);
    }
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: ${value} < ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: ${value} > ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) errors.push(`${path}: ${value} <= ${schema.exclusiveMinimum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.items) value.forEach((item, i) => errors.push(...validate(schema.items as Schema, item, components, `${path}[${i}]`)));
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of (schema.required as string[] | undefined) ?? []) if (!(name in object)) errors.push(`${path}: ${name} is missing`);
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const [name, member] of Object.entries(object)) {
      if (properties[name]) errors.push(...validate(properties[name], member, components, `${path}.${name}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: ${name} is not allowed`);
      else if (typeof schema.additionalProperties === 'object')
        errors.push(...validate(schema.additionalProperties as Schema, member, components, `${path}.${name}`));
    }
  }
  return errors;
}
