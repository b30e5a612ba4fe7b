import { TERMS } from '../answers/presets.js';
import type { RoleKey } from './roles.js';
import type { OrganizationSize, OrganizationType } from './types.js';

/**
 * What the wizard suggests for an organization of a type and size: who typically holds which role.
 * A suggestion enters the profile only when the user accepts it (the wizard writes it into the
 * answers file); nothing here is printed as an organization's fact by itself.
 */

export interface TypicalPerson {
  readonly title: string;
  readonly roles: readonly RoleKey[];
}

/** The one who runs the office's administration in a small organization of the type. */
const SMALL_ADMIN: Record<OrganizationType, string> = {
  company: '総務担当',
  llc: '総務担当',
  association: '事務局長',
  cooperative: '事務局長',
  npo: '事務局長',
  medical: '事務長',
  welfare: '事務長',
  professional: '事務長',
};

/** Who audits in a small organization: someone other than the one who runs the measures. */
const SMALL_AUDITOR: Record<OrganizationType, string> = {
  company: '監査役',
  llc: '業務執行社員',
  association: '監事',
  cooperative: '監事',
  npo: '監事',
  medical: '監事',
  welfare: '監事',
  professional: '副所長',
};

/** Medium organizations: the roles spread over the usual officers of the type. */
const MEDIUM: Record<OrganizationType, readonly TypicalPerson[]> = {
  company: [
    { title: '管理部長', roles: ['systemAdmin', 'incidentOfficer', 'complaintsOfficer', 'privacyOfficer', 'myNumberManager'] },
    { title: '人事部長', roles: ['educationOfficer'] },
    { title: '人事課長', roles: ['myNumberClerk'] },
    { title: '総務部長', roles: ['publicRelations'] },
    { title: '監査役', roles: ['auditor'] },
  ],
  llc: [
    { title: '業務部長', roles: ['systemAdmin', 'educationOfficer', 'incidentOfficer', 'complaintsOfficer', 'privacyOfficer', 'myNumberManager', 'publicRelations'] },
    { title: '総務担当者', roles: ['myNumberClerk'] },
    { title: '業務執行社員', roles: ['auditor'] },
  ],
  association: [
    { title: '事務局長', roles: ['educationOfficer', 'incidentOfficer', 'privacyOfficer', 'myNumberManager', 'publicRelations'] },
    { title: '総務課長', roles: ['systemAdmin', 'complaintsOfficer', 'myNumberClerk'] },
    { title: '監事', roles: ['auditor'] },
  ],
  cooperative: [
    { title: '事務局長', roles: ['educationOfficer', 'incidentOfficer', 'privacyOfficer', 'myNumberManager', 'publicRelations'] },
    { title: '総務課長', roles: ['systemAdmin', 'complaintsOfficer', 'myNumberClerk'] },
    { title: '監事', roles: ['auditor'] },
  ],
  npo: [
    { title: '事務局長', roles: ['systemAdmin', 'educationOfficer', 'incidentOfficer', 'complaintsOfficer', 'privacyOfficer', 'myNumberManager', 'publicRelations'] },
    { title: '経理担当者', roles: ['myNumberClerk'] },
    { title: '監事', roles: ['auditor'] },
  ],
  medical: [
    { title: '事務長', roles: ['educationOfficer', 'incidentOfficer', 'privacyOfficer', 'myNumberManager', 'publicRelations'] },
    { title: '医事課長', roles: ['systemAdmin', 'complaintsOfficer'] },
    { title: '総務課長', roles: ['myNumberClerk'] },
    { title: '監事', roles: ['auditor'] },
  ],
  welfare: [
    { title: '事務長', roles: ['systemAdmin', 'incidentOfficer', 'privacyOfficer', 'myNumberManager', 'publicRelations'] },
    { title: '施設長', roles: ['educationOfficer'] },
    { title: '生活相談員', roles: ['complaintsOfficer'] },
    { title: '事務員', roles: ['myNumberClerk'] },
    { title: '監事', roles: ['auditor'] },
  ],
  professional: [
    { title: '事務長', roles: ['systemAdmin', 'complaintsOfficer', 'myNumberManager'] },
    { title: '事務員', roles: ['myNumberClerk'] },
    { title: '副所長', roles: ['educationOfficer', 'incidentOfficer', 'privacyOfficer', 'auditor'] },
  ],
};

/** Suggested holders of every role, the representative first. */
export function typicalPeople(type: OrganizationType, size: OrganizationSize): TypicalPerson[] {
  const head: TypicalPerson = { title: TERMS[type].head, roles: ['head', 'securityOfficer', ...(size === 'small' ? (['publicRelations'] as const) : [])] };
  if (size === 'small') {
    return [
      head,
      { title: SMALL_ADMIN[type], roles: ['systemAdmin', 'educationOfficer', 'incidentOfficer', 'complaintsOfficer', 'privacyOfficer', 'myNumberManager', 'myNumberClerk'] },
      { title: SMALL_AUDITOR[type], roles: ['auditor'] },
    ];
  }
  return [head, ...MEDIUM[type]];
}

