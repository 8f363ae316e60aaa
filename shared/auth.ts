/**
 * Who is calling: an official built from verified JWT claims. Claims arrive the way API Gateway's
 * JWT authorizer passes them (array claims flattened to a string such as "[dept-a admin]"), or as
 * real arrays; both forms are read. Pure: the signature was checked before these claims exist.
 */
import { UnauthorizedError } from './errors.ts';

export const ADMIN_GROUP = 'admin';
export const DEPARTMENT_GROUP_PREFIX = 'dept-';
/** A department's lead (lãnh đạo đơn vị): an official of the department who also sees its performance view. */
export const LEAD_GROUP_PREFIX = 'lead-';

export type Official = {
  /** Stable subject (`sub`): what the audit trail records. */
  id: string;
  /**
   * The name shown to colleagues and written in the audit trail: the `name` claim (the user's
   * Cognito `name` attribute, added to access tokens by the pre-token-generation trigger), else the
   * login name. Cognito's own `username` is a generated id when signing in by e-mail.
   */
  username: string;
  departments: string[];
  admin: boolean;
  /** Departments this official leads (each also in `departments`); absent when none. */
  leads?: string[];
  /** Display name (`name` claim) when the token carries one; else show `username`. */
  name?: string;
  /** Where the inbox may write to them (the `email` claim, when the token carries one). */
  email?: string;
};

/** The submitter, acting from the tracking page (the tracking code is their key): the audit trail's `by`. */
export const CITIZEN: Official = { id: 'citizen', username: 'citizen', departments: [], admin: false };

/** `cognito:groups` as an array, "[a b]" (API Gateway), "a b" or "a,b". */
export function parseGroups(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string' && g.length > 0);
  if (typeof value !== 'string') return [];
  const inner = value.trim().replace(/^\[/, '').replace(/\]$/, '');
  return inner.split(/[\s,]+/).filter(Boolean);
}

export function officialFromClaims(claims: Record<string, unknown> | undefined): Official {
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub === '') throw new UnauthorizedError('Sign-in required', { code: 'unauthorized' });
  // API Gateway's JWT authorizer accepts a Cognito ID token too (its `aud` is the client id); only
  // access tokens are meant for the API, and only they are revoked with the refresh token.
  if (claims?.token_use !== 'access') throw new UnauthorizedError('Send the access token, not the ID token', { code: 'invalid_token' });
  const groups = parseGroups(claims?.['cognito:groups']);
  const username = [claims?.name, claims?.preferred_username, claims?.username, claims?.['cognito:username']].find((v): v is string => typeof v === 'string' && v.trim() !== '') ?? sub;
  const suffixes = (prefix: string) => groups.filter((g) => g.startsWith(prefix)).map((g) => g.slice(prefix.length)).filter(Boolean);
  const leads = suffixes(LEAD_GROUP_PREFIX);
  const name = typeof claims?.name === 'string' && claims.name !== '' ? claims.name : undefined;
  const email = typeof claims?.email === 'string' && claims.email.includes('@') ? claims.email : undefined;
  return {
    id: sub,
    username,
    // A lead does everything an official of the department does: the lead group alone grants both.
    departments: [...new Set([...suffixes(DEPARTMENT_GROUP_PREFIX), ...leads])],
    admin: groups.includes(ADMIN_GROUP),
    ...(leads.length ? { leads } : {}),
    ...(name ? { name } : {}),
    ...(email ? { email } : {}),
  };
}

/** An official's display name from their Cognito attributes: `name` (NFC, trimmed), else the e-mail address. */
export function displayNameOf(attributes: Record<string, string | undefined>): string {
  const name = attributes.name?.normalize('NFC').trim();
  return name || attributes.email || attributes.sub || 'unknown';
}

/** The name shown to citizens and colleagues. */
export const displayName = (official: Official) => official.name ?? official.username;

/** The department's performance view: its leads and the admin. */
export const canLead = (official: Official, departmentId: string) => official.admin || (official.leads ?? []).includes(departmentId);

/** Reads and acts on a department's records: its own officials and the admin. */
export const canAccess = (official: Official, departmentId: string) => official.admin || official.departments.includes(departmentId);

/** Citizens' contact data: only the owning department (not even the admin). */
export const canSeeContact = (official: Official, departmentId: string) => official.departments.includes(departmentId);

/**
 * Sign-in settings the inbox reads from `/config.json`: written by infra for Cognito in AWS, served
 * by the local OpenID provider locally.
 */
export type PublicAuthConfig = {
  issuer?: string;
  clientId: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  endSessionEndpoint: string;
  /** Where sign-out revokes the refresh token (RFC 7009). */
  revocationEndpoint: string;
  redirectUri: string;
  logoutUri: string;
  scope: string;
};
