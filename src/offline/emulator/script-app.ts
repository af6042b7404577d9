/**
 * The emulated ScriptApp: installable triggers (time-driven, spreadsheet, form, document).
 *
 * Triggers live in `ws.state('ScriptApp.triggers')` as plain descriptions; the rehearsal's
 * scheduler reads them with `ScriptApp._allTriggers(ws)` and asks `ScriptApp._nextFire` when a
 * clock trigger fires. Fidelity notes: docs/fidelity/triggers-and-locks.md.
 */
import type { Faithful, Workspace } from './core';

export type TriggerEventName =
  'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_FORM_SUBMIT' | 'ON_CHANGE' | 'ON_EVENT_UPDATED';
export type TriggerSourceName = 'SPREADSHEETS' | 'CLOCK' | 'FORMS' | 'DOCUMENTS' | 'CALENDAR';
export type InstalledTriggerKind = 'clock' | 'spreadsheet' | 'form' | 'document';
export type WeekDayName =
  'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

/**
 * When a clock trigger fires, resolved once at creation (the random minute is drawn then, so a
 * trigger keeps its minute for life, as Apps Script's do).
 * - interval: firstMs + k·periodMs (absolute time: DST does not move it).
 * - calendar: every stepDays local days from anchorDate (YYYY-MM-DD), at minuteOfDay local
 *   wall-clock minutes after midnight (may be < 0 or ≥ 1440 when nearMinute's ±15 crosses
 *   midnight), in timeZone. Daily and weekly triggers.
 * - monthly: on local day monthDay of each month that has it, at minuteOfDay.
 * - once: atMs (at, after, atDate).
 */
export type ClockSchedule =
  | { type: 'interval'; periodMs: number; firstMs: number }
  | {
      type: 'calendar';
      stepDays: number;
      anchorDate: string;
      minuteOfDay: number;
      timeZone: string;
    }
  | { type: 'monthly'; monthDay: number; minuteOfDay: number; timeZone: string }
  | { type: 'once'; atMs: number };

/** What the script asked the ClockTriggerBuilder for (kept for logs and debugging). */
export interface ClockRequest {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: WeekDayName;
  onMonthDay?: number;
  at?: number;
  after?: number;
  atDate?: [number, number, number];
  timeZone?: string;
}

/** A plain description of an installed trigger (the scheduler's view). */
export interface TriggerDescription {
  id: string;
  /** The account that created it: the handler runs as this user. */
  owner: string;
  handler: string;
  kind: InstalledTriggerKind;
  event: TriggerEventName;
  source: TriggerSourceName;
  /** Spreadsheet / form / document id; null for clock triggers. */
  sourceId: string | null;
  createdAt: number;
  schedule: ClockSchedule | null;
  requested: ClockRequest | null;
}

/** A spreadsheet, form or document — real type or any emulator fake with getId(). */
export interface HasId {
  getId(): string;
}

interface TriggerStore {
  nextSerial: number;
  /** Bumped on every create/delete so the scheduler can notice a changed trigger set cheaply. */
  version: number;
  triggers: TriggerDescription[];
}

/** Apps Script's per-user-per-script limit (quotas page: "Triggers 20 / user / script"). */
export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];
const WEEK_DAYS: WeekDayName[] = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
];
const MINUTE = 60_000;
const DAY = 86_400_000;
/** at()/after(): "won't be less than your specified minimum" — the emulator adds 1 s … 3 min. */
const ONE_SHOT_MAX_DELAY_S = 180;
/** nearMinute / atDate: "plus or minus 15 minutes". */
const NEAR_MINUTE_SPREAD = 15;

function enumOf(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, n]));
}

/** Enum values cross to the script as their names: `==` and String() behave like Apps Script's. */
function asEnum<E>(name: string): E {
  return name as unknown as E;
}

function triggerStore(ws: Workspace): TriggerStore {
  return ws.state<TriggerStore>('ScriptApp.triggers', () => ({
    nextSerial: 1,
    version: 0,
    triggers: [],
  }));
}

function idOf(value: unknown, method: string, acceptsKey = true): string {
  if (acceptsKey && typeof value === 'string') return value;
  const getId = (value as { getId?: unknown } | null)?.getId;
  if (typeof getId === 'function') return String(getId.call(value));
  const shown =
    value === null
      ? 'null'
      : typeof value === 'string'
        ? 'String'
        : typeof value === 'object'
          ? 'Object'
          : typeof value;
  throw new Error(`The parameters (${shown}) don't match the method signature for ${method}.`);
}

function integerArg(value: number, method: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new Error(
      `The parameters (${typeof value}) don't match the method signature for ${method}.`,
    );
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Time-zone arithmetic (Intl only: the emulator must not depend on the host's TZ).

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function localParts(ms: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour % 24,
    minute: parts.minute,
    second: parts.second,
  };
}

function wallMs(p: LocalParts): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallMs(localParts(whole, timeZone)) - whole;
}

function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseYmd(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

function addDays(date: string, days: number): string {
  const [y, m, d] = parseYmd(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parseYmd(from);
  const [y2, m2, d2] = parseYmd(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY);
}

function weekDayOf(date: string): WeekDayName {
  const [y, m, d] = parseYmd(date);
  return WEEK_DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

function localDate(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return ymd(p.year, p.month, p.day);
}

/**
 * The instant when the wall clock in timeZone shows `date` + minuteOfDay minutes. A wall time
 * skipped by a DST jump resolves to the same wall time after the jump (02:30 → 03:30 EDT); a wall
 * time that occurs twice resolves to its first occurrence.
 */
export function zonedTimeToUtc(date: string, minuteOfDay: number, timeZone: string): number {
  const [y, m, d] = parseYmd(date);
  const wall = Date.UTC(y, m - 1, d, 0, minuteOfDay);
  const candidates = [
    ...new Set([-DAY, 0, DAY].map((shift) => wall - offsetAt(wall + shift, timeZone))),
  ];
  const valid = candidates.filter((t) => wallMs(localParts(t, timeZone)) === wall);
  return valid.length > 0 ? Math.min(...valid) : Math.max(...candidates);
}

// ---------------------------------------------------------------------------------------------
// Firing semantics (pure: the scheduler may call them without a running execution).

/** The first moment strictly after `afterMs` when the clock trigger fires; null if never again. */
export function nextFireTime(trigger: TriggerDescription, afterMs: number): number | null {
  const s = trigger.schedule;
  if (!s) return null;
  const from = Math.max(afterMs, trigger.createdAt);
  switch (s.type) {
    case 'once':
      return s.atMs > from ? s.atMs : null;
    case 'interval': {
      if (s.firstMs > from) return s.firstMs;
      const k = Math.floor((from - s.firstMs) / s.periodMs) + 1;
      return s.firstMs + k * s.periodMs;
    }
    case 'calendar': {
      const elapsed = daysBetween(s.anchorDate, localDate(from, s.timeZone));
      let k = Math.max(0, Math.floor(elapsed / s.stepDays) - 1);
      for (; ; k++) {
        const at = zonedTimeToUtc(addDays(s.anchorDate, k * s.stepDays), s.minuteOfDay, s.timeZone);
        if (at > from) return at;
      }
    }
    case 'monthly': {
      const p = localParts(from, s.timeZone);
      // Start a month early: a negative minuteOfDay fires on the previous local day.
      for (let i = -1; i < 48; i++) {
        const first = new Date(Date.UTC(p.year, p.month - 1 + i, 1));
        const y = first.getUTCFullYear();
        const m = first.getUTCMonth() + 1;
        const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
        if (s.monthDay > daysInMonth) continue;
        const at = zonedTimeToUtc(ymd(y, m, s.monthDay), s.minuteOfDay, s.timeZone);
        if (at > from) return at;
      }
      return null;
    }
  }
}

/** Every moment in (fromMs, toMs] when the clock trigger fires. */
export function fireTimesBetween(
  trigger: TriggerDescription,
  fromMs: number,
  toMs: number,
): number[] {
  const out: number[] = [];
  for (
    let t = nextFireTime(trigger, fromMs);
    t !== null && t <= toMs;
    t = nextFireTime(trigger, t)
  ) {
    out.push(t);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fakes visible to the script.

export class Trigger implements Faithful<
  GoogleAppsScript.Script.Trigger,
  'getEventType' | 'getHandlerFunction' | 'getTriggerSource' | 'getTriggerSourceId' | 'getUniqueId'
> {
  static readonly gasName = 'ScriptApp.Trigger';

  constructor(private readonly description: TriggerDescription) {}

  getEventType(): GoogleAppsScript.Script.EventType {
    return asEnum(this.description.event);
  }
  getHandlerFunction(): string {
    return this.description.handler;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return asEnum(this.description.source);
  }
  getTriggerSourceId(): string {
    // Clock triggers have no source; Apps Script returns null there (unverified).
    return this.description.sourceId as string;
  }
  getUniqueId(): string {
    return this.description.id;
  }

  _description(): TriggerDescription {
    return { ...this.description };
  }
}

type Installer = (
  base: Omit<TriggerDescription, 'id' | 'owner' | 'handler' | 'createdAt'>,
) => Trigger;

export class TriggerBuilder implements Faithful<
  GoogleAppsScript.Script.TriggerBuilder,
  'timeBased' | 'forSpreadsheet' | 'forForm' | 'forDocument'
> {
  static readonly gasName = 'ScriptApp.TriggerBuilder';

  constructor(
    private readonly ws: Workspace,
    private readonly install: Installer,
  ) {}

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.ws, this.install);
  }
  forSpreadsheet(sheet: string | HasId): SpreadsheetTriggerBuilder {
    return new SpreadsheetTriggerBuilder(
      idOf(sheet, 'ScriptApp.TriggerBuilder.forSpreadsheet'),
      this.install,
    );
  }
  forForm(form: string | HasId): FormTriggerBuilder {
    return new FormTriggerBuilder(idOf(form, 'ScriptApp.TriggerBuilder.forForm'), this.install);
  }
  forDocument(document: string | HasId): DocumentTriggerBuilder {
    return new DocumentTriggerBuilder(
      idOf(document, 'ScriptApp.TriggerBuilder.forDocument'),
      this.install,
    );
  }
}

/** Apps Script keeps the last event chosen on a builder; create() without one is refused. */
function createEventTrigger(
  install: Installer,
  kind: InstalledTriggerKind,
  source: TriggerSourceName,
  sourceId: string,
  event: TriggerEventName | null,
): Trigger {
  if (!event) throw new Error('Trigger event type is not specified.');
  return install({ kind, event, source, sourceId, schedule: null, requested: null });
}

export class SpreadsheetTriggerBuilder implements Faithful<
  GoogleAppsScript.Script.SpreadsheetTriggerBuilder,
  'onOpen' | 'onEdit' | 'onChange' | 'onFormSubmit' | 'create'
> {
  static readonly gasName = 'ScriptApp.SpreadsheetTriggerBuilder';
  private event: TriggerEventName | null = null;

  constructor(
    private readonly sourceId: string,
    private readonly install: Installer,
  ) {}

  onOpen(): this {
    this.event = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this.event = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this.event = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): this {
    this.event = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): Trigger {
    return createEventTrigger(
      this.install,
      'spreadsheet',
      'SPREADSHEETS',
      this.sourceId,
      this.event,
    );
  }
}

export class FormTriggerBuilder implements Faithful<
  GoogleAppsScript.Script.FormTriggerBuilder,
  'onFormSubmit' | 'onOpen' | 'create'
> {
  static readonly gasName = 'ScriptApp.FormTriggerBuilder';
  private event: TriggerEventName | null = null;

  constructor(
    private readonly sourceId: string,
    private readonly install: Installer,
  ) {}

  onFormSubmit(): this {
    this.event = 'ON_FORM_SUBMIT';
    return this;
  }
  onOpen(): this {
    this.event = 'ON_OPEN';
    return this;
  }
  create(): Trigger {
    return createEventTrigger(this.install, 'form', 'FORMS', this.sourceId, this.event);
  }
}

export class DocumentTriggerBuilder implements Faithful<
  GoogleAppsScript.Script.DocumentTriggerBuilder,
  'onOpen' | 'create'
> {
  static readonly gasName = 'ScriptApp.DocumentTriggerBuilder';
  private event: TriggerEventName | null = null;

  constructor(
    private readonly sourceId: string,
    private readonly install: Installer,
  ) {}

  onOpen(): this {
    this.event = 'ON_OPEN';
    return this;
  }
  create(): Trigger {
    return createEventTrigger(this.install, 'document', 'DOCUMENTS', this.sourceId, this.event);
  }
}

export class ClockTriggerBuilder implements Faithful<
  GoogleAppsScript.Script.ClockTriggerBuilder,
  | 'after'
  | 'at'
  | 'atDate'
  | 'atHour'
  | 'create'
  | 'everyDays'
  | 'everyHours'
  | 'everyMinutes'
  | 'everyWeeks'
  | 'inTimezone'
  | 'nearMinute'
  | 'onMonthDay'
  | 'onWeekDay'
> {
  static readonly gasName = 'ScriptApp.ClockTriggerBuilder';
  private readonly request: ClockRequest = {};

  constructor(
    private readonly ws: Workspace,
    private readonly install: Installer,
  ) {}

  everyMinutes(n: number): this {
    integerArg(n, 'ClockTriggerBuilder.everyMinutes');
    // Documented: "n: the number of minutes between executions, which must be 1, 5, 10, 15 or 30".
    if (!EVERY_MINUTES.includes(n)) {
      throw new Error('The value passed to everyMinutes() must be 1, 5, 10, 15 or 30.');
    }
    this.request.everyMinutes = n;
    return this;
  }
  everyHours(n: number): this {
    integerArg(n, 'ClockTriggerBuilder.everyHours');
    // The trigger editor offers only these hour intervals (the reference does not list them).
    if (!EVERY_HOURS.includes(n)) {
      throw new Error('The value passed to everyHours() must be 1, 2, 4, 6, 8 or 12.');
    }
    this.request.everyHours = n;
    return this;
  }
  everyDays(n: number): this {
    integerArg(n, 'ClockTriggerBuilder.everyDays');
    if (n < 1) throw new Error(`Invalid argument: ${n}`);
    this.request.everyDays = n;
    return this;
  }
  everyWeeks(n: number): this {
    integerArg(n, 'ClockTriggerBuilder.everyWeeks');
    if (n < 1) throw new Error(`Invalid argument: ${n}`);
    this.request.everyWeeks = n;
    return this;
  }
  atHour(hour: number): this {
    integerArg(hour, 'ClockTriggerBuilder.atHour');
    if (hour < 0 || hour > 23) throw new Error(`Invalid argument: ${hour}`);
    this.request.atHour = hour;
    return this;
  }
  nearMinute(minute: number): this {
    integerArg(minute, 'ClockTriggerBuilder.nearMinute');
    if (minute < 0 || minute > 59) throw new Error(`Invalid argument: ${minute}`);
    this.request.nearMinute = minute;
    return this;
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): this {
    const name = String(day) as WeekDayName;
    if (!WEEK_DAYS.includes(name)) throw new Error(`Invalid argument: ${String(day)}`);
    this.request.onWeekDay = name;
    return this;
  }
  onMonthDay(day: number): this {
    integerArg(day, 'ClockTriggerBuilder.onMonthDay');
    if (day < 1 || day > 31) throw new Error(`Invalid argument: ${day}`);
    this.request.onMonthDay = day;
    return this;
  }
  at(date: GoogleAppsScript.Base.Date): this {
    const ms = date instanceof Date ? date.getTime() : Number.NaN;
    if (Number.isNaN(ms)) {
      throw new Error(
        "The parameters (Object) don't match the method signature for ClockTriggerBuilder.at.",
      );
    }
    this.request.at = ms;
    return this;
  }
  atDate(year: number, month: number, day: number): this {
    integerArg(year, 'ClockTriggerBuilder.atDate');
    integerArg(month, 'ClockTriggerBuilder.atDate');
    integerArg(day, 'ClockTriggerBuilder.atDate');
    this.request.atDate = [year, month, day];
    return this;
  }
  after(durationMilliseconds: number): this {
    integerArg(durationMilliseconds, 'ClockTriggerBuilder.after');
    if (durationMilliseconds < 0) throw new Error(`Invalid argument: ${durationMilliseconds}`);
    this.request.after = durationMilliseconds;
    return this;
  }
  inTimezone(timezone: string): this {
    if (!isValidTimeZone(timezone)) throw new Error(`Invalid argument: ${timezone}`);
    this.request.timeZone = timezone;
    return this;
  }

  create(): Trigger {
    const schedule = resolveSchedule(this.ws, this.request);
    return this.install({
      kind: 'clock',
      event: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      schedule,
      requested: { ...this.request },
    });
  }
}

/** Turns the builder's request into a fixed schedule, drawing the jitter from ws.random. */
function resolveSchedule(ws: Workspace, r: ClockRequest): ClockSchedule {
  const now = ws.now();
  const timeZone = r.timeZone ?? ws.timeZone;
  const recurrences = [
    r.everyMinutes,
    r.everyHours,
    r.everyDays,
    r.everyWeeks ?? r.onWeekDay,
    r.onMonthDay,
    r.at,
    r.after,
    r.atDate,
  ].filter((v) => v !== undefined).length;
  if (recurrences === 0) {
    throw new Error(
      'Clock triggers must specify a schedule (for example everyDays(1) or at(date)).',
    );
  }
  if (recurrences > 1) {
    throw new Error(
      'Clock triggers can only have one schedule (every…, onWeekDay, onMonthDay, at, after, atDate).',
    );
  }
  const daily =
    r.everyDays !== undefined || r.everyWeeks !== undefined || r.onWeekDay !== undefined;
  if (r.atHour !== undefined && !(daily || r.onMonthDay !== undefined || r.atDate)) {
    throw new Error(
      'atHour() can only be used with everyDays, everyWeeks, onWeekDay, onMonthDay or atDate.',
    );
  }
  if (
    r.nearMinute !== undefined &&
    (r.everyMinutes !== undefined || r.at !== undefined || r.after !== undefined)
  ) {
    throw new Error('nearMinute() cannot be used with everyMinutes, at or after.');
  }
  const spread = (): number => ws.random.int(-NEAR_MINUTE_SPREAD, NEAR_MINUTE_SPREAD + 1);
  const minuteInHour = (): number =>
    r.nearMinute !== undefined ? r.nearMinute + spread() : ws.random.int(0, 60);

  if (r.at !== undefined || r.after !== undefined) {
    const wanted = r.at !== undefined ? Math.max(r.at, now) : now + (r.after ?? 0);
    return { type: 'once', atMs: wanted + ws.random.int(1, ONE_SHOT_MAX_DELAY_S + 1) * 1000 };
  }
  if (r.atDate) {
    const [y, m, d] = r.atDate;
    const at = zonedTimeToUtc(
      ymd(y, m, d),
      (r.atHour ?? 0) * 60 + (r.nearMinute ?? 0) + spread(),
      timeZone,
    );
    return { type: 'once', atMs: Math.max(at, now + 1000) };
  }
  if (r.everyMinutes !== undefined || r.everyHours !== undefined) {
    const periodMs = (r.everyMinutes ?? 0) * MINUTE + (r.everyHours ?? 0) * 60 * MINUTE;
    if (r.nearMinute === undefined) {
      return {
        type: 'interval',
        periodMs,
        firstMs: now + ws.random.int(1, periodMs / 1000 + 1) * 1000,
      };
    }
    // everyHours(n).nearMinute(m): every n hours at a fixed minute near m of the local hour.
    const target = ((minuteInHour() % 60) + 60) % 60;
    const p = localParts(now, timeZone);
    const topOfMinute = Math.floor(now / MINUTE) * MINUTE;
    let firstMs = topOfMinute + ((((target - p.minute) % 60) + 60) % 60) * MINUTE;
    if (firstMs <= now) firstMs += 60 * MINUTE;
    return { type: 'interval', periodMs, firstMs };
  }
  const hour = r.atHour ?? localParts(now, timeZone).hour;
  const minuteOfDay = hour * 60 + minuteInHour();
  if (r.onMonthDay !== undefined) {
    return { type: 'monthly', monthDay: r.onMonthDay, minuteOfDay, timeZone };
  }
  const weekly = r.everyWeeks !== undefined || r.onWeekDay !== undefined;
  const stepDays = weekly ? 7 * (r.everyWeeks ?? 1) : (r.everyDays ?? 1);
  // The first day counts from creation; a weekly trigger without onWeekDay keeps today's weekday.
  const today = localDate(now, timeZone);
  const weekDay = r.onWeekDay ?? weekDayOf(today);
  let anchorDate = addDays(today, -1);
  while (
    (weekly && weekDayOf(anchorDate) !== weekDay) ||
    zonedTimeToUtc(anchorDate, minuteOfDay, timeZone) <= now
  ) {
    anchorDate = addDays(anchorDate, 1);
  }
  return { type: 'calendar', stepDays, anchorDate, minuteOfDay, timeZone };
}

interface AuthorizationState {
  /** The scopes of the script's manifest (appsscript.json oauthScopes); null when unknown. */
  manifestScopes: string[] | null;
  /** Per user: scopes left unticked on the consent screen (granular consent). */
  declined: Map<string, Set<string>>;
}

function authorizationState(ws: Workspace): AuthorizationState {
  return ws.state<AuthorizationState>('ScriptApp.authorization', () => ({
    manifestScopes: null,
    declined: new Map(),
  }));
}

/**
 * https://developers.google.com/apps-script/reference/script/authorization-info — whether the user
 * granted the script's scopes. "Some script executions can start without a user's consent to all
 * required scopes used by the script" (granular consent): the emulator lets a test decline some.
 */
export class AuthorizationInfo implements Faithful<
  GoogleAppsScript.Script.AuthorizationInfo,
  'getAuthorizationStatus' | 'getAuthorizationUrl' | 'getAuthorizedScopes'
> {
  static readonly gasName = 'ScriptApp.AuthorizationInfo';

  constructor(
    private readonly authorized: string[],
    private readonly required: boolean,
  ) {}

  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    return asEnum(this.required ? 'REQUIRED' : 'NOT_REQUIRED');
  }
  /** "If no authorization is required, this method returns null." */
  getAuthorizationUrl(): string {
    return (
      this.required
        ? 'https://script.google.com/macros/d/1OfflineEmulatedCampaignScript0000000000000000000000000/authorize'
        : null
    ) as string;
  }
  /** "…returns the authorized scopes from the specified list" when a list was given. */
  getAuthorizedScopes(): string[] {
    return [...this.authorized];
  }
}

interface WebAppState {
  url: string | null;
}

function webAppState(ws: Workspace): WebAppState {
  return ws.state<WebAppState>('ScriptApp.webApp', () => ({ url: null }));
}

/** The script's web app deployment (ScriptApp.getService()). */
export class Service implements Faithful<GoogleAppsScript.Script.Service, 'getUrl' | 'isEnabled'> {
  static readonly gasName = 'ScriptApp.Service';
  constructor(private readonly ws: Workspace) {}

  /**
   * "Returns the URL of the web app, if it has been deployed; otherwise returns null."
   * (https://developers.google.com/apps-script/reference/script/service#getUrl())
   */
  getUrl(): string {
    return webAppState(this.ws).url as string;
  }

  isEnabled(): boolean {
    return webAppState(this.ws).url !== null;
  }
}

export class ScriptApp implements Faithful<
  GoogleAppsScript.Script.ScriptApp,
  | 'getAuthorizationInfo'
  | 'newTrigger'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'deleteTrigger'
  | 'getOAuthToken'
  | 'getScriptId'
  | 'getService'
> {
  static readonly gasName = 'ScriptApp';
  static readonly gasEnums = {
    AuthMode: enumOf(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']),
    AuthorizationStatus: enumOf(['REQUIRED', 'NOT_REQUIRED']),
    EventType: enumOf([
      'CLOCK',
      'ON_OPEN',
      'ON_EDIT',
      'ON_FORM_SUBMIT',
      'ON_CHANGE',
      'ON_EVENT_UPDATED',
    ]),
    InstallationSource: enumOf(['APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON']),
    TriggerSource: enumOf(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']),
    WeekDay: enumOf(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']),
  };

  /**
   * @param actingUser host-only: act as this account without a running execution (see `_as`).
   */
  constructor(
    private readonly ws: Workspace,
    private readonly actingUser?: string,
  ) {}

  /** The account whose triggers this call sees and creates: the execution's effective user. */
  private user(): string {
    return this.actingUser ?? this.ws.execution().effectiveUser;
  }

  newTrigger(functionName: string): TriggerBuilder {
    const handler = String(functionName);
    return new TriggerBuilder(this.ws, (base) => {
      const store = triggerStore(this.ws);
      const owner = this.user();
      if (store.triggers.filter((t) => t.owner === owner).length >= MAX_TRIGGERS_PER_USER) {
        throw new Error(TOO_MANY_TRIGGERS);
      }
      const serial = store.nextSerial++;
      const description: TriggerDescription = {
        ...base,
        // Real ids are opaque decimal strings; these are deterministic and never reused.
        id: `7${String(serial).padStart(18, '0')}`,
        owner,
        handler,
        createdAt: this.ws.now(),
      };
      store.triggers.push(description);
      store.version += 1;
      return new Trigger(description);
    });
  }

  /** Only the current user's triggers: another account's triggers still fire but stay invisible. */
  getProjectTriggers(): Trigger[] {
    const owner = this.user();
    return triggerStore(this.ws)
      .triggers.filter((t) => t.owner === owner)
      .map((t) => new Trigger(t));
  }

  getUserTriggers(container: HasId): Trigger[] {
    // Unlike forSpreadsheet/forForm, getUserTriggers takes the file object only, not its id.
    const sourceId = idOf(container, 'ScriptApp.getUserTriggers', false);
    const owner = this.user();
    return triggerStore(this.ws)
      .triggers.filter((t) => t.owner === owner && t.sourceId === sourceId)
      .map((t) => new Trigger(t));
  }

  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    const id = (trigger as { getUniqueId?: () => string } | null)?.getUniqueId?.();
    if (typeof id !== 'string') {
      throw new Error(
        "The parameters (Object) don't match the method signature for ScriptApp.deleteTrigger.",
      );
    }
    const store = triggerStore(this.ws);
    const owner = this.user();
    // Another account's trigger cannot be deleted from here: that is why ghosts survive.
    const index = store.triggers.findIndex((t) => t.id === id && t.owner === owner);
    if (index >= 0) {
      store.triggers.splice(index, 1);
      store.version += 1;
    }
  }

  getOAuthToken(): string {
    const user = this.user();
    let hash = 2166136261;
    for (const ch of user) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
    return `ya29.offline-emulator-${hash.toString(36)}`;
  }

  getScriptId(): string {
    return '1OfflineEmulatedCampaignScript0000000000000000000000000';
  }

  /**
   * What the execution's user granted of the manifest's scopes (or of `oAuthScopes`): everyone who
   * runs the script went through the consent screen, minus what `_declineScopes` unticked. Without
   * a known manifest, every requested scope counts as granted.
   */
  getAuthorizationInfo(
    authMode: GoogleAppsScript.Script.AuthMode,
    oAuthScopes?: string[],
  ): AuthorizationInfo {
    if (
      String(authMode) !== 'FULL' &&
      String(authMode) !== 'LIMITED' &&
      String(authMode) !== 'NONE'
    ) {
      throw new Error(
        "The parameters (Object) don't match the method signature for ScriptApp.getAuthorizationInfo.",
      );
    }
    const state = authorizationState(this.ws);
    const declined = state.declined.get(this.user()) ?? new Set<string>();
    const wanted = oAuthScopes ? oAuthScopes.map(String) : (state.manifestScopes ?? []);
    const authorized = wanted.filter((scope) => !declined.has(scope));
    return new AuthorizationInfo(authorized, authorized.length < wanted.length);
  }

  getService(): Service {
    return new Service(this.ws);
  }

  // ---- host API ---------------------------------------------------------------------------

  /** The owner deploys the script as a web app (Deploy → New deployment → Web app). */
  static _deployWebApp(
    ws: Workspace,
    url = 'https://script.google.com/macros/s/AKfycbOfflineEmulatedCampaignDeployment/exec',
  ): string {
    webAppState(ws).url = url;
    return url;
  }

  /** A ScriptApp acting as `user` outside any execution (e.g. to plant another admin's trigger). */
  static _as(ws: Workspace, user: string): ScriptApp {
    return new ScriptApp(ws, user);
  }

  /** Host: the oauthScopes of the manifest the script was deployed with. */
  static _setManifestScopes(ws: Workspace, scopes: readonly string[]): void {
    authorizationState(ws).manifestScopes = [...scopes];
  }

  /** Host: `user` left these scopes unticked on the consent screen (granular consent). */
  static _declineScopes(ws: Workspace, user: string, scopes: readonly string[]): void {
    const state = authorizationState(ws);
    const set = state.declined.get(user) ?? new Set<string>();
    for (const scope of scopes) set.add(scope);
    state.declined.set(user, set);
  }

  /** Every installed trigger of every user, in creation order (copies). */
  static _allTriggers(ws: Workspace): TriggerDescription[] {
    return triggerStore(ws).triggers.map((t) => ({ ...t }));
  }

  /** Increases whenever a trigger is created or deleted. */
  static _triggersVersion(ws: Workspace): number {
    return triggerStore(ws).version;
  }

  /** See nextFireTime; accepts a description or a trigger id (null if unknown / not a clock). */
  static _nextFire(
    ws: Workspace,
    trigger: TriggerDescription | string,
    afterMs: number,
  ): number | null {
    const description =
      typeof trigger === 'string'
        ? triggerStore(ws).triggers.find((t) => t.id === trigger)
        : trigger;
    return description ? nextFireTime(description, afterMs) : null;
  }

  /** See fireTimesBetween: fire moments in (fromMs, toMs]. */
  static _fireTimes(
    ws: Workspace,
    trigger: TriggerDescription | string,
    fromMs: number,
    toMs: number,
  ): number[] {
    const description =
      typeof trigger === 'string'
        ? triggerStore(ws).triggers.find((t) => t.id === trigger)
        : trigger;
    return description ? fireTimesBetween(description, fromMs, toMs) : [];
  }
}
