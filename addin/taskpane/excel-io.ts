/**
 * The task pane's only contact with the workbook (Excel JavaScript API): read the selected table,
 * write the four result columns beside it, colour mismatched and invalid rows. Tested with office-addin-mock.
 */
import type { RowStatus } from '../../rules/index.ts';
import { DATE_FORMAT, MONEY_FORMAT } from '../functions/cells.ts';
import { HIGHLIGHT, type ResultCell } from './table.ts';

export interface Selection {
  values: unknown[][];
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export async function readSelection(excel: any): Promise<Selection> {
  return excel.run(async (context: any) => {
    const range = context.workbook.getSelectedRange();
    range.load(['values', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
    await context.sync();
    return { values: range.values, rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
  });
}

export interface WriteOptions {
  /** Status of each data row, in order (the header row is not included). */
  statuses: readonly RowStatus[];
  /** The primary value is a date: show column 2 as a date. */
  dateValues: boolean;
  /** The primary value is money: show column 2 with two decimals (the difference, column 3, always is). */
  moneyValues?: boolean;
}

/** Excel's number format for amounts: two decimals. */
export { MONEY_FORMAT };

/** Writes `columns` (header row + one row per data row) to the right of the selection. */
export async function writeResults(excel: any, selection: Selection, columns: ResultCell[][], options: WriteOptions): Promise<void> {
  await excel.run(async (context: any) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    const first = selection.columnIndex + selection.columnCount;
    const width = columns[0].length;
    const target = sheet.getRangeByIndexes(selection.rowIndex, first, columns.length, width);
    target.values = columns;
    target.format.autofitColumns();
    if (options.dateValues && columns.length > 1) {
      const dates = sheet.getRangeByIndexes(selection.rowIndex + 1, first + 1, columns.length - 1, 1);
      dates.numberFormat = columns.slice(1).map(() => [DATE_FORMAT]);
    }
    if (columns.length > 1) {
      const money = options.moneyValues ? 2 : 1;
      const amounts = sheet.getRangeByIndexes(selection.rowIndex + 1, first + (options.moneyValues ? 1 : 2), columns.length - 1, money);
      amounts.numberFormat = columns.slice(1).map(() => Array.from({ length: money }, () => MONEY_FORMAT));
    }
    options.statuses.forEach((status, i) => {
      const row = sheet.getRangeByIndexes(selection.rowIndex + 1 + i, selection.columnIndex, 1, selection.columnCount + width);
      if (status === 'ok') row.format.fill.clear();
      else row.format.fill.color = HIGHLIGHT[status];
    });
    await context.sync();
  });
}
