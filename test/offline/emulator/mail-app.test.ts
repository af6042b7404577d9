import { Workspace } from '../../../src/offline/emulator/core';
import { MailApp } from '../../../src/offline/emulator/mail-app';
import { Utilities } from '../../../src/offline/emulator/utilities';

const T0 = Date.parse('2014-05-20T01:00:00Z'); // 09:00 in Asia/Shanghai

function setup(quota = 10) {
  const ws = new Workspace({ now: T0, mailDailyQuota: quota, owner: 'admin@example.cn' });
  const ex = ws.startExecution('onDailyTick', 'time');
  const mail = new MailApp(ws);
  const run = <T>(fn: () => T): T => ws.within(ex, fn);
  return { ws, ex, mail, run };
}

describe('MailApp', () => {
  test('sendEmail(recipient, subject, body) stores the message with the simulated send time and the effective user as sender', () => {
    const { ws, ex, mail, run } = setup();
    run(() => mail.sendEmail('dw@fgw.example.cn', '提醒', '请按时提交'));
    const [sent] = MailApp._outbox(ws);
    expect(sent).toMatchObject({
      seq: 1,
      sentAt: T0,
      executionId: ex.id,
      from: 'admin@example.cn',
      to: ['dw@fgw.example.cn'],
      cc: [],
      bcc: [],
      subject: '提醒',
      body: '请按时提交',
      htmlBody: null,
      name: null,
      replyTo: null,
    });
  });

  test('sendEmail(message) takes to, cc, bcc (comma-separated), name, replyTo, htmlBody and attachments', () => {
    const { ws, mail, run } = setup();
    const utilities = new Utilities(ws);
    run(() =>
      mail.sendEmail({
        to: 'a@x.cn, 张三 <b@x.cn>',
        cc: 'c@x.cn',
        bcc: 'd@x.cn,e@x.cn',
        subject: 'S',
        body: 'plain',
        htmlBody: '<p>html</p>',
        name: '项目办',
        replyTo: 'office@x.cn',
        // our Blob stands in for Apps Script's; the types differ only in the returned fakes
        attachments: [
          utilities.newBlob(
            '内容',
            'text/plain',
            '附件.txt',
          ) as unknown as GoogleAppsScript.Base.BlobSource,
        ],
      }),
    );
    const [sent] = MailApp._outbox(ws);
    expect(sent.to).toEqual(['a@x.cn', 'b@x.cn']);
    expect(sent.cc).toEqual(['c@x.cn']);
    expect(sent.bcc).toEqual(['d@x.cn', 'e@x.cn']);
    expect(sent.name).toBe('项目办');
    expect(sent.replyTo).toBe('office@x.cn');
    expect(sent.htmlBody).toBe('<p>html</p>');
    expect(sent.attachments).toHaveLength(1);
    expect(sent.attachments[0].name).toBe('附件.txt');
    expect(sent.attachments[0].contentType).toBe('text/plain');
    expect(sent.attachments[0].bytes.toString('utf8')).toBe('内容');
  });

  test('sendEmail(recipient, subject, body, options) merges the options', () => {
    const { ws, mail, run } = setup();
    run(() => mail.sendEmail('a@x.cn', 'S', 'B', { cc: 'c@x.cn', name: 'N' }));
    expect(MailApp._outbox(ws)[0]).toMatchObject({ to: ['a@x.cn'], cc: ['c@x.cn'], name: 'N' });
  });

  test('sendEmail(to, replyTo, subject, body) is the four-string overload', () => {
    const { ws, mail, run } = setup();
    run(() => mail.sendEmail('a@x.cn', 'reply@x.cn', 'Subject', 'Body'));
    expect(MailApp._outbox(ws)[0]).toMatchObject({
      to: ['a@x.cn'],
      replyTo: 'reply@x.cn',
      subject: 'Subject',
      body: 'Body',
    });
  });

  test('the daily quota counts recipients in to, cc and bcc, and getRemainingDailyQuota reports what is left', () => {
    const { ex, mail, run } = setup(10);
    expect(run(() => mail.getRemainingDailyQuota())).toBe(10);
    run(() =>
      mail.sendEmail({ to: 'a@x.cn,b@x.cn', cc: 'c@x.cn', bcc: 'd@x.cn', subject: 's', body: 'b' }),
    );
    expect(run(() => mail.getRemainingDailyQuota())).toBe(6);
    expect(ex.mailRecipients).toBe(4);
  });

  test("sendEmail throws 'Service invoked too many times for one day: email.' past the daily quota and sends nothing", () => {
    const { ws, ex, mail, run } = setup(3);
    run(() => mail.sendEmail('a@x.cn,b@x.cn', 's', 'b'));
    expect(() => run(() => mail.sendEmail('c@x.cn,d@x.cn', 's', 'b'))).toThrow(
      new Error('Service invoked too many times for one day: email.'),
    );
    expect(MailApp._outbox(ws)).toHaveLength(1);
    expect(ex.mailRecipients).toBe(2);
    // one recipient still fits exactly
    run(() => mail.sendEmail('c@x.cn', 's', 'b'));
    expect(run(() => mail.getRemainingDailyQuota())).toBe(0);
    expect(() => run(() => mail.sendEmail('e@x.cn', 's', 'b'))).toThrow(
      'Service invoked too many times for one day: email.',
    );
  });

  test('the quota starts afresh on the next calendar day in the script time zone (assumption)', () => {
    const { ws, mail, run } = setup(2);
    run(() => mail.sendEmail('a@x.cn,b@x.cn', 's', 'b'));
    expect(run(() => mail.getRemainingDailyQuota())).toBe(0);
    // 2014-05-20 23:59 in Shanghai is still the same day
    ws.clock.set(Date.parse('2014-05-20T15:59:00Z'));
    expect(run(() => mail.getRemainingDailyQuota())).toBe(0);
    ws.clock.set(Date.parse('2014-05-20T16:00:00Z'));
    expect(run(() => mail.getRemainingDailyQuota())).toBe(2);
    expect(MailApp._recipientsUsed(ws, T0)).toBe(2);
  });

  test("an invalid address throws 'Invalid email: <addr>' and sends nothing", () => {
    const { ws, mail, run } = setup();
    expect(() => run(() => mail.sendEmail('a@x.cn, not-an-address', 's', 'b'))).toThrow(
      new Error('Invalid email: not-an-address'),
    );
    expect(() =>
      run(() => mail.sendEmail({ to: 'a@x.cn', cc: 'bad@', subject: 's', body: 'b' })),
    ).toThrow('Invalid email: bad@');
    expect(MailApp._outbox(ws)).toHaveLength(0);
  });

  test("a message without recipients throws 'Failed to send email: no recipient'", () => {
    const { mail, run } = setup();
    expect(() => run(() => mail.sendEmail('', 's', 'b'))).toThrow(
      new Error('Failed to send email: no recipient'),
    );
    expect(() => run(() => mail.sendEmail({ subject: 's', body: 'b' }))).toThrow(
      'Failed to send email: no recipient',
    );
  });

  test('per-message limits: 50 recipients, a 250-character subject', () => {
    const { mail, run } = setup(1000);
    const many = Array.from({ length: 51 }, (_, i) => `u${i}@x.cn`).join(',');
    expect(() => run(() => mail.sendEmail(many, 's', 'b'))).toThrow(
      'Limit Exceeded: Email Recipients Per Message.',
    );
    expect(() => run(() => mail.sendEmail('a@x.cn', 'x'.repeat(251), 'b'))).toThrow(
      'Argument too large: subject',
    );
  });

  test('noReply sends from the noreply address of the domain', () => {
    const { ws, mail, run } = setup();
    run(() => mail.sendEmail({ to: 'a@x.cn', subject: 's', body: 'b', noReply: true }));
    expect(MailApp._outbox(ws)[0].from).toBe('noreply@example.cn');
  });
});
