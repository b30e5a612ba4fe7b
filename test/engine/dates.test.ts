import { describe, expect, it } from 'vitest';
import { formatJapaneseDate, parseJapaneseDate } from '../../src/templates/render.js';

/** Dates as documents print them (西暦・和暦) and back: kitei revise reads the dates a recorded version printed. */
describe('日付の書き方と読み戻し', () => {
  it.each(['2026-04-01', '2019-05-01', '2019-04-30', '1989-01-08', '2027-12-31'])('%s は西暦でも和暦でも読み戻せる', (iso) => {
    expect(parseJapaneseDate(formatJapaneseDate(iso, 'western'))).toBe(iso);
    expect(parseJapaneseDate(formatJapaneseDate(iso, 'japanese'))).toBe(iso);
  });

  it('元年、区切り文字の日付、日付でないもの', () => {
    expect(formatJapaneseDate('2019-05-01', 'japanese')).toBe('令和元年5月1日');
    expect(parseJapaneseDate('令和元年5月1日')).toBe('2019-05-01');
    expect(parseJapaneseDate('2026.04.01')).toBe('2026-04-01');
    expect(parseJapaneseDate('【要記入：施行日】')).toBeUndefined();
  });
});
