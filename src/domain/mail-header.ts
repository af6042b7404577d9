/**
 * Mail headers (subject, sender name) are one line of bounded length.
 *
 * A header with a line break or a control character would be refused by MailApp or, worse,
 * split into a forged header; a subject longer than Google's documented 250 characters is
 * refused with "Argument too large: subject". Every header goes through these functions.
 */

/** Google documents 250 characters as the longest subject GmailApp/MailApp accept. */
export const SUBJECT_MAX = 250;

/** Control characters (C0, DEL, C1) and the Unicode line/paragraph separators. */
// eslint-disable-next-line no-control-regex
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * One line: CR, LF, tab and every other control character become one space, runs of
 * spaces collapse to one, and the ends are trimmed.
 */
export function singleLine(value: string): string {
  return value.replace(BREAKS, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Cuts a text to at most `max` characters, marking the cut with '…'. */
export function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  if (max <= 1) return '…'.slice(0, Math.max(0, max));
  return `${value.slice(0, max - 1).trimEnd()}…`;
}

/** A header as the mail adapter sends it: single line and at most `max` characters. */
export function headerLine(value: string, max = SUBJECT_MAX): string {
  return cut(singleLine(value), max);
}

/**
 * A subject from a template and its variable parts: the string parts are made single line
 * and, while the subject is too long, the longest of them is cut with '…' (never below the
 * next longest, so long parts share the cut) — the template's fixed words are never shortened. Only when no part can be cut further is the whole cut.
 */
export function fitSubject<A extends unknown[]>(
  template: (...args: A) => string,
  args: A,
  max = SUBJECT_MAX,
): string {
  const parts = args.map((a) => (typeof a === 'string' ? singleLine(a) : a)) as A;
  let subject = singleLine(template(...parts));
  while (subject.length > max) {
    const order = parts
      .map((p, i) => ({ i, n: typeof p === 'string' ? p.length : 0 }))
      .filter((x) => x.n > 1)
      .sort((a, b) => b.n - a.n);
    if (order.length === 0) break;
    const [longest, second] = order;
    const p = parts[longest.i] as string;
    // Cut the longest by the overshoot, but not below the next longest, so that two long
    // parts share the cut; at least one character per round (a part used twice needs more).
    let target = Math.max(p.length - (subject.length - max), second?.n ?? 1, 1);
    if (target >= p.length) target = p.length - 1;
    parts[longest.i] = cut(p, target);
    subject = singleLine(template(...parts));
  }
  return headerLine(subject, max);
}
