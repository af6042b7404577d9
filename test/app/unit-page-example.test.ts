/**
 * Acceptance on the public example (shipped as sheets-templates/example-2014):
 * each unit's page on 2014-06-01 shows exactly the obligations and states that the workbook's own
 * values imply, recomputed here from workbook.xlsx without the product's code.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { STAGES_SHEET, UNITS_SHEET, type SheetDef } from '../../sheets-templates/config-sheets';
import {
  LEDGER_SHEET,
  PLANS_SHEET,
  PROJECTS_SHEET,
  REJECTIONS_SHEET,
  SELF_ASSESSMENTS_SHEET,
} from '../../sheets-templates/data-sheets';
import { FORMS } from '../../sheets-templates/forms';
import { exportXlsx } from '../../src/offline/rehearsal/export-xlsx';
import { rehearse } from '../../src/offline/rehearsal/engine';
import { linkParams } from '../../src/offline/rehearsal/pages';
import { readScenario } from '../../src/offline/rehearsal/scenario';
import type { CampaignHarness } from '../../src/offline/harness';
import { bundlePath } from '../support/bundle';
import { exampleDir } from '../support/campaign';
import { keyOf } from '../../src/domain/labels';

const example = exampleDir();
const TODAY = '2014-06-01';

type Row = Record<string, unknown>;

/** A sheet of the workbook as rows keyed by column key (through the header labels). */
function rowsOf(book: ExcelJS.Workbook, def: SheetDef): Row[] {
  const sheet = book.getWorksheet(def.title.zh);
  if (!sheet) return [];
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const keys = header.map((h) => def.columns.find((c) => c.label.zh === h)?.key ?? h);
  const out: Row[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(keys.map((k, i) => [k, values[i] ?? ''])));
  });
  return out;
}

const day = (v: unknown): string => {
  // The export writes wall-clock times of the campaign zone (as Sheets shows them).
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v ?? '').slice(0, 10);
};
const str = (v: unknown) => String(v ?? '').trim();

describe('example-2014: each unit page at 2014-06-01 matches the workbook', () => {
  let harness: CampaignHarness;
  let book: ExcelJS.Workbook;
  const pages = new Map<string, string>();
  let pagesWritten: string[] = [];

  beforeAll(async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pages-')), 'out');
    const summary = await rehearse({
      scenario: readScenario(example),
      out,
      fromDay: '2014-05-19',
      toDay: '2014-05-31',
      bundlePath: bundlePath(),
    });
    harness = summary.harness;
    pagesWritten = fs.readdirSync(summary.outputs.pages).sort();
    // Noon on 2014-06-01: the day's run has fired, the unit opens its link.
    harness.fireClockTriggers(Date.parse(`${TODAY}T12:00:00+08:00`));
    const file = path.join(out, 'at-2014-06-01.xlsx');
    await exportXlsx(harness.spreadsheet._snapshot(), file);
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    for (const unit of rowsOf(book, UNITS_SHEET)) {
      const id = str(unit.unitId);
      pages.set(id, harness.visitWebApp(linkParams(harness, id)).html ?? '');
    }
  }, 120000);

  test('obligations and states per unit, recomputed from the workbook', () => {
    const units = rowsOf(book, UNITS_SHEET).filter((u) => !/false|否/i.test(str(u.active)));
    const stages = rowsOf(book, STAGES_SHEET);
    const projects = rowsOf(book, PROJECTS_SHEET);
    const sheets: Record<string, Row[]> = {
      application: projects,
      plan: rowsOf(book, PLANS_SHEET),
      ledger: rowsOf(book, LEDGER_SHEET),
      selfAssessment: rowsOf(book, SELF_ASSESSMENTS_SHEET),
    };
    const rejections = rowsOf(book, REJECTIONS_SHEET).filter((r) => str(r.state) === '待修改');
    expect(units.length).toBeGreaterThan(3);
    const seen = new Set<string>();
    for (const unit of units) {
      const id = str(unit.unitId);
      const expected: string[] = [];
      for (const stage of stages) {
        // The sheet shows labels (a person reads it); the keys behind them decide.
        const form = str(keyOf('form', str(stage.form)));
        const audience = str(keyOf('audience', str(stage.audience)));
        if (!form || audience === 'staff') continue;
        const deadline = day(stage.deadline);
        const state = (records: Row[]) => {
          const firsts = records
            .map((r) => day(r.submittedAt))
            .filter(Boolean)
            .sort();
          if (firsts.length) return firsts[0] > deadline ? 'metLate' : 'met';
          const title = FORMS.find((f) => f.key === form)!.title.zh;
          if (
            rejections.some(
              (r) => str(r.form) === title && [str(unit.name), id].includes(str(r.unit)),
            )
          )
            return 'rejected';
          if (TODAY < day(stage.opensOn)) return 'upcoming';
          return TODAY <= deadline ? 'due' : 'overdue';
        };
        if (audience === 'allUnits' || audience === 'unitsWithProjects') {
          if (audience === 'unitsWithProjects' && !projects.some((p) => str(p.unitId) === id))
            continue;
          expected.push(
            `${str(stage.stageId)}=${state(sheets[form].filter((r) => str(r.unitId) === id))}`,
          );
        } else {
          for (const p of projects.filter((p) => str(p.unitId) === id)) {
            if (audience === 'keyProjects' && str(keyOf('status', str(p.status))) !== '重点项目')
              continue;
            const pid = str(p.projectId);
            expected.push(
              `${str(stage.stageId)}-${pid}=${state(sheets[form].filter((r) => str(r.projectId) === pid))}`,
            );
          }
        }
      }
      const html = pages.get(id)!;
      const section = /<section id="obligations">([\s\S]*?)<\/section>/.exec(html)![1];
      const shown = [...section.matchAll(/data-item="([^"]+)" data-state="([^"]+)"/g)].map(
        (m) => `${m[1]}=${m[2]}`,
      );
      expect({ unit: id, shown }).toEqual({ unit: id, shown: expected });
      for (const s of shown) seen.add(s.split('=')[1]);
    }
    // The example at that day has submitted, late and missing applications.
    expect([...seen].sort()).toEqual(expect.arrayContaining(['met', 'upcoming']));
  });

  test('the rehearsal wrote one page per active unit and one per department, as served', () => {
    const ids = rowsOf(book, UNITS_SHEET)
      .filter((u) => !/false|否/i.test(str(u.active)))
      .map((u) => `${str(u.unitId)}.html`);
    expect(pagesWritten).toEqual([...ids, 'staff-enterprise.html', 'staff-org.html'].sort());
  });

  test('a page view costs a bounded number of calls: one read per sheet, pre-filled links once per form', () => {
    const calls = [...pages.keys()].map(
      (id) => harness.visitWebApp(linkParams(harness, id)).result.execution.calls,
    );
    expect(Math.max(...calls)).toBeLessThan(80);
  });
});
