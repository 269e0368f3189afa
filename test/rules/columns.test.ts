import { expect, it } from 'vitest';
import { batchColumnForHeader, inputForHeader, listRules } from '../../rules/index.ts';

const overquota = listRules().find((r) => r.id === 'overquota-reward')!;

it('reads a header as an input by name or zh/en label, ignoring width, spaces and case', () => {
  expect(inputForHeader('totalStaff', overquota.inputs)?.name).toBe('totalStaff');
  expect(inputForHeader(' 在职职工总数 ', overquota.inputs)?.name).toBe('totalStaff');
  expect(inputForHeader('In-service staff', overquota.inputs)?.name).toBe('totalStaff');
  expect(inputForHeader('ＴＯＴＡＬＳＴＡＦＦ', overquota.inputs)?.name).toBe('totalStaff');
  expect(inputForHeader('staff', overquota.inputs)).toBeUndefined();
  expect(inputForHeader(42, overquota.inputs)).toBeUndefined();
});

it('reads the batch’s own columns, the same list for the Worker and the add-in', () => {
  for (const header of ['rowId', 'Row ID', '行号', '序号', '编号', 'id']) expect(batchColumnForHeader(header), header).toBe('rowId');
  for (const header of ['claimed', 'Claimed amount', '申报金额', '申报', '申报数']) expect(batchColumnForHeader(header), header).toBe('claimed');
  expect(batchColumnForHeader('amount')).toBeUndefined();
});
