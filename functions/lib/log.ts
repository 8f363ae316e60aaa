/** Structured JSON logs (one line per event) that CloudWatch Logs Insights can query. */
export function log(level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown> = {}): void {
  const error = fields.error as Error | undefined;
  const line = JSON.stringify({
    level,
    message,
    time: new Date().toISOString(),
    ...fields,
    ...(error ? { error: { name: error.name, message: error.message, stack: error.stack } } : {}),
  });
  (level === 'error' ? console.error : console.log)(line);
}
