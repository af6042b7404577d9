/**
 * Replays scenario `submit` and `edit` events (rehearsal-format.md): a respondent submits one of
 * the campaign's forms, or edits their response through its edit link, and Apps Script fires the
 * installed form-submit triggers — every one of them, other accounts' ghosts included.
 *
 * Contract with the script (set at *activate*): script property `form.<formKey>.id` holds the
 * form id and `form.<formKey>.items` a JSON object `{ "<fieldKey>": <itemId>, … }`.
 */
import { UNITS_SHEET } from '../../../sheets-templates/config-sheets';
import { TEMPLATES } from '../../../sheets-templates/templates';
import { mapColumns } from '../../domain/table';
import { FormApp, FormRefused, type FormSubmission } from '../emulator/form-app';
import type { Item } from '../emulator/form-items';
import { PropertiesService } from '../emulator/properties-service';
import type { CampaignHarness } from '../harness';
import type { RunResult, RunSpec } from '../sandbox/sandbox';
import type { EventReplayer, ReplayContext } from './replayer';
import type { EditEvent, ScenarioEvent, SubmitEvent } from './scenario';

/** What the replay could not do as written (the rehearsal goes on). */
export interface ReplayNote {
  line: number;
  type: 'submit' | 'edit';
  form: string;
  problem: string;
}

/** The replay result: the executions that ran, plus what was dropped or refused on the way. */
export type FormReplayResult = RunResult[] & { notes: ReplayNote[] };

/** What `context.responses` holds for a replayed submission, by scenario event id. */
export interface ReplayedResponse {
  formKey: string;
  formId: string;
  responseId: string;
}

const notesByContext = new WeakMap<ReplayContext, ReplayNote[]>();

/** Every note of the form replays in this rehearsal so far, oldest first. */
export function formReplayNotes(context: ReplayContext): ReplayNote[] {
  let notes = notesByContext.get(context);
  if (!notes) {
    notes = [];
    notesByContext.set(context, notes);
  }
  return notes;
}

function result(runs: RunResult[], notes: ReplayNote[]): FormReplayResult {
  return Object.assign(runs, { notes });
}

interface FormContract {
  formId: string;
  items: Record<string, number>;
}

/** The form the script created for `formKey`, or a reason why there is none to respond to. */
function contractFor(harness: CampaignHarness, formKey: string): FormContract | string {
  const props = PropertiesService._store(harness.ws, 'script');
  const formId = props.getProperty(`form.${formKey}.id`);
  if (!formId) return `no form "${formKey}" (script property form.${formKey}.id is not set)`;
  if (!FormApp._form(harness.ws, formId)) {
    return `form.${formKey}.id names form ${formId}, which does not exist`;
  }
  const raw = props.getProperty(`form.${formKey}.items`) ?? '{}';
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return `form.${formKey}.items is not JSON`;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return `form.${formKey}.items is not a JSON object`;
  }
  return { formId, items: parsed as Record<string, number> };
}

/** Unit id → unit name, from the units sheet as the administrator filled it in. */
function unitNames(harness: CampaignHarness): Map<string, string> {
  const out = new Map<string, string>();
  for (const title of [UNITS_SHEET.title.zh, UNITS_SHEET.title.en]) {
    const values = harness.values(title);
    if (!values || values.length === 0) continue;
    const columns = mapColumns(UNITS_SHEET, values[0]);
    const idAt = columns.index.unitId;
    const nameAt = columns.index.name;
    if (idAt === undefined || nameAt === undefined) continue;
    for (const row of values.slice(1)) {
      const id = String(row[idAt] ?? '').trim();
      if (id) out.set(id, String(row[nameAt] ?? '').trim());
    }
  }
  return out;
}

/**
 * Person id → the choice the person dropdown shows for them (姓名（单位名称）), from the roster
 * sheet of any template as the administrator filled it in.
 */
function personLabels(harness: CampaignHarness, units: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const roster of TEMPLATES.flatMap((t) => (t.roster ? [t.roster.sheet] : []))) {
    const values = harness.values(roster.zh) ?? harness.values(roster.en);
    if (!values || values.length === 0) continue;
    const header = values[0].map((c) => String(c).trim());
    const at = (...names: string[]) => header.findIndex((h) => names.includes(h));
    const idAt = at('人员编号', 'Person ID', 'personId');
    const nameAt = at('姓名', 'Name', 'name');
    const unitAt = at('所在单位编号', 'Unit ID', 'unitId');
    if (idAt < 0 || nameAt < 0 || unitAt < 0) continue;
    for (const row of values.slice(1)) {
      const id = String(row[idAt] ?? '').trim();
      const unit = String(row[unitAt] ?? '').trim();
      if (id) out.set(id, `${String(row[nameAt] ?? '').trim()}（${units.get(unit) ?? unit}）`);
    }
  }
  return out;
}

/** The choices a respondent can pick on a list or multiple-choice item, else null. */
function offeredChoices(item: Item): string[] | null {
  const type = String(item.getType());
  if (type === 'LIST')
    return item
      .asListItem()
      .getChoices()
      .map((c) => c.getValue());
  if (type === 'MULTIPLE_CHOICE') {
    const mc = item.asMultipleChoiceItem();
    return mc.hasOtherOption() ? null : mc.getChoices().map((c) => c.getValue());
  }
  return null;
}

/**
 * Answers keyed by field key → keyed by item id; keys without a question are dropped. A browser
 * can only pick a choice the form offers: a scenario's unit id (or person id) is answered with the
 * choice shown for that unit (its name, as activate builds the dropdown) or person (姓名（单位名称）); an answer that matches no choice is
 * dropped with a note (Google Forms would refuse it).
 */
function mapAnswers(
  harness: CampaignHarness,
  contract: FormContract,
  answers: Record<string, unknown>,
  note: (problem: string) => void,
): Record<number, unknown> {
  const form = FormApp._form(harness.ws, contract.formId);
  const questions = new Map(
    (form?.getItems() ?? [])
      .filter((i) => String(i.getType()) !== 'SECTION_HEADER')
      .map((i) => [i.getId(), i] as const),
  );
  let units: Map<string, string> | null = null;
  let people: Map<string, string> | null = null;
  const out: Record<number, unknown> = {};
  for (const [key, value] of Object.entries(answers)) {
    const itemId = Number(contract.items[key]);
    const item = questions.get(itemId);
    if (!Object.prototype.hasOwnProperty.call(contract.items, key)) {
      note(`answer "${key}" dropped: the form has no item for it`);
    } else if (!item) {
      note(
        `answer "${key}" dropped: item ${String(contract.items[key])} is not a question of the form`,
      );
    } else {
      const choices = offeredChoices(item);
      const given = value === null || value === undefined ? '' : String(value as string);
      if (!choices || given === '' || choices.includes(given)) {
        out[itemId] = value;
        continue;
      }
      units ??= unitNames(harness);
      people ??= personLabels(harness, units);
      const shown = units.get(given.trim()) ?? people.get(given.trim());
      if (shown !== undefined && choices.includes(shown)) {
        out[itemId] = shown;
      } else {
        note(
          `answer "${key}" dropped: "${given}" is not one of the choices the form offers (${choices.length})`,
        );
      }
    }
  }
  return out;
}

/** The executions Apps Script starts for a submission: one per trigger, each as its owner. */
export function triggerRuns(submission: FormSubmission): RunSpec[] {
  return submission.triggers.map((trigger) => ({
    handler: trigger.handler,
    trigger: 'form' as const,
    effectiveUser: trigger.owner,
    activeUser: '',
    event:
      trigger.kind === 'form'
        ? {
            authMode: 'FULL',
            source: submission.form,
            response: submission.response,
            triggerUid: trigger.id,
          }
        : {
            authMode: 'FULL',
            source: submission.spreadsheetEvent?.source,
            range: submission.spreadsheetEvent?.range,
            values: submission.spreadsheetEvent?.values,
            namedValues: submission.spreadsheetEvent?.namedValues,
            triggerUid: trigger.id,
          },
  }));
}

/** A form event made host-side (the respondent's part): the trigger executions it causes. */
export interface PreparedFormEvent {
  specs: RunSpec[];
  notes: ReplayNote[];
}

export type FormEventPreparer = (
  harness: CampaignHarness,
  event: ScenarioEvent,
  context: ReplayContext,
) => PreparedFormEvent;

/** Replays a prepared event: its trigger executions run one after another, each as its owner. */
const replayWith =
  (prepare: FormEventPreparer): EventReplayer =>
  (harness, event, context) => {
    const { specs, notes } = prepare(harness, event, context);
    return result(
      specs.map((spec) => harness.run(spec)),
      notes,
    );
  };

/**
 * A respondent submits one of the campaign's forms with answers keyed by field key; nothing runs
 * yet — the caller fires `runs` one after another (`harness.run`) or together (`runTogether`).
 */
export function respondAs(
  harness: CampaignHarness,
  formKey: string,
  email: string,
  answers: Record<string, unknown>,
): { submission: FormSubmission; runs: RunSpec[] } {
  const contract = contractFor(harness, formKey);
  if (typeof contract === 'string') throw new Error(contract);
  const byItem = mapAnswers(harness, contract, answers, (problem) => {
    throw new Error(problem);
  });
  const submission = FormApp._respond(harness.ws, contract.formId, {
    email,
    answers: byItem,
    at: harness.ws.now(),
  });
  return { submission, runs: triggerRuns(submission) };
}

function refusal(error: unknown): string | null {
  return error instanceof FormRefused
    ? `refused by Google Forms (${error.reason}): ${error.message}`
    : null;
}

export const prepareSubmit: FormEventPreparer = (harness, scenarioEvent, context) => {
  const event = scenarioEvent as SubmitEvent;
  const notes: ReplayNote[] = [];
  const note = (problem: string) => {
    const n: ReplayNote = { line: event.line, type: 'submit', form: event.form, problem };
    notes.push(n);
    formReplayNotes(context).push(n);
  };
  const contract = contractFor(harness, event.form);
  // A respondent cannot submit a form that does not exist (not created, not activated yet).
  if (typeof contract === 'string') {
    note(contract);
    return { specs: [], notes };
  }
  const answers = mapAnswers(harness, contract, event.answers, note);
  let submission: FormSubmission;
  try {
    submission = FormApp._respond(harness.ws, contract.formId, {
      email: event.email,
      answers,
      at: harness.ws.now(),
    });
  } catch (error) {
    const why = refusal(error);
    if (!why) throw error;
    note(why);
    return { specs: [], notes };
  }
  if (event.id !== undefined) {
    const replayed: ReplayedResponse = {
      formKey: event.form,
      formId: contract.formId,
      responseId: submission.response.getId(),
    };
    context.responses.set(event.id, replayed);
  }
  return { specs: triggerRuns(submission), notes };
};

export const prepareEdit: FormEventPreparer = (harness, scenarioEvent, context) => {
  const event = scenarioEvent as EditEvent;
  const notes: ReplayNote[] = [];
  const note = (problem: string) => {
    const n: ReplayNote = { line: event.line, type: 'edit', form: event.form, problem };
    notes.push(n);
    formReplayNotes(context).push(n);
  };
  const original = context.responses.get(event.submitId ?? event.of) as
    ReplayedResponse | undefined;
  if (!original) {
    note(`no response from event "${event.submitId ?? event.of}" to edit (it was not submitted)`);
    return { specs: [], notes };
  }
  const contract = contractFor(harness, original.formKey);
  if (typeof contract === 'string' || contract.formId !== original.formId) {
    note(
      typeof contract === 'string'
        ? contract
        : `form.${original.formKey}.id now names another form than the one submitted`,
    );
    // The edit link still leads to the original form, if it exists.
    if (!FormApp._form(harness.ws, original.formId)) return { specs: [], notes };
  }
  const items = typeof contract === 'string' ? {} : contract.items;
  const answers = mapAnswers(harness, { formId: original.formId, items }, event.answers, note);
  let submission: FormSubmission;
  try {
    submission = FormApp._edit(harness.ws, original.formId, original.responseId, {
      answers,
      at: harness.ws.now(),
    });
  } catch (error) {
    const why = refusal(error);
    if (!why) throw error;
    note(why);
    return { specs: [], notes };
  }
  return { specs: triggerRuns(submission), notes };
};

/** Registers the two replayers in the engine's table (called from engine.ts). */
export function registerFormReplayers(
  replayers: Partial<Record<ScenarioEvent['type'], EventReplayer>>,
): void {
  replayers.submit = replayWith(prepareSubmit);
  replayers.edit = replayWith(prepareEdit);
}

/** Form events whose trigger executions the rehearsal may run at once (a burst of respondents). */
export const FORM_PREPARERS: Partial<Record<ScenarioEvent['type'], FormEventPreparer>> = {
  submit: prepareSubmit,
  edit: prepareEdit,
};
