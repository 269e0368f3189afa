/**
 * The quick-check page: pick a rule, fill the form generated from its metadata, compute through the
 * Worker, read the answer with its clause and explanation; or check a whole CSV. The state lives in
 * the address (`/?rule=…&input=value…`) so a case can be shared.
 */
import { BATCH_COLUMN_LABELS, messageIn, type RuleMetadata, type Success } from '../rules/index.ts';
import { CANCELLED, computeCase, fetchRules, templateUrl, type ApiError, type BatchSummaryBody } from './api.ts';
import { downloadResult, renderBatchSummary, renderProgress, renderRefusal, sendBatch, sheetsToOffer, type BatchHandlers, type Upload } from './batch.ts';
import { loadMapping, rememberMapping, type KeyValueStore } from './batch-state.ts';
import { byId } from './dom.ts';
import { RuleForm, type RawValues } from './form.ts';
import { applyTexts, lang, setLang, t, tr, ui } from './i18n.ts';
import { renderByDate, renderResult } from './result.ts';
import { readState, writeState } from './url-state.ts';
import { initWhatIf, renderWhatIf } from './whatif.ts';

interface View {
  rules: RuleMetadata[];
  meta?: RuleMetadata;
  form?: RuleForm;
  answer?: Success;
  /** The last error of the case form, re-shown after a language switch. */
  caseError?: ApiError;
  batch?: { upload: Upload; body: BatchSummaryBody };
  /** A table refused for its header, kept so the clerk can choose a sheet or map the columns. */
  batchRefusal?: { upload: Upload; error: ApiError };
  /** The running upload's cancel. */
  batchRun?: AbortController;
  computing: number;
}

const view: View = { rules: [], computing: 0 };

const el = {
  pageAlert: () => byId('page-alert'),
  ruleSelect: () => byId<HTMLSelectElement>('rule-select'),
  ruleDescription: () => byId('rule-description'),
  fields: () => byId('fields'),
  result: () => byId('result'),
  share: () => byId('share'),
  shareLink: () => byId<HTMLAnchorElement>('share-link'),
  batchColumns: () => byId('batch-columns'),
  batchFile: () => byId<HTMLInputElement>('batch-file'),
  batchFileError: () => byId('batch-file-error'),
  batchKey: () => byId<HTMLInputElement>('batch-key'),
  batchKeyError: () => byId('batch-key-error'),
  batchAlert: () => byId('batch-alert'),
  batchResult: () => byId('batch-result'),
};

/** An error in the page's words: a message that points at a control names the page's switch or field. */
const errorText = (error: ApiError) => tr(messageIn('page', error));

function say(target: HTMLElement, message?: string): void {
  target.textContent = message ?? '';
}

function saveState(): void {
  if (!view.meta || !view.form) return;
  // Inputs that identify a person (certificate numbers, birth dates, person ids) never go into the address.
  const personal = new Set(view.meta.inputs.filter((i) => i.personal).map((i) => i.name));
  const values = Object.fromEntries(Object.entries(view.form.values()).filter(([name]) => !personal.has(name)));
  const href = writeState({ rule: view.meta.id, lang: lang(), values });
  el.shareLink().href = href;
  el.shareLink().textContent = href;
  el.share().hidden = false;
}

function fillRuleSelect(): void {
  const select = el.ruleSelect();
  select.replaceChildren(
    ...view.rules.map((r) => {
      const option = document.createElement('option');
      option.value = r.id;
      option.textContent = `${tr(r.title)} (${r.id})`;
      return option;
    }),
  );
  if (view.meta) select.value = view.meta.id;
}

function showRule(meta: RuleMetadata, values: RawValues): void {
  view.meta = meta;
  view.form = new RuleForm(meta.inputs);
  view.form.fill(values);
  el.ruleSelect().value = meta.id;
  say(el.ruleDescription(), `${tr(meta.description)} · ${meta.clause.id}`);
  el.fields().replaceChildren(view.form.element);
  // the columns a table may have, in the clerk's words (the Chinese labels; English names on the English page)
  const columns = meta.inputs.filter((i) => i.type !== 'records');
  el.batchColumns().textContent = tr({
    zh: [...columns.map((i) => i.label.zh), BATCH_COLUMN_LABELS.rowId.zh, BATCH_COLUMN_LABELS.claimed.zh].join('、'),
    en: [...columns.map((i) => i.name), 'rowId', 'claimed'].join(', '),
  });
  byId<HTMLAnchorElement>('template-xlsx').href = templateUrl(meta.id, 'xlsx');
  byId<HTMLAnchorElement>('template-csv').href = templateUrl(meta.id, 'csv');
  // a rule whose inputs are lists of records has no table, so no template
  byId('template-xlsx').parentElement!.hidden = meta.inputs.some((i) => i.type === 'records' && i.required);
}

function showAnswer(focus: boolean): void {
  const target = el.result();
  const byDate = view.caseError?.byDate;
  if (view.meta && !view.answer && byDate?.length) {
    // Refused only for want of a date: the figure for each period, prominently, beside the date field's message.
    target.replaceChildren(renderByDate(view.meta, byDate));
    target.hidden = false;
    return;
  }
  if (!view.meta || !view.answer) {
    target.replaceChildren();
    target.hidden = true;
    return;
  }
  target.replaceChildren(renderResult(view.meta, view.answer));
  target.hidden = false;
  if (focus) byId('result-heading').focus();
}

function showCaseError(error: ApiError): void {
  if (error.field && view.form?.has(error.field)) view.form.showError(error.field, messageIn('page', error));
  else say(el.pageAlert(), errorText(error));
}

async function compute(focus: boolean): Promise<void> {
  const { meta, form } = view;
  if (!meta || !form) return;
  const ticket = ++view.computing;
  form.clearErrors();
  say(el.pageAlert());
  view.caseError = undefined;
  saveState();
  const payload = form.payload();
  if (!payload.ok) {
    view.answer = undefined;
    view.caseError = { code: 'invalid-list', field: payload.field, message: payload.message };
    showAnswer(false);
    showCaseError(view.caseError);
    return;
  }
  el.result().setAttribute('aria-busy', 'true');
  const answer = await computeCase(meta.id, payload.inputs);
  if (ticket !== view.computing) return;
  el.result().removeAttribute('aria-busy');
  if (answer.ok) {
    view.answer = answer.body;
    showAnswer(focus);
  } else {
    view.answer = undefined;
    view.caseError = answer.error;
    showAnswer(false);
    showCaseError(answer.error);
  }
}

function switchLanguage(): void {
  const values = view.form?.values() ?? {};
  setLang(lang() === 'zh' ? 'en' : 'zh');
  const button = byId('lang-switch');
  button.lang = lang() === 'zh' ? 'en' : 'zh-CN';
  applyTexts();
  fillRuleSelect();
  if (view.meta) showRule(view.meta, values);
  showAnswer(false);
  if (view.caseError) showCaseError(view.caseError);
  showBatch();
  renderWhatIf();
  saveState();
}

/** The browser's storage for the clerk's column choices (absent when the browser forbids it). */
function browserStore(): KeyValueStore | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const batchHandlers = (upload: Upload, body?: BatchSummaryBody): BatchHandlers => ({
  onDownload: (kind) => {
    const meta = view.rules.find((r) => r.id === upload.rule);
    if (meta && body) downloadResult(upload, body, meta, kind);
  },
  onSheet: (sheet) => void runBatch({ ...upload, sheet }),
  onMapping: (choices) => {
    const meta = view.rules.find((r) => r.id === upload.rule);
    if (!meta) return;
    void runBatch({ ...upload, mapping: rememberMapping(browserStore(), meta, choices) });
  },
  onForget: () => {
    const meta = view.rules.find((r) => r.id === upload.rule);
    if (!meta) return;
    const remembered = loadMapping(browserStore(), meta);
    rememberMapping(browserStore(), meta, Object.fromEntries(Object.keys(remembered).map((header) => [header, ''])));
    void runBatch({ ...upload, mapping: undefined });
  },
});

function showBatch(): void {
  const target = el.batchResult();
  const shown = view.batch ?? view.batchRefusal;
  const meta = shown && view.rules.find((r) => r.id === shown.upload.rule);
  if (!shown || !meta) return void target.replaceChildren();
  const remembered = loadMapping(browserStore(), meta);
  if (view.batch) {
    const { upload, body } = view.batch;
    target.replaceChildren(renderBatchSummary(body, meta, remembered, batchHandlers(upload, body), sheetsToOffer(upload, body.sheets)));
  } else if (view.batchRefusal) {
    const { upload, error } = view.batchRefusal;
    say(el.batchAlert(), errorText(error));
    const refusal = renderRefusal({ ...error, sheets: sheetsToOffer(upload, error.sheets) }, meta, { sheet: upload.sheet, remembered }, batchHandlers(upload));
    target.replaceChildren(...(refusal ? [refusal] : []));
  }
}

/** Sends one upload, showing rows answered as they stream in, with a cancel; then the answer or the refusal. */
async function runBatch(upload: Upload): Promise<void> {
  view.batchRun?.abort();
  const run = new AbortController();
  view.batchRun = run;
  say(el.batchAlert());
  view.batch = undefined;
  view.batchRefusal = undefined;
  const progress = renderProgress(upload.bytes.byteLength, () => run.abort());
  el.batchResult().replaceChildren(progress.element);
  byId('batch-submit').setAttribute('disabled', '');
  const answer = await sendBatch(upload, progress.update, run.signal);
  progress.done();
  if (view.batchRun !== run) return; // a newer upload took over
  view.batchRun = undefined;
  byId('batch-submit').removeAttribute('disabled');
  if (!answer.ok) {
    if (answer.error.code === CANCELLED) {
      el.batchResult().replaceChildren();
      say(el.batchAlert(), errorText(answer.error));
      byId('batch-file').focus();
      return;
    }
    if (answer.status === 401) {
      el.batchResult().replaceChildren();
      return say(el.batchKeyError(), errorText(answer.error));
    }
    view.batchRefusal = { upload: { ...upload, sheets: sheetsToOffer(upload, answer.error.sheets) }, error: answer.error };
    showBatch();
    return;
  }
  view.batch = { upload: { ...upload, sheets: sheetsToOffer(upload, answer.body.sheets) }, body: answer.body };
  showBatch();
  byId('batch-summary-heading').focus();
}

async function submitBatch(): Promise<void> {
  say(el.batchAlert());
  say(el.batchFileError());
  say(el.batchKeyError());
  const file = el.batchFile().files?.[0];
  const key = el.batchKey().value.trim();
  if (!view.meta) return;
  if (!file) return say(el.batchFileError(), t('batchNoFile'));
  if (!key) return say(el.batchKeyError(), t('batchNoKey'));
  const mapping = loadMapping(browserStore(), view.meta);
  const upload: Upload = {
    rule: view.meta.id,
    key,
    fileName: file.name,
    bytes: await file.arrayBuffer(),
    mapping: Object.keys(mapping).length ? mapping : undefined,
  };
  await runBatch(upload);
}

function wire(): void {
  byId('lang-switch').addEventListener('click', switchLanguage);
  el.ruleSelect().addEventListener('change', () => {
    const meta = view.rules.find((r) => r.id === el.ruleSelect().value);
    if (!meta) return;
    view.answer = undefined;
    view.caseError = undefined;
    say(el.pageAlert());
    showRule(meta, {});
    showAnswer(false);
    saveState();
  });
  byId('case-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void compute(true);
  });
  byId('fill-example').addEventListener('click', () => view.form?.fillExamples());
  byId('batch-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void submitBatch();
  });
}

async function main(): Promise<void> {
  const initial = readState(location.search);
  setLang(initial.lang);
  byId('lang-switch').lang = initial.lang === 'zh' ? 'en' : 'zh-CN';
  applyTexts();
  wire();
  const answer = await fetchRules();
  if (!answer.ok) return say(el.pageAlert(), errorText(answer.error));
  view.rules = answer.body.rules;
  initWhatIf(
    () => view.rules,
    () => ({ rule: view.meta?.id, values: view.form?.values() ?? {} }),
  );
  const asked = initial.rule ? view.rules.find((r) => r.id === initial.rule) : undefined;
  const meta = asked ?? view.rules[0];
  if (!meta) return;
  view.meta = meta;
  fillRuleSelect();
  showRule(meta, asked ? initial.values : {});
  if (initial.rule && !asked) say(el.pageAlert(), `${tr(ui.unknownRule)}: ${initial.rule}`);
  // A shared case (`?rule=…&input=…`) opens computed; a bare `?rule=…` opens the empty form.
  if (asked && Object.keys(initial.values).length) await compute(false);
  const ignored = asked ? Object.keys(initial.values).filter((name) => !meta.inputs.some((i) => i.name === name)) : [];
  if (ignored.length && !el.pageAlert().textContent) say(el.pageAlert(), `${tr(ui.ignoredInputs)}: ${ignored.join(', ')}`);
}

// `data-ready` tells a person's tools (and the browser tests) that the first render is done.
void main().finally(() => {
  document.body.dataset.ready = 'true';
});
