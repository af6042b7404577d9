/**
 * Reads and validates a rehearsal scenario folder (spec: rehearsal-format.md) before anything runs.
 *
 * The reader rejects only what makes the scenario unreadable: a missing file, bad CSV, an unknown
 * key or column, a malformed date or time, an event that is not a well-formed submit/edit/review, or
 * events out of order. Values *inside* the campaign (a bad category, a deadline before opensOn, a
 * malformed answer, a duplicate unit id) are passed through untouched: in production they reach the
 * script through sheets and forms, and handling them is the script's job, so the rehearsal must let
 * them through for the script to meet.
 *
 * Every problem in every file is collected and reported together, one `file:line: problem` per line,
 * so a scenario author can fix them all in one go.
 */
import {
  SETTINGS,
  stageRows,
  STAGES_SHEET,
  UNITS_SHEET,
} from '../../../sheets-templates/config-sheets';
import { ALL_FORMS } from '../../../sheets-templates/forms';
import { DEFAULT_TEMPLATE, TEMPLATES, templateById } from '../../../sheets-templates/templates';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { parseCsvLenient, parseCsvTable } from './csv';
import { isValidTimeZone } from '../../domain/calendar';
import type { CampaignTemplate } from '../../domain/template';

// ---------------------------------------------------------------------------------------------
// Vocabulary (domain.md)

// The vocabulary comes from sheets-templates/, the same definitions the script validates with.
export const SETTING_KEYS: readonly string[] = SETTINGS.map((s) => s.key);

/** The roster's columns and the extra columns of 单位名册 any template adds (上次换届日期, …). */
export const UNIT_KEYS: readonly string[] = [
  ...UNITS_SHEET.columns.map((c) => c.key),
  ...new Set(TEMPLATES.flatMap((t) => (t.unitColumns ?? []).map((c) => c.key))),
];
export const UNIT_REQUIRED_KEYS = ['unitId', 'name', 'category', 'email'] as const;

export const STAGE_KEYS: readonly string[] = STAGES_SHEET.columns.map((c) => c.key);
export const STAGE_REQUIRED_KEYS = ['stageId', 'name', 'opensOn', 'deadline'] as const;
const STAGE_DATE_KEYS = ['opensOn', 'deadline'] as const;

/** Every form of every template the product ships (a scenario's template decides which exist). */
export const FORM_KEYS = ALL_FORMS.map((f) => f.key) as [string, ...string[]];
export type FormKey = string;

/** A roster of people (领导干部名册) for templates that have one. */
export const ROSTER_KEYS = ['personId', 'name', 'unitId', 'role', 'email'] as const;
export const EVENT_TYPES = ['submit', 'edit', 'review', 'menu'] as const;

export const REQUIRED_FILES = ['settings.csv', 'units.csv', 'events.jsonl'] as const;
/**
 * stages.csv may be left out when settings.csv names a template: the template's own stages (as Setup
 * writes them into 阶段设置) are rehearsed then. roster.csv fills the template's roster.
 */
export const OPTIONAL_FILES = ['stages.csv', 'roster.csv', 'environment.json'] as const;

// ---------------------------------------------------------------------------------------------
// Result types

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };
export type Answers = Record<string, JsonValue>;

interface EventBase {
  /** Optional in the file; only events that are edited later need one. */
  id?: string;
  /** As written, ISO 8601 with offset. */
  at: string;
  /** `at` as epoch milliseconds. */
  atMs: number;
  /** 1-based line in events.jsonl. */
  line: number;
}

export interface SubmitEvent extends EventBase {
  type: 'submit';
  form: FormKey;
  email: string;
  answers: Answers;
}

export interface EditEvent extends EventBase {
  type: 'edit';
  /** The event named in the file. */
  of: string;
  /** The submit event that created the response being edited (`of`, or the root of an edit chain). */
  submitId: string;
  /** Inherited from the submit: an edit link belongs to the respondent who submitted. */
  form: FormKey;
  email: string;
  /** Only the changed fields. */
  answers: Answers;
}

export type ProjectSelector = { projectId: string } | { unitId: string; projectName: string };

export interface ReviewEvent extends EventBase {
  type: 'review';
  by: string;
  project: ProjectSelector;
  /** Review cells to edit, in the order given (each edit fires the sheet's edit trigger). */
  set: Record<string, JsonValue>;
}

export interface MenuEvent extends EventBase {
  type: 'menu';
  by: string;
  /** The menu item: its handler (`generateDossiers`) or its caption as the menu shows it. */
  item: string;
}

export type ScenarioEvent = SubmitEvent | EditEvent | ReviewEvent | MenuEvent;

export interface Scenario {
  /** Absolute path of the scenario folder. */
  dir: string;
  /** In file order; values raw (validating them is the script's job). */
  settings: Array<{ key: string; value: string }>;
  /** Raw strings; header keys are known Unit keys. */
  units: { header: string[]; rows: string[][] };
  /**
   * Raw strings; header keys are known Stage keys; opensOn/deadline are valid YYYY-MM-DD. Without
   * stages.csv, the template's stages; `fromTemplate` says so (they are left in 阶段设置 as Setup
   * wrote them).
   */
  stages: { header: string[]; rows: string[][]; fromTemplate?: boolean };
  /** roster.csv: people the template tracks (empty when absent). */
  roster: { header: string[]; rows: string[][] };
  events: ScenarioEvent[];
  environment: {
    mailDailyQuota: number;
    seed: number;
    latencyScale: number;
    faultRate: number;
    /** Whose address Apps Script shows the script (see Workspace.visibleIdentity). */
    accountType?: 'workspace' | 'consumer';
    /** The bound spreadsheet's own zone when it differs from the manifest's and the settings'. */
    spreadsheetTimeZone?: string;
  };
}

export interface ScenarioProblem {
  file: string;
  /** 1-based; absent for whole-file problems such as a missing file. */
  line?: number;
  message: string;
}

export class ScenarioError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: ScenarioProblem[],
  ) {
    const n = problems.length;
    super(
      `Scenario ${dir} cannot be read (${n} problem${n === 1 ? '' : 's'}):\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'ScenarioError';
  }
}

export function formatProblem(p: ScenarioProblem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`;
}

/**
 * latencyScale 1: every service call costs the simulated time of the project's latency table
 * (src/offline/bench/latency.ts), so budgets, lock waits and the 6-minute limit happen as on Google.
 */
const ENVIRONMENT_KEYS = [
  'mailDailyQuota',
  'seed',
  'latencyScale',
  'faultRate',
  'accountType',
  'spreadsheetTimeZone',
];

export const ENVIRONMENT_DEFAULTS = {
  mailDailyQuota: 1500,
  seed: 1,
  latencyScale: 1,
  faultRate: 0,
} as const;

// ---------------------------------------------------------------------------------------------
// Dates and times

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Epoch ms of UTC midnight of a valid `YYYY-MM-DD`, or undefined. */
export function parseDay(s: string): number | undefined {
  const m = DATE_RE.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? Date.UTC(y, mo - 1, d) : undefined;
}

function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Epoch ms of an ISO 8601 date-time that carries an offset (or Z), or an explanation. */
export function parseInstant(s: string): number | { error: string } {
  const m = DATETIME_RE.exec(s);
  if (!m) {
    const noOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s);
    return {
      error: noOffset
        ? `"at" ${JSON.stringify(s)} has no UTC offset (write e.g. ${s}+08:00)`
        : `"at" ${JSON.stringify(s)} is not an ISO 8601 time with offset (e.g. 2014-05-21T10:03:00+08:00)`,
    };
  }
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const sec = m[6] ? Number(m[6]) : 0;
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const offH = m[10] ? Number(m[10]) : 0;
  const offM = m[11] ? Number(m[11]) : 0;
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59 || sec > 59 || offH > 23 || offM > 59) {
    return { error: `"at" ${JSON.stringify(s)} is not a real date and time` };
  }
  const sign = m[9] === '-' ? -1 : 1;
  return Date.UTC(y, mo - 1, d, h, mi, sec, ms) - sign * (offH * 60 + offM) * 60_000;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Optimal string alignment distance: edits plus adjacent transpositions ("emial" → "email" is 1). */
function typoDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

function suggest(word: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = typoDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(word.length / 4))
    ? `; did you mean "${best}"?`
    : '';
}

function unknownKey(what: string, key: string, known: readonly string[]): string {
  return `unknown ${what} ${JSON.stringify(key)} (known: ${known.join(', ')})${suggest(key, known)}`;
}

function readText(dir: string, file: string): string | undefined {
  const p = path.join(dir, file);
  return fs.existsSync(p) && fs.statSync(p).isFile() ? fs.readFileSync(p, 'utf8') : undefined;
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

function isPlainObject(v: unknown): v is Record<string, JsonValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------
// Files

type Report = (line: number | undefined, message: string) => void;

function readSettings(text: string, report: Report): Scenario['settings'] {
  const { records, issues } = parseCsvLenient(text);
  for (const i of issues) report(i.line, i.message);
  const settings: Scenario['settings'] = [];
  if (records.length === 0) {
    report(1, 'empty file (expected a header row "key,value")');
    return settings;
  }
  const [head, ...rows] = records;
  const headerOk =
    head.fields.length === 2 &&
    head.fields[0].trim() === 'key' &&
    head.fields[1].trim() === 'value';
  if (!headerOk) {
    report(head.line, `header must be "key,value" (got ${JSON.stringify(head.fields.join(','))})`);
  }
  // A file without the header would otherwise silently lose its first setting.
  const body = headerOk ? rows : records.filter((r) => r !== head || isSettingKey(r.fields[0]));
  for (const r of body) {
    if (r.fields.length !== 2) {
      report(r.line, `${r.fields.length} fields but a setting row has 2 (key,value)`);
      if (r.fields.length < 2) continue;
    }
    const key = r.fields[0].trim();
    if (!isSettingKey(key)) {
      report(
        r.line,
        unknownKey('setting', key, [...SETTING_KEYS, 'staffEmails.<dept>', 'routing.<category>']),
      );
      continue;
    }
    settings.push({ key, value: r.fields.slice(1).join(',') });
  }
  return settings;
}

function isSettingKey(key: string): boolean {
  return (
    SETTING_KEYS.includes(key) ||
    /^staffEmails\.[A-Za-z0-9_-]+$/.test(key) ||
    /^routing\..+$/.test(key)
  );
}

function readTable(
  text: string,
  what: 'unit' | 'stage' | 'person',
  known: readonly string[],
  required: readonly string[],
  report: Report,
): { header: string[]; rows: string[][] } {
  const table = parseCsvTable(text);
  for (const i of table.issues) report(i.line, i.message);
  const header = table.header.map((h) => h.trim());
  if (header.length === 0) return { header, rows: [] };
  const seen = new Set<string>();
  for (const key of header) {
    if (!known.includes(key)) {
      report(table.headerLine, unknownKey('column', key, known));
    } else if (seen.has(key)) {
      report(table.headerLine, `column ${JSON.stringify(key)} appears twice`);
    }
    seen.add(key);
  }
  for (const key of required) {
    if (!seen.has(key)) {
      report(table.headerLine, `missing required column ${JSON.stringify(key)} for a ${what}`);
    }
  }
  if (what === 'stage') {
    for (const key of STAGE_DATE_KEYS) {
      const col = header.indexOf(key);
      if (col < 0) continue;
      for (const r of table.rows) {
        const v = r.fields[col];
        if (v === undefined) continue;
        if (parseDay(v) === undefined) {
          report(
            r.line,
            DATE_RE.test(v)
              ? `${key} ${JSON.stringify(v)} is not a real calendar date`
              : `${key} ${JSON.stringify(v)} is not a date (expected YYYY-MM-DD)`,
          );
        }
      }
    }
  }
  return { header, rows: table.rows.map((r) => r.fields) };
}

const email = z.string().regex(/^[^\s@;,]+@[^\s@;,]+$/, 'expected one email address');
const answers = z.record(z.string(), z.json());
const id = z.string().min(1, 'expected a non-empty string');
const submitSchema = z.strictObject({
  id: id.optional(),
  at: z.string(),
  type: z.literal('submit'),
  form: z.enum(FORM_KEYS),
  email,
  answers,
});
const editSchema = z.strictObject({
  id: id.optional(),
  at: z.string(),
  type: z.literal('edit'),
  of: id,
  email: email.optional(),
  answers,
});
const selectorSchema = z.union([
  z.strictObject({ projectId: id }),
  z.strictObject({ unitId: id, projectName: id }),
]);
const reviewSchema = z.strictObject({
  id: id.optional(),
  at: z.string(),
  type: z.literal('review'),
  by: email,
  project: selectorSchema,
  set: z.record(z.string(), z.json()),
});

const menuSchema = z.strictObject({
  id: id.optional(),
  at: z.string(),
  type: z.literal('menu'),
  by: email,
  item: id,
});

type EventType = (typeof EVENT_TYPES)[number];
const EVENT_SCHEMAS = {
  submit: submitSchema,
  edit: editSchema,
  review: reviewSchema,
  menu: menuSchema,
} as const;

function zodProblems(err: z.ZodError, input: Record<string, unknown>): string[] {
  return err.issues.map((issue) => {
    const where = issue.path.map(String).join('.');
    if (issue.path.length === 1 && issue.path[0] === 'project') {
      return '"project" must be {"projectId": …} or {"unitId": …, "projectName": …}';
    }
    if (issue.code === 'unrecognized_keys') {
      const allowed = Object.keys(EVENT_SCHEMAS[input.type as EventType].shape);
      return issue.keys
        .map(
          (k) =>
            `unknown field ${JSON.stringify(k)} in a ${String(input.type)} event (known: ${allowed.join(', ')})${suggest(k, allowed)}`,
        )
        .join('; ');
    }
    if (issue.code === 'invalid_type' && issue.path.length === 1 && !(issue.path[0] in input)) {
      return `missing "${where}"`;
    }
    if (issue.code === 'invalid_value' && 'values' in issue) {
      return `"${where}" must be one of ${issue.values.join(', ')} (got ${JSON.stringify(
        input[where],
      )})`;
    }
    const expected =
      issue.code === 'invalid_type' && issue.expected === 'record' ? 'an object' : '';
    return `"${where}": ${expected ? `expected ${expected}` : issue.message}`;
  });
}

function readEvents(text: string, report: Report): ScenarioEvent[] {
  const events: ScenarioEvent[] = [];
  const byId = new Map<string, { line: number; event?: ScenarioEvent; type: string }>();
  let prev: { atMs: number; at: string; line: number } | undefined;
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
  // Where each id is first defined, to tell "edit of a later event" from "edit of an unknown id".
  const idLines = new Map<string, number>();
  lines.forEach((raw, index) => {
    try {
      const o: unknown = JSON.parse(raw);
      if (isPlainObject(o) && typeof o.id === 'string' && !idLines.has(o.id))
        idLines.set(o.id, index + 1);
    } catch {
      // Reported in the main pass.
    }
  });
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      report(line, `not valid JSON (${(e as Error).message.split('\n')[0]})`);
      return;
    }
    if (!isPlainObject(parsed)) {
      report(line, 'expected a JSON object');
      return;
    }
    const obj = parsed;
    // Duplicate ids and ordering are checked even when the rest of the event is broken, so one
    // pass reports everything.
    if (typeof obj.id === 'string' && obj.id !== '') {
      const first = byId.get(obj.id);
      if (first)
        report(line, `duplicate event id ${JSON.stringify(obj.id)} (first on line ${first.line})`);
      else byId.set(obj.id, { line, type: String(obj.type) });
    }
    let atMs: number | undefined;
    if (typeof obj.at === 'string') {
      const t = parseInstant(obj.at);
      if (typeof t === 'number') {
        atMs = t;
        if (prev && t < prev.atMs) {
          report(
            line,
            `events out of order (${obj.at} before ${prev.at} on line ${prev.line}); events must be in non-decreasing "at" order`,
          );
        }
        prev = { atMs: t, at: obj.at, line };
      } else {
        report(line, t.error);
      }
    }
    if (typeof obj.type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(obj.type)) {
      report(
        line,
        obj.type === undefined
          ? `missing "type" (one of ${EVENT_TYPES.join(', ')})`
          : `"type" must be one of ${EVENT_TYPES.join(', ')} (got ${JSON.stringify(obj.type)})`,
      );
      return;
    }
    const result = (EVENT_SCHEMAS[obj.type as EventType] as z.ZodType).safeParse(obj);
    if (!result.success) {
      for (const msg of zodProblems(result.error, obj)) report(line, msg);
    }
    let event: ScenarioEvent | undefined;
    const base = (): EventBase => ({
      at: obj.at as string,
      atMs: atMs as number,
      line,
      ...(typeof obj.id === 'string' ? { id: obj.id } : {}),
    });
    if (result.success && atMs !== undefined) {
      if (obj.type === 'submit') {
        const e = result.data as z.infer<typeof submitSchema>;
        event = {
          ...base(),
          type: 'submit',
          form: e.form,
          email: e.email,
          answers: e.answers as Answers,
        };
      } else if (obj.type === 'review') {
        const e = result.data as z.infer<typeof reviewSchema>;
        event = { ...base(), type: 'review', by: e.by, project: e.project, set: e.set as Answers };
      } else if (obj.type === 'menu') {
        const e = result.data as z.infer<typeof menuSchema>;
        event = { ...base(), type: 'menu', by: e.by, item: e.item };
      }
    }
    if (result.success && obj.type === 'edit' && atMs !== undefined) {
      const e = result.data as z.infer<typeof editSchema>;
      const target = byId.get(e.of);
      if (!target || target.line === line) {
        const later = idLines.get(e.of);
        report(
          line,
          later !== undefined && later > line
            ? `edit of ${JSON.stringify(e.of)}, which comes later (line ${later}); an edit must follow the submission it edits`
            : `edit of unknown event id ${JSON.stringify(e.of)}`,
        );
      } else if (target.type === 'review' || target.type === 'menu') {
        report(
          line,
          `edit of ${JSON.stringify(e.of)}, which is a ${target.type} (line ${target.line}); only submissions can be edited`,
        );
      } else if (target.event && (target.event.type === 'submit' || target.event.type === 'edit')) {
        const original = target.event;
        if (e.email !== undefined && e.email.toLowerCase() !== original.email.toLowerCase()) {
          report(
            line,
            `an edit comes from the respondent who submitted (${original.email}), not ${e.email}`,
          );
        } else {
          event = {
            ...base(),
            type: 'edit',
            of: e.of,
            submitId: original.type === 'edit' ? original.submitId : e.of,
            form: original.form,
            email: original.email,
            answers: e.answers as Answers,
          };
        }
      }
      // Otherwise the edited event is itself broken, and already reported on its own line.
    }
    if (event) {
      if (event.id && byId.get(event.id)?.line === line) byId.get(event.id)!.event = event;
      events.push(event);
    }
  });
  return events;
}

function readEnvironment(text: string, report: Report): Scenario['environment'] {
  const env: Scenario['environment'] = { ...ENVIRONMENT_DEFAULTS };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0];
    const pos = /at position (\d+)/.exec(msg);
    report(pos ? lineAt(text, Number(pos[1])) : 1, `not valid JSON (${msg})`);
    return env;
  }
  if (!isPlainObject(parsed)) {
    report(1, 'expected a JSON object like {"mailDailyQuota": 1500, "seed": 1}');
    return env;
  }
  const keyLine = (k: string): number => {
    const at = text.indexOf(`"${k}"`);
    return at >= 0 ? lineAt(text, at) : 1;
  };
  for (const [k, v] of Object.entries(parsed)) {
    if (k === 'mailDailyQuota') {
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0) env.mailDailyQuota = v;
      else
        report(
          keyLine(k),
          `"mailDailyQuota" must be a whole number ≥ 0 (got ${JSON.stringify(v)})`,
        );
    } else if (k === 'seed') {
      if (typeof v === 'number' && Number.isInteger(v)) env.seed = v;
      else report(keyLine(k), `"seed" must be a whole number (got ${JSON.stringify(v)})`);
    } else if (k === 'latencyScale') {
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) env.latencyScale = v;
      else
        report(
          keyLine(k),
          `"latencyScale" must be a number ≥ 0 (0 = instant calls; got ${JSON.stringify(v)})`,
        );
    } else if (k === 'faultRate') {
      if (typeof v === 'number' && v >= 0 && v < 1) env.faultRate = v;
      else
        report(
          keyLine(k),
          `"faultRate" must be a number from 0 up to (not including) 1 (got ${JSON.stringify(v)})`,
        );
    } else if (k === 'accountType') {
      if (v === 'workspace' || v === 'consumer') env.accountType = v;
      else
        report(
          keyLine(k),
          `"accountType" must be "workspace" or "consumer" (got ${JSON.stringify(v)})`,
        );
    } else if (k === 'spreadsheetTimeZone') {
      if (typeof v === 'string' && isValidTimeZone(v)) env.spreadsheetTimeZone = v;
      else
        report(
          keyLine(k),
          `"spreadsheetTimeZone" must be an IANA time zone such as "Europe/London" (got ${JSON.stringify(v)})`,
        );
    } else {
      report(keyLine(k), unknownKey('key', k, ENVIRONMENT_KEYS));
    }
  }
  return env;
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** Reads and validates a scenario folder; throws a ScenarioError listing every problem. */
export function readScenario(dir: string): Scenario {
  const abs = path.resolve(dir);
  const problems: ScenarioProblem[] = [];
  const reporter =
    (file: string): Report =>
    (line, message) =>
      problems.push({ file, ...(line !== undefined ? { line } : {}), message });

  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) {
    throw new ScenarioError(abs, [{ file: abs, message: 'scenario folder not found' }]);
  }
  const texts: Record<string, string | undefined> = {};
  for (const f of REQUIRED_FILES) {
    texts[f] = readText(abs, f);
    if (texts[f] === undefined) reporter(f)(undefined, 'required file is missing');
  }
  const envText = readText(abs, 'environment.json');
  texts['stages.csv'] = readText(abs, 'stages.csv');
  texts['roster.csv'] = readText(abs, 'roster.csv');

  const settings =
    texts['settings.csv'] !== undefined
      ? readSettings(texts['settings.csv'], reporter('settings.csv'))
      : [];
  const units =
    texts['units.csv'] !== undefined
      ? readTable(texts['units.csv'], 'unit', UNIT_KEYS, UNIT_REQUIRED_KEYS, reporter('units.csv'))
      : { header: [], rows: [] };
  const templateId = settings.find((s) => s.key === 'template')?.value ?? '';
  const template = templateById(templateId);
  if (texts['stages.csv'] === undefined && !template) {
    reporter('stages.csv')(
      undefined,
      templateId
        ? `required file is missing, and settings.csv names no known template ("${templateId}")`
        : 'required file is missing (it may be left out only when settings.csv names a template)',
    );
  }
  const stages =
    texts['stages.csv'] !== undefined
      ? readTable(
          texts['stages.csv'],
          'stage',
          STAGE_KEYS,
          STAGE_REQUIRED_KEYS,
          reporter('stages.csv'),
        )
      : templateStages(template ?? DEFAULT_TEMPLATE);
  const roster =
    texts['roster.csv'] !== undefined
      ? readTable(texts['roster.csv'], 'person', ROSTER_KEYS, ROSTER_KEYS, reporter('roster.csv'))
      : { header: [], rows: [] };
  const events =
    texts['events.jsonl'] !== undefined
      ? readEvents(texts['events.jsonl'], reporter('events.jsonl'))
      : [];
  const environment =
    envText !== undefined
      ? readEnvironment(envText, reporter('environment.json'))
      : { ...ENVIRONMENT_DEFAULTS };

  if (problems.length) {
    // Files in reading order; within a file by line (stable, so a line's problems keep their order).
    const fileOrder: readonly string[] = [
      'settings.csv',
      'units.csv',
      'stages.csv',
      'roster.csv',
      'events.jsonl',
      'environment.json',
    ];
    problems.sort(
      (a, b) =>
        fileOrder.indexOf(a.file) - fileOrder.indexOf(b.file) || (a.line ?? 0) - (b.line ?? 0),
    );
    throw new ScenarioError(abs, problems);
  }
  return { dir: abs, settings, units, stages, roster, events, environment };
}

/** A template's stages as the rows Setup writes into 阶段设置. */
function templateStages(template: CampaignTemplate): Scenario['stages'] {
  const rows = stageRows(template);
  const header = STAGE_KEYS.filter((k) => rows.some((r) => r[k] !== undefined));
  return {
    header,
    rows: rows.map((r) => header.map((k) => String(r[k] ?? ''))),
    fromTemplate: true,
  };
}

/**
 * The rehearsal's default window: the day before the earliest `opensOn` to 14 days after the last
 * `deadline` (YYYY-MM-DD). Unparsable dates are ignored here.
 */
export function defaultWindow(scenario: Pick<Scenario, 'stages'>): {
  fromDay: string;
  toDay: string;
} {
  const { header, rows } = scenario.stages;
  const days = (key: string): number[] => {
    const col = header.indexOf(key);
    if (col < 0) return [];
    return rows.map((r) => parseDay(r[col] ?? '')).filter((d): d is number => d !== undefined);
  };
  const opens = days('opensOn');
  const deadlines = days('deadline');
  if (opens.length === 0 || deadlines.length === 0) {
    throw new Error(
      'stages.csv has no valid opensOn and deadline dates to derive the rehearsal window from; pass --from and --to',
    );
  }
  const DAY = 86_400_000;
  return {
    fromDay: formatDay(Math.min(...opens) - DAY),
    toDay: formatDay(Math.max(...deadlines) + 14 * DAY),
  };
}
