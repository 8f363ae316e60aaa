import { describe, expect, it } from 'vitest';
import { canAccess, canLead, canSeeContact, displayName, displayNameOf, officialFromClaims, parseGroups } from '#shared/auth';
import { UnauthorizedError } from '#shared/errors';

describe('parseGroups', () => {
  it('reads arrays and the API Gateway string form', () => {
    expect(parseGroups(['dept-a', 'admin'])).toEqual(['dept-a', 'admin']);
    expect(parseGroups('[dept-a admin]')).toEqual(['dept-a', 'admin']);
    expect(parseGroups('[dept-a]')).toEqual(['dept-a']);
    expect(parseGroups('dept-a,dept-b')).toEqual(['dept-a', 'dept-b']);
    expect(parseGroups('[]')).toEqual([]);
    expect(parseGroups(undefined)).toEqual([]);
  });
});

describe('officialFromClaims', () => {
  it('builds the official from Cognito-style claims as API Gateway passes them', () => {
    const official = officialFromClaims({ sub: 'abc', username: 'tuphap.lan', 'cognito:groups': '[dept-so-tu-phap]', client_id: 'x', token_use: 'access' });
    expect(official).toEqual({ id: 'abc', username: 'tuphap.lan', departments: ['so-tu-phap'], admin: false });
  });
  it('names the official by the name claim, not Cognito’s generated username', () => {
    const claims = { sub: 'abc', username: '7f3c9a2e-1b4d-4e8f-9a61-0c2d5e8b7a13', name: 'Nguyễn Thị Lan', token_use: 'access' };
    expect(officialFromClaims(claims).username).toBe('Nguyễn Thị Lan');
  });

  it('makes a lead of a department from its lead group, an official of it too, and keeps the display name', () => {
    const lead = officialFromClaims({ sub: 'x', username: 'lanhdao.tuphap', name: 'Ngô Thị Hạnh', 'cognito:groups': '[lead-so-tu-phap]', token_use: 'access' });
    expect(lead).toEqual({ id: 'x', username: 'Ngô Thị Hạnh', name: 'Ngô Thị Hạnh', departments: ['so-tu-phap'], leads: ['so-tu-phap'], admin: false });
    expect(canLead(lead, 'so-tu-phap')).toBe(true);
    expect(canLead(lead, 'so-xay-dung')).toBe(false);
    expect(canLead(officialFromClaims({ sub: 'o', 'cognito:groups': '[dept-so-tu-phap]', token_use: 'access' }), 'so-tu-phap')).toBe(false);
    expect(canLead(officialFromClaims({ sub: 'a', 'cognito:groups': '[admin]', token_use: 'access' }), 'so-tu-phap')).toBe(true);
    expect(displayName(lead)).toBe('Ngô Thị Hạnh');
    expect(displayName(officialFromClaims({ sub: 'o', username: 'tuphap.lan', token_use: 'access' }))).toBe('tuphap.lan');
  });
  it('recognises the admin', () => {
    expect(officialFromClaims({ sub: 'a', 'cognito:groups': ['admin'], token_use: 'access' }).admin).toBe(true);
  });
  it('refuses an ID token (or any token that is not an access token)', () => {
    expect(() => officialFromClaims({ sub: 'a', 'cognito:groups': '[admin]', token_use: 'id', aud: 'client' })).toThrow(/access token/);
    expect(() => officialFromClaims({ sub: 'a', 'cognito:groups': '[admin]' })).toThrow(UnauthorizedError);
  });
  it('refuses claims without a subject', () => {
    expect(() => officialFromClaims(undefined)).toThrow(UnauthorizedError);
    expect(() => officialFromClaims({ 'cognito:groups': '[admin]', token_use: 'access' })).toThrow(UnauthorizedError);
  });
});

describe('displayNameOf (the name the token trigger puts in access tokens)', () => {
  it('uses the name attribute, normalised, else the e-mail address', () => {
    expect(displayNameOf({ name: '  Nguye\u0302\u0303n Thị Lan ', email: 'lan@stp.gov.vn' })).toBe('Nguyễn Thị Lan');
    expect(displayNameOf({ name: ' ', email: 'lan@stp.gov.vn' })).toBe('lan@stp.gov.vn');
    expect(displayNameOf({ sub: 'abc' })).toBe('abc');
  });
});

describe('access rules', () => {
  const lan = { id: 'l', username: 'l', departments: ['so-tu-phap'], admin: false };
  const admin = { id: 'a', username: 'a', departments: [], admin: true };
  it('own department and admin may access; only the own department sees contact data', () => {
    expect(canAccess(lan, 'so-tu-phap')).toBe(true);
    expect(canAccess(lan, 'so-xay-dung')).toBe(false);
    expect(canAccess(admin, 'so-xay-dung')).toBe(true);
    expect(canSeeContact(lan, 'so-tu-phap')).toBe(true);
    expect(canSeeContact(admin, 'so-tu-phap')).toBe(false);
  });
});
