import { Workspace } from '../../../src/offline/emulator/core';
import { createEmulator } from '../../../src/offline/emulator/index';
import { Sandbox } from '../../../src/offline/sandbox/sandbox';
import {
  DOCS_CREATE_QUOTA,
  DOCUMENT_MISSING,
  DocumentApp,
} from '../../../src/offline/emulator/document-app';
import {
  DOCUMENT_CLOSED,
  LAST_PARAGRAPH,
  NOT_DETACHED,
  type Paragraph,
  type Text,
} from '../../../src/offline/emulator/document-elements';
import { DriveApp } from '../../../src/offline/emulator/drive-app';
import { Utilities } from '../../../src/offline/emulator/utilities';
import { makePng } from './png';

const T0 = Date.parse('2014-05-20T01:00:00Z');
const ADMIN = 'admin@example.cn';

function setup(options: { mailDailyQuota?: number } = {}) {
  const ws = new Workspace({ now: T0, owner: ADMIN, ...options });
  const docs = new DocumentApp(ws);
  const drive = new DriveApp(ws);
  const run = <T>(fn: () => T): T => {
    const ex = ws.startExecution('t', 'manual');
    try {
      return ws.within(ex, fn);
    } finally {
      ws.endExecution(ex, undefined);
    }
  };
  return { ws, docs, drive, run };
}

describe('DocumentApp: documents', () => {
  test('create gives a Doc whose body holds one empty paragraph, listed in Drive root', () => {
    const { docs, drive, run } = setup();
    run(() => {
      const doc = docs.create('2014 年第一阶段总结');
      expect(doc.getName()).toBe('2014 年第一阶段总结');
      expect(doc.getId()).toHaveLength(44);
      expect(doc.getUrl()).toBe(`https://docs.google.com/open?id=${doc.getId()}`);
      expect(doc.getBody().getNumChildren()).toBe(1);
      expect(doc.getBody().getChild(0).getType()).toBe('PARAGRAPH');
      expect(doc.getBody().getText()).toBe('');
      const file = drive.getFileById(doc.getId());
      expect(file.getMimeType()).toBe('application/vnd.google-apps.document');
      expect(file.getParents().next().getId()).toBe(drive.getRootFolder().getId());
    });
  });

  test('openById / openByUrl reach the same content; an unknown id throws "Document is missing …"', () => {
    const { docs, run } = setup();
    run(() => {
      const doc = docs.create('x');
      doc.getBody().appendParagraph('hello');
      expect(docs.openById(doc.getId()).getBody().getText()).toBe('\nhello');
      expect(docs.openByUrl(doc.getUrl()).getId()).toBe(doc.getId());
      expect(docs.openByUrl(`https://docs.google.com/document/d/${doc.getId()}/edit`).getId()).toBe(
        doc.getId(),
      );
      expect(() => docs.openById('nope')).toThrow(DOCUMENT_MISSING);
      expect(docs.getActiveDocument()).toBeNull();
    });
  });

  test('create throws "Service invoked too many times for one day: docs create." past 250 a day on a consumer account', () => {
    const { ws, docs, run } = setup({ mailDailyQuota: 100 });
    run(() => {
      for (let i = 0; i < 250; i++) docs.create(`d${i}`);
      expect(() => docs.create('one too many')).toThrow(DOCS_CREATE_QUOTA);
    });
    expect(DocumentApp._documents(ws)).toHaveLength(250);
    // The next day the quota is back.
    ws.clock.advance(24 * 3600 * 1000);
    run(() => expect(docs.create('tomorrow').getName()).toBe('tomorrow'));
  });

  test('the Workspace quota is 1,500 Docs a day, and the host can override it', () => {
    const { ws, docs, run } = setup({ mailDailyQuota: 1500 });
    DocumentApp._setDailyCreateQuota(ws, 2);
    run(() => {
      docs.create('a');
      docs.create('b');
      expect(() => docs.create('c')).toThrow(DOCS_CREATE_QUOTA);
    });
    DocumentApp._setDailyCreateQuota(ws, null);
    run(() => {
      for (let i = 0; i < 1498; i++) docs.create(`d${i}`);
      expect(() => docs.create('over')).toThrow(DOCS_CREATE_QUOTA);
    });
  });

  test("getAs('application/pdf') gives a PDF blob (bytes start with %PDF) named after the Doc", () => {
    const { docs, run } = setup();
    const id = run(() => {
      const doc = docs.create('报告');
      doc.getBody().appendParagraph('Summary 总结');
      doc.saveAndClose();
      return doc.getId();
    });
    run(() => {
      const pdf = docs.openById(id).getAs('application/pdf');
      expect(pdf.getContentType()).toBe('application/pdf');
      expect(pdf.getName()).toBe('报告.pdf');
      const bytes = pdf._buffer();
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
      // The text is in the content stream as UTF-16 hex.
      expect(bytes.toString('latin1')).toContain('<00530075006D006D0061007200790020603B7ED3>');
      expect(() => docs.openById(id).getAs('text/plain')).toThrow('is not supported');
    });
  });

  test('a PDF taken before saveAndClose() shows the content as it was saved (the well-known stale-PDF quirk)', () => {
    const { docs, run } = setup();
    run(() => {
      const doc = docs.create('quirk');
      doc.getBody().appendParagraph('UNSAVED');
      expect(doc.getBlob()._buffer().toString('latin1')).not.toContain(
        '0055004E00530041005600450044',
      );
      doc.saveAndClose();
      expect(doc.getBlob()._buffer().toString('latin1')).toContain('0055004E00530041005600450044');
    });
  });

  test('edits through a Document after saveAndClose() throw', () => {
    const { docs, run } = setup();
    run(() => {
      const doc = docs.create('closed');
      const body = doc.getBody();
      doc.saveAndClose();
      expect(() => body.appendParagraph('late')).toThrow(DOCUMENT_CLOSED);
      // A new handle edits again.
      docs.openById(doc.getId()).getBody().appendParagraph('fine');
    });
  });

  test('header and footer have their own sections; getHeader() is null until addHeader()', () => {
    const { docs, run } = setup();
    run(() => {
      const doc = docs.create('h');
      expect(doc.getHeader()).toBeNull();
      doc.addHeader().appendParagraph('页眉');
      doc.addFooter().appendParagraph('第 1 页');
      expect(doc.getHeader()?.getText()).toBe('\n页眉');
      expect(doc.getFooter()?.getType()).toBe('FOOTER_SECTION');
      doc.getHeader()?.replaceText('页眉', 'Header');
      expect(doc.getHeader()?.getText()).toBe('\nHeader');
      expect(doc.getBody().getText()).toBe('');
    });
  });

  // Source: public live-test suite (gas-fakes), run against live Apps Script.
  test('a second addHeader() / addFooter() throws "Document tab already contains a header." / "...a footer." (gas-fakes live suite)', () => {
    const { docs, run } = setup();
    run(() => {
      const doc = docs.create('h2');
      doc.addHeader();
      doc.addFooter();
      expect(() => doc.addHeader()).toThrow(new Error('Document tab already contains a header.'));
      expect(() => doc.addFooter()).toThrow(new Error('Document tab already contains a footer.'));
    });
  });

  // Source: public live-test suite (gas-fakes), run against live Apps Script.
  test('Document.getViewers() keeps the owner, before and after addViewer (gas-fakes live suite)', () => {
    const { docs, run } = setup();
    run(() => {
      const doc = docs.create('v');
      const owner = doc.getEditors()[0].getEmail();
      expect(doc.getViewers().map((u) => u.getEmail())).toEqual([owner]);
      doc.addViewer('leader@example.cn');
      expect(doc.getViewers().map((u) => u.getEmail())).toEqual([owner, 'leader@example.cn']);
    });
  });
});

describe('DocumentApp: body, paragraphs, text', () => {
  test('appendParagraph / insertParagraph, headings, alignment, siblings and child indexes', () => {
    const { docs, run } = setup();
    run(() => {
      const body = docs.create('p').getBody();
      const title = body
        .appendParagraph('标题')
        .setHeading(DocumentApp.gasEnums.ParagraphHeading.HEADING1 as never);
      const text = body.appendParagraph('正文');
      body.insertParagraph(0, 'first');
      expect(body.getText()).toBe('first\n\n标题\n正文');
      expect(title.getHeading()).toBe('HEADING1');
      expect(text.getHeading()).toBe('NORMAL');
      text.setAlignment('CENTER' as never);
      expect(text.getAlignment()).toBe('CENTER');
      expect(body.getChildIndex(text)).toBe(3);
      expect((text.getPreviousSibling() as Paragraph).getText()).toBe('标题');
      expect(text.getNextSibling()).toBeNull();
      expect(body.getParagraphs().map((p) => p.getText())).toEqual(['first', '', '标题', '正文']);
      expect(() => body.getChild(4)).toThrow(
        'Child index (4) must be less than the number of child elements (4).',
      );
    });
  });

  test('asTable() on a paragraph throws; asParagraph() on it returns it', () => {
    const { docs, run } = setup();
    run(() => {
      const body = docs.create('cast').getBody();
      const child = body.getChild(0);
      expect(() => child.asTable()).toThrow('Cannot cast Paragraph to Table.');
      expect(child.asParagraph().getType()).toBe('PARAGRAPH');
    });
  });

  test('the section\'s last paragraph cannot be removed: "Can\'t remove the last paragraph in a document section."', () => {
    const { docs, run } = setup();
    run(() => {
      const body = docs.create('last').getBody();
      expect(() => body.getChild(0).removeFromParent()).toThrow(LAST_PARAGRAPH);
      body.appendParagraph('content');
      body.getChild(0).removeFromParent(); // the initial empty paragraph, now that there is another
      expect(body.getText()).toBe('content');
      body.appendTable([['a']]);
      // A section may not end with a table: Docs keeps a paragraph after it, which stays.
      expect(body.getChild(body.getNumChildren() - 1).getType()).toBe('PARAGRAPH');
      expect(() => body.getChild(body.getNumChildren() - 1).removeFromParent()).toThrow(
        LAST_PARAGRAPH,
      );
      body.clear();
      expect(body.getNumChildren()).toBe(1);
    });
  });

  test('replaceText takes an RE2 pattern: escaped braces replace {{campaignName}} everywhere, within each Text element', () => {
    const { docs, run } = setup();
    run(() => {
      const body = docs.create('t').getBody();
      body.appendParagraph('活动：{{campaignName}}（{{campaignName}}）');
      body.appendTable([['名称', '{{campaignName}}']]);
      body.replaceText('\\{\\{campaignName\\}\\}', '2014 书记项目');
      expect(body.getText()).not.toContain('{{');
      expect(body.getParagraphs()[1].getText()).toBe('活动：2014 书记项目（2014 书记项目）');
      expect(body.getTables()[0].getCell(0, 1).getText()).toBe('2014 书记项目');
      // A match never spans two Text elements.
      const p = body.appendParagraph('{{a');
      p.appendText('b}}');
      body.replaceText('\\{\\{ab\\}\\}', 'X');
      expect(p.getText()).toBe('{{ab}}');
    });
  });

  test('in the replacement, \\$ is a literal dollar and $1 a group; a bare $ throws (Java semantics, unverified)', () => {
    const { docs, run } = setup();
    run(() => {
      const body = docs.create('$').getBody();
      const p = body.appendParagraph('price {{p}} and {{q}}');
      body.replaceText('\\{\\{p\\}\\}', '\\$100 \\\\ ok');
      expect(p.getText()).toBe('price $100 \\ ok and {{q}}');
      body.replaceText('\\{\\{(q)\\}\\}', '<$1>');
      expect(p.getText()).toBe('price $100 \\ ok and <q>');
      expect(() => body.replaceText('price', '$x')).toThrow('Illegal group reference');
      expect(() => body.replaceText('price', '$1')).toThrow('No group 1');
    });
  });

  test('replaceText keeps the style of the replaced text', () => {
    const { docs, run } = setup();
    run(() => {
      const body = docs.create('s').getBody();
      const p = body.appendParagraph('Dear {{name}},');
      p.editAsText().setBold(5, 12, true);
      body.replaceText('\\{\\{name\\}\\}', '张三');
      const text = p.editAsText();
      expect(text.getText()).toBe('Dear 张三,');
      expect(text.isBold(5)).toBe(true);
      expect(text.isBold(6)).toBe(true);
      expect(text.isBold(0)).toBeNull();
      expect(text.isBold(7)).toBeNull();
    });
  });

  test('findText returns a RangeElement on the Text element with inclusive end offset, and continues from it', () => {
    const { docs, run } = setup();
    run(() => {
      const body = docs.create('f').getBody();
      body.appendParagraph('图表：{{chart}}');
      body.appendParagraph('again {{chart}}');
      const found = body.findText('\\{\\{chart\\}\\}');
      expect(found).not.toBeNull();
      expect(found!.getElement().getType()).toBe('TEXT');
      expect(found!.getStartOffset()).toBe(3);
      expect(found!.getEndOffsetInclusive()).toBe(11);
      expect((found!.getElement().getParent() as Paragraph).asParagraph().getText()).toBe(
        '图表：{{chart}}',
      );
      const next = body.findText('\\{\\{chart\\}\\}', found);
      expect(next!.getStartOffset()).toBe(6);
      expect(body.findText('\\{\\{chart\\}\\}', next)).toBeNull();
      expect(body.findText('absent')).toBeNull();
    });
  });

  test('Text: setText, appendText, setBold, setFontSize, setForegroundColor, getAttributes', () => {
    const { docs, run } = setup();
    run(() => {
      const p = docs.create('x').getBody().appendParagraph('abc');
      const t = p.getChild(0).asText() as Text;
      t.setBold(true).setFontSize(14).setForegroundColor('#FF0000');
      expect(t.isBold()).toBe(true);
      expect(t.getFontSize()).toBe(14);
      expect(t.getForegroundColor()).toBe('#ff0000');
      t.appendText('def');
      expect(p.getText()).toBe('abcdef');
      expect(t.getAttributes(4).BOLD).toBe(true);
      const added = p.appendText('!');
      expect(added.isBold()).toBeNull();
      expect(p.getNumChildren()).toBe(2);
      t.setText('new');
      expect(p.getText()).toBe('new!');
      expect(() => t.setForegroundColor('red')).toThrow('Invalid argument: color');
      p.setAttributes({ BOLD: true, HORIZONTAL_ALIGNMENT: 'RIGHT' });
      expect(p.editAsText().isBold()).toBe(true);
      expect(p.getAlignment()).toBe('RIGHT');
      expect(p.getAttributes().BOLD).toBe(true);
    });
  });

  // Source: public live-test suite (gas-fakes): getAttributes() of a new paragraph is an object of
  // style attributes, not null. Live fills in computed values (font, size, spacing); those values
  // are not modelled here, only the object and its attribute keys.
  test('getAttributes() of a new paragraph is an object keyed by Attribute names, not null (gas-fakes live suite)', () => {
    const { docs, run } = setup();
    run(() => {
      const attrs = docs.create('attrs').getBody().appendParagraph('新段落').getAttributes();
      expect(attrs).not.toBeNull();
      expect(typeof attrs).toBe('object');
      expect(Object.keys(attrs)).toEqual(
        expect.arrayContaining(['BOLD', 'FONT_FAMILY', 'FONT_SIZE', 'HEADING', 'LINE_SPACING']),
      );
      expect(attrs.HEADING).toBe('NORMAL');
    });
  });

  test('copy() gives a detached element that append takes; an attached one is refused', () => {
    const { docs, run } = setup();
    run(() => {
      const body = docs.create('c').getBody();
      const p = body.appendParagraph('原文');
      expect(() => body.appendParagraph(p)).toThrow(NOT_DETACHED);
      const copy = p.copy();
      expect(copy.getParent()).toBeNull();
      body.appendParagraph(copy);
      copy.setText('副本');
      expect(body.getText()).toBe('\n原文\n副本');
    });
  });

  // Source: public live-test suite (gas-fakes), run against live Apps Script.
  test('a default list item reads back as GlyphType NUMBER after saveAndClose and reopening (gas-fakes live suite)', () => {
    const { docs, run } = setup();
    run(() => {
      const doc = docs.create('glyph');
      doc.getBody().appendListItem('一');
      doc.saveAndClose();
      const item = docs.openById(doc.getId()).getBody().getListItems()[0];
      expect(item.getGlyphType()).toBe('NUMBER');
    });
  });

  test('list items, page breaks and horizontal rules sit in the body; consecutive items share a list id', () => {
    const { docs, run } = setup();
    run(() => {
      const body = docs.create('l').getBody();
      const a = body.appendListItem('第一');
      const b = body.appendListItem('第二');
      expect(a.getGlyphType()).toBe('NUMBER');
      expect(a.getListId()).toBe(b.getListId());
      b.setGlyphType('NUMBER' as never).setNestingLevel(1);
      expect(b.getNestingLevel()).toBe(1);
      const br = body.appendPageBreak();
      expect(br.getType()).toBe('PAGE_BREAK');
      expect(br.getParent()?.getType()).toBe('PARAGRAPH');
      body.appendHorizontalRule();
      expect(body.getListItems()).toHaveLength(2);
      expect(body.getParagraphs()).toHaveLength(5);
    });
  });
});

describe('DocumentApp: tables and images', () => {
  test('appendTable(cells) builds all rows in one call; each cell holds one paragraph', () => {
    const { docs, run } = setup();
    run(() => {
      const body = docs.create('t').getBody();
      const table = body.appendTable([
        ['单位', '项目', '金额'],
        ['组织部', '书记项目', '5'],
        ['宣传部', '学习', '3'],
      ]);
      expect(table.getNumRows()).toBe(3);
      expect(table.getRow(0).getNumCells()).toBe(3);
      expect(table.getCell(1, 1).getText()).toBe('书记项目');
      expect(table.getCell(2, 2).getNumChildren()).toBe(1);
      expect(table.getCell(2, 2).getParentRow().getParentTable().getNumRows()).toBe(3);
      expect(table.getText()).toBe('单位\n项目\n金额\n组织部\n书记项目\n5\n宣传部\n学习\n3');
      expect(body.getTables()).toHaveLength(1);
      expect(body.getNumChildren()).toBe(3); // initial paragraph, table, trailing paragraph
    });
  });

  test('rows and cells: appendTableRow, appendTableCell, insertTableRow, removeRow, removeCell, borders, widths', () => {
    const { docs, run } = setup();
    run(() => {
      const table = docs.create('t').getBody().appendTable();
      expect(table.getNumRows()).toBe(0);
      const row = table.appendTableRow();
      row.appendTableCell('a');
      row.appendTableCell('b');
      const copy = row.copy();
      table.appendTableRow(copy);
      table.insertTableRow(0).appendTableCell('header');
      expect(table.getNumRows()).toBe(3);
      expect(table.getRow(2).getText()).toBe('a\nb');
      expect(table.removeRow(0).getText()).toBe('header');
      expect(table.getRow(1).removeCell(0).getText()).toBe('a');
      expect(table.getRow(1).getNumCells()).toBe(1);
      table.setBorderWidth(2).setBorderColor('#333333').setColumnWidth(1, 120);
      expect(table.getBorderWidth()).toBe(2);
      expect(table.getBorderColor()).toBe('#333333');
      expect(table.getColumnWidth(1)).toBe(120);
      const cell = table.getCell(0, 0);
      cell.setBackgroundColor('#EEEEEE').setText('A');
      cell.appendParagraph('second line');
      expect(cell.getBackgroundColor()).toBe('#eeeeee');
      expect(cell.getText()).toBe('A\nsecond line');
      cell.setAttributes({ BOLD: true, BACKGROUND_COLOR: '#ffff00' });
      expect(cell.editAsText().isBold()).toBe(true);
      expect(cell.getBackgroundColor()).toBe('#ffff00');
    });
  });

  test('insertTable at a child index replaces a template table in place', () => {
    const { docs, run } = setup();
    run(() => {
      const body = docs.create('t').getBody();
      body.appendParagraph('before');
      const old = body.appendTable([['x']]);
      body.appendParagraph('after');
      const fresh = body.insertTable(body.getChildIndex(old), [['1', '2']]);
      old.removeFromParent();
      expect(body.getChildIndex(fresh)).toBe(2);
      expect(body.getText()).toBe('\nbefore\n1\n2\n\nafter');
    });
  });

  test('appendImage puts the PNG in a new paragraph and reads its size from the IHDR chunk', () => {
    const { ws, docs, run } = setup();
    run(() => {
      const body = docs.create('i').getBody();
      const png = makePng(120, 45);
      const blob = new Utilities(ws).newBlob(
        Array.from(png, (b) => (b > 127 ? b - 256 : b)),
        'image/png',
        'chart.png',
      );
      const image = body.appendImage(blob);
      expect(image.getWidth()).toBe(120);
      expect(image.getHeight()).toBe(45);
      expect(image.getParent()?.getType()).toBe('PARAGRAPH');
      image.setWidth(240).setHeight(90);
      expect(image.getWidth()).toBe(240);
      expect(image.getBlob()._buffer().equals(png)).toBe(true);
      expect(body.getImages()).toHaveLength(1);
      const p = body.appendParagraph('inline: ');
      expect(p.appendInlineImage(blob).getHeight()).toBe(45);
      expect(() => body.appendImage(new Utilities(ws).newBlob('not an image'))).toThrow(
        'Invalid image data.',
      );
    });
  });

  test('editAsText on a table row styles every cell (bold header row)', () => {
    const { docs, run } = setup();
    run(() => {
      const table = docs
        .create('h')
        .getBody()
        .appendTable([
          ['a', 'b'],
          ['c', 'd'],
        ]);
      table.getRow(0).editAsText().setBold(true);
      expect(table.getCell(0, 1).editAsText().isBold()).toBe(true);
      expect(table.getCell(1, 0).editAsText().isBold()).toBeNull();
    });
  });
});

describe('DocumentApp and DriveApp through the sandbox', () => {
  test('a script uses the enums on the globals (DocumentApp.ParagraphHeading, MimeType.PDF) and merges a template copy', () => {
    const e = createEmulator({ now: T0, seed: 1, owner: ADMIN });
    const code = `
      function setup() {
        var doc = DocumentApp.create('模板');
        var body = doc.getBody();
        body.appendParagraph('{{campaignName}}').setHeading(DocumentApp.ParagraphHeading.HEADING1);
        body.appendTable([['单位', '{{unit}}']]);
        return doc.getId();
      }
      function merge() {
        var folder = DriveApp.createFolder('报告');
        var templateId = DriveApp.getFilesByName('模板').next().getId();
        var copy = DriveApp.getFileById(templateId).makeCopy('报告 1', folder);
        var doc = DocumentApp.openById(copy.getId());
        var body = doc.getBody();
        body.replaceText('\\\\{\\\\{campaignName\\\\}\\\\}', '2014 书记项目');
        body.replaceText('\\\\{\\\\{unit\\\\}\\\\}', '组织部');
        var heading = body.getParagraphs()[1].getHeading();
        doc.saveAndClose();
        var pdf = copy.getAs(MimeType.PDF);
        return [heading === DocumentApp.ParagraphHeading.HEADING1, body.getTables().length,
          pdf.getContentType(), body.getChild(1).getType() === DocumentApp.ElementType.PARAGRAPH];
      }`;
    const sandbox = new Sandbox(e.ws, e.services, code);
    expect(sandbox.run({ handler: 'setup', trigger: 'manual' }).ok).toBe(true);
    const result = sandbox.run({ handler: 'merge', trigger: 'manual' });
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual([true, 1, 'application/pdf', true]);
    const [template, report] = DocumentApp._documents(e.ws);
    expect(template.tree.body.children[1].children[0].text).toBe('{{campaignName}}');
    expect(report.name).toBe('报告 1');
    expect(report.tree.body.children[1].children[0].text).toBe('2014 书记项目');
    const calls = e.ws.executions[1].counts;
    expect(calls['DocumentApp.Body.replaceText']).toBe(2);
    expect(calls['DriveApp.File.makeCopy']).toBe(1);
  });
});
