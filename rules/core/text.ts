/** Bilingual text: every message, label and step has a Chinese and an English form. */
export interface Text {
  zh: string;
  en: string;
}

export const text = (zh: string, en: string): Text => ({ zh, en });
