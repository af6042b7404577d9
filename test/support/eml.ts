/** The rehearsal's outbox read as a mail client would (headers, encoded words, text part). */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Eml {
  file: string;
  kind: string;
  date: Date;
  to: string[];
  subject: string;
  text: string;
}

/** Reads an .eml the way a mail client would: headers, encoded words, the base64 text part. */
export function readEml(file: string): Eml {
  const raw = fs.readFileSync(file, 'utf8');
  const [head] = raw.split(/\r\n\r\n/);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const at = line.indexOf(':');
    headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
  }
  const decodeWords = (s: string) =>
    s.replace(/=\?UTF-8\?B\?([^?]+)\?=\s*/gi, (_, b64) =>
      Buffer.from(b64, 'base64').toString('utf8'),
    );
  const textPart =
    /Content-Type: text\/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n([\s\S]*?)\r\n(--|$)/.exec(
      raw,
    );
  return {
    file: path.basename(file),
    kind: path
      .basename(file)
      .replace(/^\d+-/, '')
      .replace(/\.eml$/, ''),
    date: new Date(headers.date),
    to: (headers.to ?? '').split(',').map((s) => s.trim().replace(/^.*</, '').replace(/>$/, '')),
    subject: decodeWords(headers.subject ?? ''),
    text: textPart ? Buffer.from(textPart[1].replace(/\s+/g, ''), 'base64').toString('utf8') : '',
  };
}
