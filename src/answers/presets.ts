import type { Confidentiality, OrganizationType, Roles, Terms } from './core.js';
import { todo } from './common.js';

/**
 * Organization-type presets: the vocabulary, the officers and the confidentiality labels a typical
 * organization of that type uses. Presets are the only source of defaults; templates hold none.
 */

/** The words of a 法人 other than a company or an association (NPO法人, 医療法人, 社会福祉法人): each type changes a few. */
const CORPORATION = {
  self: '当法人',
  org: '法人',
  inside: '法人内',
  outside: '法人外',
  whole: '法人全体',
  owned: '法人所有',
  business: '業務用',
  staff: '職員',
  officers: '役員',
  head: '理事長',
  board: '理事会',
  secrets: '機密',
  joining: '採用時',
  leavingForTheDay: '退勤時',
  workRules: '就業規則',
} as const;

export const TERMS: Record<OrganizationType, Terms> = {
  company: {
    self: '当社',
    org: '会社',
    inside: '社内',
    outside: '社外',
    whole: '全社',
    owned: '社有',
    business: '社用',
    staff: '従業員',
    officers: '取締役',
    head: '代表取締役',
    board: '取締役会',
    department: '部門',
    departmentHead: '部門長',
    headOffice: '本社',
    documentName: '情報セキュリティ関連規程',
    secrets: '営業秘密',
    joining: '入社時',
    leavingForTheDay: '退社時',
    stakeholders: '顧客、取引先、株主等',
    workRules: '就業規則',
  },
  llc: {
    self: '当社',
    org: '会社',
    inside: '社内',
    outside: '社外',
    whole: '全社',
    owned: '社有',
    business: '社用',
    staff: '従業員',
    officers: '業務執行社員',
    head: '代表社員',
    board: '社員総会',
    department: '部門',
    departmentHead: '部門長',
    headOffice: '本社',
    documentName: '情報セキュリティ関連規程',
    secrets: '営業秘密',
    joining: '入社時',
    leavingForTheDay: '退社時',
    stakeholders: '顧客、取引先等',
    workRules: '就業規則',
  },
  association: {
    self: '当協会',
    org: '協会',
    inside: '協会内',
    outside: '協会外',
    whole: '協会全体',
    owned: '協会所有',
    business: '業務用',
    staff: '職員',
    officers: '役員',
    head: '理事長',
    board: '理事会',
    department: '所属',
    departmentHead: '所属長',
    headOffice: '事務局',
    documentName: '情報セキュリティ対策基準',
    secrets: '機密',
    joining: '採用時',
    leavingForTheDay: '退勤時',
    stakeholders: '会員、取引先、関係団体等',
    workRules: '就業規則',
  },
  cooperative: {
    self: '本組合',
    org: '組合',
    inside: '組合内',
    outside: '組合外',
    whole: '組合全体',
    owned: '組合所有',
    business: '業務用',
    staff: '職員',
    officers: '役員',
    head: '理事長',
    board: '理事会',
    department: '所属',
    departmentHead: '所属長',
    headOffice: '事務局',
    documentName: '情報セキュリティポリシー',
    secrets: '機密',
    joining: '採用時',
    leavingForTheDay: '退勤時',
    stakeholders: '組合員、取引先等',
    workRules: '就業規則',
  },
  npo: {
    ...CORPORATION,
    department: '所属',
    departmentHead: '所属長',
    headOffice: '事務局',
    documentName: '情報セキュリティ対策基準',
    stakeholders: '会員、支援者、受益者、取引先等',
  },
  medical: {
    ...CORPORATION,
    department: '所属',
    departmentHead: '所属長',
    headOffice: '本部',
    documentName: '情報セキュリティ関連規程',
    stakeholders: '患者、取引先等',
  },
  welfare: {
    ...CORPORATION,
    department: '施設・事業所',
    departmentHead: '施設長',
    headOffice: '法人本部',
    documentName: '情報セキュリティ関連規程',
    stakeholders: '利用者及びその家族、取引先、関係機関等',
  },
  professional: {
    self: '当事務所',
    org: '事務所',
    inside: '所内',
    outside: '所外',
    whole: '事務所全体',
    owned: '事務所所有',
    business: '業務用',
    staff: '職員',
    officers: '所長',
    head: '所長',
    board: '所長',
    department: '部門',
    departmentHead: '部門長',
    headOffice: '事務所',
    documentName: '情報セキュリティ関連規程',
    secrets: '機密',
    joining: '採用時',
    leavingForTheDay: '退勤時',
    stakeholders: '顧問先・依頼者、取引先等',
    workRules: '就業規則',
  },
};

/** Who holds each role in a typical organization of the type (titles only). */
const ROLE_TITLES: Record<
  OrganizationType,
  { departments: string[] } & Record<Exclude<keyof Roles, 'departmentOfficer'>, string | null>
> = {
  company: {
    securityOfficer: '代表取締役',
    departments: ['営業部長', '技術部長', '経理部長', '製造部長'],
    systemAdmin: '管理部長',
    educationOfficer: '人事部長',
    incidentOfficer: '管理部長',
    complaintsOfficer: '管理部長',
    privacyOfficer: '管理部長',
    auditor: null,
    myNumberManager: '管理部長',
    myNumberClerk: '人事課長',
  },
  llc: {
    securityOfficer: '代表社員',
    departments: ['営業部長', '業務部長'],
    systemAdmin: '業務部長',
    educationOfficer: '業務部長',
    incidentOfficer: '業務部長',
    complaintsOfficer: '業務部長',
    privacyOfficer: '業務部長',
    auditor: null,
    myNumberManager: '業務部長',
    myNumberClerk: '総務担当者',
  },
  association: {
    securityOfficer: '理事長',
    departments: ['総務課長', '事業課長', '会計課長'],
    systemAdmin: '総務課長',
    educationOfficer: '事務局長',
    incidentOfficer: '事務局長',
    complaintsOfficer: '総務課長',
    privacyOfficer: '事務局長',
    auditor: '監事',
    myNumberManager: '事務局長',
    myNumberClerk: '総務課長',
  },
  cooperative: {
    securityOfficer: '理事長',
    departments: ['総務課長', '業務課長'],
    systemAdmin: '総務課長',
    educationOfficer: '事務局長',
    incidentOfficer: '事務局長',
    complaintsOfficer: '総務課長',
    privacyOfficer: '事務局長',
    auditor: '監事',
    myNumberManager: '事務局長',
    myNumberClerk: '総務課長',
  },
  npo: {
    securityOfficer: '理事長',
    departments: ['事務局長'],
    systemAdmin: '事務局長',
    educationOfficer: '事務局長',
    incidentOfficer: '事務局長',
    complaintsOfficer: '事務局長',
    privacyOfficer: '事務局長',
    auditor: '監事',
    myNumberManager: '事務局長',
    myNumberClerk: '経理担当者',
  },
  medical: {
    securityOfficer: '理事長',
    departments: ['事務長', '看護部長', '医事課長'],
    systemAdmin: '医事課長',
    educationOfficer: '事務長',
    incidentOfficer: '事務長',
    complaintsOfficer: '医事課長',
    privacyOfficer: '事務長',
    auditor: '監事',
    myNumberManager: '事務長',
    myNumberClerk: '総務課長',
  },
  welfare: {
    securityOfficer: '理事長',
    departments: ['施設長'],
    systemAdmin: '事務長',
    educationOfficer: '施設長',
    incidentOfficer: '事務長',
    complaintsOfficer: '生活相談員',
    privacyOfficer: '事務長',
    auditor: '監事',
    myNumberManager: '事務長',
    myNumberClerk: '事務員',
  },
  professional: {
    securityOfficer: '所長',
    departments: [],
    systemAdmin: '事務長',
    educationOfficer: '所長',
    incidentOfficer: '所長',
    complaintsOfficer: '事務長',
    privacyOfficer: '所長',
    auditor: null,
    myNumberManager: '事務長',
    myNumberClerk: '事務員',
  },
};

export function rolesPreset(type: OrganizationType, t: Terms, auditKind: 'audit' | 'inspection'): Roles {
  const titles = ROLE_TITLES[type];
  // 「社内体制」 is the sample's word; 「協会内体制」「法人内体制」 are not Japanese.
  const internal = type === 'company' || type === 'llc' ? t.inside : '内部';
  const auditorName = auditKind === 'audit' ? '監査・点検責任者' : '点検責任者';
  const role = (name: string, duty: string, title: string | null) => ({
    name,
    duty,
    title: title ?? todo(`${name}の役職名`),
    person: null,
    phone: null,
    email: null,
  });
  return {
    securityOfficer: role(
      '情報セキュリティ責任者',
      `${t.whole}の情報セキュリティ方針・体制を統括し、情報セキュリティ対策を決定する。${t.whole}の情報セキュリティ対策に対して全責任を負う。`,
      titles.securityOfficer,
    ),
    departmentOfficer: {
      name: `情報セキュリティ${t.department}責任者`,
      duty: `各${t.department}の情報セキュリティ運用を統括し、対策の実施を指揮する。各${t.department}の情報セキュリティ対策に対して責任を負う。`,
      titles: titles.departments,
    },
    systemAdmin: role(
      'システム管理者',
      `${t.inside}の情報システムに必要な情報セキュリティ対策の検討・導入を行う。情報システムのセキュリティリスクの最小化に努める責任を負う。`,
      titles.systemAdmin,
    ),
    educationOfficer: role(
      '教育責任者',
      `情報セキュリティ対策を推進するために${t.staff}への教育を企画・実施する。教育内容の策定および実施などに対して責任を負う。`,
      titles.educationOfficer,
    ),
    incidentOfficer: role(
      'インシデント対応責任者',
      '事故の影響を判断し、対応について意思決定する。インシデントの影響を最小限に抑え、再発防止策を講じる責任を負う。',
      titles.incidentOfficer,
    ),
    complaintsOfficer: role(
      '個人情報苦情相談対応者',
      '個人情報の取扱いに関して本人からの苦情・相談に対応する。',
      titles.complaintsOfficer,
    ),
    privacyOfficer: role(
      '個人情報保護管理者',
      `個人情報の取扱いを管理し、法令や規則に基づいた適切な運用を推進する。${internal}体制を整備し、遵守状況を監視する責任を負う。`,
      titles.privacyOfficer,
    ),
    auditor: role(
      auditorName,
      // 「…対策基準を基準として」とは言わない。
      `情報セキュリティ対策が適切に実施されているか${t.documentName}${t.documentName.endsWith('基準') ? 'に照らして' : 'を基準として'}検証または評価し、助言を行う。`,
      titles.auditor,
    ),
    myNumberManager: role(
      '事務取扱責任者',
      '特定個人情報等の取扱いに関する事務を統括し、安全管理措置の実施に責任を負う。',
      titles.myNumberManager,
    ),
    myNumberClerk: role('事務取扱担当者', '特定個人情報等を取り扱う事務に従事する。', titles.myNumberClerk),
  };
}

const SECRET_CRITERIA = [
  '法律で安全管理が義務付けられている',
  '守秘義務の対象として指定されている',
  '限定提供データ（一定の条件を満たす特定の外部者に提供することを目的とする情報）として指定されている',
];

export function confidentialityPreset(type: OrganizationType, t: Terms): Confidentiality {
  const internalLabel = type === 'company' || type === 'llc' ? '社外秘' : type === 'professional' ? '所外秘' : '部外秘';
  return {
    levels: [
      {
        label: '極秘',
        value: 3,
        criteria: [
          ...SECRET_CRITERIA,
          `${t.secrets}（秘密として管理されているもの）として指定されている`,
          '漏えいすると取引先や顧客に大きな影響がある',
        ],
        takeOutApprover: t.head,
      },
      {
        label: internalLabel,
        value: 2,
        criteria: ['漏えいすると事業に大きな影響がある'],
        // 「所属部門長」; an association's 所属長 is already 所属の長 (not 所属所属長)
        takeOutApprover: t.departmentHead.startsWith('所属') ? t.departmentHead : `所属${t.departmentHead}`,
      },
      { label: '公開', value: 1, criteria: ['漏えいしても事業にほとんど影響はない'], takeOutApprover: null },
    ],
    integrity: null,
    availability: null,
  };
}

export function scopesPreset(type: OrganizationType, t: Terms) {
  const people =
    type === 'company' || type === 'llc'
      ? `${t.officers}、社員、派遣社員、パート・アルバイトを含む`
      : `${t.officers}、${t.staff}、短時間勤務、アルバイト、派遣労働者を含む`;
  return {
    organizational: `${t.whole}・全${t.staff}（${people}）`,
    human: `全${t.staff}`,
    physical: `${t.whole}の事業所`,
    technical: '業務で利用する情報機器',
  };
}
