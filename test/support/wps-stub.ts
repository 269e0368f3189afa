/**
 * A stand-in for WPS 表格's add-in globals, built from what wpsjs 2.2.3's et template uses (there is no
 * WPS on Linux here and no official mock): `wps.AddCustomFunction(namespace, name, fn, metadata)`,
 * `Application.PluginStorage`, `CreateTaskPane(url)` / `GetTaskPane(id)` with `Visible`, `ribbonUI`,
 * `Application.ActiveSheet` / `Selection` as Ranges with `Value2` (one cell: the value; more: rows of
 * values), `Row`, `Column`, `Rows.Count`, `Columns.Count`, `NumberFormat`, `Interior.Color`/`ColorIndex`,
 * `Columns.AutoFit()`, and `Range("A1:D5")` / `Cells.Item(row, column)`. The sheet is a sparse grid.
 * Runs in Node (vm) and, bundled, in Chromium.
 */

export interface Registration {
  namespace: string;
  name: string;
  fn: (...args: unknown[]) => unknown;
  metadata?: unknown;
}

export interface StubSheet {
  cells: Map<string, unknown>;
  formats: Map<string, unknown>;
  fills: Map<string, { color?: number; colorIndex?: number }>;
}

const key = (row: number, column: number) => `${row},${column}`;

/** "B3:E7" (or "B3") → 1-based corners. */
export function parseAddress(address: string): { row: number; column: number; rows: number; columns: number } {
  const corners = address.split(':').map((part) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(part.trim().toUpperCase());
    if (!m) throw new Error(`stub: bad address ${address}`);
    const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { row: Number(m[2]), column };
  });
  const [a, b = a] = corners;
  return { row: a.row, column: a.column, rows: b.row - a.row + 1, columns: b.column - a.column + 1 };
}

export function createWpsStub(selection: { address: string; values?: unknown[][] }) {
  const sheet: StubSheet = { cells: new Map(), formats: new Map(), fills: new Map() };
  const registrations: Registration[] = [];
  const storage = new Map<string, unknown>();
  const panes = new Map<number, { ID: number; url: string; title?: string; Visible: boolean }>();
  let autofits = 0;

  const range = (row: number, column: number, rows: number, columns: number) => {
    const each = (visit: (r: number, c: number, i: number, j: number) => void) => {
      for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) visit(row + i, column + j, i, j);
    };
    return {
      get Value2(): unknown {
        if (rows === 1 && columns === 1) return sheet.cells.get(key(row, column));
        return Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => sheet.cells.get(key(row + i, column + j))));
      },
      set Value2(value: unknown) {
        each((r, c, i, j) => sheet.cells.set(key(r, c), Array.isArray(value) ? (value as unknown[][])[i]?.[j] : value));
      },
      get Formula(): unknown {
        return this.Value2;
      },
      set NumberFormat(format: unknown) {
        each((r, c) => sheet.formats.set(key(r, c), format));
      },
      Row: row,
      Column: column,
      Rows: { Count: rows },
      Columns: {
        Count: columns,
        AutoFit() {
          autofits++;
          return true;
        },
      },
      Interior: {
        set Color(color: number) {
          each((r, c) => sheet.fills.set(key(r, c), { color }));
        },
        set ColorIndex(colorIndex: number) {
          each((r, c) => sheet.fills.set(key(r, c), { colorIndex }));
        },
      },
    };
  };
  const rangeAt = (address: string) => {
    const a = parseAddress(address);
    return range(a.row, a.column, a.rows, a.columns);
  };

  const chosen = parseAddress(selection.address);
  selection.values?.forEach((row, i) => row.forEach((value, j) => sheet.cells.set(key(chosen.row + i, chosen.column + j), value)));

  // The workbook's custom document properties, as VBA's DocumentProperties: 1-based Item, Add(name, link, type, value).
  const properties: { Name: string; Value: unknown; Type: number }[] = [];
  const documentProperties = {
    get Count() {
      return properties.length;
    },
    Item(index: number) {
      const property = properties[index - 1];
      if (!property) throw new Error(`stub: no document property ${index}`);
      return {
        get Name() {
          return property.Name;
        },
        get Value() {
          return property.Value;
        },
        set Value(value: unknown) {
          if (String(value).length > 255) throw new Error('stub: a text property holds at most 255 characters');
          property.Value = value;
        },
        Delete: () => void properties.splice(properties.indexOf(property), 1),
      };
    },
    Add(name: string, _link: boolean, type: number, value: unknown) {
      if (properties.some((p) => p.Name === name)) throw new Error(`stub: property ${name} exists`);
      if (String(value).length > 255) throw new Error('stub: a text property holds at most 255 characters');
      properties.push({ Name: name, Value: value, Type: type });
    },
  };

  const activeSheet = {
    Name: 'Sheet1',
    Range: (address: string) => rangeAt(address),
    Cells: { Item: (row: number, column: number) => range(row, column, 1, 1) },
  };
  const Application = {
    ribbonUI: undefined as unknown,
    ActiveWorkbook: { Name: '申报表.xlsx', CustomDocumentProperties: documentProperties },
    ActiveSheet: activeSheet,
    get Selection() {
      return range(chosen.row, chosen.column, chosen.rows, chosen.columns);
    },
    PluginStorage: {
      getItem: (k: string) => storage.get(k),
      setItem: (k: string, v: unknown) => void storage.set(k, v),
    },
    CreateTaskPane(url: string, title?: string) {
      const pane = { ID: panes.size + 1, url, title, Visible: false };
      panes.set(pane.ID, pane);
      return pane;
    },
    GetTaskPane: (id: number) => panes.get(id),
  };
  const wps = {
    Application,
    AddCustomFunction(namespace: string, name: string, fn: (...args: unknown[]) => unknown, metadata?: unknown) {
      if (registrations.some((r) => r.namespace === namespace && r.name === name)) throw new Error(`stub: ${namespace}.${name} registered twice`);
      registrations.push({ namespace, name, fn, metadata });
    },
  };
  return {
    wps,
    Application,
    registrations,
    sheet,
    panes,
    autofits: () => autofits,
    /** The workbook's custom document properties (name, value, type). */
    properties,
    /** A cell by A1 address (tests read what the add-in wrote). */
    cell: (address: string) => {
      const a = parseAddress(address);
      return sheet.cells.get(key(a.row, a.column));
    },
    fill: (address: string) => {
      const a = parseAddress(address);
      return sheet.fills.get(key(a.row, a.column));
    },
    format: (address: string) => {
      const a = parseAddress(address);
      return sheet.formats.get(key(a.row, a.column));
    },
  };
}

export type WpsStub = ReturnType<typeof createWpsStub>;
