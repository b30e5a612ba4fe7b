import * as z from '../../zod.js';
import { fillableLine, line, todo } from '../common.js';
import type { PresetContext } from '../context.js';

/** Answers for 9 情報セキュリティインシデント対応及び事業継続管理: schema and preset defaults. */

const contactSchema = z
  .object({
    name: fillableLine().describe('対応者または責任者: 代表取締役 / インシデント対応責任者'),
    phone: fillableLine().nullable().describe('緊急連絡先の電話番号（携帯電話）。null は表示しない'),
    phoneLabel: z.enum(['携帯電話', '電話']).optional().describe('電話番号の見出し: 携帯電話（mobile）/ 電話（職場の電話しかないとき）'),
    email: fillableLine().nullable().describe('緊急連絡先の電子メールアドレス。null は表示しない'),
  })
  .strict();

const deskSchema = z
  .object({
    title: line().describe('窓口・届出の種類: 不正アクセスの届出'),
    url: line().nullable().describe('案内ページのURL（任意）'),
    phone: line().nullable().describe('電話番号（任意）'),
    email: line().nullable().describe('電子メールアドレス（任意）'),
  })
  .strict();

const authoritySchema = z
  .object({
    name: line().describe('機関名: ○○市 情報政策課 / 所管省庁'),
    desks: z.array(deskSchema).min(1, '窓口を1つ以上記入してください').max(20).describe('窓口（1つ以上）'),
    reportAtOnce: z.boolean().describe('インシデントが起きたら直ちに報告する機関か（9.4 の初動と事故レベルごとの手順に載る）'),
    reportWhen: line().nullable().describe('直ちに報告する場合（「…場合」の形）。null はすべてのインシデント'),
  })
  .strict();

const recoveryRowSchema = z
  .object({
    ofSystem: z.boolean().describe('被害対象が想定するシステム（bcp.system）の構成要素か（true なら被害対象の先頭に（システム名）を表示）'),
    targets: z.array(fillableLine()).min(1, '被害対象を1つ以上記入してください').max(200).describe('被害対象（1行に1つ）: 電源設備 / 空調機'),
    owners: z.array(fillableLine()).min(1, '復旧責任者を1人以上記入してください').max(20).describe('復旧責任者（役職名・役割名）: 総務部長'),
    contacts: z.array(fillableLine()).max(20).describe('関係者連絡先（事業者名・参照先）: 営業部取引先リスト参照'),
  })
  .strict();

export const incidentSchema = z
  .object({
    contacts: z.array(contactSchema).max(20).describe('事故レベル1以上のインシデントの緊急連絡先（9.3）。空にすると連絡網の表を出さない'),
    pressDepartment: fillableLine().describe('報道発表の準備を申請する部署（9.4）: 総務部'),
    policeDesk: line().describe('不正アクセスによる被害を届け出る警察の窓口（9.4）: 都道府県警察本部のサイバー犯罪相談窓口'),
    ipaDesks: z.array(deskSchema).max(20).describe('【独立行政法人 情報処理推進機構セキュリティセンター】の届出・相談窓口（9.6）。空にすると IPA の項を出さない'),
    otherAuthorities: z.array(authoritySchema).max(20).describe('個人情報保護委員会のほかに届出・報告・相談を検討する機関（9.6）: 所在地の自治体、監督官庁など'),
    lessonsFrequency: fillableLine().describe('インシデント事例と対応策を共有する頻度（9.7）: 年1回以上'),
    bcp: z
      .object({
        system: fillableLine().describe('事業が依存していて、停止を想定するシステムの名前: 販売管理システム'),
        cause: line().describe('停止の原因として想定する事象: 大型地震の発生に伴う設備の倒壊、回線の途絶、停電等'),
        operations: fillableLine().describe('そのシステムに依存している業務: 商品の販売から請求回収までの業務'),
        recovery: z.array(recoveryRowSchema).max(30).describe('復旧責任者及び関連連絡先の表の行'),
      })
      .strict().describe('事業継続管理（9.8）'),
  })
  .strict();

export type IncidentAnswers = z.infer<typeof incidentSchema>;

/** Who prepares press releases and heads general affairs, by organization type. */
const GENERAL_AFFAIRS: Record<PresetContext['type'], { department: string; head: string }> = {
  company: { department: '総務部', head: '総務部長' },
  llc: { department: '総務部', head: '総務部長' },
  association: { department: '総務課', head: '総務課長' },
  cooperative: { department: '総務課', head: '総務課長' },
  npo: { department: '事務局', head: '事務局長' },
  medical: { department: '事務部', head: '事務長' },
  welfare: { department: '法人本部', head: '事務長' },
  professional: { department: '事務所', head: '所長' },
};

/** The row of the recovery table for the organization's own customers or members. */
function stakeholderRow(ctx: PresetContext) {
  const t = ctx.terms;
  switch (ctx.type) {
    case 'company':
    case 'llc':
      return { targets: ['顧客'], owners: ['営業部長'], contacts: ['営業部取引先リスト参照'] };
    case 'association':
      return { targets: ['会員・関係団体'], owners: [t.departmentHead], contacts: [`${t.department}関係先リスト参照`] };
    case 'cooperative':
      return { targets: ['組合員・取引先'], owners: [t.departmentHead], contacts: [`${t.department}関係先リスト参照`] };
    case 'npo':
      return { targets: ['会員・支援者・受益者'], owners: [t.departmentHead], contacts: ['関係先リスト参照'] };
    case 'medical':
      return { targets: ['患者'], owners: [t.departmentHead], contacts: ['患者連絡先一覧参照'] };
    case 'welfare':
      return { targets: ['利用者・家族'], owners: [t.departmentHead], contacts: ['利用者・家族連絡先一覧参照'] };
    case 'professional':
      return { targets: ['顧問先・依頼者'], owners: [t.head], contacts: ['顧問先一覧参照'] };
  }
}

export function incidentDefaults(ctx: PresetContext): IncidentAnswers {
  const options = ctx.input.options;
  const cloudBackup = !(typeof options === 'object' && options !== null && (options as Record<string, unknown>).cloudBackup === false);
  const t = ctx.terms;
  const roles = ctx.roles;
  const ga = GENERAL_AFFAIRS[ctx.type];
  const contact = (name: string, phone: string | null, email: string | null, who: string) => ({
    name,
    phone: phone ?? todo(`${who}の緊急連絡先の電話番号（携帯電話）`),
    email: email ?? todo(`${who}の緊急連絡先の電子メールアドレス`),
  });
  const isCompany = ctx.type === 'company' || ctx.type === 'llc';
  return {
    contacts: [
      contact(t.head, null, null, t.head),
      contact(roles.incidentOfficer.name, asText(roles.incidentOfficer.phone), asText(roles.incidentOfficer.email), roles.incidentOfficer.name),
      contact(roles.systemAdmin.name, asText(roles.systemAdmin.phone), asText(roles.systemAdmin.email), roles.systemAdmin.name),
    ],
    pressDepartment: ga.department,
    policeDesk: '都道府県警察本部のサイバー犯罪相談窓口',
    ipaDesks: [
      {
        title: 'ウイルス発見・感染、ランサムウェア被害の届出',
        url: 'https://www.ipa.go.jp/security/todokede/crack-virus/about.html',
        phone: null,
        email: 'virus@ipa.go.jp',
      },
      {
        title: '不正アクセスの届出',
        url: 'https://www.ipa.go.jp/security/todokede/crack-virus/about.html',
        phone: null,
        email: 'crack@ipa.go.jp',
      },
      {
        title: '企業組織向けサイバーセキュリティ相談窓口',
        url: 'https://www.ipa.go.jp/security/support/soudan.html',
        phone: null,
        email: 'cs-support@ipa.go.jp',
      },
    ],
    otherAuthorities: [],
    lessonsFrequency: '年1回以上',
    bcp: {
      system: todo('事業が依存していて、停止すると事業の継続が困難になるシステムの名前（例: 販売管理システム）'),
      cause: '大型地震の発生に伴う設備の倒壊、回線の途絶、停電等',
      operations: isCompany ? '商品の販売から請求回収までの業務' : '主要な業務',
      recovery: [
        {
          ofSystem: false,
          targets: ['電源設備', '空調機'],
          owners: [ga.head],
          contacts: [todo('電源設備の関係者連絡先（電力会社の支店名など）'), todo('空調設備の関係者連絡先（設備業者の名前など）')],
        },
        {
          ofSystem: true,
          // Without cloud backup there is no backup cloud server to recover.
          targets: ['ハードウェア', 'ソフトウェア', 'ネットワーク機器', '回線サービス', ...(cloudBackup ? ['バックアップクラウドサーバー'] : [])],
          owners: [roles.incidentOfficer.name, roles.systemAdmin.name],
          contacts: [
            todo('システムの開発・保守事業者の名前'),
            todo('ネットワーク・回線サービス事業者の名前'),
            ...(cloudBackup ? [todo('バックアップ用クラウドサーバーの提供事業者の名前')] : []),
          ],
        },
        { ofSystem: false, ...stakeholderRow(ctx) },
        { ofSystem: false, targets: [`${t.staff}人的被害`], owners: [ga.head], contacts: [`${t.staff}名簿参照`] },
      ],
    },
  };
}

/** A role's contact detail when it is already a plain value. */
const asText = (value: unknown): string | null => (typeof value === 'string' ? value : null);
