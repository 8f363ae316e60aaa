/**
 * Cognito pre-token-generation trigger (event version V2, the only one that can change access
 * tokens): adds `name`, the official's display name, to the access token. Officials sign in by
 * e-mail, so Cognito's `username` is a generated id; the API names people by this claim
 * (shared/auth.ts officialFromClaims), in the audit trail and the inbox.
 */
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { displayNameOf } from '#shared/auth';

export const handler = async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> => {
  const name = displayNameOf(event.request.userAttributes);
  event.response = {
    claimsAndScopeOverrideDetails: { ...event.response?.claimsAndScopeOverrideDetails, accessTokenGeneration: { claimsToAddOrOverride: { name } } },
  };
  return event;
};
