import { render } from 'preact';
import './q.css';
import { loadSteps, loadSubmit } from '../common/flow/FlowView.tsx';
import { loadAfter, loadCounter, QrApp } from './QrApp.tsx';

render(<QrApp />, document.getElementById('app')!);
void loadCounter();
// Right after first render: the next steps and the validator, so taps never wait.
void import('./keep.ts').then((module) => module.keepDraft());
void loadSteps();
void loadSubmit();
void loadAfter();
