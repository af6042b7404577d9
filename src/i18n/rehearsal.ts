/**
 * What the offline rehearsal (`npm start`) prints, in the campaign's language (settings.csv
 * `locale`). Node-only: the bundle never imports this file.
 */
const zh = {
  weekdays: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  heading: (scenario: string, from: string, to: string, out: string) =>
    `演练 ${scenario}：${from} → ${to}，输出到 ${out}`,
  rebuilt: 'dist/Code.js 已重新构建',
  buildFailed: '构建失败（npm run build）',
  windowHint: '（请用 --from 和 --to 指定）',
  fromAfterTo: (from: string, to: string) => `--from ${from} 晚于 --to ${to}`,
  admin: (runs: string) => `管理员：初始化表格、填写配置、启动活动（${runs}）`,
  activationRefusedLine: (reasons: string) => `✗ 启动被拒绝：${reasons}`,
  noRuns: '无执行',
  events: (n: number) => `事件 ${n}`,
  recipients: (n: number) => `邮件收件人 ${n}`,
  failed: (n: number) => `✗ 失败 ${n}`,
  reports: (names: string[]) => `报告：${names.map((n) => `「${n}」`).join('、')}`,
  idle: (days: number) => `（另有 ${days} 天无事件、邮件和报告，未逐日列出；--verbose 逐日列出）`,
  dropped: (line: number, type: string, problem: string) =>
    `✗ events.jsonl:${line} ${type} 未能回放：${problem}`,
  note: (line: number, type: string, problem: string) =>
    `! events.jsonl:${line} ${type}：${problem}`,
  done: (
    seconds: string,
    executions: number,
    failures: number,
    emails: number,
    recipients: number,
    reports: number,
    replayed: number,
  ) =>
    `完成（${seconds} 秒）：执行 ${executions} 次，失败 ${failures} 次；` +
    `邮件 ${emails} 封（收件人 ${recipients}）；报告 ${reports} 份；回放事件 ${replayed} 个`,
  droppedCount: (n: number) => `，未能回放 ${n} 个`,
  notesCount: (n: number) => `，部分未照写回放 ${n} 处`,
  refused: (reasons: string) => `✗ 启动被拒绝（活动未启动，没有表单和每日触发器）：${reasons}`,
  refusedSilently: '（脚本未安装每日触发器，也未给出说明）',
  selfCheckWhen: { activation: '启动后', end: '结束时' } as Record<'activation' | 'end', string>,
  selfCheckFailed: (when: string, error: string) => `✗ 运行自检（${when}）执行失败：${error}`,
  selfCheckHead: (when: string, passed: number, notPassed: number) =>
    `运行自检（${when}）：${passed} 项通过${notPassed ? `，${notPassed} 项未通过` : ''}`,
  skipped: (list: string) => `尚未支持、已跳过的事件：${list}`,
  more: (n: number) => `  …另有 ${n} 条未列出`,
  badZone: (zone: string) =>
    `settings.csv 的 timeZone「${zone}」不是 IANA 时区：演练时钟改用 Asia/Shanghai，表格保留原时区；该设置的含义由脚本判断`,
  scenarioUnreadable: (dir: string, n: number) => `场景 ${dir} 无法读取（${n} 个问题）：`,
};

export type RehearsalMessages = typeof zh;

const en: RehearsalMessages = {
  weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  heading: (scenario, from, to, out) => `Rehearsing ${scenario}: ${from} → ${to}, output in ${out}`,
  rebuilt: 'dist/Code.js rebuilt',
  buildFailed: 'build failed (npm run build)',
  windowHint: '(use --from and --to)',
  fromAfterTo: (from, to) => `--from ${from} is after --to ${to}`,
  admin: (runs) => `administrator: setup, configuration, activation (${runs})`,
  activationRefusedLine: (reasons) => `✗ activation refused: ${reasons}`,
  noRuns: 'no executions',
  events: (n) => `events ${n}`,
  recipients: (n) => `mail recipients ${n}`,
  failed: (n) => `✗ failed ${n}`,
  reports: (names) => `reports: ${names.map((n) => `“${n}”`).join(', ')}`,
  idle: (days) =>
    `(${days} more days without events, mail or reports are not listed; --verbose lists every day)`,
  dropped: (line, type, problem) => `✗ events.jsonl:${line} ${type} not replayed: ${problem}`,
  note: (line, type, problem) => `! events.jsonl:${line} ${type}: ${problem}`,
  done: (seconds, executions, failures, emails, recipients, reports, replayed) =>
    `Done (${seconds} s): ${executions} executions, ${failures} failed; ` +
    `${emails} emails (${recipients} recipients); ${reports} reports; ${replayed} events replayed`,
  droppedCount: (n) => `, ${n} not replayed`,
  notesCount: (n) => `, ${n} steps not replayed as written`,
  refused: (reasons) =>
    `✗ activation refused (campaign not active, no forms and no daily trigger): ${reasons}`,
  refusedSilently: '(the script installed no daily trigger and said nothing)',
  selfCheckWhen: { activation: 'after activation', end: 'at the end' },
  selfCheckFailed: (when, error) => `✗ self-check (${when}) failed to run: ${error}`,
  selfCheckHead: (when, passed, notPassed) =>
    `self-check (${when}): ${passed} passed${notPassed ? `, ${notPassed} not passed` : ''}`,
  skipped: (list) => `events not supported yet, skipped: ${list}`,
  more: (n) => `  …${n} more not listed`,
  badZone: (zone) =>
    `settings.csv timeZone "${zone}" is not an IANA time zone: the rehearsal's clock uses Asia/Shanghai and the spreadsheet keeps its zone; the script decides what the setting means`,
  scenarioUnreadable: (dir, n) =>
    `Scenario ${dir} cannot be read (${n} problem${n === 1 ? '' : 's'}):`,
};

/** The rehearsal's console messages for a campaign locale (anything but en is Chinese). */
export function rehearsalMessages(locale: string | undefined): RehearsalMessages {
  return locale === 'en' ? en : zh;
}
