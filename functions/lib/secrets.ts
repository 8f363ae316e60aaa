/**
 * Per-deployment secrets, read at run time. In AWS a function gets the secret's ARN (`…_SECRET_ARN`)
 * and secretsmanager:GetSecretValue on that secret only (infra/), never the value: it is fetched
 * through Powertools Parameters and cached for SECRET_MAX_AGE_SECONDS, so a rotated value is picked
 * up within minutes without a redeploy, and it never appears in the function's configuration.
 * Locally (npm start, tests) there is no Secrets Manager: the plain variable (`…_SECRET`) holds
 * the value, or nothing is set and the caller's local default applies.
 */
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

/** Five minutes: one GetSecretValue per warm function and secret every 5 minutes at most (docs/COST.md). */
export const SECRET_MAX_AGE_SECONDS = 300;

/** The two variables that name one secret: its ARN (AWS) or its value (local). */
export type SecretVariables = { arn: string; value: string };

/** The secret's value: from Secrets Manager when its ARN is set, else the local variable (undefined if neither). */
export async function readSecret(variables: SecretVariables): Promise<string | undefined> {
  const arn = process.env[variables.arn];
  if (!arn) return process.env[variables.value] || undefined;
  const value = await getSecret(arn, { maxAge: SECRET_MAX_AGE_SECONDS });
  if (typeof value !== 'string' || !value) throw new Error(`${variables.arn}: the secret ${arn} holds no string value`);
  return value;
}
