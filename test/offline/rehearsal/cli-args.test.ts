import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliArgsError, parseCliArgs, USAGE } from '../../../src/offline/rehearsal/cli-args';

const opts = { cwd: '/home/me/work', root: '/repo' };

describe('parseCliArgs', () => {
  test('no arguments: the bundled sample campaign, resolved from the project root, into out/sample', () => {
    expect(parseCliArgs([], opts)).toEqual({
      scenario: '/repo/sheets-templates/sample-campaign',
      out: '/repo/out/sample',
      quiet: false,
      verbose: false,
      help: false,
    });
  });

  test('the default project root is the folder holding package.json and the sample campaign', () => {
    const args = parseCliArgs([]);
    expect(fs.existsSync(path.join(args.scenario, 'events.jsonl'))).toBe(true);
    expect(path.basename(path.dirname(args.out))).toBe('out');
  });

  test('explicit paths are resolved against the working directory; dates and switches are kept', () => {
    expect(
      parseCliArgs(
        [
          '--scenario',
          'scen/a',
          '--out',
          '/tmp/o',
          '--from',
          '2014-05-19',
          '--to=2014-06-30',
          '--quiet',
          '--verbose',
        ],
        opts,
      ),
    ).toEqual({
      scenario: '/home/me/work/scen/a',
      out: '/tmp/o',
      from: '2014-05-19',
      to: '2014-06-30',
      quiet: true,
      verbose: true,
      help: false,
    });
  });

  test('--help and -h ask for the usage text', () => {
    expect(parseCliArgs(['--help'], opts).help).toBe(true);
    expect(parseCliArgs(['-h'], opts).help).toBe(true);
    expect(USAGE).toMatch(/--scenario DIR/);
    expect(USAGE).toMatch(/--from/);
    expect(USAGE).toMatch(/用法/);
  });

  test.each([
    [['--scenari', 'x'], /unknown option "--scenari"/],
    [['--out'], /--out needs a value/],
    [['--out', '--quiet'], /--out needs a value/],
    [['--scenario='], /--scenario needs a value/],
    [['sample'], /unexpected argument "sample"/],
    [['--from', '2014-5-1'], /--from "2014-5-1" is not a date/],
    [['--to', '2014-02-30'], /--to "2014-02-30" is not a date/],
    [['--from', '2014-06-01', '--to', '2014-05-01'], /--from 2014-06-01 is after --to 2014-05-01/],
    [['--out', 'a', '--out', 'b'], /--out given twice/],
    [['--quiet=yes'], /--quiet takes no value/],
  ])('%j is refused with a clear message', (argv, message) => {
    expect(() => parseCliArgs(argv, opts)).toThrow(CliArgsError);
    expect(() => parseCliArgs(argv, opts)).toThrow(message);
  });

  test('errors carry the usage text', () => {
    expect(() => parseCliArgs(['--nope'], opts)).toThrow(/Usage: npm start/);
  });
});
