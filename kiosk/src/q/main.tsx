import { render } from 'preact'; render(<p>q</p>, document.getElementById('app')!);
