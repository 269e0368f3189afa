/**
 * An answer's JSON text, exactly what `JSON.stringify(answer)` writes, with the parts answers share written once:
 * a part marked shared (`sharedPart`: made once and never changed, such as a plan's clause and policy as answers
 * show them, an interpretation, a plan's undated warning, a rule's sources) is written from its text, made when
 * it was marked, wherever it stands at the answer's top level or in one of its top-level lists. Everything else is
 * `JSON.stringify`'s. A quick check's answer is mostly shared parts (the clause's text alone is a third of it).
 *
 * `writeAnswer` hands the text on in pieces, each shared part apart (the Worker copies a part's bytes, encoded
 * once, instead of encoding its text again); `answerJson` is the whole text.
 *
 * For plain data, as answers are: an answer with a `toJSON` of its own is left to `JSON.stringify` whole.
 */
const shared = new WeakMap<object, string>();

/** Marks a part as shared by answers, and returns it; it must never change afterwards (freeze it). */
export function sharedPart<T extends object>(part: T): T {
  if (!shared.has(part)) shared.set(part, JSON.stringify(part));
  return part;
}

/** Where an answer's text goes, in order: the text between shared parts, and each shared part with its text. */
export interface AnswerSink {
  text(text: string): void;
  part(part: object, text: string): void;
}

const sharedTextOf = (value: unknown) => (typeof value === 'object' && value !== null ? shared.get(value) : undefined);
const isShared = (value: unknown) => sharedTextOf(value) !== undefined;

/** A key as JSON writes it: most need no escape. */
const keyJson = (key: string) => (PLAIN_KEY.test(key) ? `"${key}"` : JSON.stringify(key));
const PLAIN_KEY = /^[\w$-]*$/;

export function writeAnswer(answer: object, sink: AnswerSink): void {
  if ('toJSON' in answer) return sink.text(JSON.stringify(answer));
  let text = '{';
  let first = true;
  for (const key of Object.keys(answer)) {
    const value = (answer as Record<string, unknown>)[key];
    const part = sharedTextOf(value);
    if (part !== undefined) {
      sink.text(`${text}${first ? '' : ','}${keyJson(key)}:`);
      sink.part(value as object, part);
      text = '';
    } else if (Array.isArray(value) && !('toJSON' in value) && value.some(isShared)) {
      // a list with shared parts, element by element (one without is written whole by JSON.stringify)
      text += `${first ? '' : ','}${keyJson(key)}:[`;
      for (let i = 0; i < value.length; i++) {
        const element: unknown = value[i];
        const elementPart = sharedTextOf(element);
        if (i > 0) text += ',';
        if (elementPart === undefined) text += JSON.stringify(element) ?? 'null';
        else {
          sink.text(text);
          sink.part(element as object, elementPart);
          text = '';
        }
      }
      text += ']';
    } else {
      const json = value === true ? 'true' : value === false ? 'false' : JSON.stringify(value);
      if (json === undefined) continue; // undefined, a function or a symbol: left out, as JSON.stringify does
      text += `${first ? '' : ','}${keyJson(key)}:${json}`;
    }
    first = false;
  }
  sink.text(`${text}}`);
}

/** The answer's whole text. */
export function answerJson(answer: object): string {
  let json = '';
  writeAnswer(answer, {
    text: (text) => (json += text),
    part: (_part, text) => (json += text),
  });
  return json;
}
