import type { SheetDef } from '../../sheets-templates/config-sheets';
import { DATA_SHEETS, RECORD_SHEET_KEYS, recordSheetOf } from '../../sheets-templates/data-sheets';
import type { FieldDef, FormDef } from '../../sheets-templates/forms';
import { personChoice, type CampaignConfig } from '../domain/config';
import { messages, type Locale } from '../i18n';
import type { AppDeps, FormSpec } from '../ports';
import { sheetSpec } from './config-sheets';

export const SUBMIT_HANDLER = 'onFormSubmit';

const KIND: Record<FieldDef['kind'], FormSpec['items'][number]['kind']> = {
  unit: 'list',
  person: 'list',
  subject: 'text',
  text: 'text',
  paragraph: 'paragraph',
  choice: 'list',
  checkbox: 'checkbox',
  date: 'date',
  integer: 'integer',
  number: 'number',
  email: 'email',
  phone: 'text',
  url: 'url',
  rating: 'scale',
};

export function formSpec(
  def: FormDef,
  locale: Locale,
  campaignName: string,
  unitNames: string[],
  responderAccess: 'anyone' | 'domain' = 'anyone',
  /** The roster's people as a person field lists them (personChoice). */
  personNames: string[] = [],
): FormSpec {
  const en = locale === 'en';
  return {
    key: def.key,
    requireLogin: responderAccess === 'domain',
    title: `${campaignName} · ${en ? def.title.en : def.title.zh}`,
    description: def.description,
    confirmation: en
      ? 'Thank you. A receipt will be emailed to you.'
      : '提交成功，回执将发送到您填写的邮箱。如需修改，请使用回执中的链接。',
    items: def.fields.map((f) => ({
      key: f.key,
      title: en ? f.label.en : f.label.zh,
      help: f.help ?? '',
      required: f.required,
      kind: KIND[f.kind],
      choices: f.kind === 'unit' ? unitNames : f.kind === 'person' ? personNames : f.choices,
      ...(f.kind === 'unit' || f.kind === 'person' ? { rosterChoices: true } : {}),
      min: f.min,
      max: f.max,
      maxLength: f.maxLength,
    })),
  };
}

/** The roster's people of active units, as a person dropdown lists them: 姓名（单位名称）. */
export function rosterChoices(config: CampaignConfig): string[] {
  const active = new Map(config.units.filter((u) => u.active).map((u) => [u.unitId, u]));
  return (config.people ?? [])
    .filter((p) => active.has(p.unitId))
    .map((p) => personChoice(p, config.units));
}

/** The forms the stages use, in template order, with the fields 表单设计 gives them. */
export function formsInUse(config: CampaignConfig): FormDef[] {
  const used = new Set<string>(config.stages.map((s) => s.form ?? '').filter(Boolean));
  return config.forms.filter((f) => used.has(f.key));
}

/** The data sheets of the campaign: each form's record sheet as 表单设计 shapes it, then the rest. */
export function dataSheets(config: CampaignConfig): SheetDef[] {
  const records = new Set(RECORD_SHEET_KEYS);
  return [
    ...config.forms.map(recordSheetOf),
    ...DATA_SHEETS.filter((def) => !records.has(def.key)),
  ];
}

/** Every header a column may carry (Chinese, English, key), as sheetSpec orders the columns. */
function aliasesOf(def: SheetDef): string[][] {
  return def.columns.map((c) => [c.label.zh, c.label.en, c.key]);
}

export interface FormsState {
  changed: boolean;
  links: Record<string, string>;
}

/**
 * Creates what a running campaign needs beyond its configuration: the data sheets, the forms of
 * its stages with a submit trigger each, and an up-to-date unit dropdown. Idempotent: a second
 * run finds everything in place and changes nothing. With `create: false` (the daily run) no form
 * is created or repaired — a missing one is logged and left to Activate or Repair — the dropdown
 * follows the roster and submit triggers are kept.
 */
export function ensureCampaignForms(
  deps: AppDeps,
  config: CampaignConfig,
  options: { create?: boolean } = {},
): FormsState {
  const { settings } = config;
  let changed = false;
  for (const def of dataSheets(config)) {
    const spec = sheetSpec(def, settings.locale);
    if (deps.sheets.ensureSheet(spec)) changed = true;
    // A field added in 表单设计 gets its column at Activate; the daily run spends no call on it.
    else if (options.create !== false && deps.sheets.addMissingColumns(spec, aliasesOf(def)))
      changed = true;
  }
  const unitNames = config.units.filter((u) => u.active).map((u) => u.name);
  const personNames = rosterChoices(config);
  const links: Record<string, string> = {};
  for (const def of formsInUse(config)) {
    const result = deps.forms.ensureForm(
      formSpec(
        def,
        settings.locale,
        settings.campaignName,
        unitNames,
        settings.responderAccess,
        personNames,
      ),
      options,
    );
    if (result.missing) {
      const title = settings.locale === 'en' ? def.title.en : def.title.zh;
      const m = messages(settings.locale).health;
      deps.log.record({
        event: 'formMissing',
        form: def.key,
        ...(result.owner ? { owner: result.owner } : {}),
        message: result.owner ? m.formNotShared(title, result.owner) : m.formMissing(title),
      });
      continue;
    }
    links[def.key] = result.url;
    changed = result.created || !!result.repaired || changed;
    // The dropdowns follow 单位名册 and the roster: units and people come and go.
    for (const field of def.fields) {
      if (field.kind === 'unit')
        changed = deps.forms.setChoices(def.key, field.key, unitNames) || changed;
      if (field.kind === 'person')
        changed = deps.forms.setChoices(def.key, field.key, personNames) || changed;
    }
    changed = deps.forms.ensureSubmitTrigger(def.key, SUBMIT_HANDLER) || changed;
  }
  return { changed, links };
}
