/** The selected table both task pane tests (Excel, WPS) validate: one ok row, one mismatched, one invalid. */
export const overquotaTable = [
  ['行号', '在职职工总数', '残疾职工折算人数', '月最低工资标准', '申报金额'],
  ['A1', 400, 9, 1980, 29700],
  ['A2', 400, 9, 1980, 30000],
  ['A3', 0, 9, 1980, ''],
];
