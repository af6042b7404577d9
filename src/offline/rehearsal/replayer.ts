/**
 * What replaying one scenario event means. The engine keeps the registry of replayers and each
 * replay-*.ts module registers its event types, so both import these types from here rather than
 * from each other.
 */
import type { CampaignHarness } from '../harness';
import type { RunResult } from '../sandbox/sandbox';
import type { Scenario, ScenarioEvent } from './scenario';

/** An event type the script can be driven with; returns what happened, for the day line. */
export type EventReplayer = (
  harness: CampaignHarness,
  event: ScenarioEvent,
  context: ReplayContext,
) => RunResult[];

export interface ReplayContext {
  scenario: Scenario;
  /** Responses created so far, by scenario event id (for `edit` events). */
  responses: Map<string, unknown>;
}
