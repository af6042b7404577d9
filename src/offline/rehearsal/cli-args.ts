/**
 * Command-line arguments of `npm start` (the rehearsal). Pure apart from resolving paths.
 */
import * as path from 'node:path';
import { projectRoot } from '../project-root';
import { parseDay } from './scenario';

export interface CliArgs {
  /** Absolute path of the scenario folder. */
  scenario: string;
  /** Absolute path of the output folder. */
  out: string;
  /** First simulated day, YYYY-MM-DD (default: from the scenario). */
  from?: string;
  /** Last simulated day, YYYY-MM-DD (default: from the scenario). */
  to?: string;
  quiet: boolean;
  /** A line for every simulated day, idle ones included. */
  verbose: boolean;
  help: boolean;
}

export const DEFAULT_SCENARIO = 'sheets-templates/sample-campaign';
export const DEFAULT_OUT = 'out/sample';

export const USAGE = `Usage: npm start -- [--scenario DIR] [--out DIR] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--verbose] [--quiet] [--help]
用法：npm start -- [--scenario 目录] [--out 目录] [--from 日期] [--to 日期] [--verbose] [--quiet] [--help]

Rehearses a whole campaign offline: runs dist/Code.js in the emulated Google Workspace over a
simulated clock and writes the workbook, emails, reports and run log to the output folder.
离线演练整个活动：在模拟的 Google Workspace 中按模拟时钟运行 dist/Code.js，输出工作簿、邮件、报告和运行日志。

  --scenario DIR   scenario folder (default: ${DEFAULT_SCENARIO})
                   场景目录（默认：内置示例活动）
  --out DIR        output folder (default: ${DEFAULT_OUT}); 输出目录
  --from DAY       first simulated day (default: the day before the earliest opensOn)
                   模拟起始日（默认：最早开始日期的前一天）
  --to DAY         last simulated day (default: 14 days after the last deadline)
                   模拟结束日（默认：最后截止日期后 14 天）
  --verbose        a line for every simulated day (default: only days with events, mail,
                   reports, failures or a step not replayed); 逐日输出（默认只列出有事件、邮件、报告、
                   失败或未能回放的日子）
  --quiet          print only the final summary; 只输出最终汇总
  --help, -h       show this help; 显示本帮助

A scenario folder holds settings.csv, units.csv, stages.csv, events.jsonl and optionally
environment.json; see sheets-templates/sample-campaign/README.md.
场景目录包含上述文件，格式见示例活动的 README.md。
`;

export class CliArgsError extends Error {
  constructor(message: string) {
    super(`${message}\n\n${USAGE}`);
    this.name = 'CliArgsError';
  }
}

const VALUE_FLAGS = ['--scenario', '--out', '--from', '--to'] as const;
const BOOLEAN_FLAGS = ['--quiet', '--verbose', '--help', '-h'] as const;

/**
 * Parses `process.argv.slice(2)`. Explicit paths are resolved against `cwd`; the defaults against
 * the project root, so `npm start` works from any folder.
 */
export function parseCliArgs(
  argv: string[],
  options: { cwd?: string; root?: string } = {},
): CliArgs {
  const cwd = options.cwd ?? process.cwd();
  const root = options.root ?? projectRoot();
  const values: Partial<Record<(typeof VALUE_FLAGS)[number], string>> = {};
  let quiet = false;
  let verbose = false;
  let help = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if ((VALUE_FLAGS as readonly string[]).includes(flag)) {
      let value: string | undefined;
      if (eq > 0) {
        value = arg.slice(eq + 1);
      } else {
        value = argv[i + 1];
        // `--out --quiet` means the value was forgotten, not a folder named "--quiet".
        if (value !== undefined && value.startsWith('-')) value = undefined;
        else i++;
      }
      if (value === undefined || value === '') throw new CliArgsError(`${flag} needs a value`);
      const key = flag as (typeof VALUE_FLAGS)[number];
      if (values[key] !== undefined) throw new CliArgsError(`${flag} given twice`);
      values[key] = value;
    } else if ((BOOLEAN_FLAGS as readonly string[]).includes(flag)) {
      if (eq > 0) throw new CliArgsError(`${flag} takes no value`);
      if (flag === '--quiet') quiet = true;
      else if (flag === '--verbose') verbose = true;
      else help = true;
    } else if (arg.startsWith('-')) {
      throw new CliArgsError(
        `unknown option ${JSON.stringify(arg)} (known: ${[...VALUE_FLAGS, ...BOOLEAN_FLAGS].join(', ')})`,
      );
    } else {
      throw new CliArgsError(
        `unexpected argument ${JSON.stringify(arg)} (did you mean --scenario ${arg}?)`,
      );
    }
  }

  for (const flag of ['--from', '--to'] as const) {
    const v = values[flag];
    if (v !== undefined && parseDay(v) === undefined) {
      throw new CliArgsError(`${flag} ${JSON.stringify(v)} is not a date (expected YYYY-MM-DD)`);
    }
  }
  if (values['--from'] !== undefined && values['--to'] !== undefined) {
    if (values['--from'] > values['--to']) {
      throw new CliArgsError(`--from ${values['--from']} is after --to ${values['--to']}`);
    }
  }

  return {
    scenario: values['--scenario']
      ? path.resolve(cwd, values['--scenario'])
      : path.resolve(root, DEFAULT_SCENARIO),
    out: values['--out'] ? path.resolve(cwd, values['--out']) : path.resolve(root, DEFAULT_OUT),
    ...(values['--from'] !== undefined ? { from: values['--from'] } : {}),
    ...(values['--to'] !== undefined ? { to: values['--to'] } : {}),
    quiet,
    verbose,
    help,
  };
}
