import { Workspace } from '../../../src/offline/emulator/core';
import { DocumentApp } from '../../../src/offline/emulator/document-app';
import { DriveApp, MimeType, NO_SUCH_ITEM } from '../../../src/offline/emulator/drive-app';
import { createBoundSpreadsheet } from '../../../src/offline/emulator/spreadsheet-app';
import { Utilities } from '../../../src/offline/emulator/utilities';

const T0 = Date.parse('2014-05-20T01:00:00Z');
const ADMIN = 'admin@example.cn';

function setup() {
  const ws = new Workspace({ now: T0, owner: ADMIN });
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

function names(it: { hasNext(): boolean; next(): { getName(): string } }): string[] {
  const out: string[] = [];
  while (it.hasNext()) out.push(it.next().getName());
  return out;
}

describe('DriveApp', () => {
  test('makeCopy of a template Doc copies its tree into the folder; editing the copy leaves the original unchanged', () => {
    const { ws, docs, drive, run } = setup();
    const { templateId, folderId } = run(() => {
      const template = docs.create('模板');
      const body = template.getBody();
      body.appendParagraph('{{campaignName}} 阶段总结').setHeading('HEADING1' as never);
      body.appendTable([
        ['单位', '数量'],
        ['{{unit}}', '{{count}}'],
      ]);
      return { templateId: template.getId(), folderId: drive.createFolder('报告').getId() };
    });
    const copyId = run(() => {
      const copy = drive
        .getFileById(templateId)
        .makeCopy('2014 总结', drive.getFolderById(folderId));
      expect(copy.getName()).toBe('2014 总结');
      expect(copy.getMimeType()).toBe(MimeType.gasEnums.GOOGLE_DOCS);
      expect(copy.getParents().next().getId()).toBe(folderId);
      const doc = docs.openById(copy.getId());
      doc.getBody().replaceText('\\{\\{campaignName\\}\\}', '2014 年书记项目');
      doc.getBody().getTables()[0].getCell(1, 0).setText('组织部');
      expect(doc.getBody().getParagraphs()[1].getHeading()).toBe('HEADING1');
      doc.saveAndClose();
      return copy.getId();
    });
    run(() => {
      const original = docs.openById(templateId).getBody();
      expect(original.getText()).toContain('{{campaignName}} 阶段总结');
      expect(original.getTables()[0].getCell(1, 0).getText()).toBe('{{unit}}');
      const copy = docs.openById(copyId).getBody();
      expect(copy.getText()).toContain('2014 年书记项目 阶段总结');
      expect(copy.getTables()[0].getCell(1, 0).getText()).toBe('组织部');
    });
    const listed = DocumentApp._documents(ws);
    expect(listed.map((d) => d.name)).toEqual(['模板', '2014 总结']);
    expect(listed[1].folder).toBe(folderId);
  });

  test('makeCopy copies the saved content: edits of the same execution not yet saved are not in the copy', () => {
    const { docs, drive, run } = setup();
    run(() => {
      const doc = docs.create('src');
      doc.getBody().appendParagraph('unsaved edit');
      const copy = drive.getFileById(doc.getId()).makeCopy();
      expect(copy.getName()).toBe('Copy of src');
      expect(docs.openById(copy.getId()).getBody().getText()).toBe('');
      doc.saveAndClose();
      const later = drive.getFileById(doc.getId()).makeCopy('later');
      expect(docs.openById(later.getId()).getBody().getText()).toBe('\nunsaved edit');
    });
  });

  test('getFileById / getFolderById of an unknown id throw the "No item with the given ID could be found" error', () => {
    const { drive, run } = setup();
    run(() => {
      expect(() => drive.getFileById('nope')).toThrow(NO_SUCH_ITEM);
      expect(() => drive.getFolderById('nope')).toThrow(NO_SUCH_ITEM);
    });
  });

  // Source: public live-test suite (gas-fakes), run against live Apps Script.
  test.each([null, undefined, ''])(
    'getFileById / getFolderById of %p throw "Invalid argument: id" (gas-fakes live suite)',
    (id) => {
      const { drive, run } = setup();
      run(() => {
        expect(() => drive.getFileById(id as never)).toThrow(new Error('Invalid argument: id'));
        expect(() => drive.getFolderById(id as never)).toThrow(new Error('Invalid argument: id'));
      });
    },
  );

  test('folders: createFolder, getFoldersByName, nested folders and files, moveTo, iterators end with an error', () => {
    const { docs, drive, run } = setup();
    run(() => {
      const reports = drive.createFolder('报告');
      const sub = reports.createFolder('项目档案');
      expect(names(drive.getFoldersByName('报告'))).toEqual(['报告']);
      expect(names(reports.getFolders())).toEqual(['项目档案']);
      const doc = docs.create('档案 1');
      const file = drive.getFileById(doc.getId());
      expect(names(drive.getRootFolder().getFiles())).toEqual(['档案 1']);
      file.moveTo(sub);
      expect(names(drive.getRootFolder().getFiles())).toEqual([]);
      expect(names(sub.getFiles())).toEqual(['档案 1']);
      expect(names(drive.getFilesByName('档案 1'))).toEqual(['档案 1']);
      const it = sub.getFiles();
      it.next();
      expect(it.hasNext()).toBe(false);
      expect(() => it.next()).toThrow(
        'Cannot retrieve the next object: iterator has reached the end.',
      );
      expect(sub.getUrl()).toBe(`https://drive.google.com/drive/folders/${sub.getId()}`);
    });
  });

  test('setTrashed(true) trashes a file; listings still include it (scripts check isTrashed)', () => {
    const { docs, drive, run, ws } = setup();
    run(() => {
      const doc = docs.create('半成品');
      const file = drive.getFileById(doc.getId());
      file.setTrashed(true);
      expect(drive.getFileById(doc.getId()).isTrashed()).toBe(true);
      expect(names(drive.getFilesByName('半成品'))).toEqual(['半成品']);
      expect(names(drive.searchFiles("title = '半成品' and trashed = false"))).toEqual([]);
      expect(names(drive.getTrashedFiles())).toEqual(['半成品']);
    });
    expect(DocumentApp._documents(ws)[0].trashed).toBe(true);
    expect(DriveApp._files(ws)[0].trashed).toBe(true);
  });

  test('createFile(blob) and createFile(name, content, mimeType); getBlob / getAs return the bytes', () => {
    const { ws, drive, run } = setup();
    run(() => {
      const folder = drive.createFolder('附件');
      const blob = new Utilities(ws).newBlob('a,b\n1,2', 'text/csv', 'data.csv');
      const file = folder.createFile(blob);
      expect(file.getName()).toBe('data.csv');
      expect(file.getMimeType()).toBe('text/csv');
      expect(file.getSize()).toBe(7);
      expect(file.getBlob().getDataAsString()).toBe('a,b\n1,2');
      const text = drive.createFile('note.txt', '你好', MimeType.gasEnums.PLAIN_TEXT);
      expect(text.getBlob().getDataAsString()).toBe('你好');
      expect(text.getUrl()).toBe(
        `https://drive.google.com/file/d/${text.getId()}/view?usp=drivesdk`,
      );
      expect(names(folder.getFilesByType('text/csv'))).toEqual(['data.csv']);
    });
  });

  test("a Doc's File.getBlob() / getAs('application/pdf') is its PDF export", () => {
    const { docs, drive, run } = setup();
    const id = run(() => {
      const doc = docs.create('PDF 测试');
      doc.getBody().appendParagraph('content');
      return doc.getId();
    });
    run(() => {
      const file = drive.getFileById(id);
      const pdf = file.getAs('application/pdf');
      expect(pdf.getContentType()).toBe('application/pdf');
      expect(pdf.getName()).toBe('PDF 测试.pdf');
      expect(pdf._buffer().subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(file.getBlob().getContentType()).toBe('application/pdf');
      expect(() => file.getAs('text/plain')).toThrow('is not supported');
    });
  });

  test('sharing: addEditor, getEditors, setSharing with Access / Permission enums', () => {
    const { docs, drive, run } = setup();
    run(() => {
      const file = drive.getFileById(docs.create('共享').getId());
      file.addEditor('staff@example.cn').addViewer('leader@example.cn');
      expect(file.getEditors().map((u) => u.getEmail())).toEqual(['staff@example.cn']);
      expect(file.getViewers().map((u) => u.getEmail())).toEqual(['leader@example.cn']);
      expect(file.getOwner().getEmail()).toBe(ADMIN);
      file.setSharing(
        DriveApp.gasEnums.Access.DOMAIN_WITH_LINK as never,
        DriveApp.gasEnums.Permission.VIEW as never,
      );
      expect(file.getSharingAccess()).toBe('DOMAIN_WITH_LINK');
      expect(file.getSharingPermission()).toBe('VIEW');
      expect(() => file.addEditor('not an address')).toThrow('Invalid email: not an address');
      expect(() => file.setSharing('EVERYONE' as never, 'VIEW' as never)).toThrow(
        'Invalid argument: accessType',
      );
    });
  });

  test('the bound spreadsheet is a Drive file in the root folder; renaming it through Drive renames it', () => {
    const { ws, drive, run } = setup();
    const ss = createBoundSpreadsheet(ws, '活动表', { owner: ADMIN });
    run(() => {
      const file = drive.getFileById(ss.getId());
      expect(file.getMimeType()).toBe('application/vnd.google-apps.spreadsheet');
      expect(file.getParents().next().getName()).toBe('My Drive');
      file.setName('活动表 2014');
      expect(ss.getName()).toBe('活动表 2014');
    });
    expect(DriveApp._files(ws).map((f) => f.name)).toEqual(['活动表 2014']);
  });
});
