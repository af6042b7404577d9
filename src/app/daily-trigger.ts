/**
 * The Apps Script function the daily time trigger runs (exported by src/main.ts). Activate
 * installs the trigger, the menu's trigger repair (review.ts) and the daily run re-create it, and
 * self-check counts it; the name lives apart from all of them so that none imports another for it.
 */
export const DAILY_HANDLER = 'onDailyTick';
