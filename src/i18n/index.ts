import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export type { Messages };

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** The messages of a locale; anything unknown falls back to Simplified Chinese. */
export function messages(locale: string | undefined): Messages {
  return locale === 'en' ? en : zhCN;
}

/** A reference to a problem message, rendered later in the campaign's language. */
export type ProblemRef = {
  [K in keyof Messages['problems']]: { key: K; args: Parameters<Messages['problems'][K]> };
}[keyof Messages['problems']];

export function renderProblem(m: Messages, ref: ProblemRef): string {
  const render = m.problems[ref.key] as (...args: unknown[]) => string;
  return render(...ref.args);
}

/** Builds a ProblemRef with its arguments checked against the message's signature. */
export function problem<K extends keyof Messages['problems']>(
  key: K,
  ...args: Parameters<Messages['problems'][K]>
): ProblemRef {
  return { key, args } as ProblemRef;
}
