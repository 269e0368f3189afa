/**
 * The language of user-facing text in the add-in: Chinese unless Office says the UI is in another
 * language, or the clerk switched the task pane to English (shared runtime: one setting for both).
 */
import type { Text } from '../../rules/index.ts';
import { office } from '../office-host.ts';

export type Lang = 'zh' | 'en';

let chosen: Lang | undefined;

/** Set by the task pane's language switch. */
export function setLanguage(lang: Lang | undefined): void {
  chosen = lang;
}

export function uiLanguage(): Lang {
  if (chosen) return chosen;
  const display = office()?.context?.displayLanguage;
  if (typeof display === 'string' && display !== '') return display.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  return 'zh';
}

export const say = (text: Text, lang: Lang = uiLanguage()): string => text[lang];
