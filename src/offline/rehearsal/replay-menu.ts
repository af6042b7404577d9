/**
 * Replays scenario `menu` events (rehearsal-format.md): a staff member opens the spreadsheet and
 * clicks an item of the campaign's menu (dossiers, a report, a check), which runs as them. An item
 * the menu does not offer is dropped with the menu's captions named; nothing runs.
 */
import type { RunResult } from '../sandbox/sandbox';
import type { EventReplayer } from './replayer';
import type { MenuEvent, ScenarioEvent } from './scenario';

export const replayMenu: EventReplayer = (harness, scenarioEvent) => {
  const event = scenarioEvent as MenuEvent;
  const runs: RunResult[] = [harness.open(event.by)];
  const items = harness.menuItems();
  const item = items.find((i) => i.handler === event.item || i.caption === event.item);
  if (!item) {
    const problem = `no menu item "${event.item}" (menu: ${items.map((i) => i.caption).join(', ')})`;
    return Object.assign([], { notes: [{ problem }] });
  }
  runs.push(harness.clickMenu(item.handler, event.by));
  return runs;
};

export function registerMenuReplayer(
  replayers: Partial<Record<ScenarioEvent['type'], EventReplayer>>,
): void {
  replayers.menu = replayMenu;
}
