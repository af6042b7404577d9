/**
 * The campaign templates the product ships. Setup writes the chosen one (系统设置 template) into the
 * configuration sheets; from then on the sheets are the campaign and the template is not read again
 * except for what the sheets do not hold (form titles, the records each form makes, report sections).
 */
import type { CampaignTemplate } from '../../src/domain/template';
import { BRANCH_DUTIES } from './branch-duties';
import { KEY_TASKS } from './key-tasks';
import { SECRETARY_PROJECT } from './secretary-project';

export const TEMPLATES: readonly CampaignTemplate[] = [SECRETARY_PROJECT, BRANCH_DUTIES, KEY_TASKS];

export const DEFAULT_TEMPLATE = SECRETARY_PROJECT;

export function templateById(id: string): CampaignTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
