/**
 * The batch section: sends an uploaded CSV's bytes to `POST /v1/batch/{rule}` (the Worker detects UTF-8
 * or GBK), shows the summary and the rows that need attention, and downloads the Worker's result CSV.
 */
import { batchCsv, batchSummary, type Answer, type BatchSummaryBody } from './api.ts';
import { h } from './dom.ts';
import { messageIn } from '../rules/core/projection-words.ts';
import { colon, listSep, paren, t, tr } from './i18n.ts';

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

/** A row's message in the page's words: a refusal as the page says it, a case that fails a condition as 不符合条件 and why. */
function rowMessage(r: BatchSummaryBody['rows'][number]): string {
  if (r.error) return tr(messageIn('page', r.error));
  if (r.eligible === false) return `${t('notEligible')}${colon()}${(r.failedConditions ?? []).map((c) => tr(c.message)).join(listSep())}`;
  return '';
}

export function renderBatchSummary(body: BatchSummaryBody, onDownload: () => void, title?: string): HTMLElement {
  const { summary } = body;
  const counts = h(
    'dl',
    { class: 'summary', id: 'batch-summary' },
    (['rows', 'ok', 'mismatch', 'invalid'] as const).flatMap((k) => [h('dt', {}, t(k)), h('dd', { 'data-count': k }, String(summary[k]))]),
  );
  const attention = body.rows.filter((r) => r.status !== 'ok' || r.eligible === false);
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
                h('td', {}, rowMessage(r)),
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
    h('h3', { id: 'batch-summary-heading', tabindex: '-1' }, `${t('summary')}${paren(title ?? body.rule)}`),
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
