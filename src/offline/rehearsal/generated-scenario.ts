import { STAGES_SHEET, UNITS_SHEET } from '../../../sheets-templates/config-sheets';
import { ENVIRONMENT_DEFAULTS, type Scenario } from './scenario';

export interface GeneratedScenarioOptions {
  /** How many units: U001…, named 测试单位N机关党委, one roster address each. */
  units: number;
  /** Unit category by index (default: every third a 驻深企业, the rest 机关事业单位). */
  category?: (index: number) => string;
  /** Settings by key (campaignName, staffEmails.org, …). */
  settings: Record<string, string>;
  /** Stage rows in the order of the Stages sheet's columns. */
  stages: string[][];
}

/** A scenario made in code (tests, the benchmark), read exactly as a scenario folder would be. */
export function generatedScenario(options: GeneratedScenarioOptions): Scenario {
  const width = String(options.units).length < 3 ? 3 : String(options.units).length;
  const category = options.category ?? ((i: number) => (i % 3 === 0 ? '驻深企业' : '机关事业单位'));
  return {
    dir: '(generated)',
    settings: Object.entries(options.settings).map(([key, value]) => ({ key, value })),
    units: {
      header: UNITS_SHEET.columns.map((c) => c.key),
      rows: Array.from({ length: options.units }, (_, i) => [
        `U${String(i + 1).padStart(width, '0')}`,
        `测试单位${i + 1}机关党委`,
        category(i),
        '',
        '',
        `dw${i + 1}@u${i + 1}.example`,
        '',
        '',
        'true',
      ]),
    },
    stages: { header: STAGES_SHEET.columns.map((c) => c.key), rows: options.stages },
    roster: { header: [], rows: [] },
    events: [],
    environment: { ...ENVIRONMENT_DEFAULTS },
  };
}
