/**
 * The batch section: sends an uploaded CSV's bytes to `POST /v1/batch/{rule}` (the Worker detects UTF-8
 * or GBK), shows the summary and the rows that need attention, and downloads the Worker's result CSV.
 */
import { batchCsv, batchSummary, type Answer, type BatchSummaryBody } from './api.ts';
import { h } from './dom.ts';
import { paren, t, tr } from './i18n.ts';

/** Rows listed on the page; the full answer is in the result CSV. */
const LISTED_ROWS = 50;

export interface Upload {
  rule: string;
  key: string;
  fileName: string;
  bytes: ArrayBuffer;
}

export const sendBatch = (upload: Upload): Promise<Answer<BatchSummaryBody>> => batchSummary(upload.rule, upload.key, upload.bytes);

const statusText = (status: string) => (status === 'ok' ? t('ok') : status === 'mismatch' ? t('mismatch') : t('invalid'));

export function renderBatchSummary(body: BatchSummaryBody, onDownload: () => void): HTMLElement {
  const { summary } = body;
  const counts = h(
    'dl',
    { class: 'summary', id: 'batch-summary' },
    (['rows', 'ok', 'mismatch', 'invalid'] as const).flatMap((k) => [h('dt', {}, t(k)), h('dd', { 'data-count': k }, String(summary[k]))]),
  );
  const attention = body.rows.filter((r) => r.status !== 'ok');
  const listed = attention.slice(0, LISTED_ROWS);
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
            h('tr', {}, [t('row'), t('status'), t('difference'), t('message')].map((c) => h('th', { scope: 'col' }, c))),
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
                h('td', {}, r.difference ?? ''),
                h('td', {}, r.error ? `${tr(r.error.message)}${r.error.field ? ` (${r.error.field})` : ''}` : ''),
              ),
            ),
          ),
        ),
      )
    : null;
  const download = h('button', { type: 'button', id: 'batch-download' }, t('batchDownload'));
  download.addEventListener('click', onDownload);
  return h(
    'div',
    { class: 'batch-result' },
    h('h3', { id: 'batch-summary-heading', tabindex: '-1' }, `${t('summary')}${paren(body.rule)}`),
    counts,
    table,
    attention.length > LISTED_ROWS ? h('p', { class: 'hint' }, t('moreRows')) : null,
    download,
  );
}

const resultName = (upload: Upload) => `${upload.fileName.replace(/\.csv$/i, '')}.${upload.rule}.result.csv`;

/** Asks the Worker for the result CSV and saves it through a temporary link. */
export async function downloadResult(upload: Upload): Promise<Answer<Blob>> {
  const answer = await batchCsv(upload.rule, upload.key, upload.bytes);
  if (!answer.ok) return answer;
  const url = URL.createObjectURL(answer.body);
  const link = h('a', { href: url, download: resultName(upload), hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return answer;
}
