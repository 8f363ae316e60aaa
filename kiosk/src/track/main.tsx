import { render } from 'preact';
import './track.css';
import { lookup, TrackApp } from './TrackApp.tsx';

render(<TrackApp />, document.getElementById('app')!);
void lookup();
