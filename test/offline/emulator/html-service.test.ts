/**
 * HtmlService as the script sees it, through the sandbox. Sources: the templates guide
 * (https://developers.google.com/apps-script/guides/html/templates) — `<? ?>` runs code, `<?= ?>`
 * prints escaped, `<?!= ?>` prints raw, variables are properties set on the template — and the
 * HtmlOutput / ScriptApp.Service reference pages.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEmulator } from '../../../src/offline/emulator/index';
import { HtmlOutput } from '../../../src/offline/emulator/html-service';
import { ScriptApp } from '../../../src/offline/emulator/script-app';
import { Sandbox } from '../../../src/offline/sandbox/sandbox';

function run(code: string, files: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'html-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const emulator = createEmulator({ now: Date.parse('2014-06-01T02:00:00Z'), htmlDir: dir });
  const sandbox = new Sandbox(emulator.ws, emulator.services, code);
  return { emulator, result: sandbox.run({ handler: 'main', trigger: 'web' }) };
}

describe('HtmlService (templates guide, HtmlOutput reference)', () => {
  test('template variables set as properties reach evaluate(); <?= ?> escapes, <?!= ?> does not, <? ?> runs code', () => {
    const { result } = run(
      `function main() {
        var t = HtmlService.createTemplate('<? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?>|<?!= raw ?>');
        t.items = ['<script>alert(1)</script>', 'a & "b"'];
        t.raw = '<b>trusted</b>';
        return t.evaluate().getContent();
      }`,
    );
    expect(result.ok).toBe(true);
    expect(result.value).toBe(
      '<li>&lt;script&gt;alert(1)&lt;/script&gt;</li><li>a &amp; &quot;b&quot;</li>|<b>trusted</b>',
    );
  });

  test("createTemplateFromFile / createHtmlOutputFromFile read the project .html files by name; a missing one throws Apps Script's text", () => {
    const { result } = run(
      `function main() {
        var t = HtmlService.createTemplateFromFile('page');
        t.name = 'U01';
        var a = t.evaluate().getContent();
        var b = HtmlService.createHtmlOutputFromFile('page.html').getContent();
        try { HtmlService.createTemplateFromFile('nope'); } catch (e) { return [a, b, e.message]; }
      }`,
      { 'page.html': '<p><?= name ?></p>' },
    );
    expect(result.value).toEqual([
      '<p>U01</p>',
      '<p><?= name ?></p>',
      'No HTML file named nope was found.',
    ]);
  });

  test('HtmlOutput: setTitle, addMetaTag (viewport only among the allowed names), XFrameOptionsMode enum, served page', () => {
    const { result } = run(
      `function main() {
        var out = HtmlService.createHtmlOutput('<html><head></head><body>x</body></html>')
          .setTitle('标题 <1>')
          .addMetaTag('viewport', 'width=device-width, initial-scale=1')
          .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.DEFAULT);
        var refused = '';
        try { out.addMetaTag('description', 'x'); } catch (e) { refused = e.message; }
        return { out: out, title: out.getTitle(), tags: out.getMetaTags().map(function (t) { return t.getName(); }), refused: refused, modes: Object.keys(HtmlService.XFrameOptionsMode).sort() };
      }`,
    );
    const value = result.value as {
      out: HtmlOutput;
      title: string;
      tags: string[];
      refused: string;
      modes: string[];
    };
    expect(value.title).toBe('标题 <1>');
    expect(value.tags).toEqual(['viewport']);
    expect(value.refused).toMatch(/not allowed/);
    expect(value.modes).toEqual(['ALLOWALL', 'DEFAULT']);
    expect(value.out._servedPage()).toContain('<title>标题 &lt;1&gt;</title>');
    expect(value.out._servedPage()).toContain(
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
    );
  });

  test('ScriptApp.getService().getUrl() is null until the web app is deployed (Service reference)', () => {
    const code = `function main() { return [ScriptApp.getService().getUrl(), ScriptApp.getService().isEnabled()]; }`;
    const first = run(code);
    expect(first.result.value).toEqual([null, false]);
    const url = ScriptApp._deployWebApp(first.emulator.ws);
    const sandbox = new Sandbox(first.emulator.ws, first.emulator.services, code);
    expect(sandbox.run({ handler: 'main', trigger: 'web' }).value).toEqual([url, true]);
  });

  test('methods the fake lacks fail loudly (not emulated)', () => {
    const { result } = run(
      `function main() { return HtmlService.createHtmlOutput('x').getAs('application/pdf'); }`,
    );
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/not emulated: HtmlService.HtmlOutput.getAs/);
  });
});
