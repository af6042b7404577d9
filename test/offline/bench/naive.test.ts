import * as path from 'node:path';
import { DEFAULT_LATENCY } from '../../../src/offline/bench/latency';
import {
  dailyRunNaive,
  dailyRunOurs,
  naiveBundle,
  newBench,
  submission,
  totals,
} from '../../../src/offline/bench/measure';
import { bundlePath } from '../../support/bundle';

describe('naive reference on the emulator (small campaign)', () => {
  const bundle = bundlePath();

  test('the naive daily run reaches the same recipients as the product, with one email per owed project and one getValue per cell', () => {
    const ours = dailyRunOurs(newBench('ours', 12, DEFAULT_LATENCY, bundle), DEFAULT_LATENCY);
    const naive = dailyRunNaive(
      newBench('naive', 12, DEFAULT_LATENCY, naiveBundle(bundle)),
      DEFAULT_LATENCY,
    );
    expect(naive.executions.every((e) => e.ok)).toBe(true);
    expect(ours.executions.every((e) => e.ok)).toBe(true);
    expect(naive.addresses).toEqual(ours.addresses);
    // 12 units, 18 projects, 2 assessed (1 and 11): 16 owed projects + 2 staff digests.
    expect(totals(naive).sends).toBe(18);
    // The product groups a unit's projects into one email: 12 units owe (every one) + 2 digests.
    expect(totals(ours).sends).toBe(14);
    expect(totals(naive).counts['SpreadsheetApp.Range.getValue']).toBeGreaterThan(100);
    expect(totals(naive).counts['SpreadsheetApp.Range.getValues'] ?? 0).toBe(0);
  });

  test('the naive submission appends one project row and sends the receipt to the respondent', () => {
    const bench = newBench('naive', 12, DEFAULT_LATENCY, naiveBundle(bundle));
    const before = (bench.campaign.harness.values('项目库') ?? []).filter(
      (r) => r[0] !== '',
    ).length;
    const result = submission(bench, DEFAULT_LATENCY);
    expect(result.executions[0].ok).toBe(true);
    const rows = (bench.campaign.harness.values('项目库') ?? []).filter((r) => r[0] !== '');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)?.[0]).toBe('SJXM-2014-019');
    expect(result.addresses).toEqual(['dw7@u7.example']);
    expect(path.basename(naiveBundle(bundle))).toBe('Code.js');
  });
});
