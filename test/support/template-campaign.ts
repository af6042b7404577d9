/**
 * A campaign of another template than the default, made as an administrator would: setup, 活动模板
 * chosen in 系统设置, the sheets the first setup wrote for the default template deleted and setup
 * run again (it writes the chosen template's), then settings, units and roster rows pasted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configSheetsFor, SETTINGS_SHEET } from '../../sheets-templates/config-sheets';
import { templateById } from '../../sheets-templates/templates';
import { parseCsvTable } from '../../src/offline/rehearsal/csv';
import { projectRoot } from '../../src/offline/project-root';
import { mapColumns, type Cell, type RawTable } from '../../src/domain/table';
import type { SheetsPort } from '../../src/ports';
import { ADMIN, newCampaign } from './campaign';

type Campaign = ReturnType<typeof newCampaign>;

/** A CSV of the project (e.g. sheets-templates/sample-branch-duties/units.csv) as header + rows. */
export function sampleCsv(relative: string): { header: string[]; rows: string[][] } {
  const table = parseCsvTable(fs.readFileSync(path.join(projectRoot(), relative), 'utf8'));
  return { header: table.header, rows: table.rows.map((r) => r.fields) };
}

/** Rows keyed by column key, laid out under a sheet's header (as typed text). */
function aligned(
  campaign: Campaign,
  title: string,
  key: string,
  table: { header: string[]; rows: string[][] },
  templateId: string,
): string[][] {
  const def = configSheetsFor(templateById(templateId)!).find((d) => d.key === key)!;
  const header = (campaign.values(title) ?? [[]])[0];
  const columns = mapColumns(def, header);
  return table.rows.map((row) => {
    const out = Array<string>(header.length).fill('');
    table.header.forEach((k, i) => {
      const at = columns.index[k];
      if (at !== undefined) out[at] = row[i] ?? '';
    });
    return out;
  });
}

export interface TemplateData {
  settings: Record<string, string>;
  units: { header: string[]; rows: string[][] };
  roster?: { header: string[]; rows: string[][] };
}

/** Setup for `templateId`, then the settings, units and roster of `data` pasted. */
export function configuredFor(templateId: string, data: TemplateData, at: string): Campaign {
  const campaign = newCampaign(at);
  campaign.open(ADMIN);
  expect(campaign.clickMenu('setup', ADMIN).ok).toBe(true);
  const settings = { ...data.settings, template: templateId };
  const title = SETTINGS_SHEET.title.zh;
  const current = campaign.values(title) ?? [];
  const rows = current.slice(1).map((r) => [...r]);
  for (const [key, value] of Object.entries(settings)) {
    const row = rows.find((r) => String(r[0]) === key);
    if (row) row[2] = value;
    else rows.push([key, '', value, '']);
  }
  campaign.paste(title, 2, rows, ADMIN);
  // The sheets the default template filled go; setup writes the chosen template's instead.
  campaign.asPerson(ADMIN, () => {
    const book = campaign.spreadsheet;
    for (const name of ['单位名册', '阶段设置', '表单设计']) book.deleteSheet(campaign.sheet(name));
  });
  expect(campaign.clickMenu('setup', ADMIN).ok).toBe(true);
  const units = '单位名册';
  campaign.clearBody(units, ADMIN);
  campaign.paste(units, 2, aligned(campaign, units, 'units', data.units, templateId), ADMIN);
  const roster = configSheetsFor(templateById(templateId)!).find((d) => d.key === 'roster');
  if (roster && data.roster) {
    campaign.clearBody(roster.title.zh, ADMIN);
    campaign.paste(
      roster.title.zh,
      2,
      aligned(campaign, roster.title.zh, 'roster', data.roster, templateId),
      ADMIN,
    );
  }
  return campaign;
}

/** The workbook as a read-only SheetsPort (for loaders run in Node on what the bundle wrote). */
export function workbookPort(campaign: Campaign): SheetsPort {
  const readTable = (titles: readonly string[]): RawTable | null => {
    for (const t of titles) {
      const values = campaign.values(t) as Cell[][] | null;
      if (values) return { header: values[0] ?? [], rows: values.slice(1), firstRow: 2 };
    }
    return null;
  };
  const port: Partial<SheetsPort> = {
    readTable,
    readHeader: (titles) => readTable(titles)?.header ?? null,
    timeZone: () => 'Asia/Shanghai',
  };
  return new Proxy(port as SheetsPort, {
    get(target, name: string) {
      const found = (target as unknown as Record<string, unknown>)[name];
      if (found) return found;
      throw new Error(`workbookPort: ${name} is not read-only`);
    },
  });
}
