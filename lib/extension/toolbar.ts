import type { Badge } from './badge.ts';

/** The toolbar button's API: `action` in MV3, `browserAction` in Firefox's MV2. */
export interface ToolbarAction {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  setTitle(details: { title: string }): Promise<void> | void;
}

export async function showBadge(action: ToolbarAction | undefined, badge: Badge): Promise<void> {
  if (!action) return;
  await Promise.all([
    action.setBadgeText({ text: badge.text }),
    action.setBadgeBackgroundColor({ color: badge.color }),
    action.setTitle({ title: badge.title }),
  ]);
}
