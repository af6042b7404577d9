import { CELL_PADDING, cellNeed, columnWidths, textWidth } from '../../src/domain/table-layout';

const sum = (ws: number[]) => ws.reduce((a, b) => a + b, 0);

describe('column widths by content (Docs gives every column the same width)', () => {
  test('a 12-character id and a date keep one line; prose takes the rest of the line', () => {
    const cells = [
      ['项目编号', '项目名称', '截止日期'],
      ['SJXM-2014-001', '“改革先锋”服务品牌建设，推动机关党建与业务深度融合', '2014-05-30'],
    ];
    const [id, name, date] = columnWidths(cells, 1, 468);
    expect(id).toBeGreaterThanOrEqual(textWidth('SJXM-2014-001') + CELL_PADDING);
    expect(date).toBeGreaterThanOrEqual(textWidth('2014-05-30') + CELL_PADDING);
    expect(name).toBeGreaterThan(id + date);
    expect(sum([id, name, date])).toBeCloseTo(468, 5);
  });

  test('a short Chinese term stays whole (机关事业单位), a header may take two lines, a long name three', () => {
    expect(cellNeed('机关事业单位', false, 468).min).toBe(textWidth('机关事业单位'));
    expect(cellNeed('领导班子强', true, 468).min).toBe(textWidth('领导班', true));
    expect(cellNeed('验收结论', true, 468).min).toBe(textWidth('验收', true));
    expect(cellNeed('序号', true, 468).min).toBe(textWidth('序号', true));
    expect(cellNeed('市人力资源和社会保障局机关党委', false, 468).min).toBe(
      textWidth('市人力资源和'),
    );
  });

  test('a header never leaves one character alone on its last line (验收结/论)', () => {
    const cells = [
      ['项目名称', '自评均分', '验收评分', '验收结论', '领导班子强'],
      ['“改革先锋”服务品牌建设，推动机关党建与业务深度融合', '4.33', '88', '不合格', '4'],
    ];
    const widths = columnWidths(cells, 1, 360);
    cells[0].forEach((header, c) => {
      const n = [...header].length;
      // Counted as a viewer fits them: 11 pt per character, 10 pt of padding.
      const perLine = Math.floor((widths[c] - 10) / 11);
      expect({ header, orphan: perLine < n && n % perLine === 1 }).toEqual({
        header,
        orphan: false,
      });
    });
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(360, 5);
  });

  test('one very long cell does not take the whole line; a URL may break', () => {
    const cells = [
      ['申报单位', '项目名称'],
      ['市发展和改革委员会机关党委', '=HYPERLINK("http://phish.example","点此查看项目详情")'],
      ['市教育局机关党委', '校园党建“一校一品”'],
    ];
    const [unit] = columnWidths(cells, 1, 300);
    expect(unit).toBeGreaterThan(90);
  });

  test('when nothing wraps, the spare width is shared by content; minimums too wide are scaled to the line', () => {
    const narrow = columnWidths(
      [
        ['类型', '数'],
        ['典型示范型', '14'],
      ],
      1,
      400,
    );
    expect(sum(narrow)).toBeCloseTo(400, 5);
    expect(narrow[0]).toBeGreaterThan(narrow[1]);
    const wide = columnWidths([Array(12).fill('SJXM-2014-001')], 0, 468);
    expect(sum(wide)).toBeCloseTo(468, 5);
  });

  test('a template cell with a placeholder asks for the whole line (its value is still to come)', () => {
    const [label, value] = columnWidths([['项目名称', '{{projectName}}']], 0, 468);
    expect(label).toBeGreaterThanOrEqual(textWidth('项目名称') + CELL_PADDING);
    expect(value).toBeGreaterThan(label);
    // A form label of up to 8 characters stays whole (greedy breaking would give 经费需求（万/元）).
    const [form] = columnWidths(
      [
        ['申报单位', '{{unitName}}'],
        ['项目名称', '{{projectName}}'],
        ['项目负责人', '{{leader}}'],
        ['目标任务', '{{goals}}'],
        ['整顿软弱涣散基层党组织措施（规定动作）', '{{rectification}}'],
        ['联系电话', '{{contactPhone}}'],
        ['经费需求（万元）', '{{budget}}'],
      ],
      0,
      468,
    );
    expect(form).toBeGreaterThanOrEqual(textWidth('经费需求（万元）') + CELL_PADDING);
    expect(form).toBeLessThan(468 / 3);
  });
});
