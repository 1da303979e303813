// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import {
  type OperationTarget,
  operationTargetsIn,
  watchOperationTargets,
} from '../../lib/page/operation-target.ts';

function watch() {
  const seen: (OperationTarget | null)[] = [];
  const stop = watchOperationTargets(document, (target) => seen.push(target));
  return { seen, stop };
}

function hover(element: Element | null) {
  element?.dispatchEvent(new Event('pointerover', { bubbles: true }));
}

test('hovering a child of an operation element reports that element, its operation and quantity', () => {
  document.body.innerHTML = `
    <button data-tally-operation="background-removal" data-tally-quantity="83"><span id="label">Remove</span></button>`;
  const { seen, stop } = watch();

  hover(document.getElementById('label'));

  expect(seen).toHaveLength(1);
  expect(seen[0]).toMatchObject({
    operation: 'background-removal',
    quantity: 83,
    quantityText: '83',
  });
  expect(seen[0]?.element.tagName).toBe('BUTTON');
  stop();
});

test('a quantity is a whole number from 1 to 10,000; anything else reads as null, as written', () => {
  const { seen, stop } = watch();
  for (const written of ['0', '-3', '2.5', '1e3', '10001', 'many', '', '1', '10000']) {
    document.body.innerHTML = `<button id="b" data-tally-operation="smart-crop" data-tally-quantity="${written}">Crop</button>`;
    hover(document.getElementById('b'));
  }
  document.body.innerHTML = `<button id="b" data-tally-operation="smart-crop">Crop</button>`;
  hover(document.getElementById('b'));

  expect(seen.map((target) => [target?.quantityText, target?.quantity])).toEqual([
    ['0', null],
    ['-3', null],
    ['2.5', null],
    ['1e3', null],
    ['10001', null],
    ['many', null],
    ['', null],
    ['1', 1],
    ['10000', 10_000],
    ['1', 1],
  ]);
  stop();
});

test('leaving the element, or hovering one with no operation, reports null', () => {
  document.body.innerHTML = `<button id="b" data-tally-operation="smart-crop">Crop</button><p id="p">text</p><button id="e" data-tally-operation="">x</button>`;
  const { seen, stop } = watch();

  hover(document.getElementById('b'));
  document.getElementById('b')?.dispatchEvent(new Event('pointerout', { bubbles: true }));
  hover(document.getElementById('e'));

  expect(seen.map((target) => target?.operation ?? null)).toEqual(['smart-crop', null, null]);
  stop();
});

test('the page’s operation elements, each distinct operation and quantity once', () => {
  document.body.innerHTML = `
    <button data-tally-operation="smart-crop">Crop</button>
    <button data-tally-operation="smart-crop" data-tally-quantity="1">Crop again</button>
    <button data-tally-operation="smart-crop" data-tally-quantity="12">Crop 12</button>
    <button data-tally-operation="background-removal" data-tally-quantity="0">Remove</button>
    <button>Nothing</button>`;
  expect(
    operationTargetsIn(document).map(({ operation, quantity }) => [operation, quantity]),
  ).toEqual([
    ['smart-crop', 1],
    ['smart-crop', 12],
    ['background-removal', null],
  ]);
});
