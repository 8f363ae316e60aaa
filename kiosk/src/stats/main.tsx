import { render } from 'preact';
import './stats.css';
import { loadIndex } from './model.ts';
import { StatsApp } from './StatsApp.tsx';

render(<StatsApp />, document.getElementById('app')!);
void loadIndex();
