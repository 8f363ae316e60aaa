import { render } from 'preact';
import './q.css';
import { loadSteps, loadSubmit } from '../common/flow/FlowView.tsx';
import { loadAfter, loadCounter, QrApp } from './QrApp.tsx';

render(<QrApp />, document.getElementById('app')!);
void loadCounter();
// Right after first render: the next steps and the validator, so taps never wait.
void loadSteps();
void loadSubmit();
// The draft and history (keep.ts) come with the sending code: one request, not counted in the 14 KB.
void loadAfter().then((module) => module.keepDraft());
