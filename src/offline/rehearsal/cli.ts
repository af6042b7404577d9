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
import { rehearse } from './engine';
import { defaultWindow, readScenario, ScenarioError } from './scenario';
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
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  let window;
  try {
    const defaults = args.from && args.to ? null : defaultWindow(scenario);
    window = { fromDay: args.from ?? defaults!.fromDay, toDay: args.to ?? defaults!.toDay };
  } catch (error) {
    console.error(`${(error as Error).message}\n(use --from and --to)`);
    return 1;
  }
  if (window.fromDay > window.toDay) {
    console.error(`--from ${window.fromDay} is after --to ${window.toDay}`);
    return 1;
  }
  try {
    const built = ensureBuilt((cmd, argv) =>
      execFileSync(cmd, argv, { stdio: 'inherit', cwd: projectRoot() }),
    );
    if (built) console.log('dist/Code.js 已重新构建');
  } catch {
    console.error('构建失败（npm run build）');
    return 2;
  }
  const relative = (p: string) => path.relative(process.cwd(), p) || '.';
  console.log(
    `演练 ${relative(args.scenario)}：${window.fromDay} → ${window.toDay}，输出到 ${relative(args.out)}`,
  );
  const started = Date.now();
  const summary = await rehearse({
    scenario,
    out: args.out,
    ...window,
    print: args.quiet ? undefined : (line) => console.log(line),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const skipped = Object.entries(summary.eventsSkipped);
  console.log(
    [
      '',
      `完成（${seconds} 秒）：执行 ${summary.executions} 次，失败 ${summary.failures.length} 次；` +
        `邮件 ${summary.emails} 封（收件人 ${summary.recipients}）；报告 ${summary.reports} 份；` +
        `回放事件 ${summary.eventsReplayed} 个` +
        (summary.eventsDropped.length ? `，未能回放 ${summary.eventsDropped.length} 个` : ''),
      ...summary.warnings.map((w) => `! ${w}`),
      ...(summary.activationRefused
        ? [`✗ 启动被拒绝（活动未启动，没有表单和每日触发器）：${summary.activationRefused}`]
        : []),
      ...capped(
        summary.eventsDropped.map(
          (d) => `✗ events.jsonl:${d.line} ${d.type} 未能回放：${d.problem}`,
        ),
      ),
      ...capped(summary.eventNotes.map((d) => `! events.jsonl:${d.line} ${d.type}：${d.problem}`)),
      ...(skipped.length
        ? [`尚未支持、已跳过的事件：${skipped.map(([type, n]) => `${type} ×${n}`).join('，')}`]
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
function capped(lines: string[], max = 20): string[] {
  return lines.length <= max
    ? lines
    : [...lines.slice(0, max), `  …另有 ${lines.length - max} 条未列出`];
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
