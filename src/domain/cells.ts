// Named imports: `import { z }` would pull every zod locale (~400 KB) into the Apps Script bundle.
import { NEVER, pipe, transform, unknown } from 'zod/mini';
import type { ProblemRef } from '../i18n';
import type { Cell } from './table';

export const EMAIL = /^[^\s@;,<>"'()]+@[^\s@;,<>"'()]+\.[^\s@;,<>"'()]+$/;

/**
 * A plain address as the campaign's own addresses must be (roster, staff, admins, reply-to):
 * local part @ dotted domain, ASCII, no display name, angle brackets, `mailto:` or spaces.
 */
export const PLAIN_EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/**
 * A zod schema that turns one raw value (a cell, an answer) into a typed value or a located
 * problem. Each problem carries an i18n reference, rendered later in the campaign's language.
 */
export function cellParser<T>(parse: (cell: Cell, fail: (p: ProblemRef) => never) => T) {
  return pipe(
    unknown(),
    transform((input: unknown, ctx) => {
      class Failed {}
      try {
        return parse(input as Cell, (p) => {
          ctx.issues.push({ code: 'custom', message: p.key, input, params: { problem: p } });
          throw new Failed();
        });
      } catch (error) {
        if (error instanceof Failed) return NEVER;
        throw error;
      }
    }),
  );
}

export const isEmpty = (cell: unknown): boolean =>
  cell === '' ||
  cell === null ||
  cell === undefined ||
  (typeof cell === 'string' && cell.trim() === '');

/** The problems of a failed safeParse, as (path key, problem) pairs. */
export function problemsOf(
  issues: readonly { path: PropertyKey[]; params?: Record<string, unknown> }[],
): { key: string; problem: ProblemRef }[] {
  return issues.map((issue) => ({
    key: String(issue.path[0] ?? ''),
    problem: (issue.params?.problem as ProblemRef) ?? { key: 'required', args: [] },
  }));
}
