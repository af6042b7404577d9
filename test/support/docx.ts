/**
 * Reads a .docx as a person would see it: the page (size, margins), and the body in order —
 * paragraphs as text, tables as their column widths and rows of cell texts (with whether a cell
 * holds a picture). Only what report tests look at; points throughout (Word stores twips).
 */
import * as fs from 'node:fs';
import JSZip from 'jszip';

export interface DocxTable {
  kind: 'table';
  /** Column widths from the table grid, in points. */
  widths: number[];
  rows: { text: string; image: boolean }[][];
}
export interface DocxParagraph {
  kind: 'paragraph';
  text: string;
}
export interface Docx {
  page: { width: number; height: number; left: number; right: number };
  /** The width a line may take: page less margins. */
  line: number;
  blocks: (DocxParagraph | DocxTable)[];
}

const attr = (xml: string, name: string) => {
  const m = new RegExp(`${name}="([^"]*)"`).exec(xml);
  return m ? Number(m[1]) : NaN;
};

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function paragraphText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
    .map((m) => (m[0] === '<w:br/>' ? '\n' : decode(m[1])))
    .join('');
}

/** The top-level elements of the body (or of a cell), in order, with nested tables kept whole. */
function topLevel(xml: string): string[] {
  const out: string[] = [];
  const re = /<w:(p|tbl)[ >]|<\/w:(p|tbl)>|<w:p\/>/g;
  let depth = 0;
  let start = 0;
  for (const m of xml.matchAll(re)) {
    if (m[0] === '<w:p/>') {
      if (depth === 0) out.push(m[0]);
      continue;
    }
    if (m[1]) {
      if (depth === 0) start = m.index;
      depth += 1;
    } else {
      depth -= 1;
      if (depth === 0) out.push(xml.slice(start, m.index + m[0].length));
    }
  }
  return out;
}

function table(xml: string): DocxTable {
  const widths = [...xml.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]) / 20);
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => ({
      text: topLevel(cell[0])
        .filter((b) => b.startsWith('<w:p'))
        .map(paragraphText)
        .join('\n'),
      image: cell[0].includes('<w:drawing>'),
    })),
  );
  return { kind: 'table', widths, rows };
}

export async function readDocx(file: string): Promise<Docx> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const size = /<w:pgSz [^>]*\/>/.exec(xml)?.[0] ?? '';
  const margin = /<w:pgMar [^>]*\/>/.exec(xml)?.[0] ?? '';
  const page = {
    width: attr(size, 'w:w') / 20,
    height: attr(size, 'w:h') / 20,
    left: attr(margin, 'w:left') / 20,
    right: attr(margin, 'w:right') / 20,
  };
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? '';
  const blocks = topLevel(body).map((b) =>
    b.startsWith('<w:tbl')
      ? table(b)
      : ({ kind: 'paragraph', text: paragraphText(b) } as DocxParagraph),
  );
  return { page, line: page.width - page.left - page.right, blocks };
}
