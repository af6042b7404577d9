/**
 * The status pages as the web app serves them at the end of the rehearsal: one per unit (opened
 * with its personal link, as a unit secretary would) and one per department (opened by its staff,
 * signed in; by a department link where Apps Script would not reveal who they are).
 */
import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CampaignHarness } from '../harness';
import { PropertiesService } from '../emulator/properties-service';
import type { Scenario } from './scenario';

/** Script property of the link key (src/app/unit-page.ts PAGE_SECRET). */
const PAGE_SECRET = 'webPage.secret';

/**
 * A personal link's parameters, made on the host the way the script makes them (HMAC-SHA256 over
 * `v1|subject|expires`, web-safe base64 with padding, like Utilities.base64EncodeWebSafe).
 */
export function linkParams(
  harness: CampaignHarness,
  subject: string,
  expires = '2099-12-31',
): Record<string, string> {
  const secret = PropertiesService._store(harness.ws, 'script').getProperty(PAGE_SECRET) ?? '';
  const s = createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`v1|${subject}|${expires}`, 'utf8')
    .digest('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
  return { u: subject, e: expires, s };
}

function column(scenario: Scenario, key: string): string[] {
  const at = scenario.units.header.indexOf(key);
  return at < 0 ? [] : scenario.units.rows.map((r) => r[at] ?? '');
}

/**
 * Writes pages/<unitId>.html (at most `maxUnits` of them) and pages/staff-<dept>.html: the files
 * written, and how many units' pages were left out.
 */
export function writePages(
  harness: CampaignHarness,
  scenario: Scenario,
  dir: string,
  maxUnits = Infinity,
): { files: string[]; unitsLeft: number } {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, html: string | null) => {
    if (html === null) return;
    fs.writeFileSync(path.join(dir, name), html);
    written.push(name);
  };
  const active = column(scenario, 'active');
  const ids = column(scenario, 'unitId').filter(
    (id, i) => id && !/^(false|否|0)$/i.test(active[i] ?? ''),
  );
  for (const id of ids.slice(0, maxUnits)) {
    write(`${id.replace(/[^\w.-]/g, '_')}.html`, harness.visitWebApp(linkParams(harness, id)).html);
  }
  for (const s of scenario.settings) {
    const match = /^staffEmails\.(\w+)$/.exec(s.key);
    if (!match) continue;
    const department = match[1];
    const staff = s.value.split(/[;,\s]+/).filter(Boolean)[0] ?? '';
    const shown = harness.ws.visibleIdentity(staff) !== '';
    const visit = shown
      ? harness.visitWebApp({ dept: department }, staff)
      : harness.visitWebApp(linkParams(harness, `dept:${department}`));
    write(`staff-${department}.html`, visit.html);
  }
  return { files: written, unitsLeft: Math.max(0, ids.length - maxUnits) };
}
