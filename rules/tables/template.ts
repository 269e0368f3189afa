/**
 * Templates for every rule that takes a table, generated from the registry: Chinese headers with
 * units (read back by headers.ts), one example row from the specs' examples, and notes (a 说明 row in
 * CSV, a 说明 sheet in xlsx); in xlsx, drop-downs for districts, choices and yes/no inputs.
 */
import { BATCH_COLUMN_HEADERS, BATCH_COLUMN_LABELS } from '../columns.ts';
import { districts } from '../parameters/districts.ts';
import type { InputSpec } from '../core/schema.ts';
import type { RuleMetadata } from '../metadata.ts';
import { csvLine } from './csv-write.ts';
import { xlsxBytes, type XlsxCell } from './xlsx-write.ts';

type Meta = Pick<RuleMetadata, 'id' | 'title' | 'inputs' | 'outputs' | 'primary' | 'clause'>;

/** Whether a rule can be a table: none of its required inputs is a list of records. */
export const takesTable = (meta: Pick<RuleMetadata, 'inputs'>): boolean => !meta.inputs.some((i) => i.type === 'records' && i.required);

/** The inputs a template offers: every input but lists of records and the validity override. */
const templateInputs = (meta: Meta) => meta.inputs.filter((i) => i.type !== 'records' && i.name !== 'applyOutsideValidity');

const headerOf = (spec: InputSpec) => (spec.unit?.zh ? `${spec.label.zh}（${spec.unit.zh}）` : spec.label.zh);

const EXAMPLE_DATE = '2024-06-30';

function exampleOf(spec: InputSpec): XlsxCell {
  if (spec.type === 'date') return { date: typeof spec.example === 'string' ? spec.example : EXAMPLE_DATE };
  if (spec.type === 'boolean') return spec.example === undefined ? (spec.required ? '否' : undefined) : spec.example === true ? '是' : '否';
  if (spec.type === 'choice') {
    const choice = spec.choices?.find((c) => c.value === spec.example) ?? (spec.required ? spec.choices?.[0] : undefined);
    return choice?.label.zh;
  }
  if (spec.type === 'district') return spec.example === undefined ? (spec.required ? districts[0].zh : undefined) : String(spec.example);
  if (spec.example === undefined) return spec.required && spec.type === 'integer' ? 1 : undefined;
  if (spec.type === 'integer' || spec.type === 'decimal' || spec.type === 'money')
    return typeof spec.example === 'number' ? spec.example : Number(spec.example);
  return typeof spec.example === 'string' ? spec.example : String(spec.example);
}

function listOf(spec: InputSpec): string[] | undefined {
  if (spec.type === 'district') return districts.map((d) => d.zh);
  if (spec.type === 'choice') return spec.choices?.map((c) => c.label.zh);
  if (spec.type === 'boolean') return ['是', '否'];
  return undefined;
}

/** The template's header, example row and notes (zh). */
export function templateTable(meta: Meta): { header: string[]; example: XlsxCell[]; notes: string[] } {
  const inputs = templateInputs(meta);
  const header = [BATCH_COLUMN_LABELS.rowId.zh, ...inputs.map(headerOf), `${BATCH_COLUMN_LABELS.claimed.zh}（元）`, '单位名称', '备注'];
  const example: XlsxCell[] = [1, ...inputs.map(exampleOf), undefined, '（示例）', '示例行，可删除'];
  const required = inputs.filter((i) => i.required).map((i) => i.label.zh);
  const notes = [
    `说明：${meta.title.zh}（规则 ${meta.id}，条款 ${meta.clause.id}）。每行一笔申报；带“*”者为必填：${required.map((r) => `${r}*`).join('、') || '无'}。`,
    '注：日期可写 2024-06-30、2024/6/30、2024年6月30日；金额可写 ￥29,700.00、29700元。',
    '注：“申报金额”可留空；填写时与计算结果核对。“单位名称”“备注”等其他列原样保留在结果中。空行、合计行、示例行与签章行不计算。',
  ];
  const aliases = inputs.filter((i) => i.aliases?.length).map((i) => `${i.label.zh}（${i.aliases!.join('、')}）`);
  const claimedAliases = BATCH_COLUMN_HEADERS.claimed.filter((h) => /[\u4e00-\u9fff]/.test(h) && h !== BATCH_COLUMN_LABELS.claimed.zh);
  aliases.push(`${BATCH_COLUMN_LABELS.claimed.zh}（${claimedAliases.join('、')}）`);
  notes.push(`注：本单位表格的列名也可用：${aliases.join('；')}。`);
  return { header, example, notes };
}

const csvExample = (cell: XlsxCell) => (cell && typeof cell === 'object' && 'date' in cell ? cell.date : cell);

/** The CSV template: UTF-8 with BOM (Excel and WPS open it as UTF-8), header, example, notes. */
export function templateCsv(meta: Meta): string {
  const { header, example, notes } = templateTable(meta);
  return `\uFEFF${csvLine(header)}${csvLine(example.map(csvExample))}${notes.map((n) => csvLine([n])).join('')}`;
}

/** The xlsx template: a 填报 sheet (frozen header, example row, drop-downs) and a 说明 sheet. */
export function templateXlsx(meta: Meta): Uint8Array {
  const { header, example, notes } = templateTable(meta);
  const inputs = templateInputs(meta);
  return xlsxBytes((writer) => {
    writer.startSheet({ name: '填报', freezeHeader: true, widths: header.map((h) => Math.max(12, Math.min(36, h.length * 2 + 2))) });
    writer.row(header, 'header');
    writer.row(example);
    inputs.forEach((spec, i) => {
      const list = listOf(spec);
      if (list) writer.validate({ column: i + 1, list, fromRow: 2, toRow: 1001 });
    });
    writer.endSheet();
    writer.startSheet({ name: '说明', widths: [100] });
    for (const note of notes) writer.row([note]);
    writer.row([]);
    writer.row(['列', '说明', '也可写作'], 'header');
    for (const spec of inputs) writer.row([`${headerOf(spec)}${spec.required ? ' *' : ''}`, spec.description.zh, (spec.aliases ?? []).join('、')]);
    writer.endSheet();
  });
}
