/**
 * bt-taskpane.js: the task pane page in WPS. The same pane as Excel's (../taskpane/pane.ts: the same
 * table reader, the Worker when configured, else local), on WPS's spreadsheet (wps-io.ts).
 */
import { mountTaskPane } from '../taskpane/pane.ts';
import { wpsSheetHost, type WpsSpreadsheet } from './wps-io.ts';

const host = globalThis as unknown as { Application?: WpsSpreadsheet; wps?: { Application?: WpsSpreadsheet } };
const application = () => host.Application ?? host.wps?.Application;

const start = () => {
  const root = document.getElementById('bt-taskpane');
  if (root && !root.dataset.mounted) {
    root.dataset.mounted = 'true';
    mountTaskPane(root, () => wpsSheetHost(application));
  }
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
