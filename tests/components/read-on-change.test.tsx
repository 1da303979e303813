// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { useReadOnChange } from '../../components/read-on-change.ts';

afterEach(cleanup);

/** A read answered when the test says so. */
function deferred(): { read: () => Promise<string>; answer: (value: string) => Promise<void> } {
  let settle: (value: string) => void = () => {};
  const promise = new Promise<string>((resolve) => {
    settle = resolve;
  });
  return {
    read: () => promise,
    answer: (value) => act(async () => settle(value)),
  };
}

function Shown(props: { read: () => Promise<string>; whose: string; version: number }) {
  const { value } = useReadOnChange(props.read, props.whose, [props.version]);
  return <p>{value ?? 'nothing yet'}</p>;
}

test('a new version keeps the last answer on screen until the next one arrives', async () => {
  const first = deferred();
  const view = render(<Shown read={first.read} whose="mem_ada" version={1} />);
  await first.answer('Ada’s team at 1');
  expect(view.container.textContent).toBe('Ada’s team at 1');

  const second = deferred();
  view.rerender(<Shown read={second.read} whose="mem_ada" version={2} />);
  expect(view.container.textContent).toBe('Ada’s team at 1');
  await second.answer('Ada’s team at 2');
  expect(view.container.textContent).toBe('Ada’s team at 2');
});

test('another member never sees what was read for the one before, even for a moment', async () => {
  const ada = deferred();
  const view = render(<Shown read={ada.read} whose="mem_ada" version={1} />);
  await ada.answer('the whole account’s usage');

  const milo = deferred();
  view.rerender(<Shown read={milo.read} whose="mem_milo" version={1} />);
  expect(view.container.textContent).toBe('nothing yet');
  await milo.answer('Milo’s own usage');
  expect(view.container.textContent).toBe('Milo’s own usage');
});

test('an answer that arrives after another member signed in is dropped', async () => {
  const ada = deferred();
  const view = render(<Shown read={ada.read} whose="mem_ada" version={1} />);
  const milo = deferred();
  view.rerender(<Shown read={milo.read} whose="mem_milo" version={1} />);
  await ada.answer('the whole account’s usage');
  expect(view.container.textContent).toBe('nothing yet');
  await milo.answer('Milo’s own usage');
  expect(view.container.textContent).toBe('Milo’s own usage');
});
