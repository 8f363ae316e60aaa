/**
 * Bearer-token verification for routes with `auth: 'official'`, as API Gateway's JWT authorizer
 * does it: signature against the provider's JWKS (RS256 only, so `alg: none` never passes), issuer,
 * expiry, and `aud` or `client_id` among the allowed audiences. The claims come out in the
 * authorizer's shape: every value a string, arrays as "[a b]".
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { UnauthorizedError } from '#shared/errors';
import type { Authenticator } from './adapter.ts';
import { createOidc, OIDC_PATH } from './oidc.ts';

/** API Gateway passes claims as strings; arrays become "[a b c]". */
export function asAuthorizerClaims(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    claims[name] = Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  }
  return claims;
}

export function createAuthenticator(options: { issuer: string; audiences: string[]; jwksUrl?: string }): Authenticator {
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl ?? `${options.issuer}/jwks`));
  return async (authorization) => {
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization?.trim() ?? '');
    if (!authorization) throw new UnauthorizedError('Sign-in required: send Authorization: Bearer <access token>', { code: 'missing_token' });
    if (!match) throw new UnauthorizedError('The Authorization header is not a bearer JWT', { code: 'invalid_token' });
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1]!, jwks, { issuer: options.issuer, algorithms: ['RS256'], clockTolerance: 5 }));
    } catch (cause) {
      const expired = (cause as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw new UnauthorizedError(expired ? 'The access token has expired; sign in again' : 'The access token is not valid', { code: expired ? 'token_expired' : 'invalid_token', cause });
    }
    const audiences = [payload.aud ?? []].flat();
    const clientId = typeof payload.client_id === 'string' ? payload.client_id : undefined;
    if (![...audiences, clientId].some((value) => value !== undefined && options.audiences.includes(value))) {
      throw new UnauthorizedError('The access token is not meant for this API', { code: 'invalid_token' });
    }
    return asAuthorizerClaims(payload);
  };
}

/** The local sign-in as one piece: the provider under `${origin}/oidc` and the matching verifier. */
export async function startLocalSignIn(origin: string, dataDir?: string) {
  const oidc = await createOidc({ issuer: `${origin}${OIDC_PATH}`, dataDir });
  const authenticate = createAuthenticator({ issuer: oidc.issuer, audiences: [oidc.clientId, oidc.resource] });
  return { oidc, authenticate };
}
