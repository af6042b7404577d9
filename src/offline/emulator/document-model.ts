/**
 * The stored content of emulated Google Docs: a plain tree (document → sections → paragraphs,
 * tables, …) that the DocumentApp fakes edit and the rehearsal's .docx exporter walks. No fake
 * objects here, only data and the text operations every element shares (flattening, regex
 * replacement, character attributes), plus the PDF stand-in.
 */

export type ElementTypeName =
  | 'BODY_SECTION'
  | 'HEADER_SECTION'
  | 'FOOTER_SECTION'
  | 'PARAGRAPH'
  | 'LIST_ITEM'
  | 'TABLE'
  | 'TABLE_ROW'
  | 'TABLE_CELL'
  | 'TEXT'
  | 'INLINE_IMAGE'
  | 'PAGE_BREAK'
  | 'HORIZONTAL_RULE';

export type AttrValue = string | number | boolean | null;
export type Attrs = Readonly<Record<string, AttrValue>>;

export interface ImageData {
  data: Buffer;
  contentType: string;
  name: string | null;
  /** Pixels, as InlineImage.getWidth() reports them. */
  width: number;
  height: number;
}

export interface DocNode {
  type: ElementTypeName;
  parent: DocNode | null;
  children: DocNode[];
  /** Element attributes (HEADING, HORIZONTAL_ALIGNMENT, BORDER_WIDTH, a cell's BACKGROUND_COLOR …). */
  attrs: Record<string, AttrValue>;
  /** TEXT: the characters. */
  text: string;
  /** TEXT: character attributes, one (shared, immutable) object per character. */
  chars: Attrs[];
  /** INLINE_IMAGE: the image. */
  image: ImageData | null;
  /** TABLE: column widths in points (null = automatic). */
  columnWidths: (number | null)[];
}

/** One Google Doc's content (the `tree` the exporter walks). */
export interface DocTree {
  body: DocNode;
  header: DocNode | null;
  footer: DocNode | null;
}

/** Attributes that belong to characters (Text); set on a container they apply to its text. */
export const CHAR_ATTRIBUTES = [
  'BACKGROUND_COLOR',
  'BOLD',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'ITALIC',
  'LINK_URL',
  'STRIKETHROUGH',
  'UNDERLINE',
] as const;

const PARAGRAPH_ATTRIBUTES = [
  'HEADING',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'SPACING_AFTER',
  'SPACING_BEFORE',
];

/** The element-level attributes each element type stores itself (the rest go to its text). */
export const OWN_ATTRIBUTES: Record<ElementTypeName, readonly string[]> = {
  BODY_SECTION: [
    'MARGIN_BOTTOM',
    'MARGIN_LEFT',
    'MARGIN_RIGHT',
    'MARGIN_TOP',
    'PAGE_HEIGHT',
    'PAGE_WIDTH',
  ],
  HEADER_SECTION: [],
  FOOTER_SECTION: [],
  PARAGRAPH: PARAGRAPH_ATTRIBUTES,
  LIST_ITEM: [...PARAGRAPH_ATTRIBUTES, 'GLYPH_TYPE', 'LIST_ID', 'NESTING_LEVEL'],
  TABLE: ['BORDER_COLOR', 'BORDER_WIDTH'],
  TABLE_ROW: ['MINIMUM_HEIGHT'],
  TABLE_CELL: [
    'BACKGROUND_COLOR',
    'PADDING_BOTTOM',
    'PADDING_LEFT',
    'PADDING_RIGHT',
    'PADDING_TOP',
    'VERTICAL_ALIGNMENT',
    'WIDTH',
  ],
  TEXT: [],
  INLINE_IMAGE: ['HEIGHT', 'WIDTH', 'LINK_URL'],
  PAGE_BREAK: [],
  HORIZONTAL_RULE: [],
};

export const SECTION_TYPES: readonly ElementTypeName[] = [
  'BODY_SECTION',
  'HEADER_SECTION',
  'FOOTER_SECTION',
  'TABLE_CELL',
];

const NO_ATTRS: Attrs = Object.freeze({});

export function newNode(type: ElementTypeName): DocNode {
  return {
    type,
    parent: null,
    children: [],
    attrs: {},
    text: '',
    chars: [],
    image: null,
    columnWidths: [],
  };
}

export function newText(text: string, attrs: Attrs = NO_ATTRS): DocNode {
  const node = newNode('TEXT');
  node.text = text;
  node.chars = Array<Attrs>(text.length).fill(attrs);
  return node;
}

/** A paragraph (or list item) holding `text`; an empty one has no Text child, as in Docs. */
export function newParagraph(text: string, type: 'PARAGRAPH' | 'LIST_ITEM' = 'PARAGRAPH'): DocNode {
  const node = newNode(type);
  if (type === 'PARAGRAPH') node.attrs.HEADING = 'NORMAL';
  else {
    node.attrs.HEADING = 'NORMAL';
    // Live Apps Script reads a default list item back as NUMBER after reopening the Doc (public
    // live-test suite, gas-fakes); the emulator uses NUMBER throughout (**assumption** for the
    // session that appended it).
    node.attrs.GLYPH_TYPE = 'NUMBER';
    node.attrs.NESTING_LEVEL = 0;
  }
  if (text !== '') attach(node, newText(text));
  return node;
}

export function newCell(text: string): DocNode {
  const cell = newNode('TABLE_CELL');
  attach(cell, newParagraph(text));
  return cell;
}

export function newTable(cells: readonly (readonly string[])[]): DocNode {
  const table = newNode('TABLE');
  table.attrs.BORDER_WIDTH = 1;
  table.attrs.BORDER_COLOR = '#000000';
  for (const rowValues of cells) {
    const row = newNode('TABLE_ROW');
    for (const value of rowValues) attach(row, newCell(String(value)));
    attach(table, row);
  }
  return table;
}

export function newSection(type: 'BODY_SECTION' | 'HEADER_SECTION' | 'FOOTER_SECTION'): DocNode {
  const section = newNode(type);
  // A new section always holds one empty paragraph (a new Doc's body is not empty).
  attach(section, newParagraph(''));
  return section;
}

export function newTree(): DocTree {
  return { body: newSection('BODY_SECTION'), header: null, footer: null };
}

export function attach(parent: DocNode, child: DocNode, index = parent.children.length): DocNode {
  child.parent = parent;
  parent.children.splice(index, 0, child);
  return child;
}

export function detach(child: DocNode): void {
  const parent = child.parent;
  if (!parent) return;
  const at = parent.children.indexOf(child);
  if (at >= 0) parent.children.splice(at, 1);
  child.parent = null;
}

/** A deep copy, detached. Character attribute objects are immutable and shared. */
export function cloneNode(node: DocNode): DocNode {
  const copy: DocNode = {
    type: node.type,
    parent: null,
    children: [],
    attrs: { ...node.attrs },
    text: node.text,
    chars: [...node.chars],
    image: node.image ? { ...node.image, data: Buffer.from(node.image.data) } : null,
    columnWidths: [...node.columnWidths],
  };
  for (const child of node.children) attach(copy, cloneNode(child));
  return copy;
}

export function cloneTree(tree: DocTree): DocTree {
  return {
    body: cloneNode(tree.body),
    header: tree.header ? cloneNode(tree.header) : null,
    footer: tree.footer ? cloneNode(tree.footer) : null,
  };
}

/** Descendants in document order (not the node itself). */
export function descendants(node: DocNode, out: DocNode[] = []): DocNode[] {
  for (const child of node.children) {
    out.push(child);
    descendants(child, out);
  }
  return out;
}

export function textNodes(node: DocNode): DocNode[] {
  return node.type === 'TEXT' ? [node] : descendants(node).filter((n) => n.type === 'TEXT');
}

// ------------------------------------------------------------------ flattened text

/** A container's text as getText() gives it: Text nodes and the separators between blocks. */
export type Piece = { node: DocNode } | { sep: string };

/**
 * Paragraphs of a section (and the cells of a row, the rows of a table) are joined by '\n', the
 * way Body.getText() shows paragraphs. For tables this is an assumption (see the fidelity notes).
 */
export function pieces(node: DocNode, out: Piece[] = []): Piece[] {
  switch (node.type) {
    case 'TEXT':
      out.push({ node });
      return out;
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      for (const child of node.children) if (child.type === 'TEXT') out.push({ node: child });
      return out;
    case 'INLINE_IMAGE':
    case 'PAGE_BREAK':
    case 'HORIZONTAL_RULE':
      return out;
    default:
      node.children.forEach((child, i) => {
        if (i > 0) out.push({ sep: '\n' });
        pieces(child, out);
      });
      return out;
  }
}

export function textOf(node: DocNode): string {
  return pieces(node)
    .map((p) => ('sep' in p ? p.sep : p.node.text))
    .join('');
}

/** Text segments (node, start offset in the flattened text) of a container. */
export function segments(node: DocNode): { node: DocNode; start: number }[] {
  const out: { node: DocNode; start: number }[] = [];
  let at = 0;
  for (const piece of pieces(node)) {
    if ('sep' in piece) at += piece.sep.length;
    else {
      out.push({ node: piece.node, start: at });
      at += piece.node.text.length;
    }
  }
  return out;
}

// ------------------------------------------------------------------ characters

/** Applies attribute changes to characters [start, endInclusive] of a Text node. */
export function setCharAttrs(
  node: DocNode,
  start: number,
  endInclusive: number,
  patch: Record<string, AttrValue>,
): void {
  const cache = new Map<Attrs, Attrs>();
  for (let i = Math.max(0, start); i <= Math.min(endInclusive, node.chars.length - 1); i++) {
    const old = node.chars[i];
    let updated = cache.get(old);
    if (!updated) {
      const next: Record<string, AttrValue> = { ...old };
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === undefined) delete next[key];
        else next[key] = value;
      }
      updated = Object.freeze(next);
      cache.set(old, updated);
    }
    node.chars[i] = updated;
  }
}

/** Replaces characters [start, end) of a Text node; new characters take the first replaced one's style. */
export function spliceText(node: DocNode, start: number, end: number, insert: string): void {
  const style = node.chars[start] ?? node.chars[start - 1] ?? node.chars[0] ?? NO_ATTRS;
  node.text = node.text.slice(0, start) + insert + node.text.slice(end);
  node.chars.splice(start, end - start, ...Array<Attrs>(insert.length).fill(style));
}

/** Consecutive characters with the same attributes (what the exporter writes as runs). */
export function runsOf(node: DocNode): { text: string; attrs: Attrs }[] {
  const runs: { text: string; attrs: Attrs }[] = [];
  for (let i = 0; i < node.text.length; i++) {
    const attrs = node.chars[i] ?? NO_ATTRS;
    const last = runs[runs.length - 1];
    if (last && (last.attrs === attrs || sameAttrs(last.attrs, attrs))) last.text += node.text[i];
    else runs.push({ text: node.text[i], attrs });
  }
  return runs;
}

function sameAttrs(a: Attrs, b: Attrs): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

// ------------------------------------------------------------------ regular expressions

/**
 * Apps Script takes an RE2 pattern as a string. RE2 is (for what templates use) a subset of
 * JavaScript's syntax; its inline `(?i)` / `(?s)` / `(?m)` flags become RegExp flags here.
 */
export function re2ToRegExp(pattern: string, global = true): RegExp {
  let source = String(pattern);
  let flags = global ? 'g' : '';
  const inline = /^\(\?([ims]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const f of inline[1]) if (!flags.includes(f)) flags += f;
  }
  try {
    return new RegExp(source, flags);
  } catch {
    // Emulator text: Apps Script reports an invalid RE2 pattern with its own wording.
    throw new Error(`Invalid argument: searchPattern (${pattern})`);
  }
}

/**
 * The replacement string as Java's Matcher (Apps Script's backend) reads it: `$n` is group n,
 * `\x` is the literal x (so `\$` is a dollar sign and `\\` a backslash). A `$` not followed by
 * a group number, or a group the pattern does not have, throws as Java does. Whether Apps Script's
 * replaceText really interprets the value like this is *unverified*; escaping `\` and `$` in
 * values is right under both readings except a literal-only one.
 */
export function expandReplacement(replacement: string, match: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i];
    if (ch === '\\') {
      i += 1;
      if (i >= replacement.length) throw new Error('character to be escaped is missing');
      out += replacement[i];
    } else if (ch === '$') {
      const digits = /^\d+/.exec(replacement.slice(i + 1));
      if (!digits) throw new Error('Illegal group reference');
      // Java takes the longest number that is still a valid group.
      let n = Number(digits[0][0]);
      let used = 1;
      while (used < digits[0].length && Number(digits[0].slice(0, used + 1)) < match.length) {
        n = Number(digits[0].slice(0, used + 1));
        used += 1;
      }
      if (n >= match.length) throw new Error(`No group ${n}`);
      out += match[n] ?? '';
      i += used;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Replaces every match inside one Text node (matches never span Text elements). */
export function replaceInTextNode(node: DocNode, regex: RegExp, replacement: string): number {
  const matches: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(node.text); m; m = regex.exec(node.text)) {
    matches.push(m);
    if (m[0] === '') regex.lastIndex += 1;
  }
  // Right to left, so earlier offsets stay valid.
  for (let k = matches.length - 1; k >= 0; k--) {
    const m = matches[k];
    spliceText(node, m.index, m.index + m[0].length, expandReplacement(replacement, m));
  }
  return matches.length;
}

// ------------------------------------------------------------------ images

/** Width and height of a PNG (IHDR) or JPEG (SOFn) image; null when unknown. */
export function imageSize(data: Buffer): { width: number; height: number } | null {
  if (
    data.length >= 24 &&
    data.readUInt32BE(0) === 0x89504e47 &&
    data.toString('latin1', 12, 16) === 'IHDR'
  ) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let at = 2;
    while (at + 9 < data.length) {
      if (data[at] !== 0xff) return null;
      const marker = data[at + 1];
      const length = data.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { width: data.readUInt16BE(at + 7), height: data.readUInt16BE(at + 5) };
      }
      at += 2 + length;
    }
  }
  if (data.length >= 10 && data.toString('latin1', 0, 3) === 'GIF') {
    return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  }
  return null;
}

// ------------------------------------------------------------------ PDF stand-in

/**
 * A small but valid PDF holding the document's text, one line per paragraph, wrapped at the
 * page width: a stand-in for Google's rendering (no tables, images or styles). Text is written
 * with the standard Adobe-GB1 CID font STSong-Light (UniGB-UCS2-H), which PDF viewers substitute,
 * so Chinese shows without embedding a font.
 */
export function renderPdf(tree: DocTree, title: string): Buffer {
  const lines: string[] = [];
  const addSection = (node: DocNode | null) => {
    if (!node) return;
    for (const line of textOf(node).split(/\r|\n/)) lines.push(...wrap(line, 40));
  };
  addSection(tree.header);
  addSection(tree.body);
  addSection(tree.footer);
  const perPage = 48;
  const pages: string[][] = [];
  for (let i = 0; i < Math.max(lines.length, 1); i += perPage)
    pages.push(lines.slice(i, i + perPage));

  const objects: string[] = [];
  // push returns the new length: the 1-based object number.
  const add = (body: string) => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const font = add(
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [' +
      `${objects.length + 2} 0 R] >>`,
  );
  add(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ' +
      `${objects.length + 2} 0 R /DW 1000 >>`,
  );
  add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>',
  );
  const kids: number[] = [];
  for (const pageLines of pages) {
    const ops = ['BT', '/F1 12 Tf', '15 TL', '50 792 Td'];
    for (const line of pageLines) ops.push(`T* <${utf16Hex(line)}> Tj`);
    ops.push('ET');
    const stream = ops.join('\n');
    const content = add(
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    );
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const info = add(
    `<< /Title <FEFF${utf16Hex(title)}> /Producer (campaign-engine offline emulator) >>`,
  );

  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, '0');
  return out.toUpperCase();
}

/** Wraps a line at `width` full-width characters (ASCII counts half). */
function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  let used = 0;
  for (const ch of line) {
    const w = ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
    if (used + w > width) {
      out.push(current);
      current = '';
      used = 0;
    }
    current += ch;
    used += w;
  }
  out.push(current);
  return out;
}
