/**
 * Cognito pre-token-generation trigger (event version V2, the only one that can change access
 * tokens): adds `name`, the official's display name, to the access token. Officials sign in by
 * e-mail, so Cognito's `username` is a generated id; the API names people by this claim
 * (shared/auth.ts officialFromClaims), in the audit trail and the inbox. Also `email`, so the inbox's
 * officials directory can tell an official by e-mail that a record was assigned to them.
 */
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { displayNameOf } from '#shared/auth';

export const handler = async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> => {
  const name = displayNameOf(event.request.userAttributes);
  const email = event.request.userAttributes.email;
  event.response = {
    claimsAndScopeOverrideDetails: { ...event.response?.claimsAndScopeOverrideDetails, accessTokenGeneration: { claimsToAddOrOverride: { name, ...(email ? { email } : {}) } } },
  };
  return event;
};
