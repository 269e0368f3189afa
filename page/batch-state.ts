/**
 * The batch section's state that needs no page: the clerk's column mapping remembered per rule (in the
 * browser's storage; the task pane keeps the same text in the document), the sheet and mapping sent with
 * an upload, and the count of answered rows read off the streamed JSON answer as it arrives. Pure; tested
 * in Node.
 */
import type { RuleMetadata, Text } from '../rules/index.ts';

/** What a clerk's column can be mapped to: one of the rule's inputs, or the batch's own 序号/申报金额. */
export type ColumnTarget = string;

/** The clerk's header text → input name (or `rowId` / `claimed`). */
export type ColumnMapping = Record<string, ColumnTarget>;

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Where a rule's mapping is kept (browser storage on the page, document settings in the task pane). */
export const mappingKey = (rule: string) => `bt-columns:${rule}`;

/** The targets a column of this rule may be mapped to (inputs that are lists of records are not columns). */
export const columnTargets = (meta: Pick<RuleMetadata, 'inputs'>): ColumnTarget[] => [
  ...meta.inputs.filter((i) => i.type !== 'records').map((i) => i.name),
  'rowId',
  'claimed',
];

/** Keeps only entries whose header is text and whose target the rule still has. */
function cleaned(value: unknown, meta: Pick<RuleMetadata, 'inputs'>): ColumnMapping {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const targets = new Set(columnTargets(meta));
  const out: ColumnMapping = {};
  for (const [header, target] of Object.entries(value as Record<string, unknown>)) {
    if (header.trim() !== '' && typeof target === 'string' && targets.has(target)) out[header] = target;
  }
  return out;
}

/** A remembered mapping's stored text → the mapping (empty when none, or when the text is not ours). */
export function parseMapping(raw: string | null | undefined, meta: Pick<RuleMetadata, 'inputs'>): ColumnMapping {
  try {
    return raw ? cleaned(JSON.parse(raw), meta) : {};
  } catch {
    return {};
  }
}

/**
 * The clerk's choices added to a remembered mapping: each header mapped to a target is added (or
 * replaced); a header set back to "not computed" (`''`) is forgotten.
 */
export function mergeMapping(current: ColumnMapping, choices: Record<string, ColumnTarget | ''>, meta: Pick<RuleMetadata, 'inputs'>): ColumnMapping {
  const next = { ...current };
  for (const [header, target] of Object.entries(choices)) {
    if (target === '') delete next[header];
    else next[header] = target;
  }
  return cleaned(next, meta);
}

/** The mapping remembered for a rule in a key-value store. */
export function loadMapping(store: KeyValueStore | undefined, meta: Pick<RuleMetadata, 'id' | 'inputs'>): ColumnMapping {
  try {
    return parseMapping(store?.getItem(mappingKey(meta.id)), meta);
  } catch {
    return {};
  }
}

/** Remembers the clerk's choices for a rule (see `mergeMapping`); returns the mapping now remembered. */
export function rememberMapping(
  store: KeyValueStore | undefined,
  meta: Pick<RuleMetadata, 'id' | 'inputs'>,
  choices: Record<string, ColumnTarget | ''>,
): ColumnMapping {
  const kept = mergeMapping(loadMapping(store, meta), choices, meta);
  try {
    if (Object.keys(kept).length) store?.setItem(mappingKey(meta.id), JSON.stringify(kept));
    else store?.removeItem(mappingKey(meta.id));
  } catch {
    // storage full or forbidden: the mapping still goes with this upload
  }
  return kept;
}

/** A table's header row with the clerk's mapping applied: each mapped header cell becomes the input's name. */
export const mappedHeader = (headers: readonly unknown[], mapping: ColumnMapping): unknown[] =>
  headers.map((cell) => {
    const text = cell === undefined || cell === null ? '' : String(cell).trim();
    return Object.prototype.hasOwnProperty.call(mapping, text) ? mapping[text] : cell;
  });

/** Two choices naming one target: the second header, so the page can say which. */
export function duplicateTarget(choices: Record<string, ColumnTarget | ''>): { header: string; target: ColumnTarget } | undefined {
  const seen = new Set<string>();
  for (const [header, target] of Object.entries(choices)) {
    if (target === '') continue;
    if (seen.has(target)) return { header, target };
    seen.add(target);
  }
  return undefined;
}

/** The batch route's query: `cells=1`, the chosen sheet, the mapping as URL-encoded JSON. */
export function batchQuery(options: { sheet?: string; mapping?: ColumnMapping }): string {
  const params = new URLSearchParams({ cells: '1' });
  if (options.sheet) params.set('sheet', options.sheet);
  if (options.mapping && Object.keys(options.mapping).length) params.set('columns', JSON.stringify(options.mapping));
  return params.toString();
}

/** A sheet of the workbook as the Worker reports it: its name and what was found on it. */
export interface SheetFound {
  name: string;
  found: Text;
}

/** The sheets worth offering: a choice only when the workbook has more than one. */
export const sheetChoices = (sheets: readonly SheetFound[] | undefined): SheetFound[] => (sheets && sheets.length > 1 ? [...sheets] : []);

/**
 * The sheets to offer: the answer's own list when it has several, else the one the upload kept from
 * before, with what this answer found on the sheets it read.
 */
export function sheetsToOffer(upload: { sheets?: SheetFound[] }, listed: readonly SheetFound[] | undefined): SheetFound[] | undefined {
  if (listed && listed.length > 1) return [...listed];
  if (!upload.sheets) return listed ? [...listed] : undefined;
  return upload.sheets.map((kept) => listed?.find((s) => s.name === kept.name) ?? kept);
}

/**
 * Counts the rows of a JSON batch answer as its text arrives in pieces: the objects directly inside the
 * top-level `rows` array. Strings (with escapes) are skipped, so a `}` or `"rows"` in a clerk's cell does
 * not count. Also keeps the text before `rows`, whose `batchId` names the audited batch.
 */
export class StreamedRowCounter {
  rows = 0;
  batchId?: string;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The current top-level key's text while it is being read, and the last completed one. */
  private key = '';
  private lastKey = '';
  private rowsDepth = -1;
  private head = '';

  feed(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (this.rowsDepth < 0 && this.head.length < 4096) this.head += ch;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') {
          this.inString = false;
          if (this.depth === 1) this.lastKey = this.key;
        } else if (this.depth === 1) this.key += ch;
        continue;
      }
      if (ch === '"') {
        this.inString = true;
        this.key = '';
      } else if (ch === '{' || ch === '[') {
        this.depth++;
        if (ch === '[' && this.depth === 2 && this.lastKey === 'rows') {
          this.rowsDepth = 2;
          this.batchId ??= /"batchId":"([^"\\]*)"/.exec(this.head)?.[1];
        }
      } else if (ch === '}' || ch === ']') {
        if (ch === '}' && this.depth === 3 && this.rowsDepth === 2) this.rows++;
        if (ch === ']' && this.depth === 2 && this.rowsDepth === 2) this.rowsDepth = -2; // rows done
        this.depth--;
      }
    }
  }
}
