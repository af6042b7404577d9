import { NOT_FOUND } from './forms';
import { cellNeed, CELL_PADDING, columnWidths } from '../domain/table-layout';
import type { ChartBar, DocBlock, DocDraft, DocsPort, MailAttachment } from '../ports';

type Body = GoogleAppsScript.Document.Body;
type Table = GoogleAppsScript.Document.Table;

/** A literal string as an RE2 pattern: replaceText and findText take regular expressions. */
export function escapePattern(literal: string): string {
  return literal.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/**
 * A literal replacement for replaceText: a `$` or `\` in the value may be read as a group
 * reference or an escape (apps-script-facts.md, unverified), so both are escaped.
 */
export function escapeReplacement(literal: string): string {
  return literal.replace(/[\\$]/g, '\\$&');
}

function heading(kind: DocBlock['kind']): GoogleAppsScript.Document.ParagraphHeading | null {
  switch (kind) {
    case 'title':
      return DocumentApp.ParagraphHeading.TITLE;
    case 'subtitle':
      return DocumentApp.ParagraphHeading.SUBTITLE;
    case 'heading':
      return DocumentApp.ParagraphHeading.HEADING1;
    case 'subheading':
      return DocumentApp.ParagraphHeading.HEADING2;
    default:
      return null;
  }
}

/** The width a table may take: the page less its margins (points). */
function lineWidth(body: Body): number {
  return body.getPageWidth() - body.getMarginLeft() - body.getMarginRight();
}

/**
 * Bold header rows and columns sized by content: Docs gives a new table equal columns, which
 * breaks ids and dates in narrow ones (one setColumnWidth per column, never per row).
 */
function styleTable(
  table: Table,
  cells: readonly (readonly string[])[],
  headerRows: number,
  line: number,
): void {
  table.setBorderWidth(1);
  for (let r = 0; r < headerRows; r++) {
    table.getRow(r).editAsText().setBold(true);
  }
  columnWidths(cells, headerRows, line).forEach((width, c) => table.setColumnWidth(c, width));
}

/** Apps Script blobs take signed bytes (Java's byte), not 0–255. */
function pngBlob(png: Uint8Array, name: string): GoogleAppsScript.Base.Blob {
  const bytes = Array.from(png, (b) => (b > 127 ? b - 256 : b));
  return Utilities.newBlob(bytes, 'image/png', name);
}

function draftOf(file: GoogleAppsScript.Drive.File): DocDraft {
  const doc = DocumentApp.openById(file.getId());
  const body: Body = doc.getBody();
  let tables: Table[] | null = null;
  const allTables = () => (tables ??= body.getTables());
  let width: number | null = null;
  const line = () => (width ??= lineWidth(body));
  return {
    id: file.getId(),
    url: doc.getUrl(),
    text: () => body.getText(),
    tableTexts: () => allTables().map((t) => t.getText()),
    tableCells(index: number): string[][] {
      const table = allTables()[index];
      const rows: string[][] = [];
      for (let r = 0, height = table.getNumRows(); r < height; r++) {
        const row = table.getRow(r);
        const cells: string[] = [];
        for (let c = 0, width = row.getNumCells(); c < width; c++) {
          cells.push(row.getCell(c).getText());
        }
        rows.push(cells);
      }
      return rows;
    },
    replace(token: string, value: string): void {
      body.replaceText(escapePattern(token), escapeReplacement(value));
    },
    replaceTable(index: number, cells: string[][], headerRows: number): void {
      const old = allTables()[index];
      // One insertTable per table (never a call per row): the new table takes the old one's place.
      const table = body.insertTable(body.getChildIndex(old), cells);
      old.removeFromParent();
      styleTable(table, cells, headerRows, line());
    },
    placeBarChart(token: string, bars: readonly ChartBar[]): boolean {
      const found = body.findText(escapePattern(token));
      if (!found || bars.length === 0) return false;
      const paragraph = found.getElement().getParent().asParagraph();
      if (paragraph.getParent().getType() !== DocumentApp.ElementType.BODY_SECTION) return false;
      const cells = bars.map((bar) => [bar.label, '', bar.value]);
      const table = body.insertTable(body.getChildIndex(paragraph), cells);
      table.setBorderWidth(0);
      // Label and value as wide as their longest text; the bar column as wide as the bars (Docs
      // sizes images in pixels, 96 per inch: 0.75 pt each).
      const widest = (c: number) =>
        Math.max(...cells.map((row) => cellNeed(row[c], false, line()).full)) + CELL_PADDING;
      table.setColumnWidth(0, widest(0));
      table.setColumnWidth(1, Math.max(...bars.map((b) => b.width)) * 0.75 + CELL_PADDING);
      table.setColumnWidth(2, widest(2));
      bars.forEach((bar, r) => {
        table
          .getCell(r, 1)
          .getChild(0)
          .asParagraph()
          .appendInlineImage(pngBlob(bar.png, `bar-${r + 1}.png`))
          .setWidth(bar.width)
          .setHeight(bar.height);
      });
      // The chart takes the token's paragraph's place (a section cannot end with a table: then
      // the emptied paragraph stays).
      if (paragraph.getNextSibling()) paragraph.removeFromParent();
      else paragraph.replaceText(escapePattern(token), '');
      return true;
    },
    save: () => doc.saveAndClose(),
    pdf(fileName: string): MailAttachment {
      return { name: fileName, handle: file.getAs('application/pdf').setName(fileName) };
    },
    trash: () => {
      file.setTrashed(true);
    },
  };
}

export const gasDocs: DocsPort = {
  folderExists(id: string): boolean {
    try {
      return !DriveApp.getFolderById(id).isTrashed();
    } catch (error) {
      // No such folder, or no access to it: reports go to a folder of our own. Any other error is
      // transient and thrown (the next run retries) rather than taken for "deleted".
      if (NOT_FOUND.test(String(error))) return false;
      throw error;
    }
  },
  createFolder(name: string): string {
    return DriveApp.createFolder(name).getId();
  },
  documentExists(id: string): boolean {
    try {
      return !DriveApp.getFileById(id).isTrashed();
    } catch (error) {
      // Only "not found" means gone: a staff-edited template must never be replaced after a
      // transient Drive error.
      if (NOT_FOUND.test(String(error))) return false;
      throw error;
    }
  },
  createDocument(name: string, folderId: string, blocks: readonly DocBlock[]): string {
    const doc = DocumentApp.create(name);
    const body = doc.getBody();
    const line = lineWidth(body);
    // A new Doc starts with one empty paragraph: the first block goes into it.
    let first: GoogleAppsScript.Document.Paragraph | null = body.getChild(0).asParagraph();
    for (const block of blocks) {
      if (block.kind === 'table') {
        styleTable(body.appendTable(block.rows), block.rows, block.headerRows ?? 0, line);
        first = null;
        continue;
      }
      let paragraph: GoogleAppsScript.Document.Paragraph;
      if (first) {
        first.setText(block.text);
        paragraph = first;
        first = null;
      } else paragraph = body.appendParagraph(block.text);
      const style = heading(block.kind);
      if (style) paragraph.setHeading(style);
      if (block.kind === 'title' || block.kind === 'subtitle' || block.kind === 'caption') {
        paragraph.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
      }
    }
    doc.saveAndClose();
    DriveApp.getFileById(doc.getId()).moveTo(DriveApp.getFolderById(folderId));
    return doc.getId();
  },
  copyDocument(templateId: string, name: string, folderId: string): DocDraft {
    const copy = DriveApp.getFileById(templateId).makeCopy(name, DriveApp.getFolderById(folderId));
    try {
      return draftOf(copy);
    } catch (error) {
      copy.setTrashed(true);
      throw error;
    }
  },
};
