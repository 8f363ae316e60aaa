import { render } from 'preact'; render(<p>kiosk</p>, document.getElementById('app')!);
