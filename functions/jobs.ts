/**
 * Functions that run on a schedule or a queue rather than behind a route. CDK deploys one function
 * per entry (EventBridge Scheduler); the local stack runs the same handlers on a timer.
 */
export type Job = {
  handler: string;
  /** EventBridge Scheduler expression, in Asia/Ho_Chi_Minh. */
  schedule: string;
  description: string;
  access: 'read' | 'write';
};

export const JOBS: Job[] = [];
