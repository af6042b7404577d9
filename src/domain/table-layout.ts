/**
 * Column widths of a report table from its content, in points. Docs gives every column of a new
 * table the same width whatever it holds, so a 12-character id or a date in a narrow column wraps
 * mid-word (`SJX/M-/2014-/001`) while a prose column has room to spare. Here each column gets at
 * least what its unbreakable pieces need — a Latin word (ids, dates, numbers) whole, a short
 * Chinese term (up to TERM characters, e.g. 机关事业单位) whole, longer Chinese text in lines of at
 * least TERM characters, a header in at most two lines (never one character alone) — and the rest of the line goes to the
 * columns whose text would still wrap. Pure: no service calls.
 */

/** Chinese text up to this many characters is a term: never broken. */
export const TERM = 6;
/**
 * In a form table (label | `{{value}}`, a template not yet filled) labels up to this many
 * characters stay whole (`经费需求（万元）`): greedy line breaking would split them 6 + 2.
 */
export const LABEL_TERM = 8;
/** What a value still to come (`{{…}}`) is taken to need, in lines: a line or two of prose. */
const PLACEHOLDER_LINES = 1.25;
/**
 * A Latin word wider than this (points) may be broken — a URL or a pasted formula, never an id or
 * a date (`SJXM-2014-001` is about 83 pt).
 */
export const LONGEST_WORD = 110;
const LATIN_SPARE = 1.08;
/** Docs' default cell padding (5 pt each side) plus a border (shared by two cells). */
export const CELL_PADDING = 11;
/** Docs' default text size (Arial 11). */
export const FONT_SIZE = 11;

// Arial advance widths in em (Liberation Sans, which LibreOffice substitutes, has the same).
const NARROW = new Set([..."ijlI.,:;|!'’"]);
const SMALL = new Set([...'ftr()[]{}/\\-_ "']);
const WIDE = new Set([...'mwMW%@']);

/** A full-width character: CJK, full-width forms and Chinese punctuation (“” in a CJK font). */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0x2010 && c <= 0x201f) ||
    c >= 0x20000
  );
}

function charEm(ch: string): number {
  if (isWide(ch)) return 1;
  if (NARROW.has(ch)) return 0.28;
  if (SMALL.has(ch)) return 0.34;
  if (WIDE.has(ch)) return 0.86;
  if (/[0-9a-z]/.test(ch)) return 0.56;
  if (/[A-Z]/.test(ch)) return 0.68;
  return 0.6;
}

/** The width of text on one line, in points (bold text is about 6 % wider). */
export function textWidth(text: string, bold = false, size = FONT_SIZE): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * size * (bold ? 1.06 : 1);
}

/**
 * The pieces a line may not be broken inside: words split into runs of full-width and of other
 * characters — a line may break between two Chinese characters but never inside `SJXM-2014-001`
 * or `2014-05-20`.
 */
function pieces(text: string): { text: string; wide: boolean; done: boolean }[] {
  const out: { text: string; wide: boolean; done: boolean }[] = [];
  for (const word of text.split(/\s+/)) {
    for (const ch of word) {
      const wide = isWide(ch);
      const last = out[out.length - 1];
      if (last && last.wide === wide && !last.done) last.text += ch;
      else out.push({ text: ch, wide, done: false });
    }
    if (out.length > 0) out[out.length - 1].done = true;
  }
  return out;
}

export interface CellNeed {
  /** The narrowest the cell can be without breaking a word or a term. */
  min: number;
  /** Its width on one line. */
  full: number;
}

/**
 * What a cell needs. A cell holding a `{{placeholder}}` (a template's value still to come) needs
 * nothing but wants the whole line.
 */
export function cellNeed(
  text: string,
  header: boolean,
  line: number,
  term: number = TERM,
): CellNeed {
  if (text.includes('{{')) return { min: 0, full: line };
  let min = 0;
  let full = 0;
  for (const row of text.split(/\r?\n|\r/)) {
    full = Math.max(full, textWidth(row, header));
    for (const piece of pieces(row)) {
      const chars = [...piece.text];
      let keep = chars.length;
      if (piece.wide) {
        keep = header
          ? chars.length <= 3
            ? chars.length
            : Math.ceil(chars.length / 2)
          : chars.length <= term
            ? chars.length
            : Math.max(term, Math.ceil(chars.length / 3));
      }
      const width = textWidth(chars.slice(0, keep).join(''), header);
      // Latin text gets 8 % to spare: the viewer's Arial (or its substitute) and kerning differ.
      min = Math.max(min, piece.wide ? width : Math.min(width * LATIN_SPARE, LONGEST_WORD));
    }
  }
  return { min, full };
}

/** Width added per step when sharing out the rest of the line. */
const STEP = 2;

/**
 * Widths (points) for the columns of `cells` across `line` points: every column its minimum; then
 * the rest of the line, a little at a time, to the column whose cells wrap into the most lines on
 * average (one very long cell does not take it all); once no cell wraps, the spare width is shared
 * by content width. When even the minimums do not fit, they are scaled down (the caller should use
 * fewer columns or a wider page).
 */
export function columnWidths(
  cells: readonly (readonly string[])[],
  headerRows: number,
  line: number,
  padding = CELL_PADDING,
): number[] {
  const columns = Math.max(0, ...cells.map((r) => r.length));
  if (columns === 0) return [];
  const min = Array<number>(columns).fill(0);
  const full = Array<number>(columns).fill(0);
  /** Each column's one-line widths of its body cells. */
  const body: number[][] = Array.from({ length: columns }, () => []);
  /** Columns of values still to come: they ask for PLACEHOLDER_LINES, whatever their width. */
  const open = new Set<number>();
  const form = cells.some((row) => row.some((text) => String(text).includes('{{')));
  cells.forEach((row, r) =>
    row.forEach((text, c) => {
      if (String(text).includes('{{')) open.add(c);
      const need = cellNeed(String(text), r < headerRows, line, form ? LABEL_TERM : TERM);
      min[c] = Math.max(min[c], need.min);
      full[c] = Math.max(full[c], need.full);
      if (r >= headerRows && !String(text).includes('{{')) body[c].push(need.full);
    }),
  );
  const widths = min.map((w) => w + padding);
  const sumMin = widths.reduce((a, b) => a + b, 0);
  if (sumMin >= line) return widths.map((w) => (w * line) / sumMin);
  const meanLines = (c: number, w: number) =>
    open.has(c)
      ? PLACEHOLDER_LINES
      : body[c].reduce(
          (n, f) => n + Math.max(1, Math.ceil(f / Math.max(1, w - padding) - 1e-9)),
          0,
        ) / Math.max(1, body[c].length);
  let spare = line - sumMin;
  while (spare >= STEP) {
    let best = -1;
    let most = 1;
    for (let c = 0; c < columns; c++) {
      const lines = meanLines(c, widths[c]);
      if (lines > most) {
        most = lines;
        best = c;
      }
    }
    if (best < 0) break;
    widths[best] += STEP;
    spare -= STEP;
  }
  // Nothing wraps any more: the rest goes by content width, as a table filling the line.
  const sumFull = full.reduce((a, b) => a + b + padding, 0);
  const out = widths.map((w, c) => w + (spare * (full[c] + padding)) / sumFull);
  avoidOrphans(out, cells.slice(0, headerRows), min, padding);
  return out;
}

/**
 * Line breaking is greedy, so a width decides where a header breaks: 验收结论 in a column three
 * characters wide shows 验收结/论. Such a column is narrowed to break evenly when its content
 * allows, else widened to hold the header whole, the width moved from or to the column with the
 * most to spare. Counted generously (plain 11 pt characters, 10 pt padding), as a viewer fits them.
 */
function avoidOrphans(
  widths: number[],
  headers: readonly (readonly string[])[],
  min: number[],
  padding: number,
): void {
  const char = FONT_SIZE;
  const inner = padding - 1;
  const slack = (except: number) =>
    widths
      .map((w, c) => ({ c, free: c === except ? -1 : w - (min[c] + padding) }))
      .sort((a, b) => b.free - a.free)[0];
  headers.forEach((row) =>
    row.forEach((text, c) => {
      for (const piece of pieces(String(text))) {
        const n = [...piece.text].length;
        const perLine = Math.floor((widths[c] - inner) / char + 1e-9);
        if (!piece.wide || perLine <= 1 || perLine >= n || n % perLine !== 1) continue;
        const narrower = (perLine - 1) * char + inner + char / 2;
        const donor = slack(c);
        if (perLine - 1 >= Math.ceil(n / 2) && narrower >= min[c] + padding && donor) {
          widths[donor.c] += widths[c] - narrower;
          widths[c] = narrower;
        } else if (donor && donor.free >= n * char + inner + 1 - widths[c]) {
          const grow = n * char + inner + 1 - widths[c];
          widths[donor.c] -= grow;
          widths[c] += grow;
        }
      }
    }),
  );
}
