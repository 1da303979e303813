import type { Catalogue } from '../messages.ts';
import { frPages } from './fr-pages.ts';
import { frPopup } from './fr-popup.ts';
import { frWidget } from './fr-widget.ts';

export const fr: Catalogue = { ...frWidget, ...frPages, ...frPopup };
