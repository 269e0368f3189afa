/**
 * Clerks' tables, one pure module (no I/O) shared by the Worker, the page and the task pane:
 * bytes → text (decode), header → columns (headers), cells in clerks' forms → inputs (cells),
 * rows → answers through the registry's BatchEvaluator, with skipped rows and totals (rows, totals),
 * answers → CSV / xlsx (answers, csv-write, xlsx-write), and templates from the registry (template).
 * Reading workbooks (xlsx-read) is imported by path, so bundles that never read one don't carry SheetJS.
 */
export * from './headers.ts';
export * from './form.ts';
export type * from './sheet-source.ts';
export * from './cells.ts';
export * from './rows.ts';
export * from './totals.ts';
export * from './answers.ts';
export * from './csv-write.ts';
export * from './decode.ts';
export * from './xlsx-write.ts';
export * from './answer-table.ts';
export * from './template.ts';
