// A stand-in for office.js in a real browser (served instead of Microsoft's CDN script in tests):
// Office.onReady, a CustomFunctions registry and an Excel.run whose workbook holds one selected table
// (window.__officeStub.selection) and records what the add-in writes (window.__officeStub.writes).
(() => {
  const stub = (window.__officeStub = window.__officeStub || {});
  stub.associated = [];
  stub.writes = [];
  stub.selection = stub.selection || { values: [['x']], rowIndex: 0, columnIndex: 0 };
  class CustomFunctionsError extends Error {
    constructor(code, message) {
      super(message);
      this.code = code;
    }
  }
  window.CustomFunctions = {
    associate: (id) => stub.associated.push(id),
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
  };
  // Document settings (Office.context.document.settings), kept in window.__officeStub.settings; saveAsync counted.
  stub.settings = stub.settings || {};
  stub.settingsSaved = 0;
  const settings = {
    get: (name) => (name in stub.settings ? stub.settings[name] : null),
    set: (name, value) => void (stub.settings[name] = value),
    remove: (name) => void delete stub.settings[name],
    saveAsync: (callback) => {
      stub.settingsSaved++;
      setTimeout(() => callback && callback({ status: 'succeeded' }), 0);
    },
  };
  window.Office = {
    context: { displayLanguage: 'zh-CN', document: { settings } },
    onReady: (callback) => Promise.resolve(callback && callback({ host: 'Excel' })),
  };
  const range = (args) => {
    const record = { args, values: undefined, numberFormat: undefined, fill: undefined };
    stub.writes.push(record);
    return {
      set values(v) {
        record.values = v;
      },
      set numberFormat(v) {
        record.numberFormat = v;
      },
      format: {
        autofitColumns() {},
        fill: {
          set color(c) {
            record.fill = c;
          },
          clear() {
            record.fill = 'cleared';
          },
        },
      },
    };
  };
  const context = {
    workbook: {
      getSelectedRange: () => {
        const s = stub.selection;
        return { load() {}, values: s.values, rowIndex: s.rowIndex, columnIndex: s.columnIndex, rowCount: s.values.length, columnCount: s.values[0].length };
      },
      worksheets: { getActiveWorksheet: () => ({ getRangeByIndexes: (...args) => range(args) }) },
    },
    sync: async () => undefined,
  };
  window.Excel = { run: async (callback) => callback(context) };
})();
