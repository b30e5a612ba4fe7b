/**
 * Dates as people type them: 2026-04-01, 2026/4/1, 2026年4月1日 and 令和8年4月1日 (full-width digits
 * too) all mean the same day. What cannot be read, or names a day that does not exist, is refused
 * with a message that says what to type.
 */

const ERAS = [
  { name: '令和', start: '2019-05-01', firstYear: 2019, end: undefined },
  { name: '平成', start: '1989-01-08', firstYear: 1989, end: '2019-04-30' },
] as const;

export const DATE_FORMS = '2026-04-01、2026/4/1、2026年4月1日、令和8年4月1日';

const iso = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function exists(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export type ParsedDate = { ok: true; value: string } | { ok: false; message: string };

export function parseDate(typed: string): ParsedDate {
  const text = typed.normalize('NFKC').replace(/\s/gu, '');
  if (text === '') return { ok: false, message: `日付を入力してください（${DATE_FORMS} のどの形でも入力できます）` };
  let year: number;
  let month: number;
  let day: number;
  let era: (typeof ERAS)[number] | undefined;
  const western = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?)$/u.exec(text);
  const japanese = /^(令和|平成|R|H)(元|\d{1,2})[年.](\d{1,2})[月.](\d{1,2})日?$/iu.exec(text);
  if (western) {
    year = Number(western[1]);
    month = Number(western[2] ?? western[4]);
    day = Number(western[3] ?? western[5]);
  } else if (japanese) {
    const name = japanese[1]!.toUpperCase();
    era = ERAS.find((e) => e.name === name || (name === 'R' && e.name === '令和') || (name === 'H' && e.name === '平成'))!;
    const eraYear = japanese[2] === '元' ? 1 : Number(japanese[2]);
    if (eraYear < 1) return { ok: false, message: `${era.name}は元年（1年）からです` };
    year = era.firstYear + eraYear - 1;
    month = Number(japanese[3]);
    day = Number(japanese[4]);
  } else {
    return { ok: false, message: `日付として読めません。${DATE_FORMS} のように入力してください` };
  }
  if (month < 1 || month > 12) return { ok: false, message: `${month}月はありません。${DATE_FORMS} のように入力してください` };
  if (!exists(year, month, day)) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { ok: false, message: `存在しない日付です（${year}年${month}月は${last}日までです）` };
  }
  const value = iso(year, month, day);
  if (era && (value < era.start || (era.end !== undefined && value > era.end))) {
    return { ok: false, message: `${era.name}の期間外の日付です（${era.name}は${era.start.replace(/^(\d+)-0?(\d+)-0?(\d+)$/u, '$1年$2月$3日')}${era.end ? `〜${era.end.replace(/^(\d+)-0?(\d+)-0?(\d+)$/u, '$1年$2月$3日')}` : 'から'}）` };
  }
  if (year < 2000 || year > 2100) return { ok: false, message: `${year}年は施行日・改訂日として使えません（2000年〜2100年の日付を入力してください）` };
  return { ok: true, value };
}

/** An ISO date as the user reads it back: 2026年4月1日（令和8年）. */
export function showDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(isoDate);
  if (!m) return isoDate;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const era = ERAS.find((e) => isoDate >= e.start);
  const eraYear = era ? year - era.firstYear + 1 : undefined;
  return `${year}年${month}月${day}日${era ? `（${era.name}${eraYear === 1 ? '元' : eraYear}年）` : ''}`;
}
