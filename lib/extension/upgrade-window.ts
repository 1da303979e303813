/** The parts of `windows` the upgrade window needs (no permission: it is our own page). */
export interface WindowsApi {
  create(details: {
    url: string;
    type: 'popup';
    width: number;
    height: number;
    focused: boolean;
  }): Promise<{ id?: number } | undefined>;
  onRemoved: { addListener(listener: (windowId: number) => void): void };
}

/**
 * The in-page dialog cannot change the plan itself (a content script must not hold privileged
 * actions), so its "Upgrade" opens Tally's own upgrade page in a small window: the admin
 * confirms there, and the new Snapshot reaches the page over the live port.
 */
export class UpgradeWindows {
  #open = new Set<number>();

  constructor(
    private readonly windows: WindowsApi,
    private readonly pageUrl: (planId: string | undefined) => string,
    onClosed: () => void,
  ) {
    windows.onRemoved.addListener((windowId) => {
      if (this.#open.delete(windowId)) onClosed();
    });
  }

  async open(planId: string | undefined): Promise<void> {
    const created = await this.windows.create({
      url: this.pageUrl(planId),
      type: 'popup',
      width: 420,
      height: 560,
      focused: true,
    });
    if (created?.id !== undefined) this.#open.add(created.id);
  }
}
