/** The page's language (zh by default, en on the switch) and its own interface words; everything else comes from the metadata. */
import type { Text } from '../rules/index.ts';

export type Lang = 'zh' | 'en';

let current: Lang = 'zh';

export const lang = (): Lang => current;

export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

/** Picks the current language's form of a bilingual text. */
export const tr = (text: Text | undefined): string => (text ? text[current] : '');

/** The page's fixed words. */
export const ui = {
  pageTitle: { zh: '残疾人就业政策快速核算', en: 'Disability-employment quick check' },
  pageSubtitle: {
    zh: '包头市促进残疾人就业实施方案（包府办发〔2023〕43号）',
    en: 'Baotou plan for promoting the employment of persons with disabilities (包府办发〔2023〕43号)',
  },
  switchLang: { zh: 'English', en: '中文' },
  switchLangLabel: { zh: 'Switch to English', en: '切换到中文' },
  rule: { zh: '规则', en: 'Rule' },
  inputs: { zh: '输入', en: 'Inputs' },
  compute: { zh: '计算', en: 'Compute' },
  fillExample: { zh: '填入示例', en: 'Fill in the example' },
  clear: { zh: '清空', en: 'Clear' },
  required: { zh: '必填', en: 'required' },
  optional: { zh: '选填', en: 'optional' },
  notGiven: { zh: '（不填）', en: '(not given)' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  range: { zh: '范围', en: 'Range' },
  result: { zh: '结果', en: 'Result' },
  outputs: { zh: '各项结果', en: 'All outputs' },
  steps: { zh: '计算过程', en: 'How it was computed' },
  clause: { zh: '依据条款', en: 'Clause' },
  policy: { zh: '政策文件', en: 'Policy' },
  validity: { zh: '有效期', en: 'Valid' },
  sources: { zh: '其他依据', en: 'Other sources' },
  interpretations: { zh: '采用的解释', en: 'Interpretations relied on' },
  reading: { zh: '采用', en: 'Reading' },
  alternative: { zh: '另一种理解', en: 'Alternative' },
  hints: { zh: '提示', en: 'Hints' },
  warnings: { zh: '注意', en: 'Warnings' },
  rulesetVersion: { zh: '规则版本', en: 'Ruleset version' },
  shareLink: { zh: '本次计算的链接：', en: 'Link to this case:' },
  computing: { zh: '计算中…', en: 'Computing…' },
  noConditionFailed: { zh: '无', en: 'none' },
  dateFormat: { zh: '格式：年-月-日，如 2024-06-30', en: 'Format: year-month-day, e.g. 2024-06-30' },
  notEligible: { zh: '不符合条件', en: 'Not eligible' },
  notEligibleIntro: { zh: '本案例不符合以下条件：', en: 'This case does not meet these conditions:' },
  notEligibleNoAmount: { zh: '本案例不符合以下条件，因此没有金额：', en: 'This case does not meet these conditions, so there is no amount:' },
  zeroAmount: { zh: '金额为零：本案例没有可发放的金额', en: 'The amount is zero: nothing is payable for this case' },
  dependsOnDate: { zh: '结果取决于所涉日期', en: 'The answer depends on the date' },
  dependsOnDateIntro: {
    zh: '未填写所涉日期，而结果在方案有效期内随日期而变。请填写所涉日期；各时段的结果：',
    en: 'No date was given, and the answer changes within the plan’s validity. Give the date of the claim; the answer for each period:',
  },
  period: { zh: '时段', en: 'Period' },
  fieldErrorPrefix: { zh: '输入有误：', en: 'Input error: ' },
  networkError: { zh: '无法连接服务，请稍后再试。', en: 'The service could not be reached; please try again.' },
  unexpectedAnswer: { zh: '服务返回了无法识别的答复', en: 'The service gave an answer the page cannot read' },
  invalidJson: { zh: '不是有效的 JSON 数组', en: 'is not a valid JSON array' },
  batch: { zh: '批量核对（CSV、Excel）', en: 'Batch check (CSV, Excel)' },
  batchIntro: {
    zh: '上传 Excel（.xlsx、.xls）或 CSV/文本文件（UTF-8、UTF-16、GBK 均可），首行为列名（中文名称可带单位），每行一个案例；可加序号和申报金额两列用于核对。单位名称、备注等其他列原样保留，空行与合计行不计算。',
    en: 'Upload an Excel workbook (.xlsx, .xls) or a CSV/text file (UTF-8, UTF-16 or GBK), a header row of column names (Chinese labels may carry units), one case per row; optional row number and claimed columns are checked against the result. Other columns are kept as they are; blank and total rows are not computed.',
  },
  batchTemplates: { zh: '填报模板：', en: 'Templates to fill in:' },
  templateXlsx: { zh: 'Excel 模板', en: 'Excel template' },
  templateCsv: { zh: 'CSV 模板', en: 'CSV template' },
  batchDownloadXlsx: { zh: '下载结果 Excel', en: 'Download the result as Excel' },
  totals: { zh: '金额合计（计算成功的行）', en: 'Totals (rows that computed)' },
  computed: { zh: '应得金额', en: 'Computed' },
  claimedTotal: { zh: '申报金额', en: 'Claimed' },
  cityShare: { zh: '市级负担', en: 'City share' },
  districtShare: { zh: '旗县区负担', en: 'District share' },
  byDistrict: { zh: '按旗县区', en: 'By district' },
  district: { zh: '旗县区', en: 'District' },
  ignoredColumns: { zh: '保留未计算的列：', en: 'Columns kept, not computed: ' },
  batchColumns: { zh: '本规则的列名：', en: 'Columns for this rule:' },
  batchFile: { zh: '表格文件（Excel 或 CSV）', en: 'Table file (Excel or CSV)' },
  batchKey: { zh: '访问密钥', en: 'Access key' },
  batchKeyHint: { zh: '由管理员发放；本地开发环境为 local-dev-key', en: 'Issued by the administrator; local development uses local-dev-key' },
  batchSubmit: { zh: '上传并核对', en: 'Upload and check' },
  batchDownload: { zh: '下载结果 CSV', en: 'Download the result CSV' },
  batchNoFile: { zh: '请先选择表格文件', en: 'Choose a table file first' },
  batchNoKey: { zh: '请填写访问密钥', en: 'Enter the access key' },
  summary: { zh: '汇总', en: 'Summary' },
  rows: { zh: '行数', en: 'Rows' },
  row: { zh: '行', en: 'Row' },
  status: { zh: '状态', en: 'Status' },
  message: { zh: '说明', en: 'Message' },
  difference: { zh: '差额', en: 'Difference' },
  problemRows: { zh: '需要注意的行', en: 'Rows that need attention' },
  skippedRows: { zh: '未计算的行及原因', en: 'Rows not computed, and why' },
  reason: { zh: '原因', en: 'Reason' },
  hidden: { zh: '隐藏的行', en: 'Hidden rows' },
  hiddenRow: { zh: '隐藏行', en: 'hidden row' },
  hiddenNote: {
    zh: '表格中有隐藏或被筛选掉的行：这些行也已计算并计入合计；每一行在结果文件的“说明”列中注明，列在下表中的也注明于“说明”。',
    en: 'The sheet has hidden or filtered-out rows: they were computed and counted in the totals too; each is noted in the result files’ message column, and in the message of the rows listed below.',
  },

  sheetRead: { zh: '读取的工作表', en: 'Sheet read' },
  headerRow: { zh: '表头所在行', en: 'Header row' },
  preamble: { zh: '表头上方的内容（保留在结果文件中）', en: 'Above the header (kept in the result files)' },
  sheetChoice: { zh: '要核对的工作表', en: 'Sheet to check' },
  sheetApply: { zh: '核对所选工作表', en: 'Check the chosen sheet' },
  mappingLegend: { zh: '未识别的列：请指定每一列对应的输入项', en: 'Columns not understood: say what each one is' },
  mappingIntro: {
    zh: '所选对应关系保存在本浏览器中，以后上传本规则的表格时自动使用。',
    en: 'Your choices are kept in this browser and used for this rule’s tables from now on.',
  },
  mappingNone: { zh: '（不计算，原样保留）', en: '(not computed, kept as is)' },
  mappingApply: { zh: '按所选对应重新核对', en: 'Check again with these columns' },
  mappingDuplicate: { zh: '两列不能对应同一项', en: 'Two columns cannot name the same item' },
  mappingInUse: { zh: '正在使用本浏览器保存的列对应：', en: 'Using the column choices kept in this browser: ' },
  mappingForget: { zh: '清除保存的列对应', en: 'Forget the column choices' },
  closestRow: { zh: '最接近表头的一行', en: 'The row closest to a header' },
  sheetFound: { zh: '各工作表的内容', en: 'What each sheet holds' },
  batchProgress: { zh: '已读取并核对 {rows} 行', en: '{rows} rows read and answered' },
  batchUploading: { zh: '正在上传（{size}）…', en: 'Uploading ({size})…' },
  batchCancel: { zh: '取消核对', en: 'Cancel the check' },
  batchCancelled: { zh: '已取消核对，未得到结果。', en: 'The check was cancelled; there is no result.' },
  moreRows: { zh: '其余各行见下载的结果', en: 'The other rows are in the downloaded result' },
  loading: { zh: '加载规则…', en: 'Loading rules…' },
  skip: { zh: '跳到主要内容', en: 'Skip to the main content' },
  caseHeading: { zh: '单个案例', en: 'One case' },
  ignoredInputs: { zh: '链接中有本规则没有的输入，已忽略', en: 'The link names inputs this rule does not have; they were ignored' },
  unknownRule: { zh: '链接中的规则不存在，已改为第一条规则', en: 'The rule in the link does not exist; showing the first rule' },
} satisfies Record<string, Text>;

export const t = (key: keyof typeof ui): string => ui[key][current];

const isKey = (key: string | undefined): key is keyof typeof ui => key !== undefined && key in ui;

/** Writes the fixed words into the page's skeleton: `data-t` (text) and `data-t-label` (aria-label). */
export function applyTexts(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-t]')) if (isKey(el.dataset.t)) el.textContent = t(el.dataset.t);
  for (const el of root.querySelectorAll<HTMLElement>('[data-t-label]')) if (isKey(el.dataset.tLabel)) el.setAttribute('aria-label', t(el.dataset.tLabel));
  document.title = `${t('pageTitle')} · ${current === 'zh' ? ui.pageTitle.en : ui.pageTitle.zh}`;
}

/** Punctuation differs: full-width in Chinese, ASCII with spaces in English. */
export const colon = (): string => (current === 'zh' ? '：' : ': ');
export const paren = (s: string): string => (current === 'zh' ? `（${s}）` : ` (${s})`);
export const listSep = (): string => (current === 'zh' ? '；' : '; ');

/** A fixed word with `{name}` places filled in. */
export const tf = (key: keyof typeof ui, values: Record<string, string | number>): string =>
  t(key).replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
