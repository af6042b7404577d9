import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { Workspace } from '../../../src/offline/emulator/core';
import { DocumentApp } from '../../../src/offline/emulator/document-app';
import { DriveApp } from '../../../src/offline/emulator/drive-app';
import { Utilities } from '../../../src/offline/emulator/utilities';
import {
  exportDocx,
  exportReports,
  safeFileName,
} from '../../../src/offline/rehearsal/export-docx';
import { makePng } from '../emulator/png';

const T0 = Date.parse('2014-05-20T01:00:00Z');

function setup() {
  const ws = new Workspace({ now: T0, owner: 'admin@example.cn' });
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

/** A report with a heading, a paragraph, a 3×3 table, a list item, a PNG, a page break, header and footer. */
function sampleReport(ctx: ReturnType<typeof setup>, name = '阶段总结报告') {
  return ctx.run(() => {
    const doc = ctx.docs.create(name);
    const body = doc.getBody();
    const title = body.getChild(0).asParagraph();
    title.setText('2014 年书记项目'); // setText returns nothing, as in Apps Script
    title.setHeading('TITLE' as never);
    body.appendParagraph('一、总体情况').setHeading('HEADING1' as never);
    const p = body.appendParagraph('共收到申报 42 项，按时提交率 95%。');
    p.editAsText().setBold(0, 5, true).setForegroundColor(6, 7, '#cc0000').setFontSize(12);
    const table = body.appendTable([
      ['单位', '项目数', '提交率'],
      ['组织部', '12', '100%'],
      ['宣传部', '8', '87.5%'],
    ]);
    table.getRow(0).editAsText().setBold(true);
    table.getCell(0, 0).setBackgroundColor('#d9e2f3');
    table.setBorderWidth(1).setBorderColor('#444444').setColumnWidth(0, 150);
    body.appendListItem('重点项目：党员示范岗');
    body.appendListItem('第一项').setGlyphType('NUMBER' as never);
    const png = makePng(160, 90);
    body.appendImage(
      new Utilities(ctx.ws).newBlob(
        Array.from(png, (b) => (b > 127 ? b - 256 : b)),
        'image/png',
        'chart.png',
      ),
    );
    body.appendPageBreak();
    body.appendParagraph('附件：时间线');
    doc.addHeader().getChild(0).asParagraph().setText('机关党委');
    doc.addFooter().getChild(0).asParagraph().setText('内部资料');
    doc.saveAndClose();
    return doc.getId();
  });
}

async function documentXml(file: string, part = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const entry = zip.file(part);
  if (!entry) throw new Error(`${part} missing`);
  return entry.async('string');
}

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'export-docx-'));
}

describe('export-docx', () => {
  test('a Doc with heading, paragraph, 3×3 table, list item and PNG becomes a .docx with those texts, a <w:tbl> and a <w:drawing>', async () => {
    const ctx = setup();
    sampleReport(ctx);
    const [doc] = DocumentApp._documents(ctx.ws);
    const file = path.join(tmpDir(), 'report.docx');
    await exportDocx(doc.tree, file, doc.name);
    const xml = await documentXml(file);
    for (const text of [
      '2014 年书记项目',
      '一、总体情况',
      '组织部',
      '87.5%',
      '重点项目：党员示范岗',
      '附件：时间线',
    ]) {
      expect(xml).toContain(text);
    }
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(1);
    expect((xml.match(/<w:tr>|<w:tr /g) ?? []).length).toBe(3);
    expect((xml.match(/<w:tc>/g) ?? []).length).toBe(9);
    expect(xml).toContain('<w:drawing>');
    // 160 px at 9525 EMU per pixel.
    expect(xml).toContain('cx="1524000"');
    expect(xml).toContain('<w:br w:type="page"/>');
    expect(xml).toContain('<w:b/>');
    expect(xml).toContain('w:color w:val="CC0000"');
    expect(xml).toContain('w:fill="D9E2F3"');
    expect(xml).toContain('<w:gridCol w:w="3000"/>');
    expect(xml).toContain('<w:numPr>');
    expect(await documentXml(file, 'word/header1.xml')).toContain('机关党委');
    expect(await documentXml(file, 'word/footer1.xml')).toContain('内部资料');
    const styles = await documentXml(file, 'word/styles.xml');
    expect(styles).toContain('w:eastAsia="SimSun"');
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    expect(
      Object.keys(zip.files).some((f) => f.startsWith('word/media/') && f.endsWith('.png')),
    ).toBe(true);
  });

  test('column widths, a landscape page, cell padding and a picture in a cell are kept (Docs lays tables out from setColumnWidth)', async () => {
    const ctx = setup();
    ctx.run(() => {
      const doc = ctx.docs.create('横向');
      const body = doc.getBody().setPageWidth(842).setPageHeight(595);
      const table = body.appendTable([
        ['项目编号', '柱'],
        ['SJXM-2014-001', ''],
      ]);
      table.setColumnWidth(0, 101.5).setColumnWidth(1, 222);
      table.getCell(0, 0).setPaddingLeft(8);
      const png = makePng(280, 16);
      table
        .getCell(1, 1)
        .getChild(0)
        .asParagraph()
        .appendInlineImage(
          new Utilities(ctx.ws).newBlob(
            Array.from(png, (b) => (b > 127 ? b - 256 : b)),
            'image/png',
            'bar.png',
          ),
        );
      doc.saveAndClose();
    });
    const [doc] = DocumentApp._documents(ctx.ws);
    const file = path.join(tmpDir(), 'landscape.docx');
    await exportDocx(doc.tree, file, doc.name);
    const xml = await documentXml(file);
    expect(xml).toContain('<w:pgSz w:w="16840" w:h="11900" w:orient="landscape"/>');
    expect(xml).toContain('<w:gridCol w:w="2030"/>');
    expect(xml).toContain('<w:gridCol w:w="4440"/>');
    // Fixed layout: Word's autofit would resize the columns Docs keeps.
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    // Docs' 5 pt padding on every cell, 8 pt where the script set it.
    expect(xml).toMatch(/<w:tblCellMar>[\s\S]*<w:left w:type="dxa" w:w="100"\/>/);
    expect(xml).toMatch(/<w:tcMar>[\s\S]*<w:left w:type="dxa" w:w="160"\/>/);
    const cells = [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    expect(cells[3]).toContain('<w:drawing>');
  });

  test('exportReports writes every non-trashed Doc as <NN>-<safe name>.docx in creation order, Chinese kept', async () => {
    const ctx = setup();
    sampleReport(ctx, '2014/第一阶段:总结?');
    ctx.run(() => ctx.drive.getFileById(ctx.docs.create('废弃草稿').getId()).setTrashed(true));
    sampleReport(ctx, '项目档案 "A"');
    const dir = tmpDir();
    const written = await exportReports(ctx.ws, dir);
    expect(written.map((f) => path.basename(f))).toEqual([
      '01-2014第一阶段总结.docx',
      '02-项目档案 A.docx',
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual(['01-2014第一阶段总结.docx', '02-项目档案 A.docx']);
    expect(safeFileName('a<b>c|d*e')).toBe('abcde');
    expect(safeFileName('///')).toBe('untitled');
  });

  const soffice = ['soffice', 'libreoffice'].find((bin) => {
    try {
      execFileSync('which', [bin], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  (soffice ? test : test.skip)(
    'LibreOffice converts the exported .docx to PDF without error (skipped without LibreOffice)',
    async () => {
      const ctx = setup();
      sampleReport(ctx);
      const dir = tmpDir();
      const [file] = await exportReports(ctx.ws, dir);
      execFileSync(
        soffice as string,
        ['--headless', '--convert-to', 'pdf', '--outdir', dir, file],
        {
          stdio: 'ignore',
          timeout: 120000,
          env: { ...process.env, HOME: dir },
        },
      );
      const pdf = fs.readFileSync(file.replace(/\.docx$/, '.pdf'));
      expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(pdf.length).toBeGreaterThan(1000);
    },
    130000,
  );
});
