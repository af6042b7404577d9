/**
 * What `npm run bench` prints: one table row per scenario × size × implementation, the
 * per-execution lines of multi-execution runs, and the target lines (PASS/FAIL with the reason).
 */
import { perCallMs, perCellMs, type LatencyTable } from './latency';
import { totals, type ExecutionFigures, type Measurement, type ScenarioName } from './measure';

const SEND = 'MailApp.sendEmail';

/** Short service names for the by-service column. */
const SERVICE_ABBREVIATIONS: Record<string, string> = {
  SpreadsheetApp: 'Sheets',
  MailApp: 'Mail',
  LockService: 'Lock',
  PropertiesService: 'Props',
  FormApp: 'Forms',
  DocumentApp: 'Docs',
  DriveApp: 'Drive',
  ScriptApp: 'Script',
  Utilities: 'Util',
  Session: 'Session',
  CacheService: 'Cache',
  Base: 'Ui',
  HtmlService: 'Html',
};

export function byService(counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, n] of Object.entries(counts)) {
    const service = name.split('.')[0];
    out[service] = (out[service] ?? 0) + n;
  }
  return out;
}

export function formatByService(counts: Record<string, number>): string {
  return Object.entries(byService(counts))
    .sort((a, b) => b[1] - a[1])
    .map(([s, n]) => `${SERVICE_ABBREVIATIONS[s] ?? s} ${n}`)
    .join(' · ');
}

/** Calls of one execution that do not send mail (what "calls per execution" means for the daily run). */
export const callsWithoutSends = (e: Pick<ExecutionFigures, 'calls' | 'counts'>) =>
  e.calls - (e.counts[SEND] ?? 0);

/** The figure compared across sizes: the largest execution, mail sends left out (counted apart). */
export function callsPerExecution(m: Measurement): number {
  return Math.max(0, ...m.executions.map(callsWithoutSends));
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (a: number, b: number) =>
  b > 0 ? `${a / b >= 0.1 ? fmt(a / b, 2) : (a / b).toPrecision(2)}×` : '—';

export const HEADER = [
  'scenario',
  'units',
  'impl',
  'exec',
  'calls',
  'excl. send',
  'sends',
  'recip.',
  'CPU ms',
  'script CPU',
  'est. AS s',
  'ours/naive calls',
  'ours/naive est.',
  'calls by service',
];

/** Rows of the table: strings, one array per measurement, ready to be aligned. */
export function tableRows(measurements: Measurement[]): string[][] {
  const rows: string[][] = [];
  for (const m of measurements) {
    const t = totals(m);
    const other = measurements.find(
      (o) => o.scenario === m.scenario && o.units === m.units && o.impl !== m.impl,
    );
    const ours = m.impl === 'ours' ? t : other ? totals(other) : null;
    const naive = m.impl === 'naive' ? t : other ? totals(other) : null;
    rows.push([
      m.scenario,
      fmt(m.units),
      m.impl,
      String(m.executions.length),
      fmt(t.calls),
      fmt(callsWithoutSends(t)),
      fmt(t.sends),
      fmt(t.recipients),
      fmt(t.cpuMs),
      fmt(t.scriptCpuMs),
      fmt(t.estMs / 1000, 1),
      ours && naive && m.impl === 'ours' ? ratio(ours.calls, naive.calls) : '',
      ours && naive && m.impl === 'ours' ? ratio(ours.estMs, naive.estMs) : '',
      formatByService(t.counts) + (t.ok ? '' : `  FAILED: ${t.error ?? ''}`),
    ]);
  }
  return rows;
}

/** Left-aligned text columns, right-aligned numbers, separated by two spaces. */
export function alignTable(header: string[], rows: string[][]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  const numeric = header.map((_, i) => rows.every((r) => /^[\d,.×—-]*$/.test(r[i] ?? '')));
  return all.map((r) =>
    r
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i] - [...cell].length);
        return i === r.length - 1 ? cell : numeric[i] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}

/** Calls whose count grew by more than 10 % (and by more than 5) from one size to another. */
export function growingCalls(
  small: Record<string, number>,
  large: Record<string, number>,
): { name: string; from: number; to: number }[] {
  return Object.keys({ ...small, ...large })
    .filter((name) => name !== SEND)
    .map((name) => ({ name, from: small[name] ?? 0, to: large[name] ?? 0 }))
    .filter((g) => g.to - g.from > 5 && g.to > g.from * 1.1)
    .sort((a, b) => b.to - b.from - (a.to - a.from));
}

export interface TargetInputs {
  measurements: Measurement[];
  table: LatencyTable;
  sizes: number[];
  bundleBytes: number;
}

/** The bundle's size limit (KB). */
export const BUNDLE_LIMIT_KB = 450;

const line = (ok: boolean, text: string) => `${ok ? 'PASS' : 'FAIL'}  ${text}`;

export function targetLines({ measurements, table, sizes, bundleBytes }: TargetInputs): string[] {
  const sendMs = perCallMs(table, SEND);
  const out: string[] = [];
  const small = Math.min(...sizes);
  const large = Math.max(...sizes);
  const find = (scenario: ScenarioName, units: number, impl = 'ours') =>
    measurements.find((m) => m.scenario === scenario && m.units === units && m.impl === impl);

  for (const scenario of [
    'submission',
    'reviewEdit',
    'dailyRun',
    'stageReport',
    'unitPage',
    'staffPage',
  ] as const) {
    const a = find(scenario, small);
    const b = find(scenario, large);
    if (!a || !b) continue;
    const ca = callsPerExecution(a);
    const cb = callsPerExecution(b);
    const ok = cb <= ca * 1.1 && a.executions.every((e) => e.ok) && b.executions.every((e) => e.ok);
    const what =
      scenario === 'dailyRun'
        ? 'calls per execution excluding MailApp.sendEmail (largest execution)'
        : 'calls per execution';
    out.push(
      line(
        ok,
        `${scenario}: ${what} at ${fmt(large)} units within 10 % of ${fmt(small)} units: ${fmt(ca)} → ${fmt(cb)} (${ca > 0 ? `${cb >= ca ? '+' : ''}${fmt(((cb - ca) / ca) * 100, 1)} %` : '—'})`,
      ),
    );
    if (!ok) {
      const grow = growingCalls(totals(a).counts, totals(b).counts).slice(0, 6);
      for (const g of grow) out.push(`        grows: ${g.name} ${fmt(g.from)} → ${fmt(g.to)}`);
      if (scenario === 'dailyRun') {
        const ta = totals(a);
        const tb = totals(b);
        const perSend =
          tb.sends > ta.sends
            ? (callsWithoutSends(tb) - callsWithoutSends(ta)) / (tb.sends - ta.sends)
            : 0;
        out.push(
          `        over all executions: ${fmt(callsWithoutSends(ta))} → ${fmt(callsWithoutSends(tb))} calls besides ${fmt(ta.sends)} → ${fmt(tb.sends)} sends, i.e. ${fmt(perSend, 2)} extra calls per email sent, in ${a.executions.length} → ${b.executions.length} executions`,
        );
      }
    }
  }

  const daily = find('dailyRun', large);
  if (daily) {
    const t = totals(daily);
    const estNoSend = t.estMs - t.sends * sendMs;
    const okTime = t.estMs < 60000;
    out.push(
      line(
        okTime,
        `dailyRun at ${fmt(large)} units under 60 s of estimated Apps Script time: ${fmt(t.estMs / 1000, 1)} s over ${daily.executions.length} execution(s) (largest ${fmt(Math.max(...daily.executions.map((e) => e.estMs)) / 1000, 1)} s)`,
      ),
    );
    if (!okTime) {
      out.push(
        `        ${fmt(t.sends)} emails (one per unit owing, plus staff digests) at ${fmt(sendMs)} ms each = ${fmt((t.estMs - estNoSend) / 1000, 1)} s; everything else ${fmt(estNoSend / 1000, 1)} s. Sending is the floor: no batching API exists for MailApp.`,
      );
    }
    const okCpu = t.cpuMs < 2000;
    out.push(
      line(
        okCpu,
        `dailyRun at ${fmt(large)} units under 2 s of local CPU: ${fmt(t.cpuMs)} ms (of which the script itself ${fmt(t.scriptCpuMs)} ms, the emulator serving its calls ${fmt(t.cpuMs - t.scriptCpuMs)} ms)`,
      ),
    );
  }
  // The bundle carries the campaign templates Setup writes into the sheets (forms, stages, rules and
  // the 27 key tasks of the 2018 annex with their text): data the script must have, ~56 KB of the
  // whole, and both languages' texts (~84 KB). Apps Script has no small per-file limit; the check
  // keeps dependencies and copies out.
  const okBundle = bundleBytes < BUNDLE_LIMIT_KB * 1024;
  if (daily) {
    const t = totals(daily);
    const minutes = t.estMs / 60000;
    out.push(
      `INFO  dailyRun at ${fmt(large)} units: ${daily.executions.length === 1 ? 'fits one execution' : `needs ${daily.executions.length} executions (the first, then ${daily.executions.length - 1} follow-up(s) one minute apart, each stopping at the 4.5-minute budget)`}; ${fmt(minutes, 1)} min of trigger runtime that day (quota: 90 min consumer, 6 h Workspace)`,
    );
    const largest = daily.executions.reduce((a, b) => (b.estMs > a.estMs ? b : a));
    out.push(
      `INFO  where the time of its largest execution (${largest.handler}, ${fmt(largest.estMs / 1000, 1)} s) goes: ${costBreakdown(
        table,
        largest,
      )
        .slice(0, 6)
        .map((c) => `${c.name} ×${fmt(c.count)} ${fmt(c.ms / 1000, 1)} s`)
        .join('; ')}`,
    );
  }
  for (const m of measurements.filter((x) => x.impl === 'naive')) {
    const t = totals(m);
    if (t.estMs > 6 * 60 * 1000) {
      out.push(
        `INFO  naive ${m.scenario} at ${fmt(m.units)} units: est. ${fmt(t.estMs / 60000, 1)} min > the 6-minute limit — Apps Script would kill it about ${fmt((360000 / t.estMs) * 100)} % of the way through, and with no ledger a re-run starts again from the first row`,
      );
    }
  }
  out.push(
    line(
      okBundle,
      `bundle dist/Code.js under ${BUNDLE_LIMIT_KB} KB: ${fmt(bundleBytes / 1024, 1)} KB`,
    ),
  );

  for (const scenario of ['dailyRun', 'submission'] as const) {
    for (const units of sizes) {
      const ours = find(scenario, units, 'ours');
      const naive = find(scenario, units, 'naive');
      if (!ours || !naive) continue;
      const a = new Set(ours.addresses);
      const b = new Set(naive.addresses);
      const onlyOurs = [...a].filter((x) => !b.has(x));
      const onlyNaive = [...b].filter((x) => !a.has(x));
      const same = onlyOurs.length === 0 && onlyNaive.length === 0;
      out.push(
        line(
          same,
          `same work, ${scenario} at ${fmt(units)} units: the same ${fmt(a.size)} recipient addresses (ours ${fmt(totals(ours).sends)} emails / ${fmt(totals(ours).recipients)} recipients of quota, naive ${fmt(totals(naive).sends)} / ${fmt(totals(naive).recipients)})${same ? '' : ` — only ours: ${onlyOurs.slice(0, 3).join(', ')}; only naive: ${onlyNaive.slice(0, 3).join(', ')}`}`,
        ),
      );
    }
  }
  out.push(...recurringLines(measurements, small, large));
  return out;
}

/** The recurring template's scenarios, in the order they are reported. */
export const RECURRING_SCENARIOS = [
  'recurringSubmission',
  'recurringReviewEdit',
  'recurringDailyRun',
] as const satisfies readonly ScenarioName[];

/**
 * The recurring template's (branch-duties) target lines: a meeting submission and a review edit
 * stay flat from the smallest size to the largest; the daily run is reported, not gated (it grows
 * with the mail it sends, as the Secretary Project's does).
 */
export function recurringLines(
  measurements: Measurement[],
  small: number,
  large: number,
): string[] {
  const out: string[] = [];
  const find = (scenario: ScenarioName, units: number) =>
    measurements.find((m) => m.scenario === scenario && m.units === units && m.impl === 'ours');
  const flat: [ScenarioName, string][] = [
    ['recurringSubmission', 'recurring submission calls flat'],
    ['recurringReviewEdit', 'recurring review edit calls flat'],
  ];
  for (const [scenario, what] of flat) {
    const a = find(scenario, small);
    const b = find(scenario, large);
    if (!a || !b) continue;
    const ca = callsPerExecution(a);
    const cb = callsPerExecution(b);
    const ok = cb <= ca * 1.1 && [a, b].every((m) => m.executions.every((e) => e.ok));
    out.push(
      line(
        ok,
        `${what} ${fmt(small)} → ${fmt(large)} (within 10 %): ${fmt(ca)} → ${fmt(cb)} calls per execution (${ca > 0 ? `${cb >= ca ? '+' : ''}${fmt(((cb - ca) / ca) * 100, 1)} %` : '—'})`,
      ),
    );
    if (!ok) {
      for (const g of growingCalls(totals(a).counts, totals(b).counts).slice(0, 6))
        out.push(`        grows: ${g.name} ${fmt(g.from)} → ${fmt(g.to)}`);
    }
  }
  const daily = [small, large].map((u) => find('recurringDailyRun', u));
  if (daily[0] && daily[1]) {
    const [ta, tb] = daily.map((m) => totals(m!));
    out.push(
      `INFO  recurring daily run ${fmt(small)} → ${fmt(large)} (reported, not gated): ${fmt(callsPerExecution(daily[0]))} → ${fmt(callsPerExecution(daily[1]))} calls besides sendEmail in the largest execution; ${fmt(callsWithoutSends(ta))} → ${fmt(callsWithoutSends(tb))} over ${daily[0].executions.length} → ${daily[1].executions.length} execution(s), ${fmt(ta.sends)} → ${fmt(tb.sends)} emails, est. ${fmt(ta.estMs / 1000, 1)} → ${fmt(tb.estMs / 1000, 1)} s`,
    );
  }
  return out;
}

/** The estimated cost of each kind of call in one execution, most expensive first. */
export function costBreakdown(
  table: LatencyTable,
  e: Pick<ExecutionFigures, 'counts' | 'cells'>,
): { name: string; count: number; ms: number }[] {
  return Object.entries(e.counts)
    .map(([name, count]) => ({
      name,
      count,
      ms: count * perCallMs(table, name) + (e.cells[name] ?? 0) * perCellMs(table, name),
    }))
    .sort((a, b) => b.ms - a.ms);
}
