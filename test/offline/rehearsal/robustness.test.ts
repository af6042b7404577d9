/**
 * A rehearsal survives the input the product must handle (issue 12, "a rehearsal that survives its
 * input"): wrong settings and huge answers reach the script as they would on Google, a refused
 * activation is said plainly (exit 4, outputs still written), and events that could not be replayed
 * are counted apart from the replayed ones, each with its events.jsonl line and reason.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { rehearseCli, SAMPLE_DIR, scratchDir } from '../../support/rehearsal-cli';

const scratch = scratchDir('rehearsal-robust-');

/** A copy of the bundled sample with one file changed. */
function variant(name: string, change: (dir: string) => void): string {
  const dir = path.join(scratch(), name);
  fs.cpSync(SAMPLE_DIR, dir, { recursive: true });
  change(dir);
  return dir;
}

const rehearse = (scenario: string, out: string) => rehearseCli(scenario, out, '2014-05-24');

async function sheetRows(workbook: string, title: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(workbook);
  const sheet = wb.getWorksheet(title);
  if (!sheet) throw new Error(`no sheet ${title}`);
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push(Array.from((row.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v))));
  });
  return rows;
}

test('an invalid timeZone in settings.csv: the script refuses activation, located; the rehearsal says so, writes its outputs and exits 4', async () => {
  const scenario = variant('bad-zone', (dir) => {
    const file = path.join(dir, 'settings.csv');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace(/^timeZone,.*$/m, 'timeZone,Mars/Olympus_Mons'),
    );
  });
  const out = path.join(scratch(), 'out-bad-zone');
  const result = rehearse(scenario, out);
  expect(result.status).toBe(4);
  expect(result.stdout).toContain('settings.csv 的 timeZone「Mars/Olympus_Mons」');
  expect(result.stdout).toMatch(
    /✗ 启动被拒绝.*\n.*「系统设置」第 \d+ 行「值」：「Mars\/Olympus_Mons」不是有效的时区/,
  );
  // Submissions cannot reach a form that was never created: dropped, not "replayed".
  expect(result.stdout).toMatch(/回放事件 0 个，未能回放 \d+ 个/);
  expect(result.stdout).toMatch(/✗ events\.jsonl:1 submit 未能回放：no form "application"/);
  for (const output of ['workbook.xlsx', 'run-log.jsonl', 'outbox', 'reports']) {
    expect(fs.existsSync(path.join(out, output))).toBe(true);
  }
  const health = (await sheetRows(path.join(out, 'workbook.xlsx'), '运行状况')).flat().join('\n');
  expect(health).toContain('Mars/Olympus_Mons');
}, 120_000);

test('a 60,000-character answer: the response is accepted, the rehearsal completes (exit 0) and the project is in 项目库', async () => {
  const huge = '长'.repeat(60_000);
  const scenario = variant('huge-answer', (dir) => {
    const file = path.join(dir, 'events.jsonl');
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    const first = JSON.parse(lines[0]) as { answers: Record<string, unknown> };
    first.answers.measures = huge;
    lines[0] = JSON.stringify(first);
    fs.writeFileSync(file, lines.join('\n') + '\n');
  });
  const out = path.join(scratch(), 'out-huge');
  const result = rehearse(scenario, out);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/失败 0 次/);
  expect(result.stdout).not.toContain('未能回放');
  const projects = await sheetRows(path.join(out, 'workbook.xlsx'), '项目库');
  const header = projects[0];
  const name = header.findIndex((h) => h.includes('项目名称'));
  const row = projects.find((r) => r[name] === '“改革先锋”服务品牌建设');
  expect(row).toBeDefined();
  // The derived sheet never holds more than a Sheets cell can.
  for (const cell of row!) expect(cell.length).toBeLessThanOrEqual(50_000);
}, 120_000);
