import { ENTRY_KINDS } from '../response-shapes.ts';
import * as z from '../zod.ts';
import {
  CreditsSchema,
  IdSchema,
  InstantSchema,
  QuantitySchema,
  SignedCreditsSchema,
  SignedUsdSchema,
  TermsSchema,
} from './decimal.ts';

export const EntryKindSchema = z.enum(ENTRY_KINDS);

/** A ledger entry: lib/billing's EntryDraft plus the id the store gave it. */
export const EntrySchema = z.object({
  id: IdSchema,
  at: InstantSchema,
  kind: EntryKindSchema,
  /** The member who acted; null for what the clock did (renewal, expiry). */
  memberId: z.nullable(IdSchema),
  operation: z.exactOptional(IdSchema),
  quantity: z.exactOptional(QuantitySchema),
  holdId: z.exactOptional(IdSchema),
  /** The plan a grant, an expiry, a plan change or a rollover is about (the plan changed to). */
  planId: z.exactOptional(IdSchema),
  /** The plan a plan change or a rollover left. */
  fromPlanId: z.exactOptional(IdSchema),
  /** Terms a grant or an expiry stands for when written once for several (dormant). */
  terms: z.exactOptional(TermsSchema),
  /** Signed change to available credits. */
  credits: SignedCreditsSchema,
  overageCredits: CreditsSchema,
  amountUsd: SignedUsdSchema,
  availableAfter: CreditsSchema,
  /** A line a person reads ("400 credits rolled over to Starter"). */
  description: z.string(),
});

/** Newest first; `next` is the `before` cursor of the following page, null at the end. */
export const LedgerPageSchema = z.object({
  entries: z.array(EntrySchema),
  next: z.nullable(z.string()),
});

export type EntryKind = z.infer<typeof EntryKindSchema>;
export type Entry = z.infer<typeof EntrySchema>;
export type LedgerPage = z.infer<typeof LedgerPageSchema>;
