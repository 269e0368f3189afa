/**
 * The headers the app's middleware puts on every answer (`X-Ruleset-Version` and the path's security headers,
 * worker/app.ts; an open route's CORS, open-cors.ts), gathered while the request goes in and set once the answer
 * is made, by the outermost middleware:
 * - each middleware adds its headers before the route runs (`addAnswerHeaders`); an inner one's come first, as
 *   they did when each set its own on the way out;
 * - a set of headers is an immutable value made once per combination (a handful in all), and so is the `Headers`
 *   object of a set with a content type: a route that answers often (a quick check) makes its Response with it
 *   (`respond`), which the runtime copies in one call, where each `headers.set` is a call of its own; such an
 *   answer is not set again (`finishAnswerHeaders`).
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';

export type HeaderEntries = readonly (readonly [string, string])[];

export class AnswerHeaders {
  readonly entries: HeaderEntries;
  /** The added lists it was made of, so a list added twice (two patterns matching one path) counts once. */
  private readonly parts: readonly HeaderEntries[];
  private readonly extended = new Map<HeaderEntries, AnswerHeaders>();
  private readonly byType = new Map<string, Headers>();

  constructor(entries: HeaderEntries, parts: readonly HeaderEntries[] = [entries]) {
    this.entries = entries;
    this.parts = parts;
  }

  /** This set with `first` (a module's constant list: the sets made stay few) before its own entries. */
  with(first: HeaderEntries): AnswerHeaders {
    if (this.parts.includes(first)) return this;
    let set = this.extended.get(first);
    if (!set) this.extended.set(first, (set = new AnswerHeaders([...first, ...this.entries], [first, ...this.parts])));
    return set;
  }

  /** A `Headers` of `content-type` and this set, made once; a Response made with it gets a copy. */
  headersWith(contentType: string): Headers {
    let headers = this.byType.get(contentType);
    if (!headers) this.byType.set(contentType, (headers = new Headers([['content-type', contentType], ...this.entries] as [string, string][])));
    return headers;
  }
}

/** Starts a request's headers (the outermost middleware, before the route). */
export function startAnswerHeaders(c: Context<AppEnv>, set: AnswerHeaders): void {
  c.set('answerHeaders', set);
}

/** Adds a middleware's constant headers to the request's (before the route runs). */
export function addAnswerHeaders(c: Context<AppEnv>, first: HeaderEntries): void {
  const set = c.get('answerHeaders');
  c.set('answerHeaders', set ? set.with(first) : new AnswerHeaders(first));
}

/** An answer with its content type and every header the middleware gathered for it. */
export function respond(c: Context<AppEnv>, body: BodyInit | null, status: number, contentType: string): Response {
  const set = c.get('answerHeaders');
  if (!set) return new Response(body, { status, headers: { 'content-type': contentType } });
  const response = new Response(body, { status, headers: set.headersWith(contentType) });
  // noted in the request's own variables, not in a map of answers (every answer a key: the collector's work on each pass)
  c.set('answerMade', response);
  c.set('answerMadeWith', set);
  return response;
}

/** Sets the request's headers on its answer, unless it was made with them (the outermost middleware, after the route). */
export function finishAnswerHeaders(c: Context<AppEnv>): void {
  const set = c.get('answerHeaders');
  const response = c.res;
  if (!set || (c.get('answerMade') === response && c.get('answerMadeWith') === set)) return;
  const headers = response.headers;
  for (const [name, value] of set.entries) headers.set(name, value);
}
