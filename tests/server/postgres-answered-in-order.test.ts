// Statements pipelined on one connection run in the order sent: when one fails, the ones behind
// it only say the transaction is aborted (25P02), and may be rejected first. The error a failed
// transaction reports is the first failure in the order sent.
import { expect, test } from 'vitest';
import { answeredInOrder } from '../../server/db/postgres-errors.ts';

/** A statement's answer, settling after `ms`. */
function answer(ms: number, outcome: { value: unknown } | { error: Error }): Promise<unknown> {
  return new Promise((resolve, reject) =>
    setTimeout(() => ('error' in outcome ? reject(outcome.error) : resolve(outcome.value)), ms),
  );
}

test('all answered: the values, in the order sent', async () => {
  expect(
    await answeredInOrder([answer(5, { value: 'BEGIN' }), answer(1, { value: 'UPDATE 1' })]),
  ).toEqual(['BEGIN', 'UPDATE 1']);
});

test('the first failure in the order sent, even when a later statement is rejected first', async () => {
  const cause = new Error('null value in column "description"');
  const aborted = new Error('current transaction is aborted');
  const outcome = answeredInOrder([
    answer(1, { value: 'BEGIN' }),
    answer(10, { error: cause }),
    answer(2, { error: aborted }),
    answer(3, { error: aborted }),
  ]);
  await expect(outcome).rejects.toBe(cause);
});

test('it fails once every statement has answered, leaving none unheard', async () => {
  let lastAnswered = false;
  const last = answer(20, { error: new Error('aborted') }).finally(() => {
    lastAnswered = true;
  });
  await expect(answeredInOrder([answer(1, { error: new Error('cause') }), last])).rejects.toThrow(
    'cause',
  );
  expect(lastAnswered).toBe(true);
});
