import { render } from 'preact'; render(<p>track</p>, document.getElementById('app')!);
