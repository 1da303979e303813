import { render as renderInDom } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { MessagesContext } from '../../components/messages-context.ts';
import type { Messages } from '../../lib/i18n/messages.ts';
import { english } from '../support/english.ts';

/** Testing Library's render under a UI root's messages: English unless a test names others. */
export function render(
  ui: preact.JSX.Element,
  { messages = english, container }: { messages?: Messages; container?: HTMLElement } = {},
) {
  const wrapper = ({ children }: { children?: ComponentChildren }) => (
    <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>
  );
  return renderInDom(ui, { wrapper, ...(container ? { container } : {}) });
}
