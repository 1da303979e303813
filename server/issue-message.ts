import type * as core from 'zod/v4/core';

// zod/mini carries no message texts (every issue reads "Invalid input"), and a person fixing a
// request needs to know which field is wrong and why. This says it in words, from the issue's
// facts; a schema's own message (a regex's "dollars: a decimal string") is kept as a hint.

const kinds: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'text (a JSON string)',
  boolean: 'true or false',
  object: 'a JSON object',
  array: 'a list',
};

/** Known schema hints, as a sentence with an example. */
const formats: [prefix: string, words: string][] = [
  ['dollars', 'dollars written as a decimal string, like "25.00"'],
  ['credits', 'credits written as a decimal string with at most 3 decimals, like "4568.7"'],
  ['an ISO-8601 duration', 'an ISO-8601 duration like "P1M", "P3D" or "PT2H"'],
];

function count(value: number | bigint): string {
  return value.toLocaleString('en-US');
}

/** What was sent, briefly: `"1"`, `1.5`, `an object`. */
function shown(input: unknown): string {
  if (typeof input === 'string') {
    const text = input.length > 40 ? `${input.slice(0, 40)}…` : input;
    return JSON.stringify(text);
  }
  if (typeof input === 'number' || typeof input === 'boolean' || input === null) {
    return String(input);
  }
  return Array.isArray(input) ? 'a list' : `a ${typeof input}`;
}

function hasDefaultMessage(issue: core.$ZodIssue): boolean {
  return issue.message === 'Invalid input' || issue.message === '';
}

function tooSmall(subject: string, issue: core.$ZodIssueTooSmall): string {
  const { minimum, inclusive, origin } = issue;
  if (origin === 'string') {
    return Number(minimum) <= 1
      ? `${subject} cannot be empty`
      : `${subject} must be at least ${count(minimum)} characters`;
  }
  if (origin === 'array' || origin === 'set') {
    return `${subject} must have at least ${count(minimum)} items`;
  }
  return `${subject} must be ${inclusive === false ? 'more than' : 'at least'} ${count(minimum)}`;
}

function tooBig(subject: string, issue: core.$ZodIssueTooBig): string {
  const { maximum, inclusive, origin } = issue;
  if (origin === 'string') return `${subject} must be at most ${count(maximum)} characters`;
  if (origin === 'array' || origin === 'set') {
    return `${subject} must have at most ${count(maximum)} items`;
  }
  return `${subject} must be ${inclusive === false ? 'less than' : 'at most'} ${count(maximum)}`;
}

function invalidFormat(subject: string, issue: core.$ZodIssueInvalidStringFormat): string {
  if (issue.format === 'datetime') {
    return `${subject} must be an ISO-8601 UTC instant like "2026-05-08T00:00:00.000Z"`;
  }
  if (hasDefaultMessage(issue)) return `${subject} is not in the expected format (${issue.format})`;
  const known = formats.find(([prefix]) => issue.message.startsWith(prefix));
  return known ? `${subject} must be ${known[1]}` : `${subject} must be ${issue.message}`;
}

/**
 * One issue as a sentence: "quantity must be at most 10,000". `root` names the value itself
 * ("The request body") for issues without a path. Needs issues parsed with `reportInput`.
 */
export function issueMessage(
  issue: core.$ZodIssue,
  root: string,
  prefix: PropertyKey[] = [],
): string {
  const path = [...prefix, ...issue.path].map(String).join('.');
  const subject = path === '' ? root : path;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return `${subject} is required`;
      const expected = kinds[issue.expected] ?? issue.expected;
      return `${subject} must be ${expected}, not ${shown(issue.input)}`;
    }
    case 'too_small':
      return tooSmall(subject, issue);
    case 'too_big':
      return tooBig(subject, issue);
    case 'invalid_format':
      return invalidFormat(subject, issue as core.$ZodIssueInvalidStringFormat);
    case 'invalid_value':
      return `${subject} must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'unrecognized_keys': {
      const keys = issue.keys.map((key) => JSON.stringify(key)).join(', ');
      return `${subject} has the unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${keys}`;
    }
    case 'invalid_union': {
      const firsts = issue.errors.map((branch) => branch[0]);
      const missing = firsts.map((first) =>
        first?.code === 'invalid_type' && first.input === undefined ? first.path.at(-1) : undefined,
      );
      if (missing.length > 1 && missing.every((field) => field !== undefined)) {
        return `${subject} needs ${missing.map((field) => JSON.stringify(field)).join(' or ')}`;
      }
      // Otherwise the branch that came closest says best what to fix.
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0]?.[0];
      if (closest) return issueMessage(closest, root, [...prefix, ...issue.path]);
      return `${subject} matches none of the accepted forms`;
    }
    default:
      return hasDefaultMessage(issue) ? `${subject} is not valid` : `${subject}: ${issue.message}`;
  }
}
