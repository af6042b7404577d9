import {
  recordSheetOf,
  REJECTIONS_SHEET,
  MAIL_LOG_SHEET,
} from '../../sheets-templates/data-sheets';
import {
  DERIVED_TEXT_LIMIT,
  formDef,
  type FieldDef,
  type FormDef,
} from '../../sheets-templates/forms';
import { dayOf, endOfDay, zonedTime } from '../domain/calendar';
import {
  personChoice,
  type CampaignConfig,
  type ListedSubject,
  type Person,
  type Unit,
} from '../domain/config';
import { validateAnswers, type AnswerValue, type FieldError } from '../domain/submission';
import type { Cell, KeyedRow } from '../domain/table';
import { messages, problem, renderProblem, type Messages } from '../i18n';
import type { AppDeps, OutgoingMail, RawSubmission, SendResult } from '../ports';
import {
  campaignFormKeys,
  catchUp,
  recordedAt,
  STAMP_TOLERANCE_MS,
  type CatchUpResult,
} from './catch-up';
import { loadConfig } from './config-sheets';
import { personalLink } from './unit-page';
import { composeReceipt, composeRejection } from './intake-mail';
import { appendQueue, failureClass, groupOf, reportMailFailures } from './mail-queue';
import { answerLines } from '../domain/labels';
import {
  cellsOf,
  headerOnly,
  readKeyed,
  rowFor,
  sameCell,
  subjectSheet,
  type KeyedTable,
} from './records';

export type { RawSubmission } from '../ports';

export type IntakeStatus = 'accepted' | 'updated' | 'rejected' | 'unverified' | 'duplicate';

export interface IntakeResult {
  status: IntakeStatus;
  projectId?: string;
  /** The listed subject (e.g. a key task) an entry reports on. */
  subjectId?: string;
  /** The roster person an entry is about. */
  personId?: string;
  unitId?: string;
  errors?: string[];
}

/** Where a response came from: its own submit trigger, or the catch-up from the form's list. */
export type IntakeVia = 'trigger' | 'catchUp';

const DEFAULT_PREFIX = 'SJXM';
/**
 * An intake starts taking in missed responses only this early in its execution: a few take-ins
 * then still end far inside the 6-minute limit, even after a long wait for the lock.
 */
const INTAKE_CATCH_UP_WITHIN_MS = 2 * 60 * 1000;

/**
 * Takes one form response into the campaign's sheets: validates it, resolves its unit and
 * project, upserts it by response id (an edit updates the same record, the same response
 * delivered twice changes nothing), and answers the respondent with a receipt or a rejection
 * that says what to fix. Nothing is dropped: a rejected response is kept with reasons. Then, when
 * it is cheap, responses of the same form whose own execution never recorded them are taken in.
 */
export function intake(
  deps: AppDeps,
  raw: RawSubmission | null,
  sourceFormId = '',
): IntakeResult | null {
  if (!raw) {
    // A form this campaign did not create (or an old one): nothing of ours to record.
    deps.log.record({ event: 'submissionIgnored', formId: sourceFormId });
    return null;
  }
  const startedAt = deps.clock.now();
  const form = formDef(raw.formKey);
  if (!form) throw new Error(`unknown form ${raw.formKey}`);
  // Configuration sheets are changed by people, never by an execution: read outside the lock.
  const loaded = loadConfig(deps.sheets);
  if (!loaded.ok) {
    // The campaign ran with a valid configuration, someone broke it since: keep the response.
    const m = messages('zh-CN');
    deps.lock.withScriptLock(() =>
      keepRejection(
        deps,
        readKeyed(deps.sheets, REJECTIONS_SHEET, 'zh-CN'),
        m,
        raw,
        form,
        [m.intake.configBroken],
        undefined,
        'zh-CN',
      ),
    );
    deps.log.record({
      event: 'submission',
      form: raw.formKey,
      status: 'rejected',
      responseId: raw.responseId,
      errors: ['configInvalid'],
    });
    return { status: 'rejected', errors: ['configInvalid'] };
  }
  const result = takeIn(deps, loaded.config, raw, 'trigger');
  catchUp(deps, loaded.config, (missed) => takeIn(deps, loaded.config, missed, 'catchUp'), {
    formKeys: [raw.formKey],
    mode: 'intake',
    deadline: startedAt + INTAKE_CATCH_UP_WITHIN_MS,
  });
  return result;
}

/**
 * Every campaign form's responses that have no record yet are taken in (the daily run), until
 * `deadline`; what is left waits for the next run.
 */
export function catchUpAll(deps: AppDeps, config: CampaignConfig, deadline: number): CatchUpResult {
  return catchUp(deps, config, (missed) => takeIn(deps, config, missed, 'catchUp'), {
    formKeys: campaignFormKeys(config),
    mode: 'daily',
    deadline,
  });
}

/** What the locked section decided: the result, and the email to send once the lock is free. */
interface Decision {
  result: IntakeResult;
  mail?: { mail: OutgoingMail; meta: MailMeta };
}

/**
 * One response. The configuration was read before; the script lock is held only from reading the
 * record sheets to the last write (so that two executions cannot both append "the next row" or
 * give the same project id; the checks in between are pure and cost no service call); the receipt
 * or rejection is sent after the lock is released. Only the execution that changed the record
 * sends, so a response is answered once.
 */
export function takeIn(
  deps: AppDeps,
  config: CampaignConfig,
  raw: RawSubmission,
  via: IntakeVia,
): IntakeResult {
  const form = config.forms.find((f) => f.key === raw.formKey);
  if (!form) throw new Error(`unknown form ${raw.formKey}`);
  const { settings } = config;
  const decided = deps.lock.withScriptLock(() => decide(deps, config, raw, form, via));
  if (decided.mail) {
    sendLogged(deps, decided.mail.mail, decided.mail.meta, settings.timeZone, settings.locale, {
      reserve: settings.mailReserve,
    });
  }
  return decided.result;
}

function decide(
  deps: AppDeps,
  config: CampaignConfig,
  raw: RawSubmission,
  form: FormDef,
  via: IntakeVia,
): Decision {
  const { settings, units, stages } = config;
  const locale = settings.locale;
  const m = messages(locale);
  const tz = settings.timeZone;
  const email = raw.respondentEmail.trim().toLowerCase();
  const stage = stages.find((s) => s.form === raw.formKey);
  const check = validateAnswers(form, raw.answers, {
    timeZone: tz,
    submittedDay: dayOf(raw.submittedAt, tz),
    stages,
    locale,
  });
  const errors: FieldError[] = [...check.errors];
  const target = targetOf(form, config);
  const makesSubject = target === 'makesSubject';
  const records = readKeyed(deps.sheets, recordSheetOf(form), locale);
  // Only forms about a project read 项目库: other templates have none.
  const projects = makesSubject
    ? records
    : target === 'formSubject'
      ? readKeyed(deps.sheets, subjectSheet(config), locale)
      : null;
  const projectRows = projects?.rows ?? [];
  const existing = records.rows.find((r) => String(r.values.responseId) === raw.responseId);
  const rejections = readKeyed(deps.sheets, REJECTIONS_SHEET, locale);
  const origin = via === 'catchUp' ? { via } : {};
  const unitField = form.fields.find((f) => f.kind === 'unit')?.key ?? 'unitId';
  /** The unit a unit field names (by name, or id), or an error on that field. */
  const namedUnit = (field: string): Unit | undefined => {
    const given = String(check.values[field] ?? raw.answers[field] ?? '').trim();
    if (!given) return undefined;
    const found = units.find((u) => u.unitId === given) ?? units.find((u) => u.name === given);
    if (!found) errors.push({ field, problem: problem('unknownUnit', given) });
    else if (!found.active) errors.push({ field, problem: problem('unitInactive', found.name) });
    return found;
  };

  let unit: Unit | undefined;
  let project: KeyedRow | undefined;
  let person: Person | undefined;
  let listed: ListedSubject | undefined;
  if (makesSubject) {
    unit = namedUnit(unitField);
    // An edit of a registered application cannot carry the project to another unit: staff
    // reviewed it as that unit's, and its plans, ledger and verification belong to that unit.
    if (unit && existing && String(existing.values.unitId ?? '') !== unit.unitId) {
      errors.push({
        field: unitField,
        problem: problem(
          'unitChangeRefused',
          String(existing.values.projectId ?? ''),
          String(existing.values.unitName ?? existing.values.unitId ?? ''),
          unit.name,
        ),
      });
    }
    const name = check.values.projectName;
    if (unit && typeof name === 'string') {
      const clash = projectRows.find(
        (r) =>
          r.values.unitId === unit?.unitId &&
          String(r.values.projectName) === name &&
          String(r.values.responseId) !== raw.responseId,
      );
      if (clash) {
        errors.push({
          field: 'projectName',
          problem: problem('duplicateProjectName', name, String(clash.values.projectId)),
        });
      }
    }
  } else if (target === 'formSubject') {
    const ref = check.values.projectRef;
    if (typeof ref === 'string') {
      const found = resolveProject(projectRows, units, ref, email);
      if (found.error) errors.push({ field: 'projectRef', problem: found.error });
      project = found.project;
      unit = project ? units.find((u) => u.unitId === project?.values.unitId) : undefined;
      // An edited plan or ledger entry stays with its unit: pointing it at another unit's
      // project would move the unit's record (and its quota count) to someone else.
      const before = existing ? String(existing.values.unitId ?? '') : '';
      if (project && existing && before && before !== String(project.values.unitId ?? '')) {
        errors.push({
          field: 'projectRef',
          problem: problem(
            'projectChangeRefused',
            String(existing.values.projectId ?? ''),
            units.find((u) => u.unitId === before)?.name ?? before,
          ),
        });
      }
    }
  } else if (target === 'unit') {
    unit = namedUnit(unitField);
  } else if (target === 'person') {
    const field = form.fields.find((f) => f.kind === 'person')?.key ?? 'personId';
    const ref = check.values[field];
    if (typeof ref === 'string') {
      person = resolvePerson(config, ref);
      if (!person) errors.push({ field, problem: problem('unknownPerson', ref) });
      unit = person ? units.find((u) => u.unitId === person?.unitId) : undefined;
      if (unit && !unit.active) errors.push({ field, problem: problem('unitInactive', unit.name) });
    }
    // A unit field, when the form has one, must name the person's own unit (where they owe).
    if (form.fields.some((f) => f.kind === 'unit')) {
      const given = namedUnit(unitField);
      if (person && unit && given && given.unitId !== unit.unitId)
        errors.push({
          field: unitField,
          problem: problem('personUnitMismatch', person.name, unit.name),
        });
    }
  } else {
    const type = config.template.subjects.find((s) => s.key === target.listed);
    const kind = type?.label.zh ?? '';
    const field = form.fields.find((f) => f.kind === 'subject')?.key ?? 'subjectRef';
    const hasUnitField = form.fields.some((f) => f.kind === 'unit');
    if (hasUnitField) unit = namedUnit(unitField);
    const ref = check.values[field];
    if (typeof ref === 'string') {
      const found = resolveListed(config, target.listed, ref);
      if (found.error) errors.push({ field, problem: problem(found.error, kind, ref) });
      listed = found.subject;
    }
    if (listed && !hasUnitField) {
      // No unit named: the respondent's own unit among the owners, else its first owner.
      const owners = units.filter((u) => listed?.unitIds.includes(u.unitId));
      unit = owners.find((u) => u.emails.includes(email)) ?? owners[0];
    }
    if (listed && unit && !listed.unitIds.includes(unit.unitId)) {
      const owners = listed.unitIds.map((id) => units.find((u) => u.unitId === id)?.name ?? id);
      errors.push({
        field,
        problem: problem(
          'notSubjectOwner',
          unit.name,
          `${kind} ${listed.subjectId}「${listed.name}」`,
          owners.join('、'),
        ),
      });
    }
  }

  // An edited entry stays with its unit: moving it would move the unit's record (and what it
  // owes) to someone else. The entry's project, when it has one, is guarded above.
  const before = existing ? String(existing.values.unitId ?? '') : '';
  if (!makesSubject && target !== 'formSubject' && unit && before && before !== unit.unitId) {
    const field =
      form.fields.find((f) => f.kind === (target === 'person' ? 'person' : 'unit'))?.key ??
      unitField;
    errors.push({
      field,
      problem: problem(
        'entryUnitChangeRefused',
        units.find((u) => u.unitId === before)?.name ?? before,
      ),
    });
  }

  if (errors.length > 0) {
    const reasons = errors.map(
      (e) =>
        `「${labelOf(form, e.field, locale)}」${locale === 'en' ? ': ' : '：'}${renderProblem(m, e.problem)}`,
    );
    const changed = keepRejection(deps, rejections, m, raw, form, reasons, unit, locale);
    deps.log.record({
      event: 'submission',
      form: form.key,
      status: 'rejected',
      responseId: raw.responseId,
      ...(unit ? { unitId: unit.unitId } : {}),
      errors: errors.map((e) => `${e.field}:${e.problem.key}`),
      ...origin,
    });
    const result: IntakeResult = { status: 'rejected', unitId: unit?.unitId, errors: reasons };
    if (!changed) return { result };
    return {
      result,
      mail: {
        mail: composeRejection(m, settings, form, raw, reasons, locale),
        meta: {
          kind: 'rejection',
          key: `rejection:${raw.responseId}:${raw.submittedAt}`,
          unitId: unit?.unitId,
          unitName: unit?.name,
          stageId: stage?.stageId,
        },
      },
    };
  }

  // A person's own address vouches for their entry as well as their unit's addresses do.
  const verified =
    !!unit && (unit.emails.includes(email) || (!!person && person.email === email && email !== ''));
  const firstAt =
    existing?.values.submittedAt instanceof Date
      ? existing.values.submittedAt.getTime()
      : raw.submittedAt;
  const late = !!stage && firstAt >= endOfDay(stage.deadline, tz);
  const values: Record<string, Cell> = {};
  for (const field of form.fields) {
    if (field.kind === 'unit') continue;
    values[field.key] = toCell(field, check.values[field.key] ?? null, tz, m);
  }
  let projectId: string;
  if (makesSubject) {
    projectId = existing
      ? String(existing.values.projectId)
      : nextProjectId(
          projectRows,
          settings.projectIdPrefix || DEFAULT_PREFIX,
          campaignYear(config, raw.submittedAt),
        );
    Object.assign(values, {
      projectId,
      unitId: unit!.unitId,
      unitName: unit!.name,
      category: unit!.category,
      department: m.departments[unit!.department] ?? unit!.department,
    });
    if (!existing) values.status = m.intake.pendingReview;
  } else if (target === 'formSubject') {
    projectId = String(project!.values.projectId);
    Object.assign(values, {
      projectId,
      unitId: unit!.unitId,
      projectName: String(project!.values.projectName),
    });
  } else {
    projectId = '';
    Object.assign(values, {
      unitId: unit!.unitId,
      unitName: unit!.name,
      ...(person ? { personId: person.personId, personName: person.name } : {}),
      ...(listed ? { subjectId: listed.subjectId, subjectName: listed.name } : {}),
    });
  }
  /** What the record names besides its unit, for results, logs and mail. */
  const named = {
    ...(projectId ? { projectId } : {}),
    ...(listed ? { subjectId: listed.subjectId } : {}),
    ...(person ? { personId: person.personId } : {}),
  };
  Object.assign(values, {
    respondentEmail: email,
    verified: verified ? m.intake.verified : m.intake.unverified,
    submittedAt: new Date(firstAt),
    updatedAt: existing ? new Date(raw.submittedAt) : '',
    late: late ? m.intake.late : m.intake.onTime,
    responseId: raw.responseId,
    editUrl: raw.editUrl,
  });

  const titles = [records.def.title.zh, records.def.title.en];
  if (existing) {
    const unchanged = Object.entries(values).every(([key, value]) =>
      key === 'updatedAt' ? true : sameCell(existing.values[key], value),
    );
    if (unchanged) {
      // The same response delivered again (a duplicate or ghost trigger): nothing to answer. An
      // edit that changed no answer still moves the record's time to the response's, so the
      // catch-up does not take it for a response never recorded.
      if (raw.submittedAt > recordedAt(existing) + STAMP_TOLERANCE_MS) {
        deps.sheets.writeRow(
          titles,
          existing.row,
          rowFor(records, { updatedAt: new Date(raw.submittedAt) }, cellsOf(records, existing)),
        );
      }
      return { result: { status: 'duplicate', ...named, unitId: unit!.unitId } };
    }
    deps.sheets.writeRow(titles, existing.row, rowFor(records, values, cellsOf(records, existing)));
  } else {
    deps.sheets.appendRows(titles, [rowFor(records, values)]);
  }
  closeRejection(deps, rejections, m, raw.responseId);
  const status: IntakeStatus = existing ? 'updated' : verified ? 'accepted' : 'unverified';
  deps.log.record({
    event: 'submission',
    form: form.key,
    status,
    responseId: raw.responseId,
    unitId: unit!.unitId,
    ...named,
    ...origin,
  });
  const mail = composeReceipt(
    m,
    settings,
    form,
    {
      unit: unit!,
      projectId,
      projectName: String(values.projectName ?? project?.values.projectName ?? ''),
      email,
      verified,
      late: late && stage ? stage.deadline : null,
      updated: !!existing,
      editUrl: raw.editUrl,
      answers: check.values,
      pageUrl: personalLink(deps, config, unit!.unitId),
      ...(target === 'makesSubject' || target === 'formSubject'
        ? {}
        : {
            about: listed ? `${listed.subjectId} ${listed.name}` : person ? person.name : '',
          }),
    },
    locale,
  );
  return {
    result: { status, ...named, unitId: unit!.unitId },
    mail: {
      mail,
      meta: {
        kind: 'receipt',
        key: `receipt:${raw.responseId}:${raw.submittedAt}`,
        unitId: unit!.unitId,
        unitName: unit!.name,
        projectId: projectId || listed?.subjectId,
        stageId: stage?.stageId,
      },
    },
  };
}

function labelOf(form: FormDef, key: string, locale: string): string {
  const field = form.fields.find((f) => f.key === key);
  return field ? (locale === 'en' ? field.label.en : field.label.zh) : key;
}

/** The value as it goes into a derived sheet: dates as dates, long text visibly shortened. */
function toCell(field: FieldDef, value: AnswerValue, tz: string, m: Messages): Cell {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join('、');
  if (field.kind === 'date' && typeof value === 'string')
    return new Date(zonedTime(value, 0, 0, tz));
  if (typeof value === 'string' && value.length > DERIVED_TEXT_LIMIT) {
    return value.slice(0, DERIVED_TEXT_LIMIT) + m.intake.truncated(value.length);
  }
  return value;
}

function campaignYear(config: CampaignConfig, at: number): number {
  const subjectForm = config.forms.find((f) => f.makes.kind === 'subject');
  const apply = config.stages.find((s) => s.form === subjectForm?.key);
  return Number((apply?.deadline ?? dayOf(at, config.settings.timeZone)).slice(0, 4));
}

/** Project ids are never reused: the next number after the highest ever given for that year. */
export function nextProjectId(rows: KeyedRow[], prefix: string, year: number): string {
  const stem = `${prefix}-${year}-`;
  let highest = 0;
  for (const row of rows) {
    const id = String(row.values.projectId ?? '');
    if (id.startsWith(stem)) highest = Math.max(highest, Number(id.slice(stem.length)) || 0);
  }
  return `${stem}${String(highest + 1).padStart(3, '0')}`;
}

/**
 * A project reference is a project id, or the exact name of one of the respondent's units'
 * projects; a name unique across the campaign is accepted too (the submission is then unverified).
 */
function resolveProject(
  rows: KeyedRow[],
  units: Unit[],
  ref: string,
  email: string,
): { project?: KeyedRow; error?: ReturnType<typeof problem> } {
  const byId = rows.find((r) => String(r.values.projectId).toUpperCase() === ref.toUpperCase());
  if (byId) return { project: byId };
  const mine = new Set(units.filter((u) => u.emails.includes(email)).map((u) => u.unitId));
  const named = rows.filter((r) => String(r.values.projectName) === ref);
  const own = named.filter((r) => mine.has(String(r.values.unitId)));
  if (own.length === 1) return { project: own[0] };
  if (own.length > 1) return { error: problem('ambiguousProject', ref) };
  if (named.length === 1) return { project: named[0] };
  if (named.length > 1) return { error: problem('ambiguousProject', ref) };
  return { error: problem('unknownProject', ref) };
}

/**
 * What a form's record is about: a subject it makes (a project), an entry on a subject another form
 * makes (a plan on a project), on the answering unit, on a roster person, or on a subject staff
 * list in a sheet (a key task).
 */
type Target = 'makesSubject' | 'formSubject' | 'unit' | 'person' | { listed: string };

function targetOf(form: FormDef, config: CampaignConfig): Target {
  const makes = form.makes;
  if (makes.kind === 'subject') return 'makesSubject';
  if (makes.of === 'unit' || makes.of === 'person') return makes.of;
  const type = config.template.subjects.find((s) => s.key === makes.of);
  return type?.source === 'sheet' ? { listed: type.key } : 'formSubject';
}

/** A person field's answer: the dropdown's 姓名（单位名称）, a person id, or a name unique on the roster. */
function resolvePerson(config: CampaignConfig, ref: string): Person | undefined {
  const people = config.people ?? [];
  const byChoice = people.find((p) => personChoice(p, config.units) === ref);
  if (byChoice) return byChoice;
  const byId = people.find((p) => p.personId.toUpperCase() === ref.toUpperCase());
  if (byId) return byId;
  const named = people.filter((p) => p.name === ref);
  return named.length === 1 ? named[0] : undefined;
}

/** A listed subject by its id (any case) or exact name. */
function resolveListed(
  config: CampaignConfig,
  type: string,
  ref: string,
): { subject?: ListedSubject; error?: 'unknownSubject' | 'ambiguousSubject' } {
  const pool = (config.subjects ?? []).filter((s) => s.type === type);
  const byId = pool.find((s) => s.subjectId.toUpperCase() === ref.toUpperCase());
  if (byId) return { subject: byId };
  const named = pool.filter((s) => s.name === ref);
  if (named.length === 1) return { subject: named[0] };
  return { error: named.length > 1 ? 'ambiguousSubject' : 'unknownSubject' };
}

/** Keeps a rejected response with its reasons; false when the same rejection is already kept. */
function keepRejection(
  deps: AppDeps,
  table: KeyedTable,
  m: Messages,
  raw: RawSubmission,
  form: FormDef,
  reasons: string[],
  unit: Unit | undefined,
  locale: 'zh-CN' | 'en',
): boolean {
  const answers = answerLines(form, raw.answers, locale);
  const values: Record<string, Cell> = {
    responseId: raw.responseId,
    form: locale === 'en' ? form.title.en : form.title.zh,
    respondentEmail: raw.respondentEmail,
    unit: unit ? unit.name : String(raw.answers.unitId ?? ''),
    submittedAt: new Date(raw.submittedAt),
    reasons: reasons.join('\n'),
    answers:
      answers.length > DERIVED_TEXT_LIMIT
        ? answers.slice(0, DERIVED_TEXT_LIMIT) + m.intake.truncated(answers.length)
        : answers,
    state: m.intake.rejectionOpen,
    editUrl: raw.editUrl,
  };
  const titles = [REJECTIONS_SHEET.title.zh, REJECTIONS_SHEET.title.en];
  const existing = table.rows.find((r) => String(r.values.responseId) === raw.responseId);
  if (existing) {
    if (Object.entries(values).every(([k, v]) => sameCell(existing.values[k], v))) return false;
    deps.sheets.writeRow(titles, existing.row, rowFor(table, values, cellsOf(table, existing)));
  } else {
    deps.sheets.appendRows(titles, [rowFor(table, values)]);
  }
  return true;
}

/** A response that was rejected and is now accepted (after an edit) is marked corrected. */
function closeRejection(deps: AppDeps, table: KeyedTable, m: Messages, responseId: string): void {
  const open = table.rows.find(
    (r) => String(r.values.responseId) === responseId && r.values.state === m.intake.rejectionOpen,
  );
  if (!open) return;
  deps.sheets.writeRow(
    [REJECTIONS_SHEET.title.zh, REJECTIONS_SHEET.title.en],
    open.row,
    rowFor(table, { state: m.intake.rejectionFixed }, cellsOf(table, open)),
  );
}

interface MailMeta {
  kind: string;
  key: string;
  unitId?: string;
  /** For staff reading a failure: the unit's name. */
  unitName?: string;
  projectId?: string;
  stageId?: string;
}

/** Sends one email and records it (Mail log sheet and a `mail` record), or records it deferred. */
export function sendLogged(
  deps: AppDeps,
  mail: ReturnType<typeof composeReceipt>,
  meta: MailMeta,
  tz: string,
  locale: 'zh-CN' | 'en',
  /** Owed mail (receipts, rejections): held back by the reserve or a failure, it is queued. */
  owed?: { reserve: number },
): boolean {
  // The reserve is what tomorrow's daily run needs; a receipt waits in the queue rather than
  // spend it (the daily run sends it first thing, before fresh reminders use the rest).
  const held = owed && deps.mail.remainingQuota() - owed.reserve < mail.to.length;
  const result: SendResult = held
    ? { sent: false, reason: 'quota', message: `mailReserve ${owed.reserve}` }
    : deps.mail.send(mail);
  if (owed && !result.sent) {
    const permanent = failureClass(result) === 'permanent';
    appendQueue(
      deps,
      [
        {
          key: meta.key,
          group: groupOf(meta.key).group,
          kind: meta.kind,
          mail,
          unitId: meta.unitId ?? '',
          projectId: meta.projectId ?? '',
          stageId: meta.stageId ?? '',
          state: permanent ? 'failed' : 'queued',
          attempts: held ? 0 : 1,
          reason: result.message,
          at: deps.clock.now(),
        },
      ],
      locale,
    );
    if (permanent)
      reportMailFailures(
        deps,
        [
          {
            kind: meta.kind,
            unit: meta.unitId ? `${meta.unitName ?? meta.unitId}（${meta.unitId}）` : '—',
            to: mail.to.join('; '),
            reason: result.message,
          },
        ],
        locale,
      );
  }
  // Other executions append to the Mail log too (the daily run, reports): always under the lock.
  deps.lock.withScriptLock(() => appendMailLog(deps, mail, meta, result, locale));
  const fields = {
    kind: meta.kind,
    to: mail.to,
    ...(meta.unitId ? { unitId: meta.unitId } : {}),
    ...(meta.stageId ? { stageId: meta.stageId } : {}),
    ...(meta.projectId ? { projectId: meta.projectId } : {}),
  };
  if (result.sent) deps.log.record({ event: 'mail', ...fields });
  else
    deps.log.record({
      event: 'mailDeferred',
      ...fields,
      reason: result.reason,
      message: result.message,
    });
  return result.sent;
}

export function appendMailLog(
  deps: AppDeps,
  mail: ReturnType<typeof composeReceipt>,
  meta: MailMeta,
  result: SendResult,
  locale: 'zh-CN' | 'en',
): void {
  const table = headerOnly(deps.sheets, MAIL_LOG_SHEET, locale);
  deps.sheets.appendRows(
    [MAIL_LOG_SHEET.title.zh, MAIL_LOG_SHEET.title.en],
    [
      rowFor(table, {
        key: meta.key,
        kind: meta.kind,
        to: mail.to.join('; '),
        subject: mail.subject,
        unitId: meta.unitId ?? '',
        projectId: meta.projectId ?? '',
        stageId: meta.stageId ?? '',
        at: new Date(deps.clock.now()),
        state: result.sent ? 'sent' : result.reason === 'quota' ? 'deferred' : 'failed',
      }),
    ],
  );
}
