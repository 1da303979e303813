import type { Catalogue } from '../messages.ts';
import { dePages } from './de-pages.ts';
import { dePopup } from './de-popup.ts';
import { deWidget } from './de-widget.ts';

export const de: Catalogue = { ...deWidget, ...dePages, ...dePopup };
