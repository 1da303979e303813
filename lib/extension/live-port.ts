/** The name of the long-lived port over which the worker and its UIs talk (see WorkerLink). */
export const LIVE_PORT = 'tally-live';
