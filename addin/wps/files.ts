/**
 * The WPS add-in's own files, generated (not copied from wpsjs's templates, whose shape they follow:
 * packages/@wps-jsapi/et in wpsjs 2.2.3):
 * - `manifest.xml`: a `<JsPlugin>` naming `functions.json` and the namespace BT;
 * - `ribbon.xml`: a tab with one button that opens the task pane (`OnAddinLoad` / `OnAction` / `GetImage`
 *   are defined by the add-in's script, bt-wps.js);
 * - `index.html`: the page WPS loads; a plain (non-module) script that registers every function;
 * - `taskpane.html`: the task pane, opened with `Application.CreateTaskPane(url)`;
 * - `jsplugins.xml`: the list WPS reads to install online add-ins (`<jspluginonline name type url>`, as
 *   wpsjs's debug_xmlplugin.js writes it), pointing at `<host>/wps/`.
 */

export const WPS_ADDIN_NAME = 'BaotouDisabilityRules';

export const WPS_FILES = {
  manifest: 'manifest.xml',
  functions: 'functions.json',
  ribbon: 'ribbon.xml',
  index: 'index.html',
  script: 'bt-wps.js',
  taskpane: 'taskpane.html',
  taskpaneScript: 'bt-taskpane.js',
  css: 'taskpane.css',
  icon: 'icon-32.png',
  jsplugins: 'jsplugins.xml',
} as const;

/** The ribbon button's id (OnAction switches on it). */
export const TASKPANE_BUTTON = 'btShowTaskPane';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderWpsManifest(namespace: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<JsPlugin>
  <ApiVersion>1.0.0</ApiVersion>
  <Name>${WPS_ADDIN_NAME}</Name>
  <Description>包头市促进残疾人就业实施方案（包府办发〔2023〕43号）规则函数与表格校验</Description>
  <Functions>
    <Uri>/${WPS_FILES.functions}</Uri>
    <Namespace>${escapeXml(namespace)}</Namespace>
  </Functions>
</JsPlugin>
`;
}

export function renderRibbon(): string {
  return `<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" onLoad="OnAddinLoad">
  <ribbon startFromScratch="false">
    <tabs>
      <tab id="btTab" label="包头残疾人就业">
        <group id="btGroup" label="政策核对">
          <button id="${TASKPANE_BUTTON}" label="校验选区" screentip="打开任务窗格：校验选中的申报表" onAction="OnAction" getImage="GetImage" visible="true" size="large"/>
        </group>
      </tab>
    </tabs>
  </ribbon>
</customUI>
`;
}

export function renderIndexHtml(): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8">
    <title>包头残疾人就业政策核对（WPS 加载项）</title>
    <!-- The entry WPS loads. A plain script: registers every BT function and the ribbon's callbacks. -->
    <script type="text/javascript" src="${WPS_FILES.script}"></script>
  </head>
  <body></body>
</html>
`;
}

export function renderTaskpaneHtml(): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>包头残疾人就业政策核对 · Baotou disability-employment checks</title>
    <link rel="stylesheet" href="${WPS_FILES.css}">
    <script type="text/javascript" src="${WPS_FILES.taskpaneScript}" defer></script>
  </head>
  <body>
    <main id="bt-taskpane"></main>
  </body>
</html>
`;
}

/** The online add-in list: WPS (oem.ini `[Server] JSPluginsServer=<this file's URL>`) installs what it names. */
export function renderJsplugins(host: string): string {
  const url = `${new URL(host).origin}/wps/`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${WPS_ADDIN_NAME}" type="et" url="${escapeXml(url)}"/>
</jsplugins>
`;
}
