// A grant as a server before schema version 5 wrote it: no plan, only the English record.
export const olderEntry = {
  at: '2026-05-01T00:00:00.000Z',
  row: [
    'ent_1',
    'acct_1',
    '2026-05-01T00:00:00.000Z',
    'grant',
    null,
    '4570',
    '0',
    '250',
    '4570',
    'Growth started: 4,570 credits, $250.00',
  ] as const,
  /** What the ledger answers for it: the same, with no plan fields. */
  entry: {
    id: 'ent_1',
    at: '2026-05-01T00:00:00.000Z',
    kind: 'grant',
    memberId: null,
    credits: '4570',
    overageCredits: '0',
    amountUsd: '250',
    availableAfter: '4570',
    description: 'Growth started: 4,570 credits, $250.00',
  },
};
