import { en } from './catalogues/en.ts';
import { catalogueSource, createMessages, type Messages } from './messages.ts';

/** The UI in American English: what a UI root shows until it is given its user's locale. */
export const english: Messages = createMessages('en-US', catalogueSource(en, en));
