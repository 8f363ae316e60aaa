import { render } from 'preact';
import '../common/base.css';
import '../common/skip.css';
import './inbox.css';
import { completeSignIn, session, signInError } from './auth.ts';
import { InboxApp, phase } from './InboxApp.tsx';
import { installShortcuts } from './keys.ts';
import { loadAlerts, loadList, loadMe, select } from './model.ts';
import { t } from './strings.ts';

const codeInPath = () => {
  const part = location.pathname.split('/')[2];
  return part && part !== 'callback' ? decodeURIComponent(part) : undefined;
};

async function start() {
  if (location.pathname === '/inbox/callback') {
    phase.value = 'signing-in';
    try {
      history.replaceState(null, '', await completeSignIn());
    } catch (error) {
      signInError.value = t('signInFailed', { reason: (error as Error).message });
      history.replaceState(null, '', '/inbox');
    }
  }
  phase.value = session.value ? 'ready' : 'signed-out';
  if (!session.value) return;
  if (!(await loadMe())) return;
  await Promise.all([loadList(), loadAlerts(), select(codeInPath(), { push: false })]);
}

render(<InboxApp />, document.getElementById('app')!);
installShortcuts();
addEventListener('popstate', () => void select(codeInPath(), { push: false }));
void start();
