import type { Badge } from './badge.ts';

/** The toolbar button's API: `action` in MV3, `browserAction` in Firefox's MV2. */
export interface ToolbarAction {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  setTitle(details: { title: string }): Promise<void> | void;
  /** Chrome 127+ and Firefox; refused by some browsers without a user gesture. */
  openPopup?(): Promise<void>;
}

export async function showBadge(action: ToolbarAction | undefined, badge: Badge): Promise<void> {
  if (!action) return;
  await Promise.all([
    action.setBadgeText({ text: badge.text }),
    action.setBadgeBackgroundColor({ color: badge.color }),
    action.setTitle({ title: badge.title }),
  ]);
}

/**
 * Opens the popup (a notification was clicked): the toolbar's own popup where the browser
 * allows it, else the same page in a small window of its own.
 */
export async function openPopup(
  action: ToolbarAction | undefined,
  inWindow: () => Promise<unknown>,
): Promise<void> {
  try {
    if (action?.openPopup) {
      await action.openPopup();
      return;
    }
  } catch {
    // Not allowed here: the window below shows the same page.
  }
  await inWindow();
}
