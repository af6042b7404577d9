import { Workspace } from '../../../src/offline/emulator/core';
import { Form, FormApp, FormRefused } from '../../../src/offline/emulator/form-app';
import {
  EMAIL_HEADER,
  TIMESTAMP_HEADER,
  type FormResponse,
} from '../../../src/offline/emulator/form-responses';
import { DriveApp } from '../../../src/offline/emulator/drive-app';
import { ScriptApp } from '../../../src/offline/emulator/script-app';
import {
  createBoundSpreadsheet,
  type Spreadsheet,
} from '../../../src/offline/emulator/spreadsheet-app';

const T0 = Date.parse('2014-05-20T01:00:00Z');
const ADMIN = 'admin@example.cn';

function setup() {
  const ws = new Workspace({ now: T0, owner: ADMIN, timeZone: 'Asia/Shanghai' });
  const ss = createBoundSpreadsheet(ws, 'Campaign', { owner: ADMIN, timeZone: 'Asia/Shanghai' });
  const app = new FormApp(ws);
  const as = <T>(user: string, fn: () => T): T => {
    const ex = ws.startExecution('t', 'manual', { effectiveUser: user });
    try {
      return ws.within(ex, fn);
    } finally {
      ws.endExecution(ex, undefined);
    }
  };
  const run = <T>(fn: () => T): T => as(ADMIN, fn);
  return { ws, ss, app, run, as };
}

/** A form with one item of each kind, linked to the spreadsheet, collecting emails. */
function applicationForm(ctx: ReturnType<typeof setup>) {
  return ctx.run(() => {
    const form = ctx.app.create('申报表', true).setTitle('申报表');
    form.setCollectEmail(true).setAllowResponseEdits(true);
    const unit = form.addListItem().setTitle('申报单位').setChoiceValues(['组织部', '宣传部']);
    const name = form.addTextItem().setTitle('项目名称').setRequired(true);
    form.addSectionHeaderItem().setTitle('项目内容');
    const goals = form.addParagraphTextItem().setTitle('目标任务');
    const type = form
      .addMultipleChoiceItem()
      .setTitle('项目类型')
      .setChoiceValues(['创新', '示范']);
    const themes = form
      .addCheckboxItem()
      .setTitle('服务主题')
      .setChoiceValues(['服务民生', '服务群众', '服务党员']);
    const due = form.addDateItem().setTitle('完成期限');
    const rating = form.addScaleItem().setTitle('评分').setBounds(1, 5);
    const phone = form.addTextItem().setTitle('联系电话');
    form.setDestination(FormApp.gasEnums.DestinationType.SPREADSHEET as never, ctx.ss.getId());
    const ids = {
      unit: unit.getId(),
      name: name.getId(),
      goals: goals.getId(),
      type: type.getId(),
      themes: themes.getId(),
      due: due.getId(),
      rating: rating.getId(),
      phone: phone.getId(),
    };
    return { form, ids };
  });
}

function sheetValues(ss: Spreadsheet, name: string) {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.getDataRange().getValues();
}

describe('FormApp forms and items', () => {
  test('create(name) names the Drive file only: getTitle() is "" until setTitle, also after openById (Google issue tracker 442747794; reference FormApp.create(String))', () => {
    const ctx = setup();
    const form = ctx.run(() => ctx.app.create('申报表'));
    expect(form.getTitle()).toBe('');
    expect(ctx.run(() => ctx.app.openById(form.getId()).getTitle())).toBe('');
    expect(ctx.run(() => new DriveApp(ctx.ws).getFileById(form.getId()).getName())).toBe('申报表');
    ctx.run(() => form.setTitle('申报表标题'));
    expect(ctx.run(() => ctx.app.openById(form.getId()).getTitle())).toBe('申报表标题');
    // Renaming the file in Drive leaves the title alone.
    ctx.run(() => new DriveApp(ctx.ws).getFileById(form.getId()).setName('改名'));
    expect(form.getTitle()).toBe('申报表标题');
    expect(form.getId()).toMatch(/^[\w-]{40,}$/);
    expect(form.getEditUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/edit`);
    expect(form.getPublishedUrl()).toMatch(
      /^https:\/\/docs\.google\.com\/forms\/d\/e\/1FAIpQL[\w-]+\/viewform$/,
    );
    expect(ctx.run(() => ctx.app.openByUrl(form.getPublishedUrl()).getId())).toBe(form.getId());
    expect(ctx.run(() => ctx.app.openByUrl(form.getEditUrl()).getId())).toBe(form.getId());
  });

  test('openById by someone the form is not shared with throws the not-found text; a Drive editor may open it ("Throws an exception if the ID is invalid or the user does not have permission", reference FormApp.openById)', () => {
    const ctx = setup();
    const id = ctx.run(() => ctx.app.create('申报表', true).getId());
    const other = 'staff@example.cn';
    expect(() => ctx.as(other, () => ctx.app.openById(id))).toThrow(
      'No item with the given ID could be found, or you do not have permission to access it.',
    );
    ctx.run(() => new DriveApp(ctx.ws).getFileById(id).addEditor(other));
    expect(ctx.as(other, () => ctx.app.openById(id).getId())).toBe(id);
  });

  test('openByUrl of a URL that is not a form URL throws "Invalid argument: url" (gas-fakes live-test suite)', () => {
    const ctx = setup();
    expect(() => ctx.run(() => ctx.app.openByUrl('https://example.com/nothing'))).toThrow(
      'Invalid argument: url',
    );
    expect(() => ctx.run(() => ctx.app.openByUrl('not a url'))).toThrow('Invalid argument: url');
  });

  test('publish state: create(title) starts unpublished (undocumented default, pessimistic), create(title, true) published; setPublished/isPublished (reference Form.setPublished, FormApp.create(String,Boolean))', () => {
    const ctx = setup();
    const { plain, published } = ctx.run(() => ({
      plain: ctx.app.create('a'),
      published: ctx.app.create('b', true),
    }));
    expect(plain.isPublished()).toBe(false);
    expect(published.isPublished()).toBe(true);
    expect(plain.supportsAdvancedResponderPermissions()).toBe(true);
    ctx.run(() => plain.setPublished(true));
    expect(ctx.run(() => ctx.app.openById(plain.getId()).isPublished())).toBe(true);
    ctx.run(() => published.setPublished(false));
    expect(published.isPublished()).toBe(false);
  });

  test('an unpublished form refuses respondents: submit and edit ("Unpublishing … stops it from accepting responses", reference Form.setPublished; Forms API: API-created forms start unpublished)', () => {
    const ctx = setup();
    const form = ctx.run(() => {
      const f = ctx.app.create('f');
      f.setAllowResponseEdits(true);
      f.addTextItem().setTitle('q');
      return f;
    });
    const q = form.getItems()[0].getId();
    const refused = () =>
      FormApp._respond(ctx.ws, form.getId(), { email: 'a@b.cn', answers: { [q]: 'x' } });
    expect(refused).toThrow(FormRefused);
    expect(refused).toThrow(/not published/);
    expect(form.getResponses()).toHaveLength(0);
    ctx.run(() => form.setPublished(true));
    const { response } = refused();
    ctx.run(() => form.setPublished(false));
    let err: unknown;
    try {
      FormApp._edit(ctx.ws, form.getId(), response.getId(), { answers: { [q]: 'y' } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FormRefused);
    expect((err as FormRefused).reason).toBe('unpublished');
    expect(form.getResponses()[0].getItemResponses()[0].getResponse()).toBe('x');
  });

  test('a new list, multiple-choice or checkbox item has one choice with value ""; setChoiceValues([]) throws (reference ListItem/MultipleChoiceItem/CheckboxItem; gas-fakes live-test suite)', () => {
    const ctx = setup();
    ctx.run(() => {
      const f = ctx.app.create('f');
      for (const item of [f.addListItem(), f.addMultipleChoiceItem(), f.addCheckboxItem()]) {
        expect(item.getChoices().map((c) => c.getValue())).toEqual(['']);
        expect(() => item.setChoiceValues([])).toThrow();
        expect(item.getChoices().map((c) => c.getValue())).toEqual(['']);
      }
    });
  });

  test('createResponse of a value that is not a choice throws; "Other" lets one free value through (reference ListItem/MultipleChoiceItem/CheckboxItem.createResponse; gas-fakes live-test suite)', () => {
    const ctx = setup();
    ctx.run(() => {
      const f = ctx.app.create('f');
      const list = f.addListItem().setChoiceValues(['甲', '乙']);
      const mc = f.addMultipleChoiceItem().setChoiceValues(['甲', '乙']);
      const cb = f.addCheckboxItem().setChoiceValues(['甲', '乙']);
      expect(list.createResponse('乙').getResponse()).toBe('乙');
      expect(() => list.createResponse('U01')).toThrow(/not one of its choices/);
      expect(() => f.addListItem().createResponse('')).toThrow(/not one of its choices/);
      expect(() => mc.createResponse('丙')).toThrow(/not one of its choices/);
      expect(() => cb.createResponse(['甲', '丙'])).toThrow(/not one of its choices/);
      expect(cb.createResponse(['甲', '乙']).getResponse()).toEqual(['甲', '乙']);
      mc.showOtherOption(true);
      cb.showOtherOption(true);
      expect(mc.createResponse('丙').getResponse()).toBe('丙');
      expect(cb.createResponse(['甲', '丙']).getResponse()).toEqual(['甲', '丙']);
      expect(() => cb.createResponse(['丙', '丁'])).toThrow(/not one of its choices/);
    });
  });

  test('a respondent cannot submit an answer that is not a choice of a list or multiple-choice item (a browser can only pick an offered choice)', () => {
    const ctx = setup();
    const { form, ids } = applicationForm(ctx);
    let err: unknown;
    try {
      FormApp._respond(ctx.ws, form.getId(), {
        email: 'a@b.cn',
        answers: { [ids.unit]: 'U01', [ids.name]: 'x' },
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FormRefused);
    expect((err as FormRefused).reason).toBe('notAChoice');
    expect((err as Error).message).toContain('"U01"');
    expect(() =>
      FormApp._respond(ctx.ws, form.getId(), {
        email: 'a@b.cn',
        answers: { [ids.type]: '其他', [ids.name]: 'x' },
      }),
    ).toThrow(FormRefused);
    expect(form.getResponses()).toHaveLength(0);
    const ok = FormApp._respond(ctx.ws, form.getId(), {
      email: 'a@b.cn',
      answers: { [ids.unit]: '组织部', [ids.type]: '创新', [ids.themes]: ['服务民生'] },
    });
    expect(ok.response.getItemResponses()[0].getResponse()).toBe('组织部');
  });

  test("openById of an unknown id throws Apps Script's 'No item with the given ID could be found…'", () => {
    const ctx = setup();
    expect(() => ctx.run(() => ctx.app.openById('nope'))).toThrow(
      'No item with the given ID could be found, or you do not have permission to access it.',
    );
  });

  test('getActiveForm() is null: the script is bound to a spreadsheet, not a form', () => {
    const ctx = setup();
    expect(ctx.run(() => ctx.app.getActiveForm())).toBeNull();
  });

  test('each item kind is created with its type, and getItems(type) filters by FormApp.ItemType', () => {
    const ctx = setup();
    const { form } = applicationForm(ctx);
    const types = form.getItems().map((i) => String(i.getType()));
    expect(types).toEqual([
      'LIST',
      'TEXT',
      'SECTION_HEADER',
      'PARAGRAPH_TEXT',
      'MULTIPLE_CHOICE',
      'CHECKBOX',
      'DATE',
      'SCALE',
      'TEXT',
    ]);
    expect(form.getItems('TEXT' as never).map((i) => i.getTitle())).toEqual([
      '项目名称',
      '联系电话',
    ]);
    expect(form.getItems().map((i) => i.getIndex())).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('item ids are stable numbers: getItemById finds the item, and an unknown id gives null', () => {
    const ctx = setup();
    const { form, ids } = applicationForm(ctx);
    expect(typeof ids.themes).toBe('number');
    const item = form.getItemById(ids.themes);
    expect(item.getTitle()).toBe('服务主题');
    expect(
      item
        .asCheckboxItem()
        .getChoices()
        .map((c) => c.getValue()),
    ).toEqual(['服务民生', '服务群众', '服务党员']);
    expect(form.getItemById(12345)).toBeNull();
  });

  test('asTextItem() on a list item throws: the cast must match the item type', () => {
    const ctx = setup();
    const { form, ids } = applicationForm(ctx);
    expect(() => form.getItemById(ids.unit).asTextItem()).toThrow(/TextItem/);
    expect(form.getItemById(ids.unit).asListItem().getChoices()).toHaveLength(2);
  });

  test('setChoices takes Choice objects made by createChoice; scale bounds follow setBounds', () => {
    const ctx = setup();
    const form = ctx.run(() => ctx.app.create('f', true));
    const list = form.addListItem();
    list.setChoices([list.createChoice('甲'), list.createChoice('乙')]);
    expect(list.getChoices().map((c) => c.getValue())).toEqual(['甲', '乙']);
    const scale = form.addScaleItem().setBounds(0, 10).setLabels('低', '高');
    expect([scale.getLowerBound(), scale.getUpperBound(), scale.getLeftLabel()]).toEqual([
      0,
      10,
      '低',
    ]);
    expect(() => scale.setBounds(2, 5)).toThrow('Invalid data updating form.');
  });

  test('text validations are built with createTextValidation() and set on a text item', () => {
    const ctx = setup();
    const form = ctx.run(() => ctx.app.create('f', true));
    const item = form.addTextItem();
    const validation = ctx.app
      .createTextValidation()
      .requireNumberBetween(1, 5)
      .setHelpText('1–5')
      .build();
    item.setValidation(validation);
    expect(item._data().validation).toEqual({
      kind: 'text',
      rule: 'requireNumberBetween',
      args: [1, 5],
      helpText: '1–5',
    });
    item.clearValidation();
    expect(item._data().validation).toBeNull();
    const checkbox = form.addCheckboxItem();
    checkbox.setValidation(ctx.app.createCheckboxValidation().requireSelectAtLeast(1).build());
    expect(checkbox._data().validation?.rule).toBe('requireSelectAtLeast');
  });

  test('deleteItem (by index or item) and moveItem reorder the items', () => {
    const ctx = setup();
    const form = ctx.run(() => ctx.app.create('f', true));
    const a = form.addTextItem().setTitle('a');
    form.addTextItem().setTitle('b');
    form.addTextItem().setTitle('c');
    form.moveItem(a, 2);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['b', 'c', 'a']);
    form.deleteItem(0);
    form.deleteItem(form.getItems()[1]);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['c']);
  });
});

describe('responses and the destination sheet', () => {
  test('setDestination creates "表单回复 1" with 时间戳记, 电子邮件地址 and one column per question, in item order', () => {
    const ctx = setup();
    const { form } = applicationForm(ctx);
    expect(form.getDestinationId()).toBe(ctx.ss.getId());
    expect(String(form.getDestinationType())).toBe('SPREADSHEET');
    expect(sheetValues(ctx.ss, '表单回复 1')).toEqual([
      [
        TIMESTAMP_HEADER,
        EMAIL_HEADER,
        '申报单位',
        '项目名称',
        '目标任务',
        '项目类型',
        '服务主题',
        '完成期限',
        '评分',
        '联系电话',
      ],
    ]);
    // A second form linked to the same spreadsheet gets the next number.
    ctx.run(() => {
      const other = ctx.app.create('计划表');
      other.addTextItem().setTitle('计划');
      other.setDestination('SPREADSHEET' as never, ctx.ss.getId());
    });
    expect(sheetValues(ctx.ss, '表单回复 2')).toEqual([[TIMESTAMP_HEADER, '计划']]);
  });

  test('an English spreadsheet gets "Form responses 1" with Timestamp and Email Address (support.google.com/docs/answer/2917686)', () => {
    const ctx = setup();
    ctx.run(() => ctx.ss.setSpreadsheetLocale('en_US'));
    const form = ctx.run(() => {
      const f = ctx.app.create('f', true);
      f.setCollectEmail(true);
      f.addTextItem().setTitle('q');
      f.setDestination('SPREADSHEET' as never, ctx.ss.getId());
      return f;
    });
    expect(ctx.ss.getSpreadsheetLocale()).toBe('en_US');
    expect(sheetValues(ctx.ss, 'Form responses 1')).toEqual([['Timestamp', 'Email Address', 'q']]);
    FormApp._respond(ctx.ws, form.getId(), {
      email: 'a@b.cn',
      answers: { [form.getItems()[0].getId()]: 'x' },
    });
    expect(ctx.ss.getSheetByName('Form responses 1')!.getRange(2, 1).getNumberFormat()).toBe(
      'M/d/yyyy H:mm:ss',
    );
  });

  test('without collecting emails the header has no 电子邮件地址 column and getRespondentEmail() is ""', () => {
    const ctx = setup();
    const form = ctx.run(() => {
      const f = ctx.app.create('f', true);
      f.addTextItem().setTitle('q');
      f.setDestination('SPREADSHEET' as never, ctx.ss.getId());
      return f;
    });
    const { response } = FormApp._respond(ctx.ws, form.getId(), {
      email: 'a@b.cn',
      answers: { [form.getItems()[0].getId()]: 'x' },
    });
    expect(sheetValues(ctx.ss, '表单回复 1')[0]).toEqual([TIMESTAMP_HEADER, 'q']);
    expect(response.getRespondentEmail()).toBe('');
  });

  test('a respondent submission appends a row: timestamp Date, email, answers; checkboxes joined with ", "; dates as Dates', () => {
    const ctx = setup();
    const { form, ids } = applicationForm(ctx);
    const at = Date.parse('2014-05-21T10:03:00+08:00');
    const { response } = FormApp._respond(ctx.ws, form.getId(), {
      email: 'dw@fgw.example.cn',
      at,
      answers: {
        [ids.unit]: '组织部',
        [ids.name]: '=HYPERLINK("http://evil")',
        [ids.themes]: ['服务民生', '服务群众'],
        [ids.due]: '2014-12-20',
        [ids.rating]: 4,
        [ids.phone]: '057187654321',
      },
    });
    const rows = sheetValues(ctx.ss, '表单回复 1');
    expect(rows).toHaveLength(2);
    const row = rows[1];
    expect(row[0]).toEqual(new Date(at));
    expect(row[1]).toBe('dw@fgw.example.cn');
    expect(row[2]).toBe('组织部');
    // Answers are never turned into formulas.
    expect(row[3]).toBe('=HYPERLINK("http://evil")');
    const sheet = ctx.ss.getSheetByName('表单回复 1')!;
    expect(sheet.getRange(2, 4).getFormula()).toBe('');
    expect(row[4]).toBe('');
    expect(row[6]).toBe('服务民生, 服务群众');
    expect(row[7]).toEqual(new Date(Date.parse('2014-12-20T00:00:00+08:00')));
    expect(row[8]).toBe(4);
    // Numeric text becomes a number in the response sheet: the leading zero is lost there.
    expect(row[9]).toBe(57187654321);
    // …but not in the response itself.
    const phone = response.getResponseForItem(form.getItemById(ids.phone));
    expect(phone.getResponse()).toBe('057187654321');
    expect(response.getTimestamp()).toEqual(new Date(at));
    expect(response.getRespondentEmail()).toBe('dw@fgw.example.cn');
  });

  test('ItemResponse.getResponse: text → string, checkbox → string[], date → "YYYY-MM-DD", scale → "4"', () => {
    const ctx = setup();
    const { form, ids } = applicationForm(ctx);
    const { response } = FormApp._respond(ctx.ws, form.getId(), {
      email: 'a@b.cn',
      answers: {
        [ids.name]: '项目',
        [ids.themes]: ['服务民生'],
        [ids.due]: '2014-12-20',
        [ids.rating]: 4,
        [ids.type]: '创新',
      },
    });
    const byTitle = Object.fromEntries(
      response.getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()]),
    );
    expect(byTitle).toEqual({
      项目名称: '项目',
      项目类型: '创新',
      服务主题: ['服务民生'],
      完成期限: '2014-12-20',
      评分: '4',
    });
  });

  test('an edit keeps the response id and edit URL, updates the timestamp, and rewrites the same row in place', () => {
    const ctx = setup();
    const { form, ids } = applicationForm(ctx);
    const first = FormApp._respond(ctx.ws, form.getId(), {
      email: 'a@b.cn',
      answers: { [ids.name]: '项目一', [ids.goals]: '旧目标' },
    });
    FormApp._respond(ctx.ws, form.getId(), {
      email: 'c@d.cn',
      answers: { [ids.name]: '项目二' },
    });
    const editAt = T0 + 3_600_000;
    const edited = FormApp._edit(ctx.ws, form.getId(), first.response.getId(), {
      answers: { [ids.goals]: '新目标' },
      at: editAt,
    });
    expect(edited.response.getId()).toBe(first.response.getId());
    expect(edited.response.getEditResponseUrl()).toBe(first.response.getEditResponseUrl());
    expect(edited.response.getEditResponseUrl()).toContain(first.response.getId());
    expect(edited.response.getTimestamp()).toEqual(new Date(editAt));
    const rows = sheetValues(ctx.ss, '表单回复 1');
    expect(rows).toHaveLength(3);
    expect(rows[1].slice(0, 5)).toEqual([new Date(editAt), 'a@b.cn', '', '项目一', '新目标']);
    expect(rows[2][3]).toBe('项目二');
    expect(form.getResponses()).toHaveLength(2);
    expect(form.getResponse(first.response.getId()).getItemResponses()).toHaveLength(2);
  });

  test('an edit is refused when the form does not allow response edits (the respondent has no edit link)', () => {
    const ctx = setup();
    const { form, ids } = applicationForm(ctx);
    const { response } = FormApp._respond(ctx.ws, form.getId(), {
      email: 'a@b.cn',
      answers: { [ids.name]: 'x' },
    });
    form.setAllowResponseEdits(false);
    expect(() =>
      FormApp._edit(ctx.ws, form.getId(), response.getId(), { answers: { [ids.name]: 'y' } }),
    ).toThrow(FormRefused);
  });

  test('a closed form (setAcceptingResponses(false)) refuses respondents', () => {
    const ctx = setup();
    const { form } = applicationForm(ctx);
    form.setAcceptingResponses(false).setCustomClosedFormMessage('已截止');
    expect(() => FormApp._respond(ctx.ws, form.getId(), { email: 'a@b.cn', answers: {} })).toThrow(
      '已截止',
    );
  });

  test('FormResponse.submit() by a script stores the response and writes its row, but no trigger fires for it', () => {
    const ctx = setup();
    const { form, ids } = applicationForm(ctx);
    ctx.run(() =>
      ScriptApp._as(ctx.ws, ADMIN).newTrigger('onFormSubmit').forForm(form).onFormSubmit().create(),
    );
    const submitted = ctx.run(() => {
      const name = form.getItemById(ids.name).asTextItem();
      return form.createResponse().withItemResponse(name.createResponse('脚本提交')).submit();
    });
    expect(submitted.getId()).toMatch(/^2_/);
    expect(sheetValues(ctx.ss, '表单回复 1')[1][3]).toBe('脚本提交');
    // The only way a handler runs is through _respond/_edit, which report the triggers to fire;
    // submit() reports nothing and the trigger store is untouched by it.
    const respondent = FormApp._respond(ctx.ws, form.getId(), {
      email: 'a@b.cn',
      answers: { [ids.name]: '人工提交' },
    });
    expect(respondent.triggers.map((t) => t.handler)).toEqual(['onFormSubmit']);
    expect(ctx.ws.executions.filter((e) => e.handler === 'onFormSubmit')).toHaveLength(0);
  });

  test("_respond returns the form's ON_FORM_SUBMIT triggers and the destination spreadsheet's, other owners' (ghosts) included", () => {
    const ctx = setup();
    const { form, ids } = applicationForm(ctx);
    ScriptApp._as(ctx.ws, ADMIN)
      .newTrigger('onFormSubmit')
      .forForm(form.getId())
      .onFormSubmit()
      .create();
    ScriptApp._as(ctx.ws, 'old-admin@example.cn')
      .newTrigger('onFormSubmit')
      .forForm(form.getId())
      .onFormSubmit()
      .create();
    ScriptApp._as(ctx.ws, ADMIN)
      .newTrigger('onSheetSubmit')
      .forSpreadsheet(ctx.ss.getId())
      .onFormSubmit()
      .create();
    ScriptApp._as(ctx.ws, ADMIN)
      .newTrigger('onEdit')
      .forSpreadsheet(ctx.ss.getId())
      .onEdit()
      .create();
    const other = ctx.run(() => ctx.app.create('other'));
    ScriptApp._as(ctx.ws, ADMIN).newTrigger('onOther').forForm(other).onFormSubmit().create();
    const result = FormApp._respond(ctx.ws, form.getId(), {
      email: 'a@b.cn',
      answers: { [ids.name]: '项目', [ids.themes]: ['服务民生', '服务群众'] },
    });
    expect(result.triggers.map((t) => [t.handler, t.owner, t.kind])).toEqual([
      ['onFormSubmit', ADMIN, 'form'],
      ['onFormSubmit', 'old-admin@example.cn', 'form'],
      ['onSheetSubmit', ADMIN, 'spreadsheet'],
    ]);
    const event = result.spreadsheetEvent!;
    expect(event.range.getA1Notation()).toBe('A2:J2');
    expect(event.source.getId()).toBe(ctx.ss.getId());
    expect(event.values[3]).toBe('项目');
    expect(event.values[6]).toBe('服务民生, 服务群众');
    expect(event.values[0]).toBe('2014/5/20 9:00:00');
    expect(event.namedValues['服务主题']).toEqual(['服务民生, 服务群众']);
    expect(event.namedValues[EMAIL_HEADER]).toEqual(['a@b.cn']);
  });

  test('toPrefilledUrl() gives …/viewform?usp=pp_url&entry.<itemId>=<value>, one entry per ticked checkbox', () => {
    const ctx = setup();
    const { form, ids } = applicationForm(ctx);
    const url = ctx.run(() => {
      const response: FormResponse = form
        .createResponse()
        .withItemResponse(form.getItemById(ids.name).asTextItem().createResponse('书记 项目&1'))
        .withItemResponse(
          form.getItemById(ids.themes).asCheckboxItem().createResponse(['服务民生', '服务群众']),
        );
      return response.toPrefilledUrl();
    });
    expect(url).toBe(
      `${form.getPublishedUrl()}?usp=pp_url&entry.${ids.name}=${encodeURIComponent('书记')}+${encodeURIComponent('项目&1')}` +
        `&entry.${ids.themes}=${encodeURIComponent('服务民生')}&entry.${ids.themes}=${encodeURIComponent('服务群众')}`,
    );
  });

  test('a question added after linking gets a new column at the end and renames show in the header; collecting emails later inserts 电子邮件地址 as column B', () => {
    const ctx = setup();
    const form = ctx.run(() => {
      const f = ctx.app.create('f', true);
      f.addTextItem().setTitle('q1');
      f.setDestination('SPREADSHEET' as never, ctx.ss.getId());
      f.addTextItem().setTitle('q2');
      f.setCollectEmail(true);
      return f;
    });
    const [q1, q2] = form.getItems().map((i) => i.getId());
    // The header follows the form at once, before any response arrives.
    expect(sheetValues(ctx.ss, '表单回复 1')).toEqual([
      [TIMESTAMP_HEADER, EMAIL_HEADER, 'q1', 'q2'],
    ]);
    form.getItemById(q2).setTitle('q2 renamed');
    expect(sheetValues(ctx.ss, '表单回复 1')[0][3]).toBe('q2 renamed');
    FormApp._respond(ctx.ws, form.getId(), { email: 'a@b.cn', answers: { [q1]: 'x', [q2]: 'y' } });
    expect(sheetValues(ctx.ss, '表单回复 1')).toEqual([
      [TIMESTAMP_HEADER, EMAIL_HEADER, 'q1', 'q2 renamed'],
      [new Date(T0), 'a@b.cn', 'x', 'y'],
    ]);
  });

  test('linking a spreadsheet after responses exist copies them into the new response sheet', () => {
    const ctx = setup();
    const form = ctx.run(() => {
      const f = ctx.app.create('f', true);
      f.addTextItem().setTitle('q');
      return f;
    });
    const q = form.getItems()[0].getId();
    const before = FormApp._respond(ctx.ws, form.getId(), {
      email: 'a@b.cn',
      answers: { [q]: '早' },
    });
    expect(before.spreadsheetEvent).toBeUndefined();
    ctx.run(() => form.setDestination('SPREADSHEET' as never, ctx.ss.getId()));
    expect(sheetValues(ctx.ss, '表单回复 1')[1][1]).toBe('早');
    expect(ctx.ss.getSheets()[0].getName()).toBe('表单回复 1');
  });

  test('_forms lists every form; a Form fake is what the script gets', () => {
    const ctx = setup();
    ctx.run(() => {
      ctx.app.create('a').setTitle('a');
      ctx.app.create('b').setTitle('b');
    });
    const forms = FormApp._forms(ctx.ws);
    expect(forms.map((f) => f.getTitle())).toEqual(['a', 'b']);
    expect(forms[0]).toBeInstanceOf(Form);
  });
});
