import type { Snapshot } from '../api/schemas/snapshot.ts';
import type { Messages } from '../i18n/messages.ts';
import { adminNames } from './display-names.ts';

/**
 * The ways on for a blocked operation besides an upgrade, in the words the dialog and the
 * basket planner share: with no upgrade to make, when the credits renew; with the cap reached,
 * that an admin can raise it, or whom a member asks. Null when there is nothing to add.
 */
export function wayOnText(
  snapshot: Snapshot,
  { noUpgrade, capReached }: { noUpgrade: boolean; capReached: boolean },
  m: Messages,
): string | null {
  const words: string[] = [];
  if (noUpgrade) words.push(m.t('noUpgradeRenews', { day: m.formats.day(snapshot.cycle.end) }));
  if (capReached) {
    words.push(
      snapshot.member.role === 'admin'
        ? m.t('raiseCap')
        : m.t('askRaiseCap', { admins: adminNames(snapshot, m) }),
    );
  }
  return words.length > 0 ? words.join(' ') : null;
}
