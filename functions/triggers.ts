/**
 * Functions that Cognito invokes (neither a route nor a scheduled job). infra/constructs/auth.ts
 * deploys one function per entry and attaches it to the user pool.
 */
export type Trigger = { handler: string; description: string };

export const TRIGGERS = [
  { handler: 'token-claims', description: 'Cognito pre token generation (V2): puts the official’s display name in the access token' },
] as const satisfies readonly Trigger[];
