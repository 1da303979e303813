import type { Snapshot } from '../api/schemas/snapshot.ts';

/** Whom a member asks to change the plan: "Ada", "Ada or Ben"; "your admin" when unknown. */
export function adminNames(snapshot: Snapshot): string {
  const names = snapshot.account.admins.map((admin) => admin.name);
  if (names.length === 0) return 'your admin';
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
