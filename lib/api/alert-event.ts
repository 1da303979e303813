import type { InvalidResponseError } from './errors.ts';
import { readEventData } from './events.ts';
import { alertEventCheck } from './response-shapes.ts';
import type { AlertEvent } from './schemas/snapshot.ts';

/** An `event: alert`'s data (docs/api.md), checked; an InvalidResponseError saying what was wrong. */
export const readAlertEvent = (data: string): AlertEvent | InvalidResponseError =>
  readEventData(data, alertEventCheck, 'alert');
