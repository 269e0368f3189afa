/**
 * The ribbon's callbacks, named in ribbon.xml and defined as globals by bt-wps.js, as in wpsjs's
 * template (js/ribbon.js): `OnAddinLoad` keeps the ribbon, `OnAction` opens the task pane (or shows/hides
 * the one already open; its id is kept in `Application.PluginStorage`), `GetImage` gives the icon.
 */
import { TASKPANE_BUTTON, WPS_FILES } from './files.ts';

const TASKPANE_ID_KEY = 'bt_taskpane_id';

export interface WpsApplication {
  ribbonUI?: unknown;
  PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
  CreateTaskPane(url: string, title?: string): { ID: unknown; Visible: boolean };
  GetTaskPane(id: unknown): { Visible: boolean } | undefined;
}

/** The add-in's base URL: the page's address without its file name (the template's GetUrlPath). */
export const baseUrl = (location: string): string => location.slice(0, location.lastIndexOf('/'));

export function ribbonCallbacks(app: () => WpsApplication, location: () => string) {
  return {
    OnAddinLoad(ribbonUI: unknown): boolean {
      if (typeof app().ribbonUI !== 'object') app().ribbonUI = ribbonUI;
      return true;
    },
    OnAction(control: { Id: string }): boolean {
      if (control.Id !== TASKPANE_BUTTON) return true;
      const application = app();
      const id = application.PluginStorage.getItem(TASKPANE_ID_KEY);
      const existing = id ? application.GetTaskPane(id) : undefined;
      if (existing) existing.Visible = !existing.Visible;
      else {
        const pane = application.CreateTaskPane(`${baseUrl(location())}/${WPS_FILES.taskpane}`, '包头残疾人就业政策核对');
        application.PluginStorage.setItem(TASKPANE_ID_KEY, pane.ID);
        pane.Visible = true;
      }
      return true;
    },
    GetImage(): string {
      return WPS_FILES.icon;
    },
  };
}
