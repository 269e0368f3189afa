/**
 * The batch section: sends an uploaded table's bytes (CSV/text in any encoding the Worker reads, or an
 * .xlsx/.xls workbook) to `POST /v1/batch/{rule}?cells=1`, shows the counts, the budget totals and the
 * rows that need attention (with claimed and computed amounts), and writes the result as xlsx or CSV
 * from that one answer with the shared table writers (rules/tables): one request, one audited batch.
 */
import { answerCsvHead, answerCsvRow, messageIn, startAnswerSheet, xlsxBytes, type RuleMetadata } from '../rules/index.ts';
import { batchAnswer, type Answer, type BatchMoneyTotals, type BatchSummaryBody } from './api.ts';
import { h } from './dom.ts';
import { colon, lang, listSep, paren, t, tr } from './i18n.ts';

/** Rows listed on the page; the full answer is in the downloads. */
const LISTED_ROWS = 50;

export interface Upload {
  rule: string;
  key: string;
  fileName: string;
  bytes: ArrayBuffer;
}

export const sendBatch = (upload: Upload): Promise<Answer<BatchSummaryBody>> => batchAnswer(upload.rule, upload.key, upload.fileName, upload.bytes);

const statusText = (status: string) => t(status === 'ok' ? 'ok' : status === 'mismatch' ? 'mismatch' : status === 'skipped' ? 'skipped' : 'invalid');

/** A row's message in the page's words: a refusal as the page says it, a case that fails a condition as 不符合条件 and why. */
function rowMessage(r: BatchSummaryBody['rows'][number]): string {
  if (r.error) return tr(messageIn('page', r.error));
  if (r.eligible === false) return `${t('notEligible')}${colon()}${(r.failedConditions ?? []).map((c) => tr(c.message)).join(listSep())}`;
  return '';
}

const COUNTS = ['rows', 'ok', 'mismatch', 'invalid', 'skipped'] as const;
const MONEY = ['computed', 'claimed', 'difference', 'cityShare', 'districtShare'] as const;
const moneyLabel = (k: (typeof MONEY)[number]) => t(k === 'claimed' ? 'claimedTotal' : k);

function totalsTable(body: BatchSummaryBody): HTMLElement | null {
  const totals = body.summary.totals;
  if (!totals) return null;
  const shown = MONEY.filter((k) => totals[k] !== undefined);
  const line = (name: string, sums: BatchMoneyTotals, key?: string) =>
    h('tr', key ? { 'data-district': key } : { 'data-total': 'all' }, h('th', { scope: 'row' }, name), ...shown.map((k) => h('td', { 'data-money': k }, sums[k] ?? '')));
  const districts = Object.entries(totals.byDistrict ?? {});
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { id: 'batch-totals' },
      h('caption', {}, t('totals')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, districts.length ? t('district') : ''), ...shown.map((k) => h('th', { scope: 'col' }, moneyLabel(k))))),
      h('tbody', {}, line(t('summary'), totals), ...districts.map(([name, sums]) => line(name, sums, name))),
    ),
  );
}

export function renderBatchSummary(body: BatchSummaryBody, meta: RuleMetadata, onDownload: (kind: 'xlsx' | 'csv') => void): HTMLElement {
  const { summary } = body;
  const counts = h('dl', { class: 'summary', id: 'batch-summary' }, COUNTS.flatMap((k) => [h('dt', {}, t(k)), h('dd', { 'data-count': k }, String(summary[k] ?? 0))]));
  const attention = body.rows.filter((r) => r.status === 'mismatch' || r.status === 'invalid' || r.eligible === false);
  const title = tr(meta.title);
  const listed = attention.slice(0, LISTED_ROWS);
  const primary = meta.outputs.find((o) => o.name === meta.primary);
  const table = listed.length
    ? h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { id: 'batch-rows' },
          h('caption', {}, t('problemRows')),
          h(
            'thead',
            {},
            h('tr', {}, [t('row'), t('status'), t('claimedTotal'), primary ? tr(primary.label) : t('computed'), t('difference'), t('message')].map((c) => h('th', { scope: 'col' }, c))),
          ),
          h(
            'tbody',
            {},
            listed.map((r) =>
              h(
                'tr',
                { 'data-status': r.status },
                h('td', {}, r.rowId ?? String(r.index + 1)),
                h('td', {}, statusText(r.status)),
                h('td', { 'data-money': 'claimed' }, r.claimed ?? ''),
                h('td', { 'data-money': 'computed' }, r.result?.[meta.primary] === undefined ? '' : String(r.result[meta.primary])),
                h('td', {}, r.difference ?? ''),
                h('td', {}, rowMessage(r)),
              ),
            ),
          ),
        ),
      )
    : null;
  const xlsx = h('button', { type: 'button', id: 'batch-download-xlsx' }, t('batchDownloadXlsx'));
  xlsx.addEventListener('click', () => onDownload('xlsx'));
  const csv = h('button', { type: 'button', id: 'batch-download' }, t('batchDownload'));
  csv.addEventListener('click', () => onDownload('csv'));
  return h(
    'div',
    { class: 'batch-result' },
    h('h3', { id: 'batch-summary-heading', tabindex: '-1' }, `${t('summary')}${paren(title ?? body.rule)}`),
    counts,
    totalsTable(body),
    body.ignoredColumns?.length ? h('p', { class: 'hint', id: 'batch-ignored' }, `${t('ignoredColumns')}${body.ignoredColumns.join(lang() === 'zh' ? '、' : ', ')}`) : null,
    table,
    attention.length > LISTED_ROWS ? h('p', { class: 'hint' }, t('moreRows')) : null,
    h('div', { class: 'actions' }, xlsx, csv),
  );
}

const resultName = (upload: Upload, kind: 'xlsx' | 'csv') => `${upload.fileName.replace(/\.(csv|txt|xlsx|xls)$/i, '')}.${upload.rule}.result.${kind}`;

/** The result table (input columns as given, then the answer columns) in the page's language. */
export function resultFile(body: BatchSummaryBody, meta: RuleMetadata, kind: 'xlsx' | 'csv'): Blob {
  const columns = body.columns ?? [];
  if (kind === 'csv') {
    const lines = [answerCsvHead(columns, meta, lang()), ...body.rows.map((row) => answerCsvRow(row.cells ?? [], columns.length, row, meta, lang()))];
    return new Blob(lines, { type: 'text/csv;charset=utf-8' });
  }
  const bytes = xlsxBytes((writer) => {
    const write = startAnswerSheet(writer, columns, meta, lang());
    for (const row of body.rows) write(row.cells ?? [], row);
    writer.endSheet();
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
