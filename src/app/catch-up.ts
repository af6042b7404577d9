/**
 * The catch-up from the source of truth. A submission is recorded by its own form-submit
 * execution, but Apps Script never runs a failed trigger execution again, and an execution that
 * would be the 31st running for the account does not start at all ("Simultaneous executions per
 * user: 30", https://developers.google.com/apps-script/guides/services/quotas). The form itself
 * keeps every response: each one whose id has no record (or whose latest edit is newer than its
 * record) is taken in here, recorded, answered and counted exactly as its own trigger would have.
 */
import { recordSheetOf, REJECTIONS_SHEET } from '../../sheets-templates/data-sheets';
import type { CampaignConfig } from '../domain/config';
import type { KeyedRow } from '../domain/table';
import type { AppDeps, RawSubmission } from '../ports';
import { formsInUse } from './campaign-forms';
import { readKeyed } from './records';

/** Sheets keeps a date to about a millisecond; a response edited within a second is the same. */
export const STAMP_TOLERANCE_MS = 1000;
/**
 * A response younger than this may still be in its own execution (which Apps Script kills at 6
 * minutes): the catch-up leaves it alone rather than race it.
 */
export const CATCH_UP_GRACE_MS = 10 * 60 * 1000;
/** An intake looks at its form's responses at most this often (one property read otherwise). */
const INTAKE_INTERVAL_MS = 15 * 60 * 1000;
/**
 * An intake reads two values per response listed since the last complete look (tens of
 * responses in a normal half hour); past this many it leaves the work to the daily run.
 */
const INTAKE_SCAN_LIMIT = 50;
/** Responses one intake takes in besides its own (each costs about as much as a submission). */
const INTAKE_TAKE_LIMIT = 3;

/** One script property per form (one read on an intake's common path). */
const storeKey = (formKey: string) => `catchUp.${formKey}`;

interface LookState {
  /** Every response listed before this moment has a record (ms); null: never looked. */
  since: number | null;
  /** The next moment an intake may look (ms). */
  nextAt: number;
}

function readState(deps: AppDeps, formKey: string): LookState {
  try {
    const parsed = JSON.parse(deps.store.get(storeKey(formKey)) ?? '{}') as Partial<LookState>;
    return {
      since: typeof parsed.since === 'number' ? parsed.since : null,
      nextAt: typeof parsed.nextAt === 'number' ? parsed.nextAt : 0,
    };
  } catch {
    return { since: null, nextAt: 0 };
  }
}

/** The latest response time a record holds (its first submission, or its last update). */
export function recordedAt(row: KeyedRow): number {
  const ms = (cell: unknown) => (cell instanceof Date ? cell.getTime() : 0);
  return Math.max(ms(row.values.submittedAt), ms(row.values.updatedAt));
}

export interface CatchUpResult {
  /** Responses taken in (recorded or rejected, and answered) by this catch-up. */
  taken: number;
  /** Due responses left for a later run because time ran out. */
  deferred: number;
  /** Due responses whose take-in failed (retried next time). */
  failed: number;
}

export interface CatchUpOptions {
  formKeys: string[];
  /** 'intake': rate-limited and bounded (see the constants); 'daily': every due response. */
  mode: 'intake' | 'daily';
  /** No new take-in starts after this moment (ms). */
  deadline: number;
}

/** Form keys of the campaign's forms (those its stages use). */
export function campaignFormKeys(config: CampaignConfig): string[] {
  return formsInUse(config).map((f) => f.key);
}

/**
 * Compares each form's responses since the last complete look with the recorded response ids
 * (the form's record sheet and the rejections) and takes in, through `take`, every response old
 * enough that its own execution is over. Taking in upserts by response id under the script lock,
 * so a response its own execution recorded in the meantime comes back 'duplicate' and is neither
 * answered nor counted again.
 */
export function catchUp(
  deps: AppDeps,
  config: CampaignConfig,
  take: (raw: RawSubmission) => { status: string },
  options: CatchUpOptions,
): CatchUpResult {
  const total: CatchUpResult = { taken: 0, deferred: 0, failed: 0 };
  const locale = config.settings.locale;
  let rejections: KeyedRow[] | null = null;
  for (const formKey of options.formKeys) {
    const form = config.forms.find((f) => f.key === formKey);
    if (!form) continue;
    const startedAt = deps.clock.now();
    if (startedAt > options.deadline) break;
    const state = readState(deps, formKey);
    if (options.mode === 'intake') {
      if (startedAt < state.nextAt) continue;
      // Claimed before the look, so the intakes running meanwhile do not all look too.
      state.nextAt = startedAt + INTAKE_INTERVAL_MS;
      deps.store.set(storeKey(formKey), JSON.stringify(state));
    }
    const since = state.since;
    const listed = deps.forms.responseStamps(
      formKey,
      since,
      options.mode === 'intake' ? INTAKE_SCAN_LIMIT : Number.MAX_SAFE_INTEGER,
    );
    if (!listed) continue;
    if ('tooMany' in listed) {
      deps.log.record({ event: 'catchUpSkipped', form: formKey, listed: listed.tooMany });
      continue;
    }
    // Read after the list: a response recorded in between counts as recorded, never the reverse.
    rejections ??= readKeyed(deps.sheets, REJECTIONS_SHEET, locale).rows;
    const recorded = new Map<string, number>();
    for (const row of [
      ...readKeyed(deps.sheets, recordSheetOf(form), locale).rows,
      ...rejections,
    ]) {
      const id = String(row.values.responseId ?? '');
      if (id) recorded.set(id, Math.max(recorded.get(id) ?? 0, recordedAt(row)));
    }
    const cutoff = startedAt - CATCH_UP_GRACE_MS;
    const missing = listed.stamps
      .filter((s) => (recorded.get(s.id) ?? -Infinity) + STAMP_TOLERANCE_MS < s.at)
      .sort((a, b) => a.at - b.at);
    const pending = missing.filter((s) => s.at > cutoff).map((s) => s.at);
    const limit = options.mode === 'intake' ? INTAKE_TAKE_LIMIT : Number.MAX_SAFE_INTEGER;
    let taken = 0;
    let tried = 0;
    for (const stamp of missing.filter((s) => s.at <= cutoff)) {
      if (tried >= limit || deps.clock.now() > options.deadline) {
        pending.push(stamp.at);
        total.deferred += 1;
        continue;
      }
      tried += 1;
      try {
        const raw = deps.forms.response(formKey, stamp.id);
        if (raw && take(raw).status !== 'duplicate') taken += 1;
      } catch (error) {
        // A transient error: the response stays due and the next look tries it again.
        pending.push(stamp.at);
        total.failed += 1;
        deps.log.record({
          event: 'catchUpFailed',
          form: formKey,
          responseId: stamp.id,
          message: String((error as Error)?.message ?? error),
        });
      }
    }
    // Everything before the earliest response still due (or still young) has a record now.
    const watermark = pending.length ? Math.min(...pending) - 1 : cutoff;
    if (since === null || watermark > since) {
      deps.store.set(storeKey(formKey), JSON.stringify({ ...state, since: watermark }));
    }
    total.taken += taken;
    deps.log.record({
      event: 'catchUp',
      form: formKey,
      listed: listed.stamps.length,
      missing: missing.length,
      taken,
      pending: pending.length,
    });
  }
  return total;
}
