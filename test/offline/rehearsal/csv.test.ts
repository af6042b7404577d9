import {
  CsvError,
  parseCsv,
  parseCsvLenient,
  parseCsvTable,
} from '../../../src/offline/rehearsal/csv';

describe('parseCsv (RFC 4180 with source lines)', () => {
  test('plain records carry their 1-based line numbers', () => {
    expect(parseCsv('a,b\n1,2\n3,4\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  test('quoted fields keep commas, doubled quotes become one quote', () => {
    const [r] = parseCsv('"7,3,1","say ""hi""",""\n');
    expect(r.fields).toEqual(['7,3,1', 'say "hi"', '']);
  });

  test('a line break inside quotes stays in the field and shifts later line numbers', () => {
    const recs = parseCsv('k,v\n"x","line one\r\nline two\nline three"\nnext,1\n');
    expect(recs[1]).toEqual({ line: 2, fields: ['x', 'line one\nline two\nline three'] });
    expect(recs[2]).toEqual({ line: 5, fields: ['next', '1'] });
  });

  test('CRLF line breaks, a UTF-8 BOM and a missing final newline are accepted', () => {
    expect(parseCsv('\uFEFFkey,value\r\ncampaignName,活动\r\nlocale,zh-CN')).toEqual([
      { line: 1, fields: ['key', 'value'] },
      { line: 2, fields: ['campaignName', '活动'] },
      { line: 3, fields: ['locale', 'zh-CN'] },
    ]);
  });

  test('blank lines are skipped without disturbing line numbers; empty trailing fields are kept', () => {
    expect(parseCsv('a,b\n\n\n1,\n\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 4, fields: ['1', ''] },
    ]);
  });

  test('spaces are part of a field (RFC 4180)', () => {
    expect(parseCsv(' a , b ')[0].fields).toEqual([' a ', ' b ']);
  });

  test('an unterminated quote is reported on the line where it opened', () => {
    const { issues } = parseCsvLenient('a,b\n1,2\n3,"open\nmore\nstill\n');
    expect(issues).toEqual([
      { line: 3, message: expect.stringMatching(/unterminated quoted field/) },
    ]);
  });

  test('a stray quote inside an unquoted field names its line, and parsing goes on', () => {
    const { records, issues } = parseCsvLenient('a,b\nU01,say "hi"\nU02,ok\nU03,x"y\n');
    expect(issues.map((i) => i.line)).toEqual([2, 4]);
    expect(issues[0].message).toMatch(/stray quote/);
    expect(records.map((r) => r.fields[0])).toEqual(['a', 'U01', 'U02', 'U03']);
  });

  test('text after a closing quote is reported', () => {
    const { issues } = parseCsvLenient('a,b\n"x"y,2\n');
    expect(issues).toEqual([{ line: 2, message: expect.stringMatching(/after a closing quote/) }]);
  });

  test('parseCsv throws a CsvError listing every problem with its line', () => {
    let err: unknown;
    try {
      parseCsv('a\nx"y\nok\nz"w\n');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CsvError);
    expect((err as CsvError).issues.map((i) => i.line)).toEqual([2, 4]);
    expect((err as CsvError).message).toMatch(/^line 2: .*\nline 4: /);
  });
});

describe('parseCsvTable', () => {
  test('splits header and rows', () => {
    const t = parseCsvTable('unitId,name\nU01,甲\nU02,乙\n');
    expect(t.header).toEqual(['unitId', 'name']);
    expect(t.headerLine).toBe(1);
    expect(t.rows.map((r) => [r.line, r.fields])).toEqual([
      [2, ['U01', '甲']],
      [3, ['U02', '乙']],
    ]);
    expect(t.issues).toEqual([]);
  });

  test('rows with a different field count than the header are each reported by line', () => {
    const t = parseCsvTable('a,b,c\n1,2,3\n1,2\n"x\ny",2,3,4\n');
    expect(t.issues).toEqual([
      { line: 3, message: '2 fields but the header (line 1) has 3' },
      { line: 4, message: '4 fields but the header (line 1) has 3' },
    ]);
    expect(t.rows).toHaveLength(3);
  });

  test('an empty file is reported', () => {
    expect(parseCsvTable('\uFEFF\n').issues).toEqual([
      { line: 1, message: 'empty file (expected a header row)' },
    ]);
  });
});
