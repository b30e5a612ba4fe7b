/**
 * The roles a person (or a title) can hold. The committee's roles come from the IPA sample's 1
 * 組織的対策 1; `head` is the representative (代表者: signs the public policies, approves), and
 * `publicRelations` prepares press releases in an incident (9.4). 情報セキュリティ部門責任者 is
 * not here: it is the head of each department (`departments`).
 */

export const ROLE_KEYS = [
  'head',
  'securityOfficer',
  'systemAdmin',
  'educationOfficer',
  'incidentOfficer',
  'complaintsOfficer',
  'privacyOfficer',
  'auditor',
  'myNumberManager',
  'myNumberClerk',
  'publicRelations',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

/** How a role is named to a user (wizard, check). */
export const ROLE_LABELS: Record<RoleKey, string> = {
  head: '代表者（基本方針に署名する人）',
  securityOfficer: '情報セキュリティ責任者',
  systemAdmin: 'システム管理者',
  educationOfficer: '教育責任者',
  incidentOfficer: 'インシデント対応責任者',
  complaintsOfficer: '個人情報苦情相談対応者',
  privacyOfficer: '個人情報保護管理者',
  auditor: '監査・点検責任者',
  myNumberManager: '特定個人情報の事務取扱責任者',
  myNumberClerk: '特定個人情報の事務取扱担当者',
  publicRelations: '報道対応の担当（インシデント時に報道発表を準備する）',
};
