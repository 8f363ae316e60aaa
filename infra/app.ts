/** CDK entry (cdk.json: `npx tsx infra/app.ts`). Stage: `-c stage=dev|prod`; see docs/DEPLOY.md. */
import { App } from 'aws-cdk-lib';
import { buildApp } from './stacks/index.ts';

const app = new App();
buildApp(app);
app.synth();
