import { Workspace } from '../../../src/offline/emulator/core';
import { Logger } from '../../../src/offline/emulator/logger';

describe('Logger', () => {
  test("log(format, values) formats like String.format and getLog returns this execution's lines with timestamps", () => {
    const ws = new Workspace({
      now: Date.parse('2014-05-20T01:02:03.004Z'),
      timeZone: 'Asia/Shanghai',
    });
    const logger = new Logger(ws);
    const ex = ws.startExecution('t', 'manual');
    ws.within(ex, () => {
      expect(logger.log('%s sent %d mails', 'tick', 3)).toBe(logger);
      logger.log('plain');
      expect(logger.getLog()).toBe(
        '[14-05-20 09:02:03:004 CST] tick sent 3 mails\n[14-05-20 09:02:03:004 CST] plain\n',
      );
    });
    expect(ex.logs).toEqual([
      { level: 'log', text: 'tick sent 3 mails' },
      { level: 'log', text: 'plain' },
    ]);
  });

  test('the log is per execution and clear() empties it', () => {
    const ws = new Workspace({ now: 0, timeZone: 'UTC' });
    const logger = new Logger(ws);
    const a = ws.startExecution('a', 'manual');
    const b = ws.startExecution('b', 'manual');
    ws.within(a, () => logger.log('from a'));
    expect(ws.within(b, () => logger.getLog())).toBe('');
    ws.within(a, () => logger.clear());
    expect(ws.within(a, () => logger.getLog())).toBe('');
    expect(a.logs).toHaveLength(1);
  });

  test('a JSON record is parsed for the run log', () => {
    const ws = new Workspace({ now: 0 });
    const logger = new Logger(ws);
    const ex = ws.startExecution('a', 'manual');
    ws.within(ex, () => logger.log(JSON.stringify({ event: 'mail', to: ['a@x.cn'] })));
    expect(ex.logs[0].json).toEqual({ event: 'mail', to: ['a@x.cn'] });
  });
});
