import type { Snapshot } from '../api/schemas/snapshot.ts';

/** Whom a member asks to change the plan: "Ada", "Ada or Ben"; "your admin" when unknown. */
export function adminNames(snapshot: Snapshot): string {
  const names = snapshot.account.admins.map((admin) => admin.name);
  const last = names.pop();
  if (last === undefined) return 'your admin';
  return names.length === 0 ? last : `${names.join(', ')} or ${last}`;
}
