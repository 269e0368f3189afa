/** The WPS sheet host's pieces: A1 addresses, VBA colours, the shapes `Value2` may take; and a round trip on the stand-in sheet. */
import { expect, it } from 'vitest';
import { addressOf, bgr, columnLetters, NO_FILL, valuesOf, wpsSheetHost } from '../../addin/wps/wps-io.ts';
import { createWpsStub } from '../support/wps-stub.ts';

it('column letters and A1 addresses from 0-based rows and columns', () => {
  expect([1, 2, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  expect(addressOf(1, 1, 4, 5)).toBe('B2:F5');
  expect(addressOf(0, 25, 1, 2)).toBe('Z1:AA1');
});

it('#RRGGBB → the BGR number VBA takes', () => {
  expect(bgr('#FF0000')).toBe(0x0000ff);
  expect(bgr('#0000FF')).toBe(0xff0000);
  expect(bgr('#FFEB9C')).toBe(0x9cebff);
});

it('Value2: one cell as itself, rows of cells, a flat single row or column', () => {
  expect(valuesOf(5, 1, 1)).toEqual([[5]]);
  expect(
    valuesOf(
      [
        [1, 2],
        [3, 4],
      ],
      2,
      2,
    ),
  ).toEqual([
    [1, 2],
    [3, 4],
  ]);
  expect(valuesOf([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
  expect(valuesOf([1, 2, 3], 3, 1)).toEqual([[1], [2], [3]]);
});

it('reads the selection with its place and writes columns, date formats and fills beside it', async () => {
  const stub = createWpsStub({
    address: 'C3:D4',
    values: [
      ['a', 'b'],
      [1, 45000],
    ],
  });
  const host = wpsSheetHost(() => stub.Application)!;
  const selection = await host.readSelection();
  expect(selection).toEqual({
    values: [
      ['a', 'b'],
      [1, 45000],
    ],
    rowIndex: 2,
    columnIndex: 2,
    rowCount: 2,
    columnCount: 2,
  });
  await host.writeResults(
    selection,
    [
      ['s', 'v'],
      ['通过', 45001],
    ],
    { statuses: ['ok'], dateValues: true },
  );
  expect([stub.cell('E3'), stub.cell('F3'), stub.cell('E4'), stub.cell('F4')]).toEqual(['s', 'v', '通过', 45001]);
  expect(stub.format('F4')).toBe('yyyy-mm-dd');
  expect(stub.format('F3')).toBeUndefined();
  expect(stub.fill('C4')).toEqual({ colorIndex: NO_FILL });
  expect(stub.fill('C3')).toBeUndefined();
  expect(stub.autofits()).toBe(1);
  expect(wpsSheetHost(() => undefined)).toBeUndefined();
});
