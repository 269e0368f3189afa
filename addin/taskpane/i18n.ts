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
  summary: {
    zh: '共 {rows} 行：与申报一致 {ok} 行，与申报不一致 {mismatch} 行，无法计算 {invalid} 行，跳过 {skipped} 行（空行、合计行）',
    en: '{rows} rows: {ok} ok, {mismatch} mismatched, {invalid} invalid, {skipped} skipped',
  },
  notEligible: { zh: '其中 {count} 行不符合条件（原因见“说明”列）', en: '{count} of them are not eligible (see the message column)' },
  totals: { zh: '合计（计算成功的行）：应得 {computed} 元，申报 {claimed} 元，差额 {difference} 元', en: 'Totals (rows that computed): computed {computed}, claimed {claimed}, difference {difference} yuan' },
  template: { zh: '下载本规则的填报模板（Excel）', en: 'Download this rule’s template (Excel)' },
  functions: { zh: '也可在单元格中使用函数：=BT.规则名(…)；=BT.EXPLAIN("规则名", …) 列出计算说明', en: 'Cell functions: =BT.RULE_NAME(…); =BT.EXPLAIN("RULE_NAME", …) spills the explanation' },
} satisfies Record<string, Text>;

export const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
