import { NOT_FOUND } from './forms';
import type { DocBlock, DocDraft, DocsPort, MailAttachment } from '../ports';

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

function styleTable(table: Table, headerRows: number): void {
  table.setBorderWidth(1);
  for (let r = 0; r < headerRows; r++) {
    table.getRow(r).editAsText().setBold(true);
  }
}

function draftOf(file: GoogleAppsScript.Drive.File): DocDraft {
  const doc = DocumentApp.openById(file.getId());
  const body: Body = doc.getBody();
  let tables: Table[] | null = null;
  const allTables = () => (tables ??= body.getTables());
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
      styleTable(table, headerRows);
    },
    placeImage(token: string, png: Uint8Array, width: number, height: number): boolean {
      const found = body.findText(escapePattern(token));
      if (!found) return false;
      const paragraph = found.getElement().getParent().asParagraph();
      // Apps Script blobs take signed bytes (Java's byte), not 0–255.
      const bytes = Array.from(png, (b) => (b > 127 ? b - 256 : b));
      const blob = Utilities.newBlob(bytes, 'image/png', 'chart.png');
      paragraph.replaceText(escapePattern(token), '');
      paragraph.appendInlineImage(blob).setWidth(width).setHeight(height);
      paragraph.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
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
    // A new Doc starts with one empty paragraph: the first block goes into it.
    let first: GoogleAppsScript.Document.Paragraph | null = body.getChild(0).asParagraph();
    for (const block of blocks) {
      if (block.kind === 'table') {
        styleTable(body.appendTable(block.rows), block.headerRows ?? 0);
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
