/** The task pane's own words, in Chinese (default) and English. */
import type { Text } from '../../rules/index.ts';

export const ui = {
  title: { zh: '包头残疾人就业政策核对', en: 'Baotou disability-employment checks' },
  intro: {
    zh: '选中一张表（首行为输入项名称或中文名称，可含 行号、申报金额 列），点击“校验选区”。结果写在表格右侧。',
    en: 'Select a table (first row: input names or their Chinese labels; optional rowId and claimed columns) and press “Validate selection”. Results go to the right of the table.',
  },
  rule: { zh: '规则', en: 'Rule' },
  auto: { zh: '按表头自动识别', en: 'Detect from the headers' },
  validate: { zh: '校验选区', en: 'Validate selection' },
  settings: { zh: '联网核对设置（可不填：不填则在本机计算）', en: 'Online checking (optional: without it, checks run on this computer)' },
  url: { zh: '核对服务地址', en: 'Address of the checking service' },
  key: { zh: '访问密钥', en: 'Access key' },
  save: { zh: '保存', en: 'Save' },
  saved: { zh: '已保存', en: 'Saved' },
  language: { zh: 'English', en: '中文' },
  noRule: {
    zh: '无法从表头确定规则，请在上方选择规则',
    en: 'The headers do not identify one rule: choose the rule above',
  },
  tooSmall: { zh: '请选中包含表头行和至少一行数据的区域', en: 'Select a range with a header row and at least one data row' },
  noExcel: { zh: '未在 Excel 或 WPS 表格中运行：无法读取选区', en: 'Not running inside Excel or WPS Spreadsheets: cannot read the selection' },
  working: { zh: '校验中…', en: 'Validating…' },
  /** The counts, each after its word from ROW_VERDICT_WORDS (the one vocabulary of a row's outcome). */
  summary: { zh: '共 {rows} 行：{counts}', en: '{rows} rows: {counts}' },
  countOf: { zh: '{word} {count} 行', en: '{word} {count}' },
  notEligible: { zh: '其中“{word}” {count} 行（原因见“说明”列）', en: '“{word}”: {count} of them (see the message column)' },
  selectionIsTable: {
    zh: '核对的是选中的区域：要核对另一个工作表，请切换到该表并选中表格。',
    en: 'The selection is the table checked: to check another sheet, switch to it and select its table.',
  },
  progress: { zh: '已读取并核对 {done} / {total} 行', en: '{done} of {total} rows read and answered' },
  cancel: { zh: '取消校验', en: 'Cancel' },
  cancelled: { zh: '已取消校验，表格未改动。', en: 'Validation cancelled; the sheet was not changed.' },
  mappingLegend: { zh: '未识别的列：请指定每一列对应的输入项', en: 'Columns not understood: say what each one is' },
  mappingIntro: {
    zh: '所选对应关系保存在本工作簿中（随文件保存），以后校验本规则时自动使用。',
    en: 'Your choices are kept in this workbook (saved with the file) and used for this rule from now on.',
  },
  mappingInUse: { zh: '已使用本工作簿保存的列对应：{pairs}', en: 'Using the column choices kept in this workbook: {pairs}' },
  mappingNone: { zh: '（不计算，原样保留）', en: '(not computed, kept as is)' },
  mappingApply: { zh: '按所选对应重新校验', en: 'Validate again with these columns' },
  mappingDuplicate: { zh: '两列不能对应同一项：{target}', en: 'Two columns cannot name the same item: {target}' },
  mappingNotSaved: { zh: '未能保存到工作簿：{reason}', en: 'Could not keep it in the workbook: {reason}' },
  totals: {
    zh: '合计：计算 {computed} 元（{rows} 行）；申报 {claimed} 元（填写申报的 {claimedRows} 行，这些行计算 {computedClaimed} 元），差额 {difference} 元（同此 {claimedRows} 行）',
    en: 'Totals: computed {computed} over {rows} rows; claimed {claimed} over the {claimedRows} rows with a claim (computed {computedClaimed} on them), difference {difference} over the same rows',
  },
  template: { zh: '下载本规则的填报模板（Excel）', en: 'Download this rule’s template (Excel)' },
  functions: {
    zh: '也可在单元格中使用函数：=BT.规则名(…)；=BT.EXPLAIN("规则名", …) 列出计算说明',
    en: 'Cell functions: =BT.RULE_NAME(…); =BT.EXPLAIN("RULE_NAME", …) spills the explanation',
  },
} satisfies Record<string, Text>;

export const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
