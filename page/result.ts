/**
 * Renders one computed case: the primary answer with its amount, every output, the steps, the clause id
 * and its full text, the policy and its validity, the interpretations relied on, hints and warnings.
 * Generic over the rule's output metadata; it knows no rule by name.
 */
import {
  groupThousands,
  periodLabel,
  type DatedAnswer,
  type FailedCondition,
  type OutputSpec,
  type RuleMetadata,
  type Success,
  type Text,
} from '../rules/index.ts';
import { h } from './dom.ts';
import { colon, listSep, paren, t, tr } from './i18n.ts';

function formatValue(value: unknown, spec: OutputSpec | undefined): Node | string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (spec?.type === 'conditions' && Array.isArray(value)) {
    const conditions = value as FailedCondition[];
    if (!conditions.length) return t('noConditionFailed');
    return conditionList(conditions);
  }
  if (Array.isArray(value) || typeof value === 'object') {
    const rows = Array.isArray(value) ? value : [value];
    if (rows.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) {
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r as object)))];
      return h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              columns.map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          h(
            'tbody',
            {},
            rows.map((r) =>
              h(
                'tr',
                {},
                columns.map((c) => h('td', {}, cellText((r as Record<string, unknown>)[c]))),
              ),
            ),
          ),
        ),
      );
    }
    return rows.map(cellText).join(', ');
  }
  return String(value);
}

/** Failed conditions in words; the code stays in a data attribute for tools, not in the clerk's text. */
const conditionList = (conditions: readonly FailedCondition[], id?: string) =>
  h(
    'ul',
    { class: 'conditions', id },
    conditions.map((c) => h('li', { 'data-code': c.code }, tr(c.message))),
  );

/** A figure as a clerk reads it: money with thousands separators and its unit. */
function figureText(value: unknown, spec: OutputSpec | undefined): string {
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  const shown = typeof value === 'string' && spec?.type === 'money' ? groupThousands(value) : String(value ?? '—');
  return `${shown}${unitOf(spec)}`;
}

/**
 * The answer on each side of a parameter change, when no date was given and the answer changes inside
 * the plan's window: a prominent notice with one row per period.
 */
export function renderByDate(meta: RuleMetadata, byDate: readonly DatedAnswer[]): HTMLElement {
  const spec = meta.outputs.find((o) => o.name === meta.primary);
  return h(
    'section',
    { class: 'by-date', id: 'by-date', 'aria-labelledby': 'by-date-heading' },
    h('h3', { id: 'by-date-heading' }, t('dependsOnDate')),
    h('p', {}, t('dependsOnDateIntro')),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('period')), h('th', { scope: 'col' }, tr(spec?.label) || meta.primary))),
      h(
        'tbody',
        {},
        byDate.map((d, i) =>
          h(
            'tr',
            { 'data-from': d.from, 'data-to': d.to },
            h('th', { scope: 'row' }, tr(periodLabel(byDate, i))),
            h('td', { class: 'figure' }, d.eligible ? figureText(d.result[meta.primary], spec) : t('notEligible')),
          ),
        ),
      ),
    ),
  );
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join(listSep());
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (typeof value === 'object' && 'zh' in (value as object) && 'en' in (value as object)) return tr(value as Text);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const unitOf = (spec: OutputSpec | undefined) => (spec?.unit ? ` ${tr(spec.unit)}` : '');

const section = (title: string, ...body: (Node | string | null)[]) => h('section', { class: 'result-part' }, h('h3', {}, title), ...body);

const textList = (items: readonly Text[], ordered = false) =>
  ordered
    ? h(
        'ol',
        {},
        items.map((s) => h('li', {}, tr(s))),
      )
    : h(
        'ul',
        {},
        items.map((s) => h('li', {}, tr(s))),
      );

export function renderResult(meta: RuleMetadata, answer: Success): HTMLElement {
  const specs = new Map(meta.outputs.map((o) => [o.name, o]));
  const primarySpec = specs.get(meta.primary);
  const primaryValue = answer.result[meta.primary];
  const zero = primarySpec?.type === 'money' && typeof primaryValue === 'string' && Number(primaryValue) === 0;
  // Not eligible: the verdict and the conditions in words, never a big 0.00 that reads like an answer.
  const primary =
    answer.eligible === false
      ? h(
          'div',
          { class: 'primary not-eligible', id: 'primary', 'data-eligible': 'false' },
          h('p', { class: 'verdict', id: 'verdict' }, h('strong', {}, t('notEligible'))),
          h('p', {}, t(primarySpec?.type === 'money' ? 'notEligibleNoAmount' : 'notEligibleIntro')),
          conditionList(answer.failedConditions, 'failed-conditions'),
        )
      : h(
          'div',
          { class: zero ? 'primary zero' : 'primary', id: 'primary', 'data-eligible': 'true' },
          h(
            'p',
            {},
            h('span', { class: 'primary-label' }, `${tr(primarySpec?.label) || meta.primary}${colon()}`),
            h('strong', { class: 'primary-value', id: 'primary-value', 'data-output': meta.primary }, formatValue(primaryValue, primarySpec)),
            typeof primaryValue === 'string' || typeof primaryValue === 'number' ? unitOf(primarySpec) : '',
          ),
          zero ? h('p', { class: 'zero-note' }, t('zeroAmount')) : null,
        );

  const outputs = h(
    'dl',
    { class: 'outputs' },
    Object.entries(answer.result).flatMap(([name, value]) => {
      const spec = specs.get(name);
      const plain = typeof value === 'string' || typeof value === 'number';
      return [h('dt', { 'data-name': name }, tr(spec?.label) || name), h('dd', { 'data-output': name }, formatValue(value, spec), plain ? unitOf(spec) : '')];
    }),
  );

  const clause = section(
    t('clause'),
    h('p', { class: 'clause-id' }, h('code', { id: 'clause-id' }, answer.clause.id), ' ', tr(answer.clause.heading)),
    h('blockquote', { class: 'clause-text', id: 'clause-text', lang: 'zh-CN' }, answer.clause.text),
    h(
      'p',
      { class: 'policy' },
      `${t('policy')}${colon()}${tr(answer.policy.title)}${paren(answer.policy.id)}${listSep()}${t('validity')} ${answer.policy.validFrom} – ${answer.policy.validTo}`,
    ),
    answer.sources.length ? h('p', { class: 'sources' }, `${t('sources')}${colon()}${answer.sources.join(listSep())}`) : null,
  );

  const interpretations = answer.interpretations.length
    ? section(
        t('interpretations'),
        h(
          'ul',
          { id: 'interpretations' },
          answer.interpretations.map((i) =>
            h(
              'li',
              { 'data-interpretation': i.id },
              h('code', {}, i.id),
              ' ',
              h('q', { lang: 'zh-CN' }, i.quote),
              ' ',
              h('br', {}),
              `${t('reading')}${colon()}${tr(i.reading)}${listSep()}${t('alternative')}${colon()}${tr(i.alternative)}`,
            ),
          ),
        ),
      )
    : null;

  return h(
    'article',
    { class: 'result', 'data-rule': answer.rule },
    h('h2', { id: 'result-heading', tabindex: '-1' }, `${t('result')}${colon()}${tr(meta.title)}`),
    answer.byDate?.length ? renderByDate(meta, answer.byDate) : null,
    primary,
    answer.warnings.length ? h('div', { class: 'warnings' }, h('h3', {}, t('warnings')), textList(answer.warnings)) : null,
    section(t('outputs'), outputs),
    section(t('steps'), h('div', { id: 'steps' }, textList(answer.steps, true))),
    clause,
    interpretations,
    answer.hints.length ? section(t('hints'), h('div', { id: 'hints' }, textList(answer.hints))) : null,
    h('p', { class: 'version' }, `${t('rulesetVersion')}${colon()}${answer.rulesetVersion}`),
  );
}
