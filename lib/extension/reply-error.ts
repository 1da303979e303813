import { ApiError, InvalidResponseError, NetworkError } from '../api/errors.ts';
import { errorMessage } from '../billing/errors.ts';

/** An error as a reply carries it: a code and a sentence a person can read. */
export function replyError(error: unknown): { code: string; message: string } {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (error instanceof NetworkError) {
    return { code: 'offline', message: 'Cannot reach the billing server.' };
  }
  if (error instanceof InvalidResponseError) {
    return {
      code: 'invalid_response',
      message: 'The billing server sent an answer Tally does not understand.',
    };
  }
  if (error instanceof ReplyError) return { code: error.code, message: error.message };
  return { code: 'internal', message: errorMessage(error) };
}

/** A refusal of the worker itself (not connected, not allowed from here). */
export class ReplyError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
