/**
 * An answer's JSON text, exactly what `JSON.stringify(answer)` writes, with the parts answers share written once:
 * a part marked shared (`sharedPart`: made once and never changed, such as a plan's clause and policy as answers
 * show them, an interpretation, a plan's undated warning, a rule's sources) is written from its text, made when
 * it was marked, wherever it stands at the answer's top level or in one of its top-level lists. Everything else is
 * `JSON.stringify`'s. A quick check's answer is mostly shared parts (the clause's text alone is a third of it).
 *
 * For plain data, as answers are: an answer with a `toJSON` of its own is left to `JSON.stringify` whole.
 */
const shared = new WeakMap<object, string>();

/** Marks a part as shared by answers, and returns it; it must never change afterwards (freeze it). */
export function sharedPart<T extends object>(part: T): T {
  if (!shared.has(part)) shared.set(part, JSON.stringify(part));
  return part;
}

/** A value's text, as `JSON.stringify` writes it inside an object (undefined: left out) or a list. */
function valueJson(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null) {
    const text = shared.get(value);
    if (text !== undefined) return text;
    if (Array.isArray(value) && !('toJSON' in value)) return listJson(value);
  }
  return JSON.stringify(value);
}

function listJson(list: readonly unknown[]): string {
  let text = '[';
  for (let i = 0; i < list.length; i++) text += (i === 0 ? '' : ',') + (valueJson(list[i]) ?? 'null');
  return text + ']';
}

export function answerJson(answer: object): string {
  if ('toJSON' in answer) return JSON.stringify(answer);
  let text = '';
  for (const key of Object.keys(answer)) {
    const value = valueJson((answer as Record<string, unknown>)[key]);
    if (value !== undefined) text += `${text === '' ? '{' : ','}${JSON.stringify(key)}:${value}`;
  }
  return text === '' ? '{}' : `${text}}`;
}
