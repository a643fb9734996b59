/**
 * A JSON Schema (2020-12) check for the keywords the API document uses, to hold real answers
 * against it. It refuses a keyword it doesn't know, so a schema it can't read fails the test
 * rather than passing unchecked.
 */
type Schema = Record<string, unknown> | boolean;

const KNOWN = new Set([
  '$ref',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'prefixItems',
  'enum',
  'const',
  'anyOf',
  'oneOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'pattern',
  // Annotations: they say, they don't constrain.
  'format',
  'default',
  'description',
  'title',
]);

const typeOf = (x: unknown) =>
  x === null ? 'null' : Array.isArray(x) ? 'array' : Number.isInteger(x) ? 'integer' : typeof x;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The faults of `value` against `schema`, each with its JSON path; empty when it conforms. */
export function validate(schema: Schema, value: unknown, root: Record<string, unknown>, at = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at}: nothing is allowed here`];
  for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`${at}: unknown keyword ${k}`);
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
    if (target === undefined) return [`${at}: $ref ${schema.$ref} resolves to nothing`];
    return validate(target as Schema, value, root, at);
  }
  const faults: string[] = [];
  const fail = (m: string) => faults.push(`${at}: ${m}`);
  const t = typeOf(value);
  if (schema.type !== undefined) {
    const types = ([] as unknown[]).concat(schema.type);
    if (!types.some((x) => x === t || (x === 'number' && t === 'integer'))) fail(`is ${t}, not ${types.join('|')}`);
  }
  if (schema.enum && !(schema.enum as unknown[]).some((x) => same(x, value))) fail(`is not one of the listed values`);
  if ('const' in schema && !same(schema.const, value)) fail(`is not ${JSON.stringify(schema.const)}`);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key] as Schema[] | undefined;
    if (!options) continue;
    const passing = options.filter((o) => validate(o, value, root, at).length === 0).length;
    if (key === 'anyOf' ? passing === 0 : passing !== 1) fail(`matches ${passing} of the ${key} options`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) fail('is too short');
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) fail('is too long');
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail('breaks its pattern');
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail('is below the minimum');
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail('is above the maximum');
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) fail('is too small');
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) fail('is too large');
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail('has too few items');
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail('has too many items');
    for (const [i, item] of ((schema.prefixItems as Schema[] | undefined) ?? []).entries())
      if (i < value.length) faults.push(...validate(item, value[i], root, `${at}[${i}]`));
    if (schema.items !== undefined)
      for (const [i, x] of value.entries()) faults.push(...validate(schema.items as Schema, x, root, `${at}[${i}]`));
  }
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required as string[] | undefined) ?? []) if (!(name in obj)) fail(`lacks ${name}`);
    for (const [name, x] of Object.entries(obj)) {
      if (schema.propertyNames) faults.push(...validate(schema.propertyNames as Schema, name, root, `${at}.${name}`));
      if (name in props) faults.push(...validate(props[name], x, root, `${at}.${name}`));
      else if (schema.additionalProperties !== undefined)
        faults.push(...validate(schema.additionalProperties as Schema, x, root, `${at}.${name}`));
    }
  }
  return faults;
}
