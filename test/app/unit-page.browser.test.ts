/**
 * The status page in a real browser: headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core — no browser download) opens the web app served by a tiny local server that runs
 * doGet of dist/Code.js per request, reads the states as a unit would, follows an edit link,
 * gets refused with a tampered link, filters the staff view, and saves screenshots at 390 and
 * 1280 px to out/browser/ (not committed). Without Chromium or playwright-core it skips visibly.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { ScriptApp } from '../../src/offline/emulator/script-app';
import { projectRoot } from '../../src/offline/project-root';
import { REPLAYERS, type ReplayContext } from '../../src/offline/rehearsal/engine';
import { linkParams, writePages } from '../../src/offline/rehearsal/pages';
import type { ScenarioEvent } from '../../src/offline/rehearsal/scenario';
import { ADMIN, applicationAnswers, configured, sampleScenario } from '../support/campaign';

const CHROMIUM = '/usr/bin/chromium';

/** The little of playwright-core's API used here (typed locally: it is a devDependency only). */
interface Page {
  goto(url: string): Promise<unknown>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  textContent(selector: string): Promise<string | null>;
  innerText(selector: string): Promise<string>;
  click(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  selectOption(selector: string, value: string): Promise<unknown>;
  url(): string;
  waitForURL(url: string | RegExp): Promise<void>;
  route(
    url: string | RegExp,
    handler: (route: {
      fulfill(r: { status?: number; contentType?: string; body: string }): Promise<void>;
    }) => unknown,
  ): Promise<void>;
  locator(selector: string): {
    count(): Promise<number>;
    evaluateAll<T>(fn: (els: Element[]) => T): Promise<T>;
  };
}
/** A DOM element as the callbacks below see it (the project compiles without the DOM library). */
interface Element {
  hidden?: boolean;
  getAttribute(name: string): string | null;
}
interface Browser {
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

function loadPlaywright(): { chromium: { launch(o: object): Promise<Browser> } } | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('playwright-core');
  } catch {
    return null;
  }
}

const playwright = loadPlaywright();
const why = !fs.existsSync(CHROMIUM)
  ? `skipped: ${CHROMIUM} is absent (apt-get install chromium)`
  : !playwright
    ? 'skipped: playwright-core is not installed (npm ci)'
    : null;
const maybe = why ? describe.skip : describe;
// Jest prints nothing for a file whose tests are all skipped: say it here.
if (why) console.warn(`status page browser tests ${why}`);

const shots = path.join(projectRoot(), 'out', 'browser');

maybe(`status page in headless Chromium${why ? ` — ${why}` : ''}`, () => {
  let browser: Browser;
  let server: http.Server;
  let base: string;
  const scenario = sampleScenario();
  const c = configured(scenario, '2014-05-19T10:00:00+08:00');

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== '/exec') {
        res.writeHead(404).end();
        return;
      }
      const page = c.visitWebApp(Object.fromEntries(url.searchParams));
      res.writeHead(page.html ? 200 : 500, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page.html ?? String(page.result.error));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/exec`;
    ScriptApp._deployWebApp(c.ws, base);
    expect(c.clickMenu('activate', ADMIN).ok).toBe(true);
    const context: ReplayContext = { scenario, responses: new Map() };
    const at = '2014-05-21T10:00:00+08:00';
    c.advanceTo(Date.parse(at));
    const event = {
      id: 'b1',
      type: 'submit',
      at,
      atMs: Date.parse(at),
      line: 1,
      form: 'application',
      email: 'dw@fgw.example',
      answers: applicationAnswers('U01', '<script>document.title="pwned"</script>服务品牌'),
    };
    REPLAYERS.submit!(c, event as unknown as ScenarioEvent, context);
    c.advanceTo(Date.parse('2014-05-25T10:00:00+08:00'));
    fs.mkdirSync(shots, { recursive: true });
    browser = await playwright!.chromium.launch({ executablePath: CHROMIUM, headless: true });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** The personal link of the receipt U01 got, as its secretary would click it. */
  const receiptLink = () => {
    const receipt = c.outbox().find((m) => m.to.includes('dw@fgw.example'))!;
    return new RegExp(`${base.replace(/[.?]/g, '\\$&')}\\?[^\\s"<]+`).exec(receipt.body)![0];
  };

  test('a unit opens the link of its receipt on a phone: its states, as text, and its edit link works', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const editUrl = String(
      (c.values('项目库') ?? [])
        .slice(1)
        .map((r) => r[(c.values('项目库') ?? [[]])[0].indexOf('修改链接')])
        .find(Boolean),
    );
    await page.route(/docs\.google\.com/, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<h1 id="form">Google Forms (offline stand-in)</h1>',
      }),
    );
    await page.goto(receiptLink());
    expect(await page.innerText('h1')).toBe('市发展和改革委员会机关党委');
    const apply = '[data-item="apply"]';
    expect(await page.innerText(`${apply} [data-testid="state"]`)).toBe('已提交');
    expect(await page.innerText(`${apply} [data-testid="detail"]`)).toBe('2014-05-21 提交');
    // The answer's <script> is shown as text and never ran.
    expect(await page.innerText('#projects')).toContain(
      '<script>document.title="pwned"</script>服务品牌',
    );
    expect(await page.textContent('title')).not.toBe('pwned');
    await page.screenshot({ path: path.join(shots, 'unit-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: path.join(shots, 'unit-1280.png'), fullPage: true });
    await page.click(`${apply} a`);
    await page.waitForURL(/docs\.google\.com/);
    expect(page.url()).toBe(editUrl);
  });

  test('another unit reads how many days are left and gets a pre-filled form link', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const params = new URLSearchParams(linkParams(c, 'U02'));
    await page.goto(`${base}?${params}`);
    expect(await page.innerText('[data-item="apply"] [data-testid="state"]')).toBe('待提交');
    expect(await page.innerText('[data-item="apply"] [data-testid="detail"]')).toBe(
      '还有 5 天截止',
    );
    const href = await page
      .locator('[data-item="apply"] a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(href).toHaveLength(1);
    expect(href[0]).toMatch(/^https:\/\/docs\.google\.com\/forms\/.*viewform\?.*entry\./);
  });

  test('a link edited by one character gets the refusal page, nothing of the unit', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const link = receiptLink();
    const tampered = link.replace(
      /s=([A-Za-z0-9_-])/,
      (_, ch: string) => `s=${ch === 'A' ? 'B' : 'A'}`,
    );
    expect(tampered).not.toBe(link);
    await page.goto(tampered);
    expect(await page.innerText('[data-testid="refusal"]')).toContain('此链接无效或已过期');
    expect(await page.locator('.card').count()).toBe(0);
  });

  test('staff view: units by department, filtered by name and by state, at both widths', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${base}?${new URLSearchParams(linkParams(c, 'dept:org'))}`);
    expect(await page.innerText('h2')).toBe('组织部');
    const visible = () =>
      page
        .locator('.card')
        .evaluateAll((cards) =>
          cards.filter((el) => !el.hidden).map((el) => el.getAttribute('data-item')),
        );
    const all = await visible();
    expect(all).toContain('U01');
    expect(all.length).toBeGreaterThan(2);
    await page.screenshot({ path: path.join(shots, 'staff-390.png'), fullPage: true });
    await page.selectOption('#filter-state', 'met');
    expect(await visible()).toEqual(['U01']);
    await page.selectOption('#filter-state', '');
    await page.fill('#filter-text', '教育');
    expect(await visible()).toEqual(['U02']);
    await page.fill('#filter-text', '');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: path.join(shots, 'staff-1280.png'), fullPage: true });
  });

  test('the pages the rehearsal writes open from disk (file://) with the same states', async () => {
    const dir = path.join(shots, 'pages');
    const written = writePages(c, scenario, dir).files;
    expect(written).toEqual(expect.arrayContaining(['U01.html', 'staff-org.html']));
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`file://${path.join(dir, 'U01.html')}`);
    expect(await page.innerText('[data-item="apply"] [data-testid="state"]')).toBe('已提交');
  });
});
