import * as z from '../zod.ts';
import { IdSchema, InstantSchema } from './decimal.ts';
import { RoleSchema } from './snapshot.ts';

// The operator endpoints: the vendor's own backend, with the operator key.

const NameSchema = z.string().check(z.minLength(1), z.maxLength(200));

export const CreateAccountRequestSchema = z.strictObject({
  name: NameSchema,
  planId: IdSchema,
  /** The first term starts here (or now), and its price is charged then. */
  startAt: z.exactOptional(InstantSchema),
});

export const AccountSchema = z.object({ id: IdSchema, name: z.string(), planId: IdSchema });

export const CreateAccountResultSchema = z.object({ account: AccountSchema });

export const CreateMemberRequestSchema = z.strictObject({ name: NameSchema, role: RoleSchema });

export const MemberSchema = z.object({ id: IdSchema, name: z.string(), role: RoleSchema });

/**
 * The only time a member token is shown: a replay under the same Idempotency-Key answers
 * `token: null`, since tokens are kept only as hashes.
 */
export const CreateMemberResultSchema = z.object({
  member: MemberSchema,
  token: z.nullable(z.string().check(z.minLength(1))),
});

/** An ISO-8601 duration of whole units: "P1M", "P3D", "PT2H". */
export const DurationSchema = z
  .string()
  .check(
    z.regex(
      /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/,
      'an ISO-8601 duration',
    ),
  );

/** `POST /v1/dev/clock`: set the clock, or move it forward (never backwards). */
export const DevClockRequestSchema = z.union([
  z.strictObject({ now: InstantSchema }),
  z.strictObject({ advance: DurationSchema }),
]);

export const DevClockResultSchema = z.object({ now: InstantSchema });

export type CreateAccountRequest = z.infer<typeof CreateAccountRequestSchema>;
export type Account = z.infer<typeof AccountSchema>;
export type CreateAccountResult = z.infer<typeof CreateAccountResultSchema>;
export type CreateMemberRequest = z.infer<typeof CreateMemberRequestSchema>;
export type Member = z.infer<typeof MemberSchema>;
export type CreateMemberResult = z.infer<typeof CreateMemberResultSchema>;
export type DevClockRequest = z.infer<typeof DevClockRequestSchema>;
export type DevClockResult = z.infer<typeof DevClockResultSchema>;
