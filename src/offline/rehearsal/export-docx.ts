/**
 * Writes emulated Google Docs (the trees of document-model.ts) as .docx files that Word and
 * LibreOffice open: headings, paragraphs with bold / italic / size / colour, bordered tables
 * with cell shading and column widths, bullet and numbered lists, page breaks, horizontal rules,
 * PNG/JPEG/GIF images at their size, header and footer. Chinese renders through an East Asian
 * font set on the document defaults (SimSun, with the eastAsia font hint).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { Workspace } from '../emulator/core';
import { DocumentApp } from '../emulator/document-app';
import { runsOf, type Attrs, type DocNode, type DocTree } from '../emulator/document-model';

/** Chinese text needs an East Asian font; SimSun ships with Windows and maps to Noto/Fandol elsewhere. */
export const EAST_ASIA_FONT = 'SimSun';
/** Google Docs' default font. */
const LATIN_FONT = 'Arial';
const NUMBERED = 'emu-numbered';
/** Docs' default cell padding, 5 pt, in twentieths of a point. */
const CELL_PADDING_TWIPS = 100;

const HEADINGS: Record<string, IParagraphOptions['heading']> = {
  HEADING1: HeadingLevel.HEADING_1,
  HEADING2: HeadingLevel.HEADING_2,
  HEADING3: HeadingLevel.HEADING_3,
  HEADING4: HeadingLevel.HEADING_4,
  HEADING5: HeadingLevel.HEADING_5,
  HEADING6: HeadingLevel.HEADING_6,
  TITLE: HeadingLevel.TITLE,
};

const ALIGNMENTS: Record<string, IParagraphOptions['alignment']> = {
  LEFT: AlignmentType.LEFT,
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  JUSTIFY: AlignmentType.JUSTIFIED,
};

const NUMBER_FORMATS: Record<string, (typeof LevelFormat)[keyof typeof LevelFormat]> = {
  NUMBER: LevelFormat.DECIMAL,
  LATIN_UPPER: LevelFormat.UPPER_LETTER,
  LATIN_LOWER: LevelFormat.LOWER_LETTER,
  ROMAN_UPPER: LevelFormat.UPPER_ROMAN,
  ROMAN_LOWER: LevelFormat.LOWER_ROMAN,
};

/** Google Docs' heading sizes (points). */
const HEADING_SIZES = {
  title: 26,
  heading1: 20,
  heading2: 16,
  heading3: 14,
  heading4: 12,
  heading5: 11,
  heading6: 11,
};

function hex(color: unknown): string | undefined {
  return typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color)
    ? color.slice(1).toUpperCase()
    : undefined;
}

/** Page geometry of the body in points (Docs' defaults: US Letter, one-inch margins). */
interface Page {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function pageOf(body: DocNode): Page {
  const n = (key: string, fallback: number) => {
    const v = body.attrs[key];
    return typeof v === 'number' && v > 0 ? v : fallback;
  };
  return {
    width: n('PAGE_WIDTH', 612),
    height: n('PAGE_HEIGHT', 792),
    top: n('MARGIN_TOP', 72),
    bottom: n('MARGIN_BOTTOM', 72),
    left: n('MARGIN_LEFT', 72),
    right: n('MARGIN_RIGHT', 72),
  };
}

class Writer {
  /** List ids in order of appearance: each numbered list is one docx numbering instance. */
  private readonly lists = new Map<string, number>();

  constructor(
    /** Width available to content, in points. */
    private readonly contentWidth: number,
  ) {}

  blocks(section: DocNode, width = this.contentWidth): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [];
    for (const child of section.children) {
      if (child.type === 'TABLE') {
        const table = this.table(child, width);
        if (table) out.push(table);
      } else if (child.type === 'PARAGRAPH' || child.type === 'LIST_ITEM') {
        out.push(this.paragraph(child, width));
      }
    }
    return out;
  }

  private runOptions(attrs: Attrs): IRunOptions {
    const family = typeof attrs.FONT_FAMILY === 'string' ? attrs.FONT_FAMILY : undefined;
    const size = typeof attrs.FONT_SIZE === 'number' ? Math.round(attrs.FONT_SIZE * 2) : undefined;
    const background = hex(attrs.BACKGROUND_COLOR);
    return {
      ...(attrs.BOLD === true ? { bold: true } : {}),
      ...(attrs.ITALIC === true ? { italics: true } : {}),
      ...(attrs.UNDERLINE === true ? { underline: {} } : {}),
      ...(attrs.STRIKETHROUGH === true ? { strike: true } : {}),
      ...(size ? { size } : {}),
      ...(hex(attrs.FOREGROUND_COLOR) ? { color: hex(attrs.FOREGROUND_COLOR) } : {}),
      // A Latin font name keeps the East Asian font for Chinese characters.
      ...(family
        ? /[^\x20-\x7e]/.test(family)
          ? { font: { ascii: family, hAnsi: family, eastAsia: family, cs: family } }
          : { font: { ascii: family, hAnsi: family, cs: family, eastAsia: EAST_ASIA_FONT } }
        : {}),
      ...(background
        ? { shading: { type: ShadingType.CLEAR, fill: background, color: 'auto' } }
        : {}),
    };
  }

  private textRuns(node: DocNode): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const run of runsOf(node)) {
      // Docs shows '\r' (and '\n' from appendParagraph text) inside a paragraph as a line break.
      run.text.split(/\r\n|[\r\n\v]/).forEach((line, i) => {
        out.push(
          new TextRun({
            ...this.runOptions(run.attrs),
            text: line,
            ...(i > 0 ? { break: 1 } : {}),
          }),
        );
      });
    }
    return out;
  }

  private image(node: DocNode, maxWidthPt: number): ParagraphChild | null {
    const image = node.image;
    if (!image) return null;
    const type = (
      { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/bmp': 'bmp' } as const
    )[image.contentType as 'image/png'];
    if (!type) return new TextRun({ text: `[${image.contentType} image]` });
    // Docs' image sizes are pixels at 96 per inch; Word would let a wider image overflow the page.
    const maxPx = (maxWidthPt * 96) / 72;
    const scale = image.width > maxPx ? maxPx / image.width : 1;
    return new ImageRun({
      type,
      data: image.data,
      transformation: {
        width: Math.round(image.width * scale),
        height: Math.round(image.height * scale),
      },
      ...(typeof node.attrs.ALT_TITLE === 'string'
        ? { altText: { name: node.attrs.ALT_TITLE } }
        : {}),
    });
  }

  private paragraph(node: DocNode, width: number): Paragraph {
    const children: ParagraphChild[] = [];
    let rule = false;
    for (const child of node.children) {
      if (child.type === 'TEXT') children.push(...this.textRuns(child));
      else if (child.type === 'INLINE_IMAGE') {
        const image = this.image(child, width);
        if (image) children.push(image);
      } else if (child.type === 'PAGE_BREAK') children.push(new PageBreak());
      else if (child.type === 'HORIZONTAL_RULE') rule = true;
    }
    const heading = String(node.attrs.HEADING ?? 'NORMAL');
    const options: IParagraphOptions = {
      children,
      ...(HEADINGS[heading] ? { heading: HEADINGS[heading] } : {}),
      ...(heading === 'SUBTITLE' ? { style: 'Subtitle' } : {}),
      ...(ALIGNMENTS[String(node.attrs.HORIZONTAL_ALIGNMENT)]
        ? { alignment: ALIGNMENTS[String(node.attrs.HORIZONTAL_ALIGNMENT)] }
        : {}),
      ...(rule
        ? { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'A0A0A0', space: 1 } } }
        : {}),
      ...this.listOptions(node),
    };
    return new Paragraph(options);
  }

  private listOptions(node: DocNode): Partial<IParagraphOptions> {
    if (node.type !== 'LIST_ITEM') return {};
    const level = Math.min(8, Math.max(0, Number(node.attrs.NESTING_LEVEL ?? 0)));
    const glyph = String(node.attrs.GLYPH_TYPE ?? 'NUMBER');
    if (!NUMBER_FORMATS[glyph]) return { bullet: { level } };
    const listId = String(node.attrs.LIST_ID ?? '');
    if (!this.lists.has(listId)) this.lists.set(listId, this.lists.size + 1);
    return {
      numbering: { reference: `${NUMBERED}-${glyph}`, level, instance: this.lists.get(listId) },
    };
  }

  private table(node: DocNode, width: number): Table | null {
    const rows = node.children.filter((r) => r.children.length > 0);
    if (rows.length === 0) return null;
    const columns = Math.max(...rows.map((r) => r.children.length));
    // Columns the script sized keep their width; the others share what is left of the line.
    const set = Array.from({ length: columns }, (_, i) => node.columnWidths[i] ?? null);
    const fixed = set.reduce<number>((n, w) => n + (w ?? 0), 0);
    const free = set.filter((w) => w === null).length;
    const share = free > 0 ? Math.max(36, (width - fixed) / free) : 0;
    const widthsPt = set.map((w) => w ?? share);
    const borderWidth = typeof node.attrs.BORDER_WIDTH === 'number' ? node.attrs.BORDER_WIDTH : 1;
    const border =
      borderWidth > 0
        ? {
            style: BorderStyle.SINGLE,
            size: Math.max(2, Math.round(borderWidth * 8)),
            color: hex(node.attrs.BORDER_COLOR) ?? '000000',
          }
        : { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    return new Table({
      columnWidths: widthsPt.map((w) => Math.round(w * 20)),
      width: { size: Math.round(widthsPt.reduce((a, b) => a + b, 0) * 20), type: WidthType.DXA },
      // Docs keeps the widths setColumnWidth gave; Word's autofit would resize the columns.
      layout: TableLayoutType.FIXED,
      // Docs pads every cell by 5 pt (Word's default is 5.4 pt left and right, none above).
      margins: {
        marginUnitType: WidthType.DXA,
        top: CELL_PADDING_TWIPS,
        bottom: CELL_PADDING_TWIPS,
        left: CELL_PADDING_TWIPS,
        right: CELL_PADDING_TWIPS,
      },
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
      rows: rows.map((row) => {
        const cells = row.children.map((cell, i) => this.cell(cell, widthsPt[i]));
        // Docs allows rows of different lengths; docx tables are padded to the widest row.
        for (let i = cells.length; i < columns; i++) {
          cells.push(
            new TableCell({
              children: [new Paragraph({})],
              width: { size: Math.round(widthsPt[i] * 20), type: WidthType.DXA },
            }),
          );
        }
        const min = row.attrs.MINIMUM_HEIGHT;
        return new TableRow({
          children: cells,
          ...(typeof min === 'number' && min > 0
            ? { height: { value: Math.round(min * 20), rule: 'atLeast' as const } }
            : {}),
        });
      }),
    });
  }

  private cell(node: DocNode, widthPt: number): TableCell {
    const blocks = this.blocks(node, widthPt - 10);
    const fill = hex(node.attrs.BACKGROUND_COLOR);
    const valign = String(node.attrs.VERTICAL_ALIGNMENT ?? '');
    const pad = (key: string) => {
      const v = node.attrs[key];
      return typeof v === 'number' && v >= 0 ? Math.round(v * 20) : undefined;
    };
    const own = {
      top: pad('PADDING_TOP'),
      bottom: pad('PADDING_BOTTOM'),
      left: pad('PADDING_LEFT'),
      right: pad('PADDING_RIGHT'),
    };
    const padded = Object.values(own).some((v) => v !== undefined);
    return new TableCell({
      ...(padded
        ? {
            margins: {
              marginUnitType: WidthType.DXA,
              top: own.top ?? CELL_PADDING_TWIPS,
              bottom: own.bottom ?? CELL_PADDING_TWIPS,
              left: own.left ?? CELL_PADDING_TWIPS,
              right: own.right ?? CELL_PADDING_TWIPS,
            },
          }
        : {}),
      // A docx cell must end with a paragraph.
      children:
        blocks.length > 0 && blocks[blocks.length - 1] instanceof Paragraph
          ? blocks
          : [...blocks, new Paragraph({})],
      width: { size: Math.round(widthPt * 20), type: WidthType.DXA },
      ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
      ...(valign === 'CENTER'
        ? { verticalAlign: VerticalAlignTable.CENTER }
        : valign === 'BOTTOM'
          ? { verticalAlign: VerticalAlignTable.BOTTOM }
          : {}),
    });
  }
}

function headingStyle(size: number) {
  return {
    run: {
      size: size * 2,
      color: '000000',
      font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: EAST_ASIA_FONT, hint: 'eastAsia' },
    },
    paragraph: { spacing: { before: 240, after: 120 } },
  };
}

/** The .docx bytes of one Doc. */
export async function docxBuffer(tree: DocTree, title = ''): Promise<Buffer> {
  const page = pageOf(tree.body);
  const contentWidth = page.width - page.left - page.right;
  const writer = new Writer(contentWidth);
  const children = writer.blocks(tree.body);
  const header = tree.header ? writer.blocks(tree.header) : null;
  const footer = tree.footer ? writer.blocks(tree.footer) : null;
  const doc = new Document({
    title,
    creator: 'campaign-engine rehearsal',
    styles: {
      default: {
        document: {
          run: {
            font: {
              ascii: LATIN_FONT,
              hAnsi: LATIN_FONT,
              eastAsia: EAST_ASIA_FONT,
              cs: LATIN_FONT,
              hint: 'eastAsia',
            },
            size: 22,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
        },
        title: headingStyle(HEADING_SIZES.title),
        heading1: headingStyle(HEADING_SIZES.heading1),
        heading2: headingStyle(HEADING_SIZES.heading2),
        heading3: headingStyle(HEADING_SIZES.heading3),
        heading4: headingStyle(HEADING_SIZES.heading4),
        heading5: headingStyle(HEADING_SIZES.heading5),
        heading6: headingStyle(HEADING_SIZES.heading6),
      },
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 30, color: '666666' },
          paragraph: { spacing: { after: 240 } },
        },
      ],
    },
    numbering: {
      config: Object.entries(NUMBER_FORMATS).map(([glyph, format]) => ({
        reference: `${NUMBERED}-${glyph}`,
        levels: Array.from({ length: 9 }, (_, level) => ({
          level,
          format,
          text: `%${level + 1}.`,
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
        })),
      })),
    },
    sections: [
      {
        properties: {
          page: {
            // A page wider than high is landscape (the docx package swaps the two back).
            size:
              page.width > page.height
                ? {
                    width: Math.round(page.height * 20),
                    height: Math.round(page.width * 20),
                    orientation: PageOrientation.LANDSCAPE,
                  }
                : { width: Math.round(page.width * 20), height: Math.round(page.height * 20) },
            margin: {
              top: Math.round(page.top * 20),
              bottom: Math.round(page.bottom * 20),
              left: Math.round(page.left * 20),
              right: Math.round(page.right * 20),
            },
          },
        },
        ...(header ? { headers: { default: new Header({ children: header }) } } : {}),
        ...(footer ? { footers: { default: new Footer({ children: footer }) } } : {}),
        children: children.length > 0 ? children : [new Paragraph({})],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function exportDocx(tree: DocTree, filePath: string, title = ''): Promise<void> {
  await mkdir(dirname(filePath), { recursive: true });
  await writeFile(filePath, await docxBuffer(tree, title));
}

/** A file name from a Doc name: Chinese kept; / \ : * ? " < > | and control characters removed. */
export function safeFileName(name: string): string {
  const cleaned = Array.from(name, (ch) => (ch.charCodeAt(0) < 0x20 || ch === '\x7f' ? '' : ch))
    .join('')
    .replace(/[/\\:*?"<>|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return (cleaned.replace(/^\.+/, '') || 'untitled').slice(0, 120);
}

/**
 * Every Doc that is not in the trash, in creation order, as `<NN>-<name>.docx` in `dir`
 * (NN from 01; more digits when there are 100 or more). Returns the paths written.
 */
export async function exportReports(ws: Workspace, dir: string): Promise<string[]> {
  const docs = DocumentApp._documents(ws).filter((d) => !d.trashed);
  const digits = Math.max(2, String(docs.length).length);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [i, doc] of docs.entries()) {
    const file = join(dir, `${String(i + 1).padStart(digits, '0')}-${safeFileName(doc.name)}.docx`);
    await exportDocx(doc.tree, file, doc.name);
    written.push(file);
  }
  return written;
}
