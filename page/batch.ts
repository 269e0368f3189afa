/**
 * The batch section: sends an uploaded table's bytes (CSV/text in any encoding the Worker reads, or an
 * .xlsx/.xls workbook) to `POST /v1/batch/{rule}?cells=1`, shows rows answered as the answer streams (with
 * a cancel), then the sheet read, the lines above its header, the counts, the budget totals, the rows that
 * need attention (hidden rows marked) and the rows not computed with their reasons; offers the other
 * sheets of a workbook and, for columns not understood, a choice of inputs; writes the result as xlsx or
 * CSV from that one answer with the shared table writers (rules/tables): one request, one audited batch.
 * A row's outcome is named in the rules package's one vocabulary (ROW_VERDICT_WORDS).
 */
import {
  answerCsvHead,
  answerCsvPreamble,
  answerCsvRow,
  answerTotalCells,
  BATCH_COLUMN_LABELS,
  claimedColumn,
  csvLine,
  messageIn,
  ROW_VERDICT_WORDS,
  startAnswerSheet,
  totalsMessage,
  verdictOf,
  writeSummarySheet,
  xlsxBytes,
  type RuleMetadata,
} from '../rules/index.ts';
import { batchAnswer, type Answer, type ApiError, type BatchMoneyTotals, type BatchProgress, type BatchSummaryBody } from './api.ts';
import { columnTargets, duplicateTarget, sheetChoices, sheetsToOffer, type ColumnMapping, type SheetFound } from './batch-state.ts';

export { sheetsToOffer };
import { h } from './dom.ts';
import { colon, lang, listSep, paren, t, tf, tr } from './i18n.ts';

/** Rows listed on the page; the full answer is in the downloads. */
const LISTED_ROWS = 50;

export interface Upload {
  rule: string;
  key: string;
  fileName: string;
  bytes: ArrayBuffer;
  /** The sheet the clerk chose (else the Worker reads the first sheet whose header matches). */
  sheet?: string;
  /** The clerk's header → input choices sent with the upload. */
  mapping?: ColumnMapping;
  /** The workbook's sheets as a first answer listed them (an answer for a chosen sheet lists only that one). */
  sheets?: SheetFound[];
}

export const sendBatch = (upload: Upload, onProgress?: (progress: BatchProgress) => void, signal?: AbortSignal): Promise<Answer<BatchSummaryBody>> =>
  batchAnswer(
    { ruleId: upload.rule, key: upload.key, fileName: upload.fileName, bytes: upload.bytes, sheet: upload.sheet, mapping: upload.mapping },
    onProgress,
    signal,
  );

type Row = BatchSummaryBody['rows'][number];

const verdictText = (r: Row) => tr(ROW_VERDICT_WORDS[verdictOf(r)]);

/** A row's message in the page's words: a refusal as the page says it, the conditions a case fails, its warnings. */
function rowMessage(r: Row): string {
  const parts: string[] = [];
  if (r.error) parts.push(tr(messageIn('page', r.error)));
  if (r.eligible === false) parts.push(...(r.failedConditions ?? []).map((c) => tr(c.message)));
  if (r.status === 'skipped' && r.reason) parts.push(tr(r.reason));
  parts.push(...(r.warnings ?? []).map(tr));
  return parts.join(listSep());
}

const rowLabel = (r: Row) => r.rowId ?? String(r.index + 1);

/** A hidden (or filtered-out) row of the sheet: flagged by the reader. */
const isHidden = (r: Row) => r.hidden === true;

const COUNTS = ['ok', 'mismatch', 'invalid', 'skipped'] as const;
const MONEY = ['computed', 'claimed', 'difference', 'cityShare', 'districtShare'] as const;
const moneyLabel = (k: (typeof MONEY)[number]) => t(k === 'claimed' ? 'claimedTotal' : k);

function totalsTable(body: BatchSummaryBody): HTMLElement | null {
  const totals = body.summary.totals;
  if (!totals) return null;
  const shown = MONEY.filter((k) => totals[k] !== undefined);
  const line = (name: string, sums: BatchMoneyTotals, key?: string) =>
    h(
      'tr',
      key ? { 'data-district': key } : { 'data-total': 'all' },
      h('th', { scope: 'row' }, name),
      ...shown.map((k) => h('td', { 'data-money': k }, sums[k] ?? '')),
    );
  const districts = Object.entries(totals.byDistrict ?? {});
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { id: 'batch-totals' },
      h('caption', {}, t('totals')),
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, districts.length ? t('district') : ''), ...shown.map((k) => h('th', { scope: 'col' }, moneyLabel(k)))),
      ),
      h('tbody', {}, line(t('summary'), totals), ...districts.map(([name, sums]) => line(name, sums, name))),
    ),
    // which rows each total is over, in the answer files' words
    h('p', { class: 'hint', id: 'batch-totals-note' }, totalsMessage(body.summary, lang())),
  );
}

const listWords = (items: readonly string[]) => items.join(lang() === 'zh' ? '、' : ', ');

/** The sheet read, its header's row and the lines above it. */
function sourceFacts(body: BatchSummaryBody): (HTMLElement | null)[] {
  const facts = h(
    'dl',
    { class: 'facts', id: 'batch-source' },
    body.sheet ? [h('dt', {}, t('sheetRead')), h('dd', { 'data-sheet': body.sheet }, body.sheet)] : null,
    body.headerRow ? [h('dt', {}, t('headerRow')), h('dd', { 'data-header-row': String(body.headerRow) }, String(body.headerRow))] : null,
  );
  const preamble = body.preamble?.filter((line) => line.trim() !== '') ?? [];
  return [
    facts.childElementCount ? facts : null,
    preamble.length
      ? h(
          'div',
          { class: 'preamble', id: 'batch-preamble' },
          h('p', { class: 'hint' }, t('preamble')),
          h(
            'ul',
            {},
            preamble.map((line) => h('li', {}, line)),
          ),
        )
      : null,
  ];
}

export interface BatchHandlers {
  onDownload: (kind: 'xlsx' | 'csv') => void;
  /** Check another sheet of the same workbook. */
  onSheet: (sheet: string) => void;
  /** Check again with the clerk's choice for each column not understood ('' = not computed). */
  onMapping: (choices: Record<string, string>) => void;
  /** Forget the rule's remembered mapping and check again without it. */
  onForget: () => void;
}

/** The remembered choices this table used, and a button to forget them. */
function mappingInUse(meta: RuleMetadata, columns: readonly string[], remembered: ColumnMapping, onForget: () => void): HTMLElement | null {
  const used = Object.entries(remembered).filter(([header]) => columns.some((c) => String(c ?? '').trim() === header));
  if (!used.length) return null;
  const forget = h('button', { type: 'button', id: 'mapping-forget' }, t('mappingForget'));
  forget.addEventListener('click', onForget);
  return h(
    'div',
    { class: 'mapping-used', id: 'batch-mapping-used' },
    h('p', { class: 'hint' }, `${t('mappingInUse')}${used.map(([header, target]) => `${header} → ${targetLabel(meta, target)}`).join(listSep())}`),
    forget,
  );
}

/** A choice of the workbook's sheets, each with what was found on it, and a button to check the one chosen. */
export function sheetPicker(sheets: readonly SheetFound[] | undefined, current: string | undefined, onSheet: (sheet: string) => void): HTMLElement | null {
  const choices = sheetChoices(sheets);
  if (!choices.length) return null;
  const select = h(
    'select',
    { id: 'batch-sheet', name: 'sheet', 'aria-describedby': 'batch-sheet-found' },
    choices.map((s) => h('option', { value: s.name, selected: s.name === current }, `${s.name}${paren(tr(s.found))}`)),
  );
  const apply = h('button', { type: 'button', id: 'batch-sheet-apply' }, t('sheetApply'));
  apply.addEventListener('click', () => onSheet((select as HTMLSelectElement).value));
  return h(
    'div',
    { class: 'sheet-choice field', id: 'batch-sheet-choice' },
    h('label', { for: 'batch-sheet' }, t('sheetChoice')),
    h('div', { class: 'control-row' }, select, apply),
    h('p', { class: 'hint', id: 'batch-sheet-found' }, `${t('sheetFound')}${colon()}${choices.map((s) => `${s.name}${paren(tr(s.found))}`).join(listSep())}`),
  );
}

/** The words for a mapping target: an input's label (its name too on the English page), or 序号/申报金额. */
function targetLabel(meta: RuleMetadata, target: string): string {
  if (target === 'rowId' || target === 'claimed') return tr(BATCH_COLUMN_LABELS[target]);
  const spec = meta.inputs.find((i) => i.name === target);
  return spec ? (lang() === 'zh' ? spec.label.zh : `${spec.label.en} (${spec.name})`) : target;
}

/**
 * For each column not understood, a labelled choice of the rule's inputs (and 序号/申报金额, or "not
 * computed"), pre-set from the mapping remembered; a button checks the table again with the choices.
 */
export function mappingChoices(
  meta: RuleMetadata,
  headers: readonly string[],
  remembered: ColumnMapping,
  onMapping: (choices: Record<string, string>) => void,
  open: boolean,
): HTMLElement | null {
  const shown = [...new Set(headers.filter((x) => x.trim() !== ''))];
  if (!shown.length) return null;
  const targets = columnTargets(meta);
  const selects = shown.map((header, i) => {
    const select = h(
      'select',
      { id: `map-${i}`, 'data-header': header },
      h('option', { value: '' }, t('mappingNone')),
      targets.map((target) => h('option', { value: target, selected: remembered[header] === target }, targetLabel(meta, target))),
    );
    return { header, select: select as HTMLSelectElement, field: h('div', { class: 'field' }, h('label', { for: `map-${i}` }, header), select) };
  });
  const error = h('p', { class: 'field-error', id: 'mapping-error', role: 'alert' });
  const apply = h('button', { type: 'button', id: 'mapping-apply', class: 'primary-button' }, t('mappingApply'));
  apply.addEventListener('click', () => {
    const choices = Object.fromEntries(selects.map((s) => [s.header, s.select.value]));
    const twice = duplicateTarget(choices);
    if (twice) {
      error.textContent = `${t('mappingDuplicate')}${colon()}${targetLabel(meta, twice.target)}`;
      return;
    }
    error.textContent = '';
    onMapping(choices);
  });
  const fieldset = h(
    'fieldset',
    { class: 'mapping', id: 'batch-mapping', 'aria-describedby': 'mapping-intro' },
    h('legend', {}, t('mappingLegend')),
    h('p', { class: 'hint', id: 'mapping-intro' }, t('mappingIntro')),
    h(
      'div',
      { class: 'fields' },
      selects.map((s) => s.field),
    ),
    error,
    h('div', { class: 'actions' }, apply),
  );
  // After a successful check, unmatched columns are often kept on purpose (单位名称, 备注): the choice folds away.
  return open
    ? fieldset
    : h(
        'details',
        { class: 'mapping-details', id: 'batch-mapping-details' },
        h('summary', {}, `${t('mappingLegend')}${paren(String(shown.length))}`),
        fieldset,
      );
}

/** The columns the clerk may map: those that named nothing (the Worker's `unmatchedColumns`, else the kept ones). */
export const unmatchedOf = (body: BatchSummaryBody): string[] => body.unmatchedColumns ?? body.ignoredColumns ?? [];

/**
 * A table refused for its header (no row names the rule's inputs): the sheets and what was on each, the
 * row that came closest, and the choice of inputs for its cells, so the clerk can go on.
 */
export function renderRefusal(
  error: ApiError,
  meta: RuleMetadata,
  current: { sheet?: string; remembered: ColumnMapping },
  handlers: Pick<BatchHandlers, 'onSheet' | 'onMapping'>,
): HTMLElement | null {
  if (error.code !== 'unknown-column' || (!error.closest && !error.sheets)) return null;
  const closest = error.closest;
  return h(
    'div',
    { class: 'batch-refusal', id: 'batch-refusal' },
    closest
      ? h(
          'p',
          { class: 'hint', id: 'batch-closest' },
          `${t('closestRow')}${paren(`${closest.sheet ? `${closest.sheet} · ` : ''}${t('row')} ${closest.row}`)}${colon()}${listWords(closest.cells.filter((c) => c.trim() !== ''))}`,
        )
      : null,
    sheetPicker(error.sheets, current.sheet ?? closest?.sheet, handlers.onSheet),
    closest ? mappingChoices(meta, closest.cells, current.remembered, handlers.onMapping, true) : null,
  );
}

/** The progress of a running batch: rows read and answered as the answer streams, and a cancel button. */
export function renderProgress(size: number, onCancel: () => void): { element: HTMLElement; update: (progress: BatchProgress) => void; done: () => void } {
  const bar = h('progress', { id: 'batch-progress-bar', 'aria-labelledby': 'batch-progress-text' }) as HTMLProgressElement;
  const text = h('p', { id: 'batch-progress-text', role: 'status' }, tf('batchUploading', { size: sizeText(size) }));
  const cancel = h('button', { type: 'button', id: 'batch-cancel' }, t('batchCancel'));
  cancel.addEventListener('click', onCancel);
  const element = h('div', { class: 'batch-progress', id: 'batch-progress', 'aria-busy': 'true' }, text, bar, h('div', { class: 'actions' }, cancel));
  return {
    element,
    update: (progress) => {
      text.textContent = tf('batchProgress', { rows: progress.rows.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en') });
      element.dataset.rows = String(progress.rows);
      if (progress.batchId) element.dataset.batchId = progress.batchId;
    },
    done: () => element.removeAttribute('aria-busy'),
  };
}

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

function rowsTable(id: string, caption: string, rows: readonly Row[], meta: RuleMetadata): HTMLElement {
  const primary = meta.outputs.find((o) => o.name === meta.primary);
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { id },
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [t('row'), t('status'), t('claimedTotal'), primary ? tr(primary.label) : t('computed'), t('difference'), t('message')].map((c) =>
            h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            { 'data-status': r.status, 'data-verdict': verdictOf(r), 'data-hidden': isHidden(r) ? 'true' : undefined },
            h('td', {}, rowLabel(r), isHidden(r) ? h('span', { class: 'tag' }, paren(t('hiddenRow'))) : null),
            h('td', {}, verdictText(r)),
            h('td', { 'data-money': 'claimed' }, r.claimed ?? ''),
            h('td', { 'data-money': 'computed' }, r.result?.[meta.primary] === undefined ? '' : String(r.result[meta.primary])),
            h('td', {}, r.difference ?? ''),
            h('td', {}, rowMessage(r)),
          ),
        ),
      ),
    ),
  );
}

function skippedTable(rows: readonly Row[]): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { id: 'batch-skipped' },
      h('caption', {}, t('skippedRows')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [t('row'), t('reason')].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((r) => h('tr', { 'data-status': 'skipped' }, h('td', {}, rowLabel(r)), h('td', {}, r.reason ? tr(r.reason) : rowMessage(r)))),
      ),
    ),
  );
}

export function renderBatchSummary(
  body: BatchSummaryBody,
  meta: RuleMetadata,
  remembered: ColumnMapping,
  handlers: BatchHandlers,
  sheets = body.sheets,
): HTMLElement {
  const { summary } = body;
  const hidden = summary.hidden ?? body.rows.filter(isHidden).length;
  const counts = h(
    'dl',
    { class: 'summary', id: 'batch-summary' },
    h('dt', {}, t('rows')),
    h('dd', { 'data-count': 'rows' }, String(summary.rows ?? 0)),
    COUNTS.flatMap((k) => [h('dt', {}, tr(ROW_VERDICT_WORDS[k])), h('dd', { 'data-count': k }, String(summary[k] ?? 0))]),
    hidden ? [h('dt', {}, t('hidden')), h('dd', { 'data-count': 'hidden' }, String(hidden))] : null,
  );
  const attention = body.rows.filter(
    (r) => r.status === 'mismatch' || r.status === 'invalid' || r.eligible === false || (isHidden(r) && r.status !== 'skipped'),
  );
  const skipped = body.rows.filter((r) => r.status === 'skipped');
  const xlsx = h('button', { type: 'button', id: 'batch-download-xlsx' }, t('batchDownloadXlsx'));
  xlsx.addEventListener('click', () => handlers.onDownload('xlsx'));
  const csv = h('button', { type: 'button', id: 'batch-download' }, t('batchDownload'));
  csv.addEventListener('click', () => handlers.onDownload('csv'));
  const unmatched = unmatchedOf(body);
  return h(
    'div',
    { class: 'batch-result' },
    h('h3', { id: 'batch-summary-heading', tabindex: '-1' }, `${t('summary')}${paren(tr(meta.title) || body.rule)}`),
    ...sourceFacts(body),
    sheetPicker(sheets, body.sheet, handlers.onSheet),
    counts,
    hidden ? h('p', { class: 'notice', id: 'batch-hidden-note' }, t('hiddenNote')) : null,
    totalsTable(body),
    body.ignoredColumns?.length ? h('p', { class: 'hint', id: 'batch-ignored' }, `${t('ignoredColumns')}${listWords(body.ignoredColumns)}`) : null,
    // nothing computed while columns were not understood: the choice opens, as for a refused header
    mappingInUse(meta, body.columns ?? [], remembered, handlers.onForget),
    mappingChoices(meta, unmatched, remembered, handlers.onMapping, summary.ok + summary.mismatch === 0),
    attention.length ? rowsTable('batch-rows', t('problemRows'), attention.slice(0, LISTED_ROWS), meta) : null,
    attention.length > LISTED_ROWS ? h('p', { class: 'hint' }, t('moreRows')) : null,
    skipped.length ? skippedTable(skipped.slice(0, LISTED_ROWS)) : null,
    h('div', { class: 'actions' }, xlsx, csv),
  );
}

const resultName = (upload: Pick<Upload, 'fileName' | 'rule'>, kind: 'xlsx' | 'csv') =>
  `${upload.fileName.replace(/\.(csv|txt|xlsx|xls)$/i, '')}.${upload.rule}.result.${kind}`;

/**
 * The result file (the form's preamble, the input columns as given, then the answer columns, a 合计 line;
 * in xlsx also the 汇总 sheet) in the page's language, written by the same table writers as the Worker's
 * CSV and xlsx answers, so the page's files and the Worker's agree.
 */
export function resultFile(body: BatchSummaryBody, meta: RuleMetadata, kind: 'xlsx' | 'csv'): Blob {
  const columns = body.columns ?? [];
  const preamble = body.preamble ?? [];
  if (kind === 'csv') {
    const claimedAt = claimedColumn(columns, meta);
    const head = answerCsvHead(columns, meta, lang());
    const lines = [
      preamble.length ? `\uFEFF${answerCsvPreamble(preamble)}${head.slice(1)}` : head,
      ...body.rows.map((row) => answerCsvRow(row.cells ?? [], columns.length, row, meta, lang(), claimedAt)),
      csvLine(answerTotalCells(body.summary, columns, meta, lang())),
    ];
    return new Blob(lines, { type: 'text/csv;charset=utf-8' });
  }
  const bytes = xlsxBytes((writer) => {
    const write = startAnswerSheet(writer, columns, meta, lang(), { preamble });
    for (const row of body.rows) write(row.cells ?? [], row);
    writer.row(answerTotalCells(body.summary, columns, meta, lang()), 'header');
    writer.endSheet();
    writeSummarySheet(writer, body.summary, meta, lang());
  });
  return new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** Saves the result through a temporary link. */
export function downloadResult(upload: Upload, body: BatchSummaryBody, meta: RuleMetadata, kind: 'xlsx' | 'csv'): void {
  const url = URL.createObjectURL(resultFile(body, meta, kind));
  const link = h('a', { href: url, download: resultName(upload, kind), hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
