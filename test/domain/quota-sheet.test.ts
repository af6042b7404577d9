import { configSheetsFor, QUOTA_RULES_SHEET, SETTINGS } from '../../sheets-templates/config-sheets';
import { TEMPLATES } from '../../sheets-templates/templates';
import type { ConfigProblem } from '../../src/domain/config';
import { parseQuotaRules, type QuotaSheetContext } from '../../src/domain/quota-sheet';
import type { Cell, RawTable } from '../../src/domain/table';
import type { CampaignTemplate } from '../../src/domain/template';

/** 配额规则 as Setup writes it for a template: the header's Chinese labels, then its rows. */
function sheetOf(template: CampaignTemplate): RawTable {
  const def = configSheetsFor(template).find((d) => d.key === QUOTA_RULES_SHEET.key)!;
  return {
    header: def.columns.map((c) => c.label.zh),
    rows: def.sampleRows.map((row) => def.columns.map((c) => (row[c.key] ?? '') as Cell)),
    firstRow: 2,
  };
}

const contextOf = (template: CampaignTemplate): QuotaSheetContext => ({
  template,
  formKeys: template.forms.map((f) => f.key),
  settingKeys: SETTINGS.filter((s) => s.type === 'integer').map((s) => s.key),
});

describe('配额规则: quota rules as a sheet', () => {
  test.each(TEMPLATES.map((t) => [t.id, t] as const))(
    'the rows Setup writes for %s read back as the template’s rules',
    (_id, template) => {
      const out: ConfigProblem[] = [];
      expect(parseQuotaRules(sheetOf(template), contextOf(template), out)).toEqual(
        template.quotaRules,
      );
      expect(out).toEqual([]);
    },
  );

  test('an edited limit is the rule the next check runs; a limit may name a setting', () => {
    const template = TEMPLATES.find((t) => t.id === 'branch-duties')!;
    const table = sheetOf(template);
    const at = (key: string) =>
      table.header.indexOf(QUOTA_RULES_SHEET.columns.find((c) => c.key === key)!.label.zh);
    const share = table.rows.find((r) => String(r[at('atMostShare')]) !== '')!;
    share[at('atMostShare')] = '0.2';
    const out: ConfigProblem[] = [];
    const rules = parseQuotaRules(table, contextOf(template), out)!;
    expect(rules.find((r) => r.id === String(share[at('id')]))).toMatchObject({ atMostShare: 0.2 });
    const secretary = TEMPLATES[0];
    expect(parseQuotaRules(sheetOf(secretary), contextOf(secretary), out)?.[0]).toMatchObject({
      atLeast: { setting: 'minProjectsPerUnit' },
    });
  });

  test('each problem is located by row and column, and no rule is taken from a broken sheet', () => {
    const template = TEMPLATES[0];
    const table = sheetOf(template);
    const at = (key: string) =>
      table.header.indexOf(QUOTA_RULES_SHEET.columns.find((c) => c.key === key)!.label.zh);
    table.rows[0][at('atLeast')] = '-1';
    table.rows[1][at('form')] = 'budget';
    table.rows[3][at('atMostShare')] = '1.5';
    table.rows[4][at('kind')] = 'ratio';
    table.rows[5][at('id')] = String(table.rows[2][at('id')]);
    const out: ConfigProblem[] = [];
    expect(parseQuotaRules(table, contextOf(template), out)).toBeNull();
    expect(out.map((p) => [p.row, p.column, p.problem.key])).toEqual([
      [2, 'atLeast', 'badAmount'],
      [3, 'form', 'unknownTemplateForm'],
      [5, 'atMostShare', 'badShare'],
      [6, 'kind', 'badChoice'],
      [7, 'id', 'duplicate'],
    ]);
  });

  test('without the sheet (a spreadsheet set up before it existed), the template’s rules', () => {
    const template = TEMPLATES[0];
    expect(parseQuotaRules(null, contextOf(template), [])).toBe(template.quotaRules);
  });
});
