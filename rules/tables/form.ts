/**
 * The form reader: a sheet as an office fills it in → where its header is and what each column names.
 * Title rows, 填报单位/单位：元 lines, empty leading rows and columns are passed over; the header is the
 * row (or the pair of rows of a grouped header: a parent row of merged cells over the child labels)
 * among the first rows whose cells name the most inputs. The rows above it are the preamble. Columns
 * are named by the inputs' names, labels and aliases, or by the clerk's explicit mapping. A workbook's
 * sheet is the one asked for, else the first whose header matches (empty and 填表说明 sheets passed over).
 * Nothing here knows a rule by name: it reads the rule's metadata.
 */
import { normaliseHeader } from '../columns.ts';
import { isRecord } from '../core/coerce.ts';
import { commonInputs } from '../core/common-inputs.ts';
import type { Text } from '../core/text.ts';
import type { RuleMetadata } from '../metadata.ts';
import { isBlankCell } from './cells.ts';
import { acceptedColumns, columnOf, labelOf, readHeader, type TableColumn, type TableError } from './headers.ts';
import type { SheetCell, SheetRow, SheetSource, Workbook } from './sheet-source.ts';
import { noSheet } from './workbook-sheets.ts';

type Meta = Pick<RuleMetadata, 'id' | 'title' | 'inputs'>;

/** A row as a reader hands it out, maybe with why it could not be read (a malformed CSV record). */
export interface FormRow extends SheetRow {
  unreadable?: Text;
}

/** The clerk's own mapping: header text (as written) → an input's name, `rowId` or `claimed`. */
export type ColumnMapping = Readonly<Record<string, string>>;

/** The inputs every rule takes (所涉日期, 有效期外仍适用). */
const COMMON = new Set<string>(commonInputs.map((i) => i.name));

/** How many rows from the top are looked at for the header. */
export const HEADER_SCAN_ROWS = 30;

export interface HeaderFound {
  /** Each column from `offset` on, as read. */
  columns: TableColumn[];
  /** The header text of each column from `offset` on (the child label, else its parent's), as echoed. */
  headers: string[];
  /** Columns left of the table (a table starting at B3): 1. */
  offset: number;
  /** 0-based sheet row of the header's first row, and of its last row (the same for a one-row header). */
  firstRow: number;
  lastRow: number;
  /** The rows above the header, as text lines. */
  preamble: string[];
  /** How many distinct inputs the header names. */
  inputs: number;
  /** Header texts that name nothing the rule reads. */
  unmatched: string[];
}

export interface ClosestRow {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  cells: string[];
}

const cellText = (cell: SheetCell): string => (cell === undefined ? '' : String(cell).replace(/\s+/g, ' ').trim());

/** A row's distinct texts in order, a merged cell's copies once: a preamble line. */
export function rowLine(cells: readonly SheetCell[]): string {
  const out: string[] = [];
  for (const c of cells) {
    const t = cellText(c);
    if (t && out[out.length - 1] !== t) out.push(t);
  }
  return out.join('  ');
}

/** The header of one candidate: each column's text (a child's label over its parent's), its copies of a merge across columns blanked. */
function candidateTexts(rows: readonly SheetRow[]): string[] {
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const texts: string[] = [];
  for (let c = 0; c < width; c++) {
    let text = '';
    for (let r = rows.length - 1; r >= 0 && text === ''; r--) {
      const row = rows[r];
      const t = cellText(row.cells[c]);
      // a merged cell's copy in the next column (a parent over several children) names nothing by itself
      const acrossCopy = c > 0 && row.merged?.includes(c) && cellText(row.cells[c - 1]) === t;
      if (!acrossCopy) text = t;
    }
    texts.push(text);
  }
  return texts;
}

interface Scored {
  texts: string[];
  columns: TableColumn[];
  inputs: number;
  /** Of those, inputs of the rule's own (not the date every rule takes). */
  ruleInputs: number;
  own: number;
  /** Columns naming an input or the batch's own (a duplicate counted twice). */
  named: number;
  firstRow: number;
  lastRow: number;
  at: number;
  depth: number;
}

function resolve(texts: readonly string[], meta: Meta, mapping: ColumnMapping | undefined): TableColumn[] {
  return texts.map((t) => {
    const target = mapping ? mappedTarget(t, mapping) : undefined;
    if (target !== undefined) {
      if (target === 'rowId' || target === 'claimed') return { kind: target, header: t };
      const spec = meta.inputs.find((i) => i.name === target);
      if (spec) return { kind: 'input', name: spec.name, spec, header: t };
    }
    return columnOf(t, meta);
  });
}

export function mappedTarget(text: string, mapping: ColumnMapping): string | undefined {
  if (text === '') return undefined;
  if (Object.prototype.hasOwnProperty.call(mapping, text)) return mapping[text];
  const key = normaliseHeader(text);
  for (const k of Object.keys(mapping)) if (normaliseHeader(k) === key) return mapping[k];
  return undefined;
}

function score(rows: readonly SheetRow[], at: number, depth: number, meta: Meta, mapping: ColumnMapping | undefined): Scored {
  const texts = candidateTexts(rows.slice(at, at + depth));
  const columns = resolve(texts, meta, mapping);
  const names = new Set(columns.flatMap((c) => (c.kind === 'input' ? [c.name] : [])));
  const inputs = names.size;
  // the date every rule takes (所涉日期) does not by itself make a header the rule's
  const ruleInputs = [...names].filter((n) => !COMMON.has(n)).length;
  const own = new Set(columns.flatMap((c) => (c.kind === 'rowId' || c.kind === 'claimed' ? [c.kind] : []))).size;
  const named = columns.filter((c) => c.kind === 'input' || c.kind === 'rowId' || c.kind === 'claimed').length;
  return { texts, columns, inputs, ruleInputs: ruleInputs, own, named, firstRow: rows[at].row, lastRow: rows[at + depth - 1].row, at, depth };
}

/** Whether some cell of `next` (the row right below) is a copy of the cell above it, merged down from `row`. */
function mergedDownInto(row: SheetRow, next: SheetRow): boolean {
  if (next.row !== row.row + 1 || !next.merged?.length) return false;
  return next.merged.some((c) => cellText(next.cells[c]) !== '' && cellText(next.cells[c]) === cellText(row.cells[c]) && !row.merged?.includes(c));
}

/** Whether candidate a is a better header than b: more inputs named, then more of the batch's own columns, then ending earlier, then the grouped one. */
const better = (a: Scored, b: Scored | undefined): boolean =>
  !b ||
  a.inputs > b.inputs ||
  (a.inputs === b.inputs && (a.own > b.own || (a.own === b.own && (a.lastRow < b.lastRow || (a.lastRow === b.lastRow && a.depth > b.depth)))));

export type HeaderSearch = { ok: true; header: HeaderFound } | { ok: false; error: TableError; closest?: { row: number; cells: string[] }; empty: boolean };

/** Finds the header among the first rows of a sheet (already read, in order). */
export function locateHeader(rows: readonly SheetRow[], meta: Meta, mapping?: ColumnMapping): HeaderSearch {
  const filled = rows.filter((r) => r.cells.some((c) => !isBlankCell(c)));
  // A header names two columns at least (one when the rule reads one input): a notes sheet listing one input per row is no header.
  const needed = meta.inputs.filter((i) => i.type !== 'records').length > 1 ? 2 : 1;
  const hasOwnInputs = meta.inputs.some((i) => !COMMON.has(i.name));
  let best: Scored | undefined;
  let closest: Scored | undefined;
  for (let i = 0; i < filled.length; i++) {
    let top: Scored | undefined;
    // a row whose cells are merged down into the next row (序号, 旗县区 over both header rows) is a header only with that row
    const continued = i + 1 < filled.length && mergedDownInto(filled[i], filled[i + 1]);
    for (const depth of [1, 2]) {
      if (i + depth > filled.length) continue;
      // a grouped header's two rows are next to each other in the sheet, and its parent row names a column itself (序号, 旗县区 merged down)
      if (depth === 2 && (filled[i + 1].row !== filled[i].row + 1 || !top || top.named === 0)) continue;
      const s = score(filled, i, depth, meta, mapping);
      if (depth === 1) top = s;
      if (depth === 1 && (!closest || s.inputs + s.own > closest.inputs + closest.own)) closest = s;
      if (depth === 1 && continued) continue;
      if ((s.ruleInputs > 0 || !hasOwnInputs) && s.named >= needed && better(s, best)) best = s;
    }
  }
  if (!best) {
    const empty = filled.length === 0;
    const looked = filled.length ? `第 ${filled[0].row + 1}–${filled[filled.length - 1].row + 1} 行` : '';
    const lookedEn = filled.length ? `rows ${filled[0].row + 1}–${filled[filled.length - 1].row + 1}` : '';
    const near = closest && closest.texts.some((t) => t) ? closest : filled[0] ? score(filled, 0, 1, meta, mapping) : undefined;
    const shown = near
      ? near.texts
          .filter((t) => t)
          .slice(0, 10)
          .map((t) => `“${t.slice(0, 40)}”`)
          .join('、')
      : '';
    const { zh: acceptedZh, en: accepted } = acceptedColumns(meta);
    return {
      ok: false,
      empty,
      closest: near && { row: near.firstRow + 1, cells: near.texts },
      error: {
        code: empty ? 'empty-batch' : 'unknown-column',
        field: 'header',
        message: empty
          ? { zh: '表格是空的：没有表头行和数据行', en: 'The table is empty: no header row and no data rows' }
          : {
              zh: `找不到“${meta.title.zh}”的表头：查看了${looked}，没有一行的列名是本规则的输入项；最接近的是第 ${near ? near.firstRow + 1 : 1} 行（${shown}）。可用的列：${acceptedZh}；也可指定列对应关系（columns）`,
              en: `No header of rule ${meta.id} found: looked at ${lookedEn}, no row names an input; the closest is row ${near ? near.firstRow + 1 : 1} (${shown}). Accepted columns: ${accepted}; or give a column mapping (columns)`,
            },
      },
    };
  }
  // Leading columns left of the table (blank in the header and every header row) are not columns.
  let offset = 0;
  while (offset < best.texts.length && best.texts[offset] === '') offset++;
  let width = best.texts.length;
  while (width > offset && best.texts[width - 1] === '') width--;
  const texts = best.texts.slice(offset, width);
  const columns = best.columns.slice(offset, width);
  const preamble = filled.filter((r) => r.row < best.firstRow).map((r) => rowLine(r.cells));
  const unmatched = columns.flatMap((c) => (c.kind === 'extra' ? [c.header] : []));
  return { ok: true, header: { columns, headers: texts, offset, firstRow: best.firstRow, lastRow: best.lastRow, preamble, inputs: best.inputs, unmatched } };
}

/** Checks a header found (two columns naming one input, lists of records) with the table module's header reading. */
export function checkHeader(header: HeaderFound, meta: Meta): TableError | undefined {
  // readHeader re-reads texts: pass the mapped columns' own names where a mapping named them
  const names = header.columns.map((c, i) => (c.kind === 'input' ? c.name : c.kind === 'rowId' || c.kind === 'claimed' ? c.kind : header.headers[i]));
  const reading = readHeader(names, meta);
  if (reading.ok) return undefined;
  if (reading.error.code !== 'unknown-column' || reading.error.field === 'header') return reading.error;
  // a duplicate: say it with the clerk's header texts
  const name = reading.error.field!;
  const [a, b] = header.columns.flatMap((c, i) => ((c.kind === 'input' ? c.name : c.kind) === name ? [header.headers[i]] : []));
  const label = labelOf(meta, name);
  return {
    code: 'unknown-column',
    field: name,
    message: { zh: `列“${a}”与列“${b}”指的是同一输入项“${label}”`, en: `Columns "${a}" and "${b}" both name the input ${name}` },
  };
}

/** Refuses a mapping whose targets are not the rule's inputs (nor rowId/claimed): the message names them. */
export function checkMapping(mapping: unknown, meta: Meta): { ok: true; mapping: ColumnMapping } | { ok: false; error: TableError } {
  const bad = (zh: string, en: string): { ok: false; error: TableError } => ({
    ok: false,
    error: { code: 'unknown-column', field: 'columns', message: { zh, en } },
  });
  if (!isRecord(mapping)) {
    return bad('列对应关系 columns 应为 JSON 对象：{"表头文字": "输入项名"}', 'columns must be a JSON object {"header text": "input name"}');
  }
  const out: Record<string, string> = {};
  const unknown: string[] = [];
  for (const [header, target] of Object.entries(mapping as Record<string, unknown>)) {
    const name = typeof target === 'string' ? target.trim() : '';
    const spec = meta.inputs.find((i) => i.name === name || i.label.zh === name);
    if (name === 'rowId' || name === 'claimed') out[header] = name;
    else if (spec && spec.type !== 'records') out[header] = spec.name;
    else unknown.push(`${header} → ${typeof target === 'string' ? target : JSON.stringify(target)}`);
  }
  if (unknown.length) {
    const names = meta.inputs
      .filter((i) => i.type !== 'records')
      .map((i) => `${i.name}（${i.label.zh}）`)
      .concat(['rowId', 'claimed'])
      .join('、');
    return bad(`列对应关系中有未知的输入项：${unknown.join('；')}。可用：${names}`, `Unknown targets in columns: ${unknown.join('; ')}. Accepted: ${names}`);
  }
  return { ok: true, mapping: out };
}

/** A sheet whose name says it holds instructions, not a table. */
const INSTRUCTIONS = /说明|须知|注意事项|instructions?|readme/i;

export interface SheetFound {
  name: string;
  found: Text;
}

/** A form read: its sheet (workbooks), header, and the rows below it, one at a time. */
export interface Form {
  sheet?: string;
  sheets?: SheetFound[];
  header: HeaderFound;
  /** The sheet's last row number, when the reader knows it before reading (workbooks). */
  lastRow?: number;
  /** The next row below the header, or undefined at the end. */
  next(): FormRow | undefined;
}

export type FormReading = { ok: true; form: Form } | { ok: false; status: 413 | 422; error: TableError & { sheets?: SheetFound[]; closest?: ClosestRow } };

/** Reads the first rows of a sheet, finds its header, and hands out the rest. */
function readSource(source: SheetSource, meta: Meta, mapping: ColumnMapping | undefined): { search: HeaderSearch; form?: Form } {
  const head: FormRow[] = [];
  for (let i = 0; i < HEADER_SCAN_ROWS; i++) {
    const row = source.next();
    if (!row) break;
    head.push(row);
  }
  const search = locateHeader(
    head.filter((r) => !(r as FormRow).unreadable),
    meta,
    mapping,
  );
  if (!search.ok) return { search };
  const header = search.header;
  let at = head.findIndex((r) => r.row > header.lastRow);
  if (at < 0) at = head.length;
  const read = (): FormRow | undefined => {
    if (at < head.length) {
      const row = head[at];
      head[at++] = undefined as never;
      return row;
    }
    return source.next();
  };
  // Blank rows between filled ones (a workbook leaves them out) are handed out as blank rows, so every row keeps its place.
  let last = header.lastRow;
  let pending: FormRow | undefined;
  return {
    search,
    form: {
      header,
      ...(source.lastRow !== undefined ? { lastRow: source.lastRow } : {}),
      next: () => {
        pending ??= read();
        if (!pending) return undefined;
        if (pending.row > last + 1) return { row: ++last, cells: [] };
        const row = pending;
        pending = undefined;
        last = row.row;
        return row;
      },
    },
  };
}

const foundHeader = (h: HeaderFound): Text => ({
  zh: `第 ${h.firstRow + 1} 行起为表头，对应 ${h.inputs} 个输入项`,
  en: `a header on row ${h.firstRow + 1} naming ${h.inputs} input${h.inputs === 1 ? '' : 's'}`,
});

/** A CSV or other one-sheet table. */
export function readFormSource(source: SheetSource, meta: Meta, mapping?: ColumnMapping): FormReading {
  const { search, form } = readSource(source, meta, mapping);
  if (!search.ok)
    return { ok: false, status: 422, error: { ...search.error, ...(search.closest ? { closest: { sheet: source.name, ...search.closest } } : {}) } };
  const invalid = checkHeader(form!.header, meta);
  if (invalid) return { ok: false, status: 422, error: invalid };
  return { ok: true, form: form! };
}

/** A workbook: the sheet named, else the first whose header matches the rule. Every sheet looked at is listed with what was found on it. */
export function readFormWorkbook(workbook: Workbook, meta: Meta, options: { sheet?: string; mapping?: ColumnMapping } = {}): FormReading {
  const reading = formWorkbook(workbook, meta, options);
  for (let step = reading.next(); ; step = reading.next()) if (step.done) return step.value;
}

/**
 * The same, for a workbook read ahead (the Worker's `.xlsx`): each sheet is prepared (`workbook.prepare`,
 * sheet-source.ts) just before it is opened, so the sheet read is the sheet inflated ahead, whichever it is.
 */
export async function readFormWorkbookAhead(workbook: Workbook, meta: Meta, options: { sheet?: string; mapping?: ColumnMapping } = {}): Promise<FormReading> {
  const reading = formWorkbook(workbook, meta, options);
  for (let step = reading.next(); ; step = reading.next()) {
    if (step.done) return step.value;
    await workbook.prepare?.(step.value);
  }
}

/** The one reading of a workbook's sheets: yields the name of each sheet just before it opens it. */
function* formWorkbook(workbook: Workbook, meta: Meta, options: { sheet?: string; mapping?: ColumnMapping }): Generator<string, FormReading, void> {
  const sheets: SheetFound[] = [];
  let closest: ClosestRow | undefined;
  let closestScore = -1;
  const names = options.sheet === undefined ? workbook.sheets.map((s) => s.name) : [options.sheet];
  if (options.sheet !== undefined && !workbook.sheets.some((s) => s.name === options.sheet)) {
    const refused = noSheet(options.sheet, workbook.sheets);
    return { ...refused, error: { ...refused.error, sheets: workbook.sheets.map((s) => ({ name: s.name, found: { zh: '未读取', en: 'not read' } })) } };
  }
  let lastError: TableError | undefined;
  for (const name of names) {
    if (options.sheet === undefined && INSTRUCTIONS.test(name)) {
      sheets.push({ name, found: { zh: '填表说明，已跳过', en: 'instructions, passed over' } });
      continue;
    }
    yield name;
    const opened = workbook.open(name);
    if (!opened.ok) return { ok: false, status: opened.status, error: { ...opened.error, sheets } };
    const { search, form } = readSource(opened.value, meta, options.mapping);
    if (search.ok) {
      const invalid = checkHeader(search.header, meta);
      sheets.push({
        name,
        found: invalid ? { zh: `表头有误：${invalid.message.zh}`, en: `header refused: ${invalid.message.en}` } : foundHeader(search.header),
      });
      if (invalid) {
        lastError = invalid;
        if (options.sheet !== undefined) break;
        continue;
      }
      for (const rest of workbook.sheets.slice(workbook.sheets.findIndex((s) => s.name === name) + 1))
        sheets.push({ name: rest.name, found: { zh: '未读取', en: 'not read' } });
      return { ok: true, form: { ...form!, sheet: name, sheets } };
    }
    if (search.empty) sheets.push({ name, found: { zh: '空表', en: 'empty' } });
    else {
      const near = search.closest;
      sheets.push({ name, found: { zh: `未找到表头（最接近：第 ${near?.row ?? 1} 行）`, en: `no header found (closest: row ${near?.row ?? 1})` } });
      const named = near ? near.cells.filter((t) => t).length : 0;
      if (near && named > closestScore) {
        closestScore = named;
        closest = { sheet: name, ...near };
      }
    }
  }
  const list = sheets.map((s) => `“${s.name}”：${s.found.zh}`).join('；');
  const listEn = sheets.map((s) => `"${s.name}": ${s.found.en}`).join('; ');
  if (lastError) return { ok: false, status: 422, error: { ...lastError, sheets } };
  return {
    ok: false,
    status: 422,
    error: {
      code: 'unknown-column',
      field: 'header',
      message: {
        zh: `工作簿中没有一张工作表有“${meta.title.zh}”的表头。${list}`,
        en: `No sheet of the workbook has a header of rule ${meta.id}. ${listEn}`,
      },
      sheets,
      ...(closest ? { closest } : {}),
    },
  };
}
