import { enPages } from './en-pages.ts';
import { enWidget } from './en-widget.ts';

// Every sentence the extension and the widget show, in American English: the keys every other
// catalogue follows, and what shows where another locale has no message. In two parts so the
// embed's script carries only what it shows at once.
export const en = { ...enWidget, ...enPages };
