import { labelOf, valueLabel } from '../domain/labels';
import { AUDIT_LOG_SHEET } from '../../sheets-templates/data-sheets';
import { formatMinute } from '../domain/calendar';
import type { Cell } from '../domain/table';
import { messages } from '../i18n';
import type { AppDeps } from '../ports';
import { loadConfig, titlesOf } from './config-sheets';
import { headerOnly, readKeyed, rowFor } from './records';

/** How many unsigned decisions the prompt lists (a dialog has room for about this many lines). */
const MAX_LISTED = 15;

/** The key of the audit row that signs earlier unknown decisions of a project. */
export const SIGNATURE_KEY = 'reviewer';

interface Unsigned {
  projectId: string;
  unitId: string;
  key: string;
  newValue: Cell;
  at: number;
}

const timeOf = (v: Cell | undefined) => (v instanceof Date ? v.getTime() : 0);

/**
 * Menu: the person who clicked signs review decisions the edit trigger could not attribute
 * (Google gives an installable edit trigger no e.user for consumer accounts and other domains).
 * A menu item runs as whoever clicked it, so Session.getEffectiveUser() is them, whatever the
 * account type. They pick the projects whose decisions they made; one audit row per project
 * (field 「reviewer」, old value the unknown marker, new value their address) signs every unknown
 * decision of that project up to now. Decisions stay in the audit log as they were.
 */
export function confirmMyReviews(deps: AppDeps): { signed: number } {
  const loaded = loadConfig(deps.sheets);
  if (!loaded.ok) return { signed: 0 };
  const { settings } = loaded.config;
  const locale = settings.locale;
  const m = messages(locale);
  const me = deps.ui.activeUser() || deps.ui.effectiveUser();
  if (!me) {
    deps.ui.alert(m.review.confirmTitle, m.review.confirmNoIdentity);
    return { signed: 0 };
  }
  const pending = unsigned(deps, m.review.unknownReviewer, locale);
  if (pending.length === 0) {
    deps.ui.alert(m.review.confirmTitle, m.review.confirmNone);
    return { signed: 0 };
  }
  const lines = pending
    .slice(0, MAX_LISTED)
    .map((d) =>
      m.review.confirmLine(
        formatMinute(d.at, settings.timeZone),
        d.projectId,
        String(labelOf('reviewField', d.key, settings.locale)),
        String(valueLabel(d.key, d.newValue, settings.locale)),
      ),
    );
  const answer = deps.ui.prompt(
    m.review.confirmTitle,
    m.review.confirmPrompt(me, lines.join('\n'), pending.length, pending.length - lines.length),
  );
  if (answer === null) return { signed: 0 };
  const text = answer.trim();
  const all = text === m.review.confirmAll || text.toLowerCase() === 'all';
  const chosen = new Set(
    text
      .split(/[,，、\s]+/)
      .map((p) => p.trim().toUpperCase())
      .filter(Boolean),
  );
  return deps.lock.withScriptLock(() => {
    // Read again under the lock: another reviewer may have signed meanwhile.
    const now = deps.clock.now();
    const still = unsigned(deps, m.review.unknownReviewer, locale).filter(
      (d) => all || chosen.has(d.projectId.toUpperCase()),
    );
    const byProject = new Map<string, Unsigned[]>();
    for (const d of still) byProject.set(d.projectId, [...(byProject.get(d.projectId) ?? []), d]);
    const audit = headerOnly(deps.sheets, AUDIT_LOG_SHEET, locale);
    const rows = [...byProject.values()].map((list) =>
      rowFor(audit, {
        at: new Date(now),
        editor: me,
        projectId: list[0].projectId,
        unitId: list[0].unitId,
        key: SIGNATURE_KEY,
        oldValue: m.review.unknownReviewer,
        newValue: me,
      }),
    );
    if (rows.length) deps.sheets.appendRows(titlesOf(AUDIT_LOG_SHEET), rows);
    deps.log.record({ event: 'reviewsSigned', by: me, decisions: still.length });
    deps.ui.alert(m.review.confirmTitle, m.review.confirmDone(still.length, me));
    return { signed: still.length };
  });
}

/** Decisions recorded under the unknown marker and not signed since, oldest first. */
function unsigned(deps: AppDeps, marker: string, locale: 'zh-CN' | 'en'): Unsigned[] {
  const audit = readKeyed(deps.sheets, AUDIT_LOG_SHEET, locale);
  const signedUntil = new Map<string, number>();
  for (const row of audit.rows) {
    const v = row.values;
    if (v.key === SIGNATURE_KEY && v.oldValue === marker) {
      const id = String(v.projectId ?? '');
      signedUntil.set(id, Math.max(signedUntil.get(id) ?? 0, timeOf(v.at)));
    }
  }
  const out: Unsigned[] = [];
  for (const row of audit.rows) {
    const v = row.values;
    if (v.editor !== marker || v.key === SIGNATURE_KEY) continue;
    const projectId = String(v.projectId ?? '');
    const at = timeOf(v.at);
    if (at <= (signedUntil.get(projectId) ?? -1)) continue;
    out.push({
      projectId,
      unitId: String(v.unitId ?? ''),
      key: String(v.key ?? ''),
      newValue: v.newValue ?? '',
      at,
    });
  }
  return out;
}
