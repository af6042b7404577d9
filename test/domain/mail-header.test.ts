import { cut, fitSubject, headerLine, singleLine, SUBJECT_MAX } from '../../src/domain/mail-header';

describe('mail headers', () => {
  test('singleLine: control characters, CR/LF and tabs become one space, runs collapse, ends trimmed', () => {
    expect(singleLine('  a\r\nb\t\tc\u0000d\u2028e   f \n')).toBe('a b c d e f');
    expect(singleLine('\r\n')).toBe('');
  });

  test('cut marks the cut with …; headerLine bounds any header', () => {
    expect(cut('abcdef', 4)).toBe('abc…');
    expect(cut('abc', 4)).toBe('abc');
    expect(headerLine('x'.repeat(300))).toHaveLength(SUBJECT_MAX);
  });

  test('fitSubject cuts the variable parts, sharing the cut between long ones, never the fixed words', () => {
    const template = (a: string, b: string) => `【${a}】固定文字：${b}（ID-1）`;
    const subject = fitSubject(template, ['甲'.repeat(200), '乙'.repeat(200)]);
    expect(subject.length).toBeLessThanOrEqual(SUBJECT_MAX);
    expect(subject).toMatch(/^【甲+…】固定文字：乙+…（ID-1）$/);
    const [a, b] = subject.slice(1).split('】');
    expect(
      Math.abs(a.length - b.replace('固定文字：', '').replace('（ID-1）', '').length),
    ).toBeLessThanOrEqual(1);
    expect(fitSubject(template, ['短', '名\r\n字'])).toBe('【短】固定文字：名 字（ID-1）');
  });
});
