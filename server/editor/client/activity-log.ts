// The page's log of what ran and what it cost, newest first.
import type { Entry } from '../../../lib/api/schemas/entry.ts';
import { entryCost } from './entry-cost.ts';
import { operationLabel } from './operation-label.ts';

export type LogTone = 'done' | 'cancelled' | 'refused';

export interface LogLine {
  tone: LogTone;
  what: string;
  detail: string;
  at: Date;
}

const LIMIT = 30;
const time = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export function createActivityLog(list: HTMLOListElement) {
  const add = (line: LogLine, where: 'top' | 'bottom' = 'top') => {
    list.querySelector('.empty')?.remove();
    const item = document.createElement('li');
    item.className = `log-${line.tone}`;
    const what = document.createElement('span');
    what.className = 'log-what';
    what.textContent = line.what;
    const detail = document.createElement('span');
    detail.className = 'log-detail';
    detail.textContent = line.detail;
    const at = document.createElement('time');
    at.dateTime = line.at.toISOString();
    at.textContent = time.format(line.at);
    item.append(what, at, detail);
    if (where === 'top') list.prepend(item);
    else list.append(item);
    while (list.children.length > LIMIT) list.lastElementChild?.remove();
  };
  return {
    add,
    /** The account's recent usage from the ledger, when the page opens. */
    showRecent(
      entries: Entry[],
      nameOf: (operation: string) => string,
      memberName: (memberId: string) => string | undefined,
    ) {
      list.replaceChildren();
      for (const entry of entries) {
        // "· as Ada", as the lines this page adds itself say, when the member is a demo one.
        const who = entry.memberId ? memberName(entry.memberId) : undefined;
        add(
          {
            tone: 'done',
            what: operationLabel(nameOf(entry.operation ?? ''), entry.quantity ?? 1),
            detail: who ? `${entryCost(entry)} · as ${who}` : entryCost(entry),
            at: new Date(entry.at),
          },
          'bottom',
        );
      }
      if (entries.length === 0) {
        const empty = document.createElement('li');
        empty.className = 'empty';
        empty.textContent = 'Nothing has run yet this term.';
        list.append(empty);
      }
    },
  };
}
