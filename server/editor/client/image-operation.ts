import { removeBackground } from './background-removal.ts';
import { lifestyleCrop } from './lifestyle-crop.ts';
import { smartCrop } from './smart-crop.ts';

type Transform = (source: HTMLCanvasElement) => HTMLCanvasElement | null;

// What each billed operation does to the picture, by the catalogue's operation ids.
const TRANSFORMS: Record<string, Transform> = {
  'smart-crop': smartCrop,
  'background-removal': removeBackground,
  'lifestyle-crop': lifestyleCrop,
};

/** The image after the operation, or null when it finds nothing to work on. */
export function applyImageOperation(operation: string, source: HTMLCanvasElement) {
  return TRANSFORMS[operation]?.(source) ?? null;
}
