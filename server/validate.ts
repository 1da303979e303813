import type { Context } from 'hono';
import type { z } from '../lib/api/zod.ts';
import { ApiError } from './errors.ts';

function invalid(error: z.ZodError, where: string): ApiError {
  return new ApiError('invalid_request', `The ${where} is not valid`, {
    issues: error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      code: issue.code,
      message: issue.message,
    })),
  });
}

/** The JSON body, checked by a lib/api schema; an empty body reads as `{}`. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text();
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
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalid(parsed.error, 'request body');
  return parsed.data;
}

/** The query string, checked by a lib/api schema. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw invalid(parsed.error, 'query');
  return parsed.data;
}

/**
 * Checks an answer against its lib/api schema before it leaves. Called inside the write
 * transaction, so an answer that breaks the contract rolls the change back (500, nothing changed).
 */
export function checked<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new Error(`Response breaks the contract: ${JSON.stringify(parsed.error.issues)}`);
  }
  return parsed.data;
}
