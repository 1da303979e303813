import type { Context } from 'hono';
// zod's core works on classic and mini schemas alike (lib/api's schemas are zod/mini).
import * as core from 'zod/v4/core';
import '../lib/api/zod.ts';
import { bodyText } from './body-text.ts';
import { ApiError } from './errors.ts';
import { issueMessage } from './issue-message.ts';

function invalid(error: core.$ZodError, where: string): ApiError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issueMessage(issue, `The ${where}`),
  }));
  // The message alone should tell a person what to fix (the first few issues are enough).
  const first = error.issues.slice(0, 3).map((issue) => issueMessage(issue, 'it'));
  return new ApiError('invalid_request', `The ${where} is not valid: ${first.join('; ')}.`, {
    issues,
  });
}

/** Checks a value against a lib/api schema; throws 400 invalid_request with the issues. */
export function valid<S extends core.$ZodType>(
  schema: S,
  value: unknown,
  where: string,
): core.output<S> {
  // reportInput: the messages say what was sent ("must be a number, not \"1\""); the issues
  // sent back carry only path, code and message.
  const parsed = core.safeParse(schema, value, { reportInput: true });
  if (!parsed.success) throw invalid(parsed.error, where);
  return parsed.data;
}

/** The JSON body, checked by a lib/api schema; an empty body reads as `{}`. */
export async function readBody<S extends core.$ZodType>(
  c: Context,
  schema: S,
): Promise<core.output<S>> {
  const text = await bodyText(c);
  let json: unknown = {};
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError('invalid_request', 'The body is not valid JSON', {
        issues: [{ path: '', code: 'invalid_json', message: 'not valid JSON' }],
      });
    }
  }
  return valid(schema, json, 'request body');
}

/** The query string, checked by a lib/api schema. */
export function readQuery<S extends core.$ZodType>(c: Context, schema: S): core.output<S> {
  return valid(schema, c.req.query(), 'query');
}

/**
 * Whether `checked` validates answers at run time (TALLY_CHECK_ANSWERS=1, which the test
 * harness sets). Off by default: on the hot path of a debit the check was a tenth of the
 * server's CPU. The tests check every answer twice: here, and against the OpenAPI document.
 */
let checkingAnswers = false;

export function checkAnswers(on: boolean): void {
  checkingAnswers = on;
}

/**
 * Hands an answer on unchanged, after checking it against its lib/api schema when answers are
 * checked. Called inside the write transaction, so there an answer that breaks the contract
 * rolls the change back (500, nothing changed). The answer itself goes out, not the schema's
 * parse of it: what a test sees is what production sends.
 */
export function checked<S extends core.$ZodType>(schema: S, body: unknown): core.output<S> {
  if (!checkingAnswers) return body as core.output<S>;
  const parsed = core.safeParse(schema, body);
  if (!parsed.success) {
    throw new Error(`Response breaks the contract: ${JSON.stringify(parsed.error.issues)}`);
  }
  return body as core.output<S>;
}
