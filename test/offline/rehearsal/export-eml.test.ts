import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workspace } from '../../../src/offline/emulator/core';
import { MailApp, type SentMessage } from '../../../src/offline/emulator/mail-app';
import { Utilities } from '../../../src/offline/emulator/utilities';
import { toEml, writeOutbox } from '../../../src/offline/rehearsal/export-eml';

/* A small MIME reader, enough to decode what the exporter writes and check it independently. */

interface ParsedPart {
  headers: Map<string, string>;
  body: string;
}

function decodeEncodedWords(value: string): string {
  // Whitespace between adjacent encoded-words is not part of the text (RFC 2047 §6.2), and a
  // character may only be whole once the bytes of neighbouring words are joined.
  return value.replace(/(=\?UTF-8\?B\?[^?]*\?=)(\s+=\?UTF-8\?B\?[^?]*\?=)*/gi, (run) => {
    const bytes = Buffer.concat(
      [...run.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/gi)].map((m) => Buffer.from(m[1], 'base64')),
    );
    return bytes.toString('utf8');
  });
}

function parsePart(raw: string): ParsedPart {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n(?=[ \t])/g, '').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** Parameters of a structured header, with RFC 2231 continuations and charsets decoded. */
function params(value: string): { value: string; params: Record<string, string> } {
  const pieces = value.match(/(?:[^;"]|"[^"]*")+/g)!.map((p) => p.trim());
  const out: Record<string, string> = {};
  const extended: Record<string, { i: number; v: string }[]> = {};
  for (const piece of pieces.slice(1)) {
    const eq = piece.indexOf('=');
    const key = piece.slice(0, eq);
    let v = piece.slice(eq + 1);
    if (v.startsWith('"')) v = v.slice(1, -1);
    const m = /^([^*]+)\*(?:(\d+)\*?)?$/.exec(key);
    if (m) (extended[m[1]] ??= []).push({ i: Number(m[2] ?? 0), v });
    else out[key] = decodeEncodedWords(v);
  }
  for (const [key, segments] of Object.entries(extended)) {
    const joined = segments
      .sort((a, b) => a.i - b.i)
      .map((s) => s.v)
      .join('');
    const [, , , encoded] = /^([^']*)'([^']*)'(.*)$/.exec(joined)!;
    const bytes = encoded.replace(/%([0-9A-F]{2})/gi, (_, h: string) =>
      String.fromCharCode(parseInt(h, 16)),
    );
    out[key] = Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return { value: pieces[0], params: out };
}

function children(part: ParsedPart): ParsedPart[] {
  const boundary = params(part.headers.get('content-type')!).params.boundary;
  const lines = part.body.split('\r\n');
  const result: string[][] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (line === `--${boundary}` || line === `--${boundary}--`) {
      if (current) result.push(current);
      current = line.endsWith('--') ? null : [];
      if (!current) break;
    } else if (current) current.push(line);
  }
  return result.map((l) => parsePart(l.join('\r\n')));
}

function decodedBody(part: ParsedPart): Buffer {
  expect(part.headers.get('content-transfer-encoding')).toBe('base64');
  for (const line of part.body.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
  return Buffer.from(part.body.replace(/\r\n/g, ''), 'base64');
}

function checkWireFormat(eml: string): void {
  expect(/\r(?!\n)|(?<!\r)\n/.test(eml)).toBe(false); // CRLF only
  expect(/^[\x20-\x7e\r\n]*$/.test(eml)).toBe(true); // 7-bit clean
  for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
}

/* Fixtures */

const T0 = Date.parse('2014-05-20T01:00:00Z');

function message(overrides: Partial<SentMessage> = {}): SentMessage {
  return {
    seq: 1,
    sentAt: T0,
    executionId: 1,
    from: 'admin@example.cn',
    name: null,
    replyTo: null,
    noReply: false,
    to: ['dw@fgw.example.cn'],
    cc: [],
    bcc: [],
    subject: 'Hello',
    body: 'Body',
    htmlBody: null,
    attachments: [],
    inlineImages: [],
    ...overrides,
  };
}

describe('toEml', () => {
  test('Date is the simulated send time in RFC 5322 form with the time zone offset', () => {
    const shanghai = parsePart(toEml(message(), { timeZone: 'Asia/Shanghai' }));
    expect(shanghai.headers.get('date')).toBe('Tue, 20 May 2014 09:00:00 +0800');
    const la = parsePart(toEml(message(), { timeZone: 'America/Los_Angeles' }));
    expect(la.headers.get('date')).toBe('Mon, 19 May 2014 18:00:00 -0700');
  });

  test('a message sent through MailApp round-trips: From name, To, Cc, Reply-To and a long Chinese subject', () => {
    const ws = new Workspace({ now: T0, owner: 'admin@example.cn' });
    const ex = ws.startExecution('onDailyTick', 'time');
    const subject =
      '【提醒】关于报送2014年度服务民生重点项目申报材料的通知——请各单位于截止日期前完成填报并提交';
    ws.within(ex, () =>
      new MailApp(ws).sendEmail({
        to: 'a@x.cn, b@x.cn',
        cc: 'c@x.cn',
        subject,
        body: '第一行\n第二行',
        name: '服务民生项目办公室',
        replyTo: 'office@x.cn',
      }),
    );
    const eml = toEml(MailApp._outbox(ws)[0], { timeZone: 'Asia/Shanghai' });
    checkWireFormat(eml);
    expect(eml.split('\r\n').filter((l) => l.startsWith(' =?UTF-8?B?')).length).toBeGreaterThan(1);
    const parsed = parsePart(eml);
    expect(decodeEncodedWords(parsed.headers.get('subject')!)).toBe(subject);
    expect(decodeEncodedWords(parsed.headers.get('from')!)).toBe(
      '服务民生项目办公室 <admin@example.cn>',
    );
    expect(parsed.headers.get('to')).toBe('a@x.cn, b@x.cn');
    expect(parsed.headers.get('cc')).toBe('c@x.cn');
    expect(parsed.headers.get('reply-to')).toBe('office@x.cn');
    expect(parsed.headers.get('mime-version')).toBe('1.0');
    expect(params(parsed.headers.get('content-type')!)).toEqual({
      value: 'text/plain',
      params: { charset: 'UTF-8' },
    });
    expect(decodedBody(parsed).toString('utf8')).toBe('第一行\r\n第二行');
  });

  test('an ASCII display name is quoted and an ASCII subject stays readable', () => {
    const parsed = parsePart(
      toEml(message({ name: 'Project "Office"', subject: 'Weekly report' }), { timeZone: 'UTC' }),
    );
    expect(parsed.headers.get('from')).toBe('"Project \\"Office\\"" <admin@example.cn>');
    expect(parsed.headers.get('subject')).toBe('Weekly report');
  });

  test('body and htmlBody become a multipart/alternative with UTF-8 text/plain and text/html parts', () => {
    const eml = toEml(message({ body: '纯文本', htmlBody: '<p>网页 <b>正文</b></p>' }), {
      timeZone: 'Asia/Shanghai',
    });
    checkWireFormat(eml);
    const root = parsePart(eml);
    expect(params(root.headers.get('content-type')!).value).toBe('multipart/alternative');
    const [plain, html] = children(root);
    expect(params(plain.headers.get('content-type')!)).toEqual({
      value: 'text/plain',
      params: { charset: 'UTF-8' },
    });
    expect(decodedBody(plain).toString('utf8')).toBe('纯文本');
    expect(params(html.headers.get('content-type')!).value).toBe('text/html');
    expect(decodedBody(html).toString('utf8')).toBe('<p>网页 <b>正文</b></p>');
  });

  test('attachments wrap the content in multipart/mixed with base64 bodies and RFC 2231 UTF-8 file names', () => {
    const ws = new Workspace({ now: T0 });
    const u = new Utilities(ws);
    const bytes = Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
    const longName = '2014年度服务民生重点项目申报汇总表（含各单位明细及审核意见）.xlsx';
    const eml = toEml(
      message({
        body: 'see attached',
        htmlBody: '<p>see attached</p>',
        attachments: [
          { name: longName, contentType: 'application/octet-stream', bytes: Buffer.from(bytes) },
          { name: 'notes.txt', contentType: 'text/plain', bytes: u.newBlob('备注')._buffer() },
        ],
      }),
      { timeZone: 'Asia/Shanghai' },
    );
    checkWireFormat(eml);
    const root = parsePart(eml);
    expect(params(root.headers.get('content-type')!).value).toBe('multipart/mixed');
    const [alternative, first, second] = children(root);
    expect(params(alternative.headers.get('content-type')!).value).toBe('multipart/alternative');
    expect(children(alternative)).toHaveLength(2);
    const disposition = params(first.headers.get('content-disposition')!);
    expect(disposition.value).toBe('attachment');
    expect(disposition.params.filename).toBe(longName);
    expect(params(first.headers.get('content-type')!).params.name).toBe(longName);
    expect([...decodedBody(first)]).toEqual(bytes);
    expect(params(second.headers.get('content-disposition')!).params.filename).toBe('notes.txt');
    expect(decodedBody(second).toString('utf8')).toBe('备注');
  });

  test('inline images sit with the HTML part in multipart/related, addressed by Content-ID', () => {
    const root = parsePart(
      toEml(
        message({
          htmlBody: '<img src="cid:logo">',
          inlineImages: [
            {
              cid: 'logo',
              name: 'logo.png',
              contentType: 'image/png',
              bytes: Buffer.from([137, 80]),
            },
          ],
        }),
        { timeZone: 'UTC' },
      ),
    );
    const [, related] = children(root);
    expect(params(related.headers.get('content-type')!).value).toBe('multipart/related');
    const [html, image] = children(related);
    expect(decodedBody(html).toString('utf8')).toBe('<img src="cid:logo">');
    expect(image.headers.get('content-id')).toBe('<logo>');
    expect([...decodedBody(image)]).toEqual([137, 80]);
  });

  test('Message-ID and boundaries are deterministic and differ between messages', () => {
    const a = toEml(message({ htmlBody: '<p>x</p>' }), { timeZone: 'UTC' });
    expect(toEml(message({ htmlBody: '<p>x</p>' }), { timeZone: 'UTC' })).toBe(a);
    const id = parsePart(a).headers.get('message-id')!;
    expect(id).toMatch(/^<outbox-00001\.[0-9a-f]+@example\.cn>$/);
    const other = parsePart(toEml(message({ seq: 2 }), { timeZone: 'UTC' })).headers.get(
      'message-id',
    );
    expect(other).not.toBe(id);
  });

  test('Bcc recipients are kept in the exported (sender) copy', () => {
    const parsed = parsePart(toEml(message({ bcc: ['hidden@x.cn'] }), { timeZone: 'UTC' }));
    expect(parsed.headers.get('bcc')).toBe('hidden@x.cn');
  });

  test('a long To list is folded under 78 characters and still lists every address', () => {
    const to = Array.from({ length: 12 }, (_, i) => `unit${i}.contact@fgw.example.cn`);
    const eml = toEml(message({ to }), { timeZone: 'UTC' });
    checkWireFormat(eml);
    expect(
      parsePart(eml)
        .headers.get('to')!
        .split(',')
        .map((s) => s.trim()),
    ).toEqual(to);
  });
});

describe('writeOutbox', () => {
  test('writes NNNNN-<kind or slug>.eml files numbered from 00001 in send order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    try {
      const messages = [
        message({ seq: 1, subject: '提醒' }),
        message({ seq: 2, subject: '通知' }),
        message({ seq: 3, subject: 'Weekly Report: May' }),
      ];
      const paths = writeOutbox(messages, join(dir, 'outbox'), 'Asia/Shanghai', (m) =>
        m.seq === 1 ? 'reminder' : undefined,
      );
      expect(readdirSync(join(dir, 'outbox')).sort()).toEqual([
        '00001-reminder.eml',
        '00002-mail.eml',
        '00003-weekly-report-may.eml',
      ]);
      expect(readFileSync(paths[1], 'utf8')).toBe(
        toEml(messages[1], { timeZone: 'Asia/Shanghai' }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
