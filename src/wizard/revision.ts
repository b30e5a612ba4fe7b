import { relative } from 'node:path';
import { UsageError, type Format } from '../render/index.js';
import { versionLabel } from '../revise/compare.js';
import { defaultHistoryDir, readHistory } from '../revise/history.js';
import type { IssueMismatchError } from '../revise/issue.js';
import { reviseFile } from '../revise/revise.js';
import { help } from './ask.js';
import { parseDate, showDate, DATE_FORMS } from './dates.js';
import { isBack, type Prompts } from './types.js';

/**
 * The wizard's step of a revision (issue 19, the same as `kitei revise`): a finished answers file,
 * opened again and changed, no longer makes the version that was issued from it. The adopted
 * documents are not overwritten silently: the user revises (a new version and 施行日, a 改訂履歴 row,
 * a 新旧対照表 for approval), or rebuilds the same version as a fix before it took effect, or makes a
 * draft that records nothing.
 */

export type IssueAction = 'revise' | 'reissue' | 'draft';

/** What the build step does next: the user's choice, or nothing (back). */
export async function chooseIssueAction(prompts: Prompts, mismatch: IssueMismatchError): Promise<IssueAction | undefined> {
  const issued = `${versionLabel(mismatch.version)}（施行日 ${plainDate(mismatch.recordedDate)}）`;
  prompts.say(`\nこの回答から作る文書は、発行した${issued}と次の箇所が違います。`);
  for (const difference of mismatch.differences.length ? mismatch.differences : ['表紙・改訂履歴など文書の情報']) prompts.say(`  ・${difference}`);
  const action = await prompts.select<IssueAction>({
    id: 'wizard.issue',
    message: 'どうしますか',
    help: help(
      '発行した版は、承認を受けて施行した規程の記録です。内容を変えたら新しい版として改訂し、新旧対照表で承認を受けます。',
      '例: ウイルス対策ソフトを替えた → 改訂する（第1.1版、来年4月1日施行）',
    ),
    choices: [
      { value: 'revise', name: '改訂する（新しい版と施行日を決め、改訂履歴に載せ、新旧対照表を作る）' },
      { value: 'reissue', name: `施行前の手直しとして${versionLabel(mismatch.version)}を作り直す（記録を置き換える）` },
      { value: 'draft', name: '下書きとして作る（記録しない・ファイル名に「下書き」）' },
    ],
    default: 'revise',
  });
  return isBack(action) ? undefined : action;
}

/** The next version after the last number of `version`: 1.0 → 1.1, 第2版 → 第3版; '' when it has no number. */
export function nextVersion(version: string): string {
  const match = /(\d+)(?!.*\d)/u.exec(version);
  if (!match) return '';
  return `${version.slice(0, match.index)}${Number(match[1]) + 1}${version.slice(match.index + match[1]!.length)}`;
}

/**
 * Asks the new version, 施行日 and reason and revises the saved answers file, as `kitei revise`
 * would; a version or date that does not move forward is said under the form and asked again.
 * Returns false when the user went back.
 */
export async function reviseFromWizard(prompts: Prompts, file: string, out: string, formats: readonly Format[]): Promise<boolean> {
  const history = readHistory(defaultHistoryDir(file));
  const last = history[history.length - 1];
  let values: Record<string, string> = { version: last ? nextVersion(last.version) : '', date: '', reason: '' };
  for (;;) {
    const answer = await prompts.form({
      id: 'wizard.revision',
      message: '改訂の内容',
      help: help('改訂履歴の行と新旧対照表の見出しになります。施行日は前の版より後の日付にします。'),
      fields: [
        { name: 'version', label: '新しい版', default: values.version, help: help('改訂履歴と表紙に載る版の番号です。', `例: ${last ? nextVersion(last.version) || '1.1' : '1.1'}`), validate: (v) => (v.trim() ? true : '版を入力してください') },
        {
          name: 'date',
          label: '施行日',
          default: values.date,
          help: help('改訂した規程が効力を持つ日です。変わった章の改訂日もこの日になります。', `例: ${DATE_FORMS}`),
          validate: (v) => {
            const parsed = parseDate(v);
            return parsed.ok ? true : parsed.message;
          },
        },
        { name: 'reason', label: '改訂の内容', default: values.reason, help: help('改訂履歴の「改訂内容」の欄に載ります。', '例: ウイルス対策ソフトの変更に伴う技術的対策の改訂'), validate: (v) => (v.trim() ? true : '改訂の内容を入力してください') },
      ],
    });
    if (isBack(answer)) return false;
    values = answer;
    const parsed = parseDate(answer.date!);
    if (!parsed.ok) continue;
    try {
      const result = await reviseFile(file, { version: answer.version!.trim(), date: parsed.value, reason: answer.reason!.trim(), out, formats });
      const { plan } = result;
      prompts.say(`\n${versionLabel(plan.issued.version)}（施行日 ${plainDate(plan.issued.effectiveDate)}）として改訂しました。`);
      if (plan.revisedChapters.length) prompts.say(`改訂日を施行日にした章: ${plan.revisedChapters.map((c) => c.heading).join('、')}`);
      for (const written of result.files) prompts.say(`書き出しました: ${shown(written.path)}（${written.bytes.toLocaleString('ja-JP')} バイト）`);
      prompts.say(`記録しました: ${shown(result.historyFile)}`);
      return true;
    } catch (error) {
      // A version or date that does not move forward, or no change at all: said, and asked again.
      if (!(error instanceof UsageError)) throw error;
      prompts.say(`  ！ ${error.message.replace(/^--(version|date): /u, '').replace(/\d{4}-\d{2}-\d{2}/gu, plainDate)}`);
    }
  }
}

/** 2027-04-01 → 2027年4月1日 (the wizard's own lines carry the era in brackets, too many here). */
const plainDate = (isoDate: string): string => showDate(isoDate).replace(/（[^）]*）$/u, '');

/** A path as the user would type it: relative to where they are, unless that climbs out. */
export const shown = (path: string): string => {
  const near = relative(process.cwd(), path);
  return near.startsWith('..') ? path : near;
};
