import { render } from 'preact';

render(<p>Tally</p>, document.getElementById('app')!);
