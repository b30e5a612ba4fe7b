/**
 * Organization types and sizes: each type brings its vocabulary and the default wording of the
 * rules; each size brings which parts apply by default and what the wizard suggests.
 */

export const ORGANIZATION_TYPES = ['company', 'llc', 'association', 'cooperative', 'npo', 'medical', 'welfare', 'professional'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, string> = {
  company: '株式会社',
  llc: '合同会社',
  association: '一般社団法人・一般財団法人・公益法人（協会）',
  cooperative: '協同組合',
  npo: 'NPO法人',
  medical: '医療法人（病院・診療所）',
  welfare: '社会福祉法人',
  professional: '士業事務所（税理士・社会保険労務士・司法書士・行政書士など）',
};

export const ORGANIZATION_SIZES = ['small', 'medium'] as const;
export type OrganizationSize = (typeof ORGANIZATION_SIZES)[number];

export const ORGANIZATION_SIZE_LABELS: Record<OrganizationSize, string> = {
  small: '小規模（おおむね20人まで）',
  medium: '中規模（部門があり、情報システムの担当者がいる）',
};

/** Types whose text speaks of 会社 and 社員 (the sample's own words). */
export const isCompanyType = (type: OrganizationType): boolean => type === 'company' || type === 'llc';
