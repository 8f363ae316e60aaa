import { describe, expect, it } from 'vitest';
import { canAccess, canLead, canSeeContact, displayName, officialFromClaims, parseGroups } from '#shared/auth';
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
    const official = officialFromClaims({ sub: 'abc', username: 'tuphap.lan', 'cognito:groups': '[dept-so-tu-phap]', client_id: 'x' });
    expect(official).toEqual({ id: 'abc', username: 'tuphap.lan', departments: ['so-tu-phap'], admin: false });
  });
  it('makes a lead of a department from its lead group, an official of it too, and keeps the display name', () => {
    const lead = officialFromClaims({ sub: 'x', username: 'lanhdao.tuphap', name: 'Ngô Thị Hạnh', 'cognito:groups': '[lead-so-tu-phap]' });
    expect(lead).toEqual({ id: 'x', username: 'lanhdao.tuphap', name: 'Ngô Thị Hạnh', departments: ['so-tu-phap'], leads: ['so-tu-phap'], admin: false });
    expect(canLead(lead, 'so-tu-phap')).toBe(true);
    expect(canLead(lead, 'so-xay-dung')).toBe(false);
    expect(canLead(officialFromClaims({ sub: 'o', 'cognito:groups': '[dept-so-tu-phap]' }), 'so-tu-phap')).toBe(false);
    expect(canLead(officialFromClaims({ sub: 'a', 'cognito:groups': '[admin]' }), 'so-tu-phap')).toBe(true);
    expect(displayName(lead)).toBe('Ngô Thị Hạnh');
    expect(displayName(officialFromClaims({ sub: 'o', username: 'tuphap.lan' }))).toBe('tuphap.lan');
  });
  it('recognises the admin', () => {
    expect(officialFromClaims({ sub: 'a', 'cognito:groups': ['admin'] }).admin).toBe(true);
  });
  it('refuses claims without a subject', () => {
    expect(() => officialFromClaims(undefined)).toThrow(UnauthorizedError);
    expect(() => officialFromClaims({ 'cognito:groups': '[admin]' })).toThrow(UnauthorizedError);
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
