/**
 * The units' status page (doGet) on dist/Code.js: who may see what, and what a unit reads.
 */
import { REPLAYERS, type ReplayContext } from '../../src/offline/rehearsal/engine';
import type { ScenarioEvent } from '../../src/offline/rehearsal/scenario';
import { linkParams } from '../../src/offline/rehearsal/pages';
import { ScriptApp } from '../../src/offline/emulator/script-app';
import { ADMIN, applicationAnswers, configured, sampleScenario } from '../support/campaign';

function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

function campaign() {
  const scenario = sampleScenario();
  const c = configured(scenario, '2014-05-19T10:00:00+08:00');
  ScriptApp._deployWebApp(c.ws);
  expect(c.clickMenu('activate', ADMIN).ok).toBe(true);
  const context: ReplayContext = { scenario, responses: new Map() };
  let line = 0;
  const submit = (email: string, answers: Record<string, unknown>, at: string) => {
    c.advanceTo(Date.parse(at));
    const event = {
      id: `p${++line}`,
      type: 'submit',
      at,
      atMs: Date.parse(at),
      line,
      form: 'application',
      email,
      answers,
    };
    return REPLAYERS.submit!(c, event as unknown as ScenarioEvent, context);
  };
  return { c, submit };
}

describe('status page: access (personal links, signed-in identity)', () => {
  const { c, submit } = campaign();
  submit(
    'dw@fgw.example',
    applicationAnswers('U01', '<script>alert("x")</script>品牌'),
    '2014-05-21T10:00:00+08:00',
  );
  c.advanceTo(Date.parse('2014-05-22T10:00:00+08:00'));

  test("the receipt carries the unit's personal link, and it opens the unit's own page", () => {
    const receipt = c.outbox().find((m) => m.to.includes('dw@fgw.example'))!;
    const link = /https:\/\/script\.google\.com\/macros\/s\/[^\s"<]+/.exec(receipt.body)![0];
    const params = Object.fromEntries(new URL(link).searchParams);
    expect(params.u).toBe('U01');
    const page = c.visitWebApp(params);
    expect(page.result.ok).toBe(true);
    expect(textOf(page.html!)).toContain('市发展和改革委员会机关党委');
    expect(page.html).toContain('data-state="met"');
    // The unit's emails as a person reads them: kind and state in words, not keys.
    expect(textOf(page.html!)).toContain('回执｜已发送');
    expect(textOf(page.html!)).not.toMatch(/｜sent\b/);
  });

  test('an answer containing <script> shows as text, never as markup', () => {
    const page = c.visitWebApp(linkParams(c, 'U01'));
    expect(page.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;品牌');
    expect(page.html).not.toContain('<script>alert');
  });

  test('a token for U01 cannot show U02; one character edited, or past expiry: refusal page and a log record, no data', () => {
    const good = linkParams(c, 'U01');
    const sig = good.s;
    const flipped = sig.slice(0, 5) + (sig[5] === 'A' ? 'B' : 'A') + sig.slice(6);
    const attempts = [
      { ...good, u: 'U02' },
      { ...good, s: flipped },
      linkParams(c, 'U01', '2014-05-21'),
      { ...good, e: '2099-12-30' },
    ];
    for (const params of attempts) {
      const page = c.visitWebApp(params);
      expect(page.result.ok).toBe(true);
      expect(page.html).toContain('data-testid="refusal"');
      expect(page.html).not.toContain('市教育局');
      expect(page.html).not.toContain('市发展和改革委员会');
      const record = page.result.execution.logs.find(
        (l) => (l.json as { event?: string })?.event === 'pageRefused',
      );
      expect(record?.json).toMatchObject({ event: 'pageRefused', subject: params.u });
    }
    expect(
      c.visitWebApp(linkParams(c, 'U01', '2014-05-21')).result.execution.logs.map((l) => l.json),
    ).toContainEqual(expect.objectContaining({ reason: 'expired' }));
  });

  test("signed in: a unit in another domain is not revealed (refused); staff of the owner's domain get their department", () => {
    const unit = c.visitWebApp({}, 'dw@fgw.example');
    expect(unit.html).toContain('data-testid="refusal"');
    const staff = c.visitWebApp({}, 'zzb@jggw.example');
    expect(staff.html).toContain('data-page="staff"');
    expect(textOf(staff.html!)).toContain('组织部');
    expect(textOf(staff.html!)).not.toContain('企业工作部各单位');
  });

  test('rotating the key from the menu invalidates every link sent before', () => {
    const before = linkParams(c, 'U01');
    c.open(ADMIN);
    expect(c.clickMenu('rotatePageSecret', ADMIN).ok).toBe(true);
    expect(c.visitWebApp(before).html).toContain('data-testid="refusal"');
    expect(c.visitWebApp(linkParams(c, 'U01')).html).toContain('data-page="unit"');
  });

  test('the page is served with a title, the viewport meta tag, and no framing by other sites', () => {
    const page = c.visitWebApp(linkParams(c, 'U02'));
    expect(page.html).toMatch(/<title>市教育局机关党委｜/);
    expect(page.html).toContain(
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
    );
    expect(page.html).toContain('data-state="due"');
    expect(textOf(page.html!)).toContain('还有 8 天截止');
  });
});
