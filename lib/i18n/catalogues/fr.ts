import type { Catalogue } from '../messages.ts';
import { frPages } from './fr-pages.ts';
import { frWidget } from './fr-widget.ts';

export const fr: Catalogue = { ...frWidget, ...frPages };
