import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutboxAttachment, SentMessage } from '../emulator/mail-app';
import { formatJavaDate } from '../emulator/utilities';

/**
 * Writes the emulator's outbox as RFC 5322 / MIME messages that any mail client opens: UTF-8
 * everywhere, non-ASCII headers as RFC 2047 encoded-words, every line under 78 characters, CRLF.
 */

const CRLF = '\r\n';
const MAX_LINE = 78;

export interface EmlOptions {
  /** The script's time zone: the Date header shows the send time with this zone's offset. */
  timeZone: string;
}

function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

function hash(...parts: (string | number)[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** Splits text into runs of whole characters of at most maxBytes UTF-8 bytes each. */
function utf8Chunks(text: string, maxBytes: number): string[] {
  const chunks: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > maxBytes && current !== '') {
      chunks.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/**
 * RFC 2047 B encoding. 42 bytes → 56 base64 characters → a 68-character word, which fits on the
 * first line even after "Subject: ".
 */
function encodedWords(text: string): string[] {
  return utf8Chunks(text, 42).map(
    (chunk) => `=?UTF-8?B?${Buffer.from(chunk, 'utf8').toString('base64')}?=`,
  );
}

/** Phrase (display name / subject) tokens: plain words when ASCII, encoded-words otherwise. */
function textTokens(text: string): string[] {
  if (text === '') return [];
  if (isAscii(text) && !/=\?/.test(text)) return text.split(/ +/).filter((w) => w !== '');
  return encodedWords(text);
}

function quotedName(name: string): string[] {
  if (isAscii(name) && !/=\?/.test(name)) {
    return [`"${name.replace(/(["\\])/g, '\\$1')}"`];
  }
  return encodedWords(name);
}

/** Folds tokens into `Name: tok tok` lines of at most 78 characters (RFC 5322 §2.2.3). */
function header(name: string, tokens: string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const token of tokens) {
    if (line.length + 1 + token.length > MAX_LINE && line.trim() !== `${name}:`) {
      lines.push(line);
      line = ` ${token}`;
    } else {
      line += ` ${token}`;
    }
  }
  lines.push(line);
  return lines.join(CRLF);
}

function addressListTokens(addresses: string[]): string[] {
  return addresses.map((a, i) => (i < addresses.length - 1 ? `${a},` : a));
}

function base64Lines(bytes: Buffer): string {
  const text = bytes.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 76) lines.push(text.slice(i, i + 76));
  return lines.join(CRLF);
}

/** RFC 2231 parameter, split into continuations so that no line passes 78 characters. */
function rfc2231Param(param: string, value: string): string[] {
  if (isAscii(value) && !/["\\]/.test(value) && value.length <= 60) return [`${param}="${value}"`];
  const encoded = Array.from(Buffer.from(value, 'utf8'), (b) => {
    const ch = String.fromCharCode(b);
    return /[A-Za-z0-9!#$&+.^_`|~-]/.test(ch)
      ? ch
      : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  });
  const segments: string[] = [];
  let current = "UTF-8''";
  for (const piece of encoded) {
    if (current.length + piece.length > 50) {
      segments.push(current);
      current = '';
    }
    current += piece;
  }
  segments.push(current);
  if (segments.length === 1) return [`${param}*=${segments[0]}`];
  return segments.map((segment, i) => `${param}*${i}*=${segment}`);
}

/** A header with parameters: `Content-Type: type;` then one parameter per folded line. */
function paramHeader(name: string, value: string, params: string[]): string {
  if (params.length === 0) return `${name}: ${value}`;
  return [
    `${name}: ${value};`,
    ...params.map((p, i) => ` ${p}${i < params.length - 1 ? ';' : ''}`),
  ].join(CRLF);
}

interface Part {
  headers: string[];
  body: string;
}

function textPart(subtype: 'plain' | 'html', text: string): Part {
  return {
    headers: [`Content-Type: text/${subtype}; charset=UTF-8`, 'Content-Transfer-Encoding: base64'],
    body: base64Lines(Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8')),
  };
}

function attachmentPart(
  file: OutboxAttachment,
  disposition: 'attachment' | 'inline',
  cid?: string,
): Part {
  // RFC 2231 (name*= / filename*=) carries a UTF-8 file name without encoded-words in quotes.
  const headers = [
    paramHeader('Content-Type', file.contentType, rfc2231Param('name', file.name)),
    paramHeader('Content-Disposition', disposition, rfc2231Param('filename', file.name)),
    'Content-Transfer-Encoding: base64',
  ];
  if (cid !== undefined) headers.push(`Content-ID: <${cid}>`);
  return { headers, body: base64Lines(file.bytes) };
}

function multipart(subtype: string, boundary: string, parts: Part[]): Part {
  const lines: string[] = [];
  for (const part of parts) {
    lines.push(`--${boundary}`, ...part.headers, '', part.body);
  }
  lines.push(`--${boundary}--`);
  return {
    headers: [paramHeader('Content-Type', `multipart/${subtype}`, [`boundary="${boundary}"`])],
    body: lines.join(CRLF),
  };
}

function messageId(message: SentMessage): string {
  const domain = message.from.split('@')[1] ?? 'localhost';
  const digest = hash(message.seq, message.sentAt, message.from, message.subject).slice(0, 20);
  return `<outbox-${String(message.seq).padStart(5, '0')}.${digest}@${domain}>`;
}

/** The message as an RFC 5322 document (CRLF line endings, 7-bit clean). */
export function toEml(message: SentMessage, options: EmlOptions): string {
  const seed = hash('boundary', message.seq, message.sentAt, message.subject).slice(0, 24);
  let n = 0;
  const boundary = (): string => `=_part_${seed}_${++n}`;

  let content: Part;
  const plain = textPart('plain', message.body);
  if (message.htmlBody !== null) {
    let html = textPart('html', message.htmlBody);
    if (message.inlineImages.length > 0) {
      html = multipart('related', boundary(), [
        html,
        ...message.inlineImages.map((img) => attachmentPart(img, 'inline', img.cid)),
      ]);
    }
    content = multipart('alternative', boundary(), [plain, html]);
  } else {
    content = plain;
  }
  if (message.attachments.length > 0) {
    content = multipart('mixed', boundary(), [
      content,
      ...message.attachments.map((file) => attachmentPart(file, 'attachment')),
    ]);
  }

  const headers: string[] = [
    header('Date', [
      formatJavaDate(message.sentAt, options.timeZone, 'EEE, dd MMM yyyy HH:mm:ss Z'),
    ]),
    header('From', [
      ...(message.name ? quotedName(message.name) : []),
      message.name ? `<${message.from}>` : message.from,
    ]),
  ];
  if (message.to.length > 0) headers.push(header('To', addressListTokens(message.to)));
  if (message.cc.length > 0) headers.push(header('Cc', addressListTokens(message.cc)));
  // The sender's copy keeps Bcc, as a Sent folder does, so reviewers see every recipient.
  if (message.bcc.length > 0) headers.push(header('Bcc', addressListTokens(message.bcc)));
  if (message.replyTo) headers.push(header('Reply-To', [message.replyTo]));
  headers.push(
    header('Subject', textTokens(message.subject)),
    header('Message-ID', [messageId(message)]),
    'MIME-Version: 1.0',
    ...content.headers,
  );
  return headers.join(CRLF) + CRLF + CRLF + content.body + CRLF;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/**
 * Writes `NNNNN-<kind or slug>.eml` files, numbered from 00001 in the given (send) order.
 * `kindOf` names a message (e.g. 'reminder' from the run log); otherwise the ASCII words of the
 * subject, or 'mail'. Returns the paths written.
 */
export function writeOutbox(
  messages: readonly SentMessage[],
  dir: string,
  timeZone: string,
  kindOf?: (message: SentMessage, index: number) => string | undefined,
): string[] {
  mkdirSync(dir, { recursive: true });
  return messages.map((message, index) => {
    const name = slug(kindOf?.(message, index) ?? '') || slug(message.subject) || 'mail';
    const path = join(dir, `${String(index + 1).padStart(5, '0')}-${name}.eml`);
    writeFileSync(path, toEml(message, { timeZone }), 'utf8');
    return path;
  });
}
