/**
 * Respondents close together in a rehearsal (issue 11, "executions overlap in simulated time"):
 * their form-submit executions run at once, as on Google — they wait for the script lock in
 * simulated time and overlap — and every response still ends with exactly one record.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rehearseCli, SAMPLE_DIR, scratchDir } from '../../support/rehearsal-cli';

const scratch = scratchDir('rehearsal-overlap-');

interface RunLine {
  at: string;
  handler: string;
  ok: boolean;
  ms: number;
  error?: string;
  log: { event?: string; status?: string; via?: string; responseId?: string }[];
}

test('20 applications within 20 seconds: their executions overlap in simulated time, and each response has exactly one record and one receipt', () => {
  const dir = path.join(scratch(), 'burst');
  fs.cpSync(SAMPLE_DIR, dir, { recursive: true });
  const units = fs
    .readFileSync(path.join(dir, 'units.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((cells) => cells[8] === 'true')
    .slice(0, 20);
  const [template] = fs
    .readFileSync(path.join(dir, 'events.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { answers: Record<string, unknown> });
  const events = units.map(([unitId, , , , , email], i) =>
    JSON.stringify({
      id: `b${i}`,
      at: `2014-05-26T10:00:${String(i).padStart(2, '0')}+08:00`,
      type: 'submit',
      form: 'application',
      email: email.split(';')[0],
      answers: { ...template.answers, unitId, projectName: `集中申报项目 ${i}` },
    }),
  );
  fs.writeFileSync(path.join(dir, 'events.jsonl'), events.join('\n') + '\n');
  const out = path.join(scratch(), 'out');
  expect(rehearseCli(dir, out, '2014-05-27').status).toBe(0);
  const runs = fs
    .readFileSync(path.join(out, 'run-log.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as RunLine);
  const submits = runs.filter((r) => r.handler === 'onFormSubmit');
  expect(submits).toHaveLength(20);
  // Each execution starts when its respondent submits (one after another, they would start
  // about 2.8 s apart and drift to 10:00:53), and lasts longer than the gap to the next: overlap.
  expect(submits.map((r) => r.at)).toEqual(
    units.map((_, i) => `2014-05-26T10:00:${String(i).padStart(2, '0')}+08:00`),
  );
  expect(submits.filter((r) => r.ms > 1000).length).toBe(20);
  // Every response recorded once — by its own execution, or by the daily run's catch-up.
  const submissions = runs.flatMap((r) => r.log).filter((l) => l.event === 'submission');
  const ids = submissions.map((l) => l.responseId);
  expect(new Set(ids).size).toBe(20);
  expect(ids).toHaveLength(20);
  const receipts = runs
    .flatMap((r) => r.log)
    .filter((l) => l.event === 'mail' && (l as { kind?: string }).kind === 'receipt');
  expect(receipts).toHaveLength(20);
});
