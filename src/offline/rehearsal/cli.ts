/**
 * `npm start`: rehearses a campaign offline on the bundle clasp pushes (rehearsal-format.md).
 * Exit codes: 0 rehearsed; 1 the scenario or arguments cannot be read; 2 the build failed;
 * 4 the script refused to activate the campaign (outputs are still written).
 */
import * as path from 'node:path';

// The script's local-time Date methods follow the project's time zone (appsscript.json), as in
// Apps Script; Node reads TZ when a date is first formatted, so set it before anything runs.
process.env.TZ = 'Asia/Shanghai';
import { execFileSync } from 'node:child_process';
import { ensureBuilt } from './build-if-stale';
import { CliArgsError, parseCliArgs, USAGE } from './cli-args';
import { describeSelfCheck, rehearse } from './engine';
import { defaultWindow, formatProblem, readScenario, ScenarioError } from './scenario';
import { rehearsalMessages } from '../../i18n/rehearsal';
import * as fs from 'node:fs';
import { projectRoot } from '../project-root';

async function main(): Promise<number> {
  let args;
  try {
    args = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliArgsError) {
      // The message already ends with the usage (CliArgsError adds it).
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  let scenario;
  try {
    scenario = readScenario(args.scenario);
  } catch (error) {
    if (error instanceof ScenarioError) {
      const t = rehearsalMessages(localeOfFolder(args.scenario));
      console.error(
        [
          t.scenarioUnreadable(error.dir, error.problems.length),
          ...error.problems.map(formatProblem),
        ].join('\n'),
      );
      return 1;
    }
    throw error;
  }
  const t = rehearsalMessages(scenario.settings.find((s) => s.key === 'locale')?.value);
  let window;
  try {
    const defaults = args.from && args.to ? null : defaultWindow(scenario);
    window = { fromDay: args.from ?? defaults!.fromDay, toDay: args.to ?? defaults!.toDay };
  } catch (error) {
    console.error(`${(error as Error).message}\n${t.windowHint}`);
    return 1;
  }
  if (window.fromDay > window.toDay) {
    console.error(t.fromAfterTo(window.fromDay, window.toDay));
    return 1;
  }
  try {
    const built = ensureBuilt((cmd, argv) =>
      execFileSync(cmd, argv, { stdio: 'inherit', cwd: projectRoot() }),
    );
    if (built) console.log(t.rebuilt);
  } catch {
    console.error(t.buildFailed);
    return 2;
  }
  const relative = (p: string) => path.relative(process.cwd(), p) || '.';
  console.log(t.heading(relative(args.scenario), window.fromDay, window.toDay, relative(args.out)));
  const started = Date.now();
  const summary = await rehearse({
    scenario,
    out: args.out,
    ...window,
    print: args.quiet ? undefined : (line) => console.log(line),
    verbose: args.verbose,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const skipped = Object.entries(summary.eventsSkipped);
  console.log(
    [
      ...(summary.idleDays > 0 && !args.quiet ? [t.idle(summary.idleDays)] : []),
      '',
      t.done(
        seconds,
        summary.executions,
        summary.failures.length,
        summary.emails,
        summary.recipients,
        summary.reports,
        summary.eventsReplayed,
      ) +
        (summary.eventsDropped.length ? t.droppedCount(summary.eventsDropped.length) : '') +
        (summary.eventNotes.length ? t.notesCount(summary.eventNotes.length) : ''),
      ...summary.warnings.map((w) => `! ${w}`),
      ...summary.selfChecks.flatMap((o) => describeSelfCheck(o, t)),
      ...(summary.activationRefused ? [t.refused(summary.activationRefused)] : []),
      ...capped(
        summary.eventsDropped.map((d) => t.dropped(d.line, d.type, d.problem)),
        t.more,
      ),
      ...capped(
        summary.eventNotes.map((d) => t.note(d.line, d.type, d.problem)),
        t.more,
      ),
      ...(skipped.length
        ? [t.skipped(skipped.map(([type, n]) => `${type} ×${n}`).join(', '))]
        : []),
      ...summary.failures.map((f) => `✗ ${f.at} ${f.handler}: ${f.error?.split('\n')[0]}`),
      `  ${relative(summary.outputs.workbook)}`,
      `  ${relative(summary.outputs.outbox)}/`,
      `  ${relative(summary.outputs.reports)}/`,
      `  ${relative(summary.outputs.runLog)}`,
      ...(summary.pages > 0
        ? [`  ${relative(summary.outputs.pages)}/（状态页 ${summary.pages} 个）`]
        : []),
    ].join('\n'),
  );
  // Outputs are written either way (运行状况 says why); with no active campaign nothing could run.
  return summary.activated ? 0 : 4;
}

/** Long lists are cut so the summary stays readable; the count of the rest is still printed. */
function capped(lines: string[], more: (n: number) => string, max = 20): string[] {
  return lines.length <= max ? lines : [...lines.slice(0, max), more(lines.length - max)];
}

/** The locale a scenario folder's settings.csv names, read loosely (it may not parse). */
function localeOfFolder(dir: string): string | undefined {
  try {
    const text = fs.readFileSync(path.join(dir, 'settings.csv'), 'utf8');
    return /^\s*"?locale"?\s*,\s*"?en"?\s*$/m.test(text) ? 'en' : undefined;
  } catch {
    return undefined;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 3;
  },
);
