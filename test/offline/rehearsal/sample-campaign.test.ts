import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  defaultWindow,
  readScenario,
  type Scenario,
  type ScenarioEvent,
  type SubmitEvent,
} from '../../../src/offline/rehearsal/scenario';

const ROOT = path.resolve(__dirname, '../../..');
const SAMPLE = path.join(ROOT, 'sheets-templates/sample-campaign');
const EXAMPLE = path.resolve(ROOT, 'sheets-templates/example-2014');

let s: Scenario;
beforeAll(() => {
  s = readScenario(SAMPLE);
});

const col = (table: Scenario['units'], key: string): string[] =>
  table.rows.map((r) => r[table.header.indexOf(key)]);
const setting = (key: string) => s.settings.find((x) => x.key === key)?.value;
const submits = (form: string): SubmitEvent[] =>
  s.events.filter((e): e is SubmitEvent => e.type === 'submit' && e.form === form);
const reviews = () =>
  s.events.filter((e) => e.type === 'review') as Extract<ScenarioEvent, { type: 'review' }>[];

describe('the bundled sample campaign', () => {
  test('reads cleanly, with at least 30 units of every category, two inactive', () => {
    expect(s.units.rows.length).toBeGreaterThanOrEqual(30);
    const categories = col(s.units, 'category');
    for (const c of ['机关事业单位', '驻深机关单位', '驻深企业', '驻深办事处']) {
      expect(categories).toContain(c);
    }
    expect(categories.filter((c) => c === '机关事业单位').length).toBeGreaterThan(
      s.units.rows.length / 2,
    );
    expect(col(s.units, 'active').filter((a) => a === 'false')).toHaveLength(2);
    expect(new Set(col(s.units, 'unitId')).size).toBe(s.units.rows.length);
    expect(new Set(col(s.units, 'name')).size).toBe(s.units.rows.length);
  });

  test('uses only fictional .example addresses; some units have two roster addresses', () => {
    const rosters = col(s.units, 'email').map((e) => e.split(';'));
    expect(rosters.filter((r) => r.length === 2).length).toBeGreaterThanOrEqual(2);
    const all = [...rosters.flat(), ...s.events.map((e) => ('email' in e ? e.email : e.by))];
    for (const a of all) expect(a).toMatch(/^[^@\s]+@[a-z0-9.-]+\.example$/);
  });

  test('settings and environment are those of the sample (consumer quota 100, 8 key projects)', () => {
    expect(setting('campaignName')).toBe('2014年度基层党建“书记项目”（示例）');
    expect(setting('keyProjectQuota')).toBe('8');
    expect(setting('mailReserve')).toBe('10');
    expect(s.environment).toEqual({ mailDailyQuota: 100, seed: 42, latencyScale: 1, faultRate: 0 });
    expect(defaultWindow(s)).toEqual({ fromDay: '2014-05-19', toDay: '2015-03-01' });
  });

  test('has the same stage calendar as the public example-2014', () => {
    expect(s.stages).toEqual(readScenario(EXAMPLE).stages);
  });

  test('applications: about 28 units, several with two projects, late, rejected, unverified and hostile ones', () => {
    const apps = submits('application');
    const unitOf = (e: SubmitEvent) => {
      const v = String(e.answers.unitId);
      return s.units.rows.find((r) => r[0] === v || r[1] === v)?.[0];
    };
    expect(apps.every((e) => unitOf(e) !== undefined)).toBe(true);
    const applying = new Set(apps.map(unitOf));
    expect(applying.size).toBeGreaterThanOrEqual(26);
    const active = s.units.rows.filter((r) => r[8] === 'true').map((r) => r[0]);
    expect(active.filter((u) => !applying.has(u))).toHaveLength(3);
    const names = new Map<string, Set<string>>();
    for (const e of apps)
      names.set(
        unitOf(e)!,
        (names.get(unitOf(e)!) ?? new Set()).add(String(e.answers.projectName)),
      );
    expect([...names.values()].filter((n) => n.size === 2).length).toBeGreaterThanOrEqual(3);
    expect(apps.filter((e) => e.at > '2014-05-31').length).toBeGreaterThanOrEqual(2);
    expect(apps.filter((e) => e.answers.rectification === '')).toHaveLength(1);
    expect(apps.some((e) => String(e.answers.projectName).startsWith('='))).toBe(true);
    expect(apps.some((e) => String(e.answers.projectName).includes('<script>'))).toBe(true);
    const rosterOf = (u: string) => s.units.rows.find((r) => r[0] === u)![5].split(';');
    expect(apps.filter((e) => !rosterOf(unitOf(e)!).includes(e.email))).toHaveLength(1);
    expect(s.events.filter((e) => e.type === 'edit')).toHaveLength(1);
  });

  test('reviews: 8 key projects plus one attempted 9th, the rest filed, all naming real projects', () => {
    const projectNames = new Set(submits('application').map((e) => String(e.answers.projectName)));
    // Screening reviews set the status; acceptance ones (after the self-assessments) do not.
    const rs = reviews().filter((r) => !('acceptanceResult' in r.set));
    for (const r of rs) {
      expect('projectName' in r.project && projectNames.has(r.project.projectName)).toBe(true);
      expect(r.at >= '2014-06-18' && r.at < '2014-06-26').toBe(true);
    }
    const key = rs.filter((r) => r.set.status === '重点项目');
    expect(key).toHaveLength(9);
    expect(key.slice(0, 8).every((r) => typeof r.set.fundingGranted === 'number')).toBe(true);
    const filed = rs.filter((r) => r.set.status === '备案');
    expect(filed.length + 8).toBe(projectNames.size);
  });

  test('later stages: plans in July, ledger entries Aug–Dec, self-assessments Jan–Feb 2015', () => {
    const july = submits('plan').filter((e) => e.at.startsWith('2014-07'));
    expect(july.length).toBeGreaterThanOrEqual(5);
    const ledger = submits('ledger');
    expect(ledger.length).toBeGreaterThanOrEqual(20);
    expect(new Set(ledger.map((e) => e.at.slice(5, 7)))).toEqual(
      new Set(['07', '08', '09', '10', '11', '12']),
    );
    const self = submits('selfAssessment');
    expect(self.length).toBeGreaterThanOrEqual(25);
    expect(self.filter((e) => e.at > '2015-02-16').length).toBeGreaterThanOrEqual(2);
  });

  test('acceptance: every project with a self-assessment gets a score and result a few days later; staff then make the dossiers', () => {
    const self = new Map<string, string>();
    for (const e of submits('selfAssessment')) self.set(String(e.answers.projectRef), e.at);
    const accepted = reviews().filter((r) => 'acceptanceResult' in r.set);
    expect(accepted).toHaveLength(self.size);
    for (const r of accepted) {
      const name = 'projectName' in r.project ? r.project.projectName : '';
      expect(r.at > self.get(name)!).toBe(true);
      expect(['优秀', '合格', '不合格']).toContain(r.set.acceptanceResult);
      expect(typeof r.set.acceptanceScore).toBe('number');
    }
    // Most of them before the final report of 02-16, so that it shows them.
    expect(accepted.filter((r) => r.at < '2015-02-16').length).toBeGreaterThanOrEqual(25);
    const menu = s.events.filter((e) => e.type === 'menu').map((e) => 'item' in e && e.item);
    expect(menu).toEqual(['generateDossiers', 'generateFinalReport']);
  });

  test('is exactly what scripts/gen-sample-campaign.mjs generates', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sample-campaign-'));
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-sample-campaign.mjs'), tmp]);
      for (const f of [
        'settings.csv',
        'units.csv',
        'stages.csv',
        'events.jsonl',
        'environment.json',
      ]) {
        expect(fs.readFileSync(path.join(tmp, f), 'utf8')).toBe(
          fs.readFileSync(path.join(SAMPLE, f), 'utf8'),
        );
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
