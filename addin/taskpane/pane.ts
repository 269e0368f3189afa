/**
 * The task pane's page: language switch, rule choice, Worker settings, "Validate selection" with a
 * progress bar and a cancel, the path used, and for columns not understood a choice of inputs kept in
 * the workbook (the host's document settings). A row's outcome is named in the rules package's one
 * vocabulary. Glue only: the work is in validate.ts, table.ts and the host's sheet-host.
 */
import { BATCH_COLUMN_LABELS, listRules, ROW_VERDICT_WORDS, type RuleMetadata } from '../../rules/index.ts';
import { columnTargets, duplicateTarget, mappingKey, mergeMapping, parseMapping, type ColumnMapping } from '../../page/batch-state.ts';
import { setLanguage, uiLanguage, type Lang } from '../functions/language.ts';
import { fill, ui } from './i18n.ts';
import { loadSettings, saveSettings } from './settings.ts';
import { excelSheetHost, type SheetHost } from './sheet-host.ts';
import { guessRule, unmatchedHeaders } from './table.ts';
import { CancelledError, TableRefusedError, validateTable } from './validate.ts';
import { WorkerError } from './worker-client.ts';

const $ = <T extends HTMLElement>(root: ParentNode, id: string) => root.querySelector(`#${id}`) as T;

/** `sheetHost` gives the spreadsheet the pane works on (Excel's by default; WPS passes its own). */
export function mountTaskPane(root: HTMLElement, sheetHost: () => SheetHost | undefined = excelSheetHost): void {
  const rules = listRules();
  let lang: Lang = uiLanguage();
  root.innerHTML = `
    <header><h1 id="bt-title"></h1><button id="bt-lang" type="button"></button></header>
    <p id="bt-intro" class="intro"></p>
    <label><span id="bt-rule-label"></span><select id="bt-rule"></select></label>
    <p id="bt-selection-note" class="note"></p>
    <button id="bt-validate" type="button" class="primary"></button>
    <progress id="bt-progress" value="0" max="1" aria-labelledby="bt-path"></progress>
    <button id="bt-cancel" type="button" hidden></button>
    <p id="bt-path" role="status"></p>
    <p id="bt-summary"></p>
    <p id="bt-not-eligible" class="not-eligible"></p>
    <p id="bt-totals"></p>
    <p><a id="bt-template" download></a></p>
    <p id="bt-error" class="error" role="alert"></p>
    <details id="bt-mapping" hidden><summary id="bt-mapping-legend"></summary>
      <p id="bt-mapping-intro" class="note"></p>
      <div id="bt-mapping-fields"></div>
      <p id="bt-mapping-error" class="error" role="alert"></p>
      <button id="bt-mapping-apply" type="button"></button>
    </details>
    <p id="bt-mapping-used" class="note"></p>
    <details id="bt-settings"><summary id="bt-settings-label"></summary>
      <label><span id="bt-url-label"></span><input id="bt-url" type="url" placeholder="https://…"></label>
      <label><span id="bt-key-label"></span><input id="bt-key" type="password" autocomplete="off"></label>
      <button id="bt-save" type="button"></button> <span id="bt-saved"></span>
    </details>
    <p id="bt-functions" class="note"></p>`;
  const select = $<HTMLSelectElement>(root, 'bt-rule');
  const url = $<HTMLInputElement>(root, 'bt-url');
  const key = $<HTMLInputElement>(root, 'bt-key');
  const progress = $<HTMLProgressElement>(root, 'bt-progress');
  const show = (id: string, text: string) => ($(root, id).textContent = text);

  const render = () => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    show('bt-title', ui.title[lang]);
    show('bt-lang', ui.language[lang]);
    show('bt-intro', ui.intro[lang]);
    show('bt-rule-label', ui.rule[lang]);
    show('bt-validate', ui.validate[lang]);
    show('bt-selection-note', ui.selectionIsTable[lang]);
    show('bt-cancel', ui.cancel[lang]);
    show('bt-mapping-legend', ui.mappingLegend[lang]);
    show('bt-mapping-intro', ui.mappingIntro[lang]);
    show('bt-mapping-apply', ui.mappingApply[lang]);
    show('bt-settings-label', ui.settings[lang]);
    show('bt-url-label', ui.url[lang]);
    show('bt-key-label', ui.key[lang]);
    show('bt-save', ui.save[lang]);
    show('bt-functions', ui.functions[lang]);
    show('bt-template', ui.template[lang]);
    const chosen = select.value;
    select.innerHTML = '';
    select.append(new Option(ui.auto[lang], ''));
    for (const meta of rules) select.append(new Option(`${meta.title[lang]} (${meta.functionName})`, meta.id));
    select.value = chosen;
  };
  render();
  // the rule's template, from the Worker the pane was served by (or the configured one)
  const template = $<HTMLAnchorElement>(root, 'bt-template');
  const showTemplate = () => {
    const id = select.value || rules[0].id;
    template.href = `${url.value.trim().replace(/\/+$/, '')}/v1/rules/${encodeURIComponent(id)}/template.xlsx`;
  };
  showTemplate();
  select.addEventListener('change', showTemplate);
  url.addEventListener('change', showTemplate);
  void loadSettings().then((s) => {
    url.value = s.url;
    key.value = s.key;
    showTemplate();
  });

  $(root, 'bt-lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    setLanguage(lang);
    render();
  });
  $(root, 'bt-save').addEventListener('click', async () => {
    await saveSettings({ url: url.value, key: key.value });
    show('bt-saved', ui.saved[lang]);
  });
  const cancel = $<HTMLButtonElement>(root, 'bt-cancel');
  const validateButton = $<HTMLButtonElement>(root, 'bt-validate');
  const mapping = $<HTMLDetailsElement>(root, 'bt-mapping');
  let running: AbortController | undefined;
  cancel.addEventListener('click', () => running?.abort());

  /** An input's words, or 序号/申报金额. */
  const targetLabel = (meta: RuleMetadata, target: string) =>
    target === 'rowId' || target === 'claimed' ? BATCH_COLUMN_LABELS[target][lang] : (meta.inputs.find((i) => i.name === target)?.label[lang] ?? target);

  /** One labelled choice of inputs per column not understood, pre-set from the mapping kept in the workbook. */
  const showMapping = (meta: RuleMetadata, headers: readonly string[], kept: ColumnMapping, open: boolean) => {
    const fields = $(root, 'bt-mapping-fields');
    fields.replaceChildren();
    show('bt-mapping-error', '');
    const shown = [...new Set(headers.filter((x) => x.trim() !== ''))];
    mapping.hidden = shown.length === 0;
    mapping.open = open;
    shown.forEach((header, i) => {
      // the clerk's header text goes in as text, never as markup
      const label = document.createElement('label');
      label.htmlFor = `bt-map-${i}`;
      label.textContent = header;
      const choice = document.createElement('select');
      choice.id = `bt-map-${i}`;
      choice.dataset.header = header;
      choice.append(new Option(ui.mappingNone[lang], ''));
      for (const target of columnTargets(meta)) choice.append(new Option(targetLabel(meta, target), target, false, kept[header] === target));
      const field = document.createElement('div');
      field.className = 'map-field';
      field.append(label, choice);
      fields.append(field);
    });
    mapping.dataset.rule = meta.id;
  };

  $(root, 'bt-mapping-apply').addEventListener('click', async () => {
    const meta = rules.find((r) => r.id === mapping.dataset.rule);
    if (!meta) return;
    const choices = Object.fromEntries(
      [...root.querySelectorAll<HTMLSelectElement>('#bt-mapping-fields select')].map((s) => [s.dataset.header ?? '', s.value]),
    );
    const twice = duplicateTarget(choices);
    if (twice) return show('bt-mapping-error', fill(ui.mappingDuplicate[lang], { target: targetLabel(meta, twice.target) }));
    const settings = sheetHost()?.documentSettings;
    const kept = mergeMapping(parseMapping(await settings?.get(mappingKey(meta.id)), meta), choices, meta);
    try {
      await settings?.set(mappingKey(meta.id), Object.keys(kept).length ? JSON.stringify(kept) : undefined);
    } catch (error) {
      show('bt-mapping-error', fill(ui.mappingNotSaved[lang], { reason: error instanceof Error ? error.message : String(error) }));
    }
    select.value = meta.id;
    await validate(kept);
  });

  /** Validates the selection; `chosen` is a mapping the clerk just chose (else the one kept in the workbook). */
  const validate = async (chosen?: ColumnMapping) => {
    show('bt-error', '');
    show('bt-summary', '');
    show('bt-not-eligible', '');
    show('bt-totals', '');
    show('bt-mapping-used', '');
    const host = sheetHost();
    if (!host) return show('bt-error', ui.noExcel[lang]);
    show('bt-path', ui.working[lang]);
    const run = new AbortController();
    running = run;
    validateButton.disabled = true;
    cancel.hidden = false;
    let meta: RuleMetadata | undefined;
    let kept: ColumnMapping = {};
    let headers: unknown[] = [];
    try {
      const selection = await host.readSelection();
      if (selection.values.length < 2) return show('bt-error', ui.tooSmall[lang]);
      headers = selection.values[0];
      const rule = rules.find((r) => r.id === select.value) ?? guessRule(headers, rules);
      if (!rule) return show('bt-error', ui.noRule[lang]);
      meta = rule;
      select.value = rule.id;
      kept = chosen ?? parseMapping(await host.documentSettings?.get(mappingKey(rule.id)), rule);
      const result = await validateTable({
        values: selection.values,
        meta: rule,
        lang,
        worker: { url: url.value.trim(), key: key.value.trim() },
        online: navigator.onLine,
        mapping: kept,
        signal: run.signal,
        onProgress: (done, total) => {
          progress.max = Math.max(total, 1);
          progress.value = done;
          show('bt-path', fill(ui.progress[lang], { done, total }));
        },
      });
      const primary = rule.outputs.find((o) => o.name === rule.primary);
      await host.writeResults(selection, result.columns, {
        statuses: result.outcome.rows.map((r) => r.status),
        dateValues: primary?.type === 'date',
        moneyValues: primary?.type === 'money',
      });
      show('bt-path', result.reason[lang]);
      const { totals, ...counts } = result.outcome.summary;
      const words = (['ok', 'mismatch', 'invalid', 'skipped'] as const).map((k) =>
        fill(ui.countOf[lang], { word: ROW_VERDICT_WORDS[k][lang], count: counts[k] }),
      );
      show('bt-summary', fill(ui.summary[lang], { rows: counts.rows, counts: words.join(lang === 'zh' ? '，' : ', ') }));
      const notEligible = result.outcome.rows.filter((r) => r.eligible === false).length;
      if (notEligible) show('bt-not-eligible', fill(ui.notEligible[lang], { word: ROW_VERDICT_WORDS.ineligible[lang], count: notEligible }));
      if (totals) {
        const { computed, rows, claimed, claimedRows, computedClaimed, difference } = totals;
        show('bt-totals', fill(ui.totals[lang], { computed, rows, claimed, claimedRows, computedClaimed, difference }));
      }
      const used = Object.entries(kept).filter(([header]) => headers.some((h) => String(h ?? '').trim() === header));
      if (used.length)
        show(
          'bt-mapping-used',
          fill(ui.mappingInUse[lang], { pairs: used.map(([h, t]) => `${h} → ${targetLabel(rule, t)}`).join(lang === 'zh' ? '；' : '; ') }),
        );
      // nothing computed and columns not understood: the choice of inputs opens, as for a refused header
      showMapping(rule, unmatchedHeaders(headers, rule), kept, counts.ok + counts.mismatch === 0);
      showTemplate();
    } catch (error) {
      if (error instanceof CancelledError) return show('bt-path', ui.cancelled[lang]);
      show('bt-path', '');
      show('bt-error', error instanceof WorkerError ? error.text[lang] : String(error));
      // a header not understood: the choice of inputs for its columns, open
      if (error instanceof TableRefusedError && meta) showMapping(meta, unmatchedHeaders(headers, meta), kept, true);
    } finally {
      if (running === run) running = undefined;
      validateButton.disabled = false;
      cancel.hidden = true;
    }
  };
  validateButton.addEventListener('click', () => void validate());
}
