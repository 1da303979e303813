// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { findOperationTarget } from '../../lib/page/operation-target';

test('finds the operation element around a hovered child, with its quantity', () => {
  document.body.innerHTML = `
    <button data-tally-operation="background-removal" data-tally-quantity="83"><span id="label">Remove</span></button>`;

  const target = findOperationTarget(document.getElementById('label'));

  expect(target?.operation).toBe('background-removal');
  expect(target?.quantity).toBe(83);
  expect(target?.element.tagName).toBe('BUTTON');
});

test('quantity defaults to 1 when missing or not a positive integer up to 10,000', () => {
  for (const written of [null, '', '0', '-3', '2.5', '1e3', '10001', 'many']) {
    const quantity = written === null ? '' : ` data-tally-quantity="${written}"`;
    document.body.innerHTML = `<button id="b" data-tally-operation="smart-crop"${quantity}>Crop</button>`;
    expect(findOperationTarget(document.getElementById('b'))?.quantity).toBe(1);
  }
  document.body.innerHTML = `<button id="b" data-tally-operation="smart-crop" data-tally-quantity="10000">Crop</button>`;
  expect(findOperationTarget(document.getElementById('b'))?.quantity).toBe(10_000);
});

test('elements outside any operation, and non-elements, give null', () => {
  document.body.innerHTML = `<p id="p">text</p><button id="e" data-tally-operation="">x</button>`;

  expect(findOperationTarget(document.getElementById('p'))).toBeNull();
  expect(findOperationTarget(document.getElementById('e'))).toBeNull();
  expect(findOperationTarget(document)).toBeNull();
  expect(findOperationTarget(null)).toBeNull();
});
