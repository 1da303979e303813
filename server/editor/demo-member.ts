import { z } from '../../lib/api/zod.ts';

/** Which demo member the page acts as: Ada (admin) or Milo (member). */
export const demoMemberKeySchema = z.enum(['ada', 'milo']);
export type DemoMemberKey = z.infer<typeof demoMemberKeySchema>;

export function demoMemberKey(written: string | undefined): DemoMemberKey | null {
  const parsed = demoMemberKeySchema.safeParse(written ?? 'ada');
  return parsed.success ? parsed.data : null;
}
