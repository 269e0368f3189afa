/**
 * The page's state in its address, so a case can be shared: `/?rule=<id>&lang=en&<input>=<value>…`.
 * Opening such an address fills the form and computes at once.
 */
import type { Lang } from './i18n.ts';
import type { RawValues } from './form.ts';

export interface PageState {
  rule?: string;
  lang: Lang;
  values: RawValues;
}

const RESERVED = new Set(['rule', 'lang']);

export function readState(search: string): PageState {
  const params = new URLSearchParams(search);
  const values: RawValues = {};
  for (const [name, value] of params) if (!RESERVED.has(name)) values[name] = value;
  return { rule: params.get('rule') ?? undefined, lang: params.get('lang') === 'en' ? 'en' : 'zh', values };
}

export function stateQuery(state: PageState): string {
  const params = new URLSearchParams();
  if (state.rule) params.set('rule', state.rule);
  if (state.lang === 'en') params.set('lang', 'en');
  for (const [name, value] of Object.entries(state.values)) params.set(name, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Replaces the address without reloading or adding a history entry. */
export function writeState(state: PageState): string {
  const url = `${location.pathname}${stateQuery(state)}`;
  history.replaceState(null, '', url);
  return new URL(url, location.href).href;
}
