import { en } from '../../lib/i18n/catalogues/en.ts';
import { catalogueSource, createMessages, type Messages } from '../../lib/i18n/messages.ts';

/** The UI in American English, as the tests render it (the extension and the embed choose theirs). */
export const english: Messages = createMessages('en-US', catalogueSource(en, en));
