import { enPages } from './en-pages.ts';
import { enPopup } from './en-popup.ts';
import { enWidget } from './en-widget.ts';

// Every sentence the extension and the widget show, in American English: the keys every other
// catalogue follows, and what shows where another locale has no message. In three parts so the
// embed's script carries only what it shows at once, its chunks what they show, and neither
// what only the popup says.
export const en = { ...enWidget, ...enPages, ...enPopup };
