/**
 * `npm run bench [-- --sizes 100,1000,5000] [--latency FILE] [--build] [--json FILE]`
 *
 * Builds a campaign at each size (the product and the naive reference, each in its own emulated
 * spreadsheet), measures a submission, a review edit, the daily run on a busy reminder day, a
 * stage report and the status page (a unit's view and a department's) on dist/Code.js; then the
 * recurring template (branch-duties) of as many branches: its daily run, a meeting submission and a
 * grade typed in 述职评议与定级. Prints the tables and the target lines.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { projectRoot } from '../project-root';
import { BENCH_MAIL_QUOTA, BUSY_DAY, type CampaignShape } from './campaign';
import { DEFAULT_LATENCY, loadLatencyTable, type LatencyTable } from './latency';
import {
  dailyRunNaive,
  dailyRunOurs,
  naiveBundle,
  newBench,
  reviewEdit,
  stageReport,
  staffPage,
  newRecurringBench,
  recurringReviewEdit,
  recurringSubmission,
  submission,
  unitPage,
  totals,
  type Measurement,
} from './measure';
import {
  alignTable,
  callsWithoutSends,
  HEADER,
  RECURRING_SCENARIOS,
  tableRows,
  targetLines,
} from './report';
import { RECURRING_BUSY_DAY, type RecurringShape } from './recurring';

interface Options {
  sizes: number[];
  latency: LatencyTable;
  latencySource: string;
  build: boolean;
  json: string | null;
}

const USAGE =
  'usage: npm run bench [-- --sizes 100,1000,5000] [--latency FILE.json] [--build] [--json FILE]';

export function parseArgs(argv: string[]): Options {
  const options: Options = {
    sizes: [100, 1000, 5000],
    latency: DEFAULT_LATENCY,
    latencySource: 'built-in table (src/offline/bench/latency.ts)',
    build: false,
    json: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--sizes') {
      options.sizes = value()
        .split(',')
        .map((s) => Number(s.replace(/_/g, '')));
      if (options.sizes.some((n) => !Number.isInteger(n) || n < 2)) {
        throw new Error(`--sizes takes whole numbers ≥ 2, e.g. 100,1000,5000\n${USAGE}`);
      }
    } else if (flag === '--latency') {
      const file = value();
      options.latency = loadLatencyTable(file);
      options.latencySource = file;
    } else if (flag === '--build') options.build = true;
    else if (flag === '--json') options.json = value();
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${flag}\n${USAGE}`);
  }
  return options;
}

function describeShape(s: CampaignShape): string {
  return `${s.units} units, ${s.projects} projects (${s.keyProjects} key), ${s.plans} plans, ${s.ledger} ledger entries, ${s.selfAssessments} self-assessments, ${s.auditRows} audit rows, ${s.sendLedgerRows} send-ledger rows, ${s.mailLogRows} mail-log rows — ${s.cells.toLocaleString('en-US')} cells`;
}

function describeRecurringShape(s: RecurringShape): string {
  return `${s.units} branches, ${s.cadres} cadres, ${s.meetings} 三会一课 records, ${s.dualLife} dual-life entries, ${s.ratings} ratings — ${s.cells.toLocaleString('en-US')} cells`;
}

const isRecurring = (m: Measurement) =>
  (RECURRING_SCENARIOS as readonly string[]).includes(m.scenario);

function main(): void {
  const started = Date.now();
  const options = parseArgs(process.argv.slice(2));
  const root = projectRoot();
  const bundle = path.join(root, 'dist/Code.js');
  if (options.build || !fs.existsSync(bundle)) {
    console.log('building dist/Code.js …');
    const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('the build failed; nothing to measure');
  }
  const stat = fs.statSync(bundle);
  const naive = naiveBundle(bundle);
  const table = options.latency;
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  console.log(
    `bench: dist/Code.js ${(stat.size / 1024).toFixed(1)} KB (built ${stat.mtime.toISOString()}); latency: ${options.latencySource}`,
  );
  console.log(
    `busy day ${BUSY_DAY} (self-assessment deadline − 1); mail quota ${BENCH_MAIL_QUOTA} recipients/day given to the account (a Workspace domain gets 1,500, 2,000 inside the domain)`,
  );

  const measurements: Measurement[] = [];
  for (const units of options.sizes) {
    console.log(`[${elapsed()}] ${units} units: building the product's campaign …`);
    const ours = newBench('ours', units, table, bundle);
    console.log(`[${elapsed()}]   ${describeShape(ours.campaign.shape)}`);
    const progress = (m: Measurement) => {
      const t = totals(m);
      console.log(
        `[${elapsed()}]   ${m.impl} ${m.scenario}: ${m.executions.length} execution(s), ${t.calls} calls (${callsWithoutSends(t)} besides sendEmail), ${t.sends} emails, est. ${(t.estMs / 1000).toFixed(1)} s${t.ok ? '' : `, FAILED: ${t.error}`}`,
      );
      measurements.push(m);
    };
    progress(dailyRunOurs(ours, table));
    progress(submission(ours, table));
    progress(reviewEdit(ours, table));
    progress(stageReport(ours, table));
    progress(unitPage(ours, table));
    progress(staffPage(ours, table));
    console.log(`[${elapsed()}] ${units} units: building the naive reference's campaign …`);
    const simple = newBench('naive', units, table, naive);
    progress(dailyRunNaive(simple, table));
    progress(submission(simple, table));
    console.log(`[${elapsed()}] ${units} branches: building the recurring template's campaign …`);
    const recurring = newRecurringBench(units, table, bundle);
    console.log(`[${elapsed()}]   ${describeRecurringShape(recurring.campaign.shape)}`);
    progress(dailyRunOurs(recurring, table, 'recurringDailyRun'));
    progress(recurringSubmission(recurring, table));
    progress(recurringReviewEdit(recurring, table));
  }

  console.log('');
  console.log(
    'Calls are Apps Script service calls counted at the emulator boundary. "excl. send" leaves out MailApp.sendEmail (one per email; reported as "sends").',
  );
  console.log(
    '"CPU ms" is local process CPU for the execution(s); "script CPU" is the part outside the emulator\'s service calls. "est. AS s" prices every call and every cell moved with the latency table.',
  );
  console.log(
    'The naive reference runs without the latency on its clock (it would be killed at 6 minutes before finishing); its estimate is priced afterwards from its counts.',
  );
  console.log('');
  for (const l of alignTable(HEADER, tableRows(measurements.filter((m) => !isRecurring(m)))))
    console.log(l);
  console.log('');
  console.log(
    `Recurring template (branch-duties), busy day ${RECURRING_BUSY_DAY}: December's −5 reminders (支委会, 党小组会) and the fourth quarter's −10 (党课) to the 7 branches in 10 that have not recorded them; the cadres' year ends today.`,
  );
  console.log('');
  for (const l of alignTable(HEADER, tableRows(measurements.filter(isRecurring)))) console.log(l);

  const multi = measurements.filter((m) => m.impl === 'ours' && m.executions.length > 1);
  for (const m of multi) {
    console.log('');
    console.log(`${m.scenario} at ${m.units} units, per execution:`);
    m.executions.forEach((e, i) =>
      console.log(
        `  ${i + 1}. ${e.handler}${e.ok ? '' : ' (FAILED)'}: ${e.calls} calls (${callsWithoutSends(e)} besides sendEmail), ${e.sends} emails / ${e.recipients} recipients, est. ${(e.estMs / 1000).toFixed(1)} s, CPU ${e.cpuMs.toFixed(0)} ms`,
      ),
    );
  }

  console.log('');
  for (const l of targetLines({
    measurements,
    table,
    sizes: options.sizes,
    bundleBytes: stat.size,
  })) {
    console.log(l);
  }
  if (options.json) {
    fs.writeFileSync(
      options.json,
      JSON.stringify({ bundleBytes: stat.size, measurements }, null, 2),
    );
    console.log(`\nmeasurements written to ${options.json}`);
  }
  console.log(`\nbench finished in ${elapsed()}`);
}

try {
  main();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
