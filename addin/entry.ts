/**
 * The add-in's one bundle (shared runtime): registers every `BT.*` custom function and, on the task
 * pane page, mounts the pane. Includes the rules package, so everything also works offline.
 */
import { registerFunctions } from './functions/register.ts';
import { customFunctions, office } from './office-host.ts';
import { mountTaskPane } from './taskpane/pane.ts';

const cf = customFunctions();
if (cf) registerFunctions(cf);

const start = () => {
  const root = document.getElementById('bt-taskpane');
  if (root && !root.dataset.mounted) {
    root.dataset.mounted = 'true';
    mountTaskPane(root);
  }
};
const host = office();
if (host?.onReady) void host.onReady(() => start());
else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
