/**
 * The rules a review edit must pass, checked against the accepted review state (what the audit
 * log says was accepted), not against the sheet — the sheet already shows the person's edit, and
 * two people editing at once must not both count each other's unaccepted edits.
 */
import { ACCEPTANCE_RESULTS, REVIEW_STATUSES } from '../../sheets-templates/data-sheets';
import { problem, type ProblemRef } from '../i18n';
import type { Cell } from './table';
import { STATUS } from './records';

export const REVIEW_KEYS = [
  'status',
  'score',
  'comment',
  'fundingGranted',
  'acceptanceScore',
  'acceptanceResult',
] as const;
export type ReviewKey = (typeof REVIEW_KEYS)[number];
/** Written by the script only. */
export const SCRIPT_ONLY_KEYS = ['reviewer', 'reviewedAt'] as const;

export type ReviewState = Map<string, Partial<Record<ReviewKey, Cell>>>;

export type ReviewVerdict =
  | { ok: true; value: Cell }
  | { ok: false; rule: string; problem: ProblemRef; count?: number; limit?: number };

const blank = (v: Cell | undefined) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function score(v: Cell, min = 0, max = 100): number | null | undefined {
  if (blank(v)) return null;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
}

/** The accepted value of a review field (status defaults to pending). */
export function acceptedValue(state: ReviewState, projectId: string, key: ReviewKey): Cell {
  const v = state.get(projectId)?.[key];
  if (v === undefined) return key === 'status' ? STATUS.pending : '';
  return v;
}

export function checkReviewEdit(
  state: ReviewState,
  projectId: string,
  key: ReviewKey,
  value: Cell,
  keyProjectQuota: number,
): ReviewVerdict {
  switch (key) {
    case 'status': {
      const v = blank(value) ? STATUS.pending : String(value).trim();
      if (!(REVIEW_STATUSES as readonly string[]).includes(v)) {
        return {
          ok: false,
          rule: 'statusChoice',
          problem: problem('badChoice', v, REVIEW_STATUSES.join('、')),
        };
      }
      if (v === STATUS.key && acceptedValue(state, projectId, 'status') !== STATUS.key) {
        let keys = 0;
        for (const [id, review] of state)
          if (id !== projectId && review.status === STATUS.key) keys += 1;
        if (keys + 1 > keyProjectQuota) {
          return {
            ok: false,
            rule: 'keyProjectQuota',
            problem: problem('keyQuotaFull', keyProjectQuota),
            count: keys + 1,
            limit: keyProjectQuota,
          };
        }
      }
      return { ok: true, value: v };
    }
    case 'score':
    case 'acceptanceScore': {
      const n = score(value);
      if (n === undefined)
        return {
          ok: false,
          rule: 'scoreRange',
          problem: problem('badNumber', String(value), 0, 100),
        };
      return { ok: true, value: n ?? '' };
    }
    case 'fundingGranted': {
      const n = score(value, 0, 1e7);
      if (n === undefined)
        return {
          ok: false,
          rule: 'fundingRange',
          problem: problem('badNumber', String(value), 0, 1e7),
        };
      if (n !== null && n > 0 && acceptedValue(state, projectId, 'status') !== STATUS.key) {
        return { ok: false, rule: 'fundingOnlyForKey', problem: problem('fundingOnlyForKey') };
      }
      return { ok: true, value: n ?? '' };
    }
    case 'acceptanceResult': {
      if (blank(value)) return { ok: true, value: '' };
      const v = String(value).trim();
      if (!(ACCEPTANCE_RESULTS as readonly string[]).includes(v)) {
        return {
          ok: false,
          rule: 'acceptanceChoice',
          problem: problem('badChoice', v, ACCEPTANCE_RESULTS.join('、')),
        };
      }
      return { ok: true, value: v };
    }
    case 'comment': {
      const v = blank(value) ? '' : String(value);
      if (v.length > 5000)
        return { ok: false, rule: 'commentLength', problem: problem('tooLong', 5000) };
      return { ok: true, value: v };
    }
  }
}
