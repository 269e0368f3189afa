/**
 * The task pane's page: language switch, rule choice, Worker settings, "Validate selection" with a
 * progress bar, and the path used. Glue only: the work is in validate.ts, table.ts and excel-io.ts.
 */
import { listRules, type RuleMetadata } from '../../rules/index.ts';
import { setLanguage, uiLanguage, type Lang } from '../functions/language.ts';
import { fill, ui } from './i18n.ts';
import { loadSettings, saveSettings } from './settings.ts';
import { excelSheetHost, type SheetHost } from './sheet-host.ts';
import { guessRule } from './table.ts';
import { validateTable } from './validate.ts';
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
    <button id="bt-validate" type="button" class="primary"></button>
    <progress id="bt-progress" value="0" max="1"></progress>
    <p id="bt-path" role="status"></p>
    <p id="bt-summary"></p>
    <p id="bt-not-eligible" class="not-eligible"></p>
    <p id="bt-totals"></p>
    <p><a id="bt-template" download></a></p>
    <p id="bt-error" class="error" role="alert"></p>
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
  $(root, 'bt-validate').addEventListener('click', async () => {
    show('bt-error', '');
    show('bt-summary', '');
    show('bt-not-eligible', '');
    show('bt-totals', '');
    const host = sheetHost();
    if (!host) return show('bt-error', ui.noExcel[lang]);
    show('bt-path', ui.working[lang]);
    try {
      const selection = await host.readSelection();
      if (selection.values.length < 2) return show('bt-error', ui.tooSmall[lang]);
      const meta: RuleMetadata | undefined = rules.find((r) => r.id === select.value) ?? guessRule(selection.values[0], rules);
      if (!meta) return show('bt-error', ui.noRule[lang]);
      select.value = meta.id;
      const result = await validateTable({
        values: selection.values,
        meta,
        lang,
        worker: { url: url.value.trim(), key: key.value.trim() },
        online: navigator.onLine,
        onProgress: (done, total) => {
          progress.max = Math.max(total, 1);
          progress.value = done;
        },
      });
      const primary = meta.outputs.find((o) => o.name === meta.primary);
      await host.writeResults(selection, result.columns, {
        statuses: result.outcome.rows.map((r) => r.status),
        dateValues: primary?.type === 'date',
        moneyValues: primary?.type === 'money',
      });
      show('bt-path', result.reason[lang]);
      const { totals, ...counts } = result.outcome.summary;
      show('bt-summary', fill(ui.summary[lang], counts));
      const notEligible = result.outcome.rows.filter((r) => r.eligible === false).length;
      if (notEligible) show('bt-not-eligible', fill(ui.notEligible[lang], { count: notEligible }));
      if (totals) show('bt-totals', fill(ui.totals[lang], { computed: totals.computed, claimed: totals.claimed, difference: totals.difference }));
      showTemplate();
    } catch (error) {
      show('bt-path', '');
      show('bt-error', error instanceof WorkerError ? error.text[lang] : String(error));
    }
  });
}
