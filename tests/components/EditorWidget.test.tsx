// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { EditorWidget } from '../../components/EditorWidget.tsx';
import { render } from './render.tsx';
import { startedModel } from './started-model.ts';

function editorPage() {
  const page = document.createElement('main');
  page.innerHTML = `
    <button data-tally-operation="smart-crop"><span>Smart Crop</span></button>
    <button data-tally-operation="smart-crop" data-tally-quantity="3">Crop 3</button>
    <button>Undo</button>`;
  document.body.append(page);
  return page;
}

test('hovering an operation shows its cost, leaving hides it', async () => {
  const { model } = await startedModel();
  const page = editorPage();
  render(<EditorWidget model={model} />);
  fireEvent.pointerOver(page.querySelector('span')!);
  expect(screen.getByRole('tooltip').textContent).toBe(
    'Smart Crop · 1.3 credits · worth $0.0711 of plan credits · 4,568.7 credits left',
  );
  fireEvent.pointerOut(page.querySelector('button')!);
  expect(screen.queryByRole('tooltip')).toBeNull();
  fireEvent.pointerOver(page.querySelectorAll('button')[2]!);
  expect(screen.queryByRole('tooltip')).toBeNull();
  page.remove();
});

test('keyboard focus shows the preview too, with the quantity', async () => {
  const { model } = await startedModel({ available: '500' });
  const page = editorPage();
  render(<EditorWidget model={model} />);
  fireEvent.focusIn(page.querySelectorAll('button')[1]!);
  expect(screen.getByRole('tooltip').textContent).toBe(
    '3 × Smart Crop · 3.9 credits · worth $0.2133 of plan credits · 496.1 credits left',
  );
  page.remove();
});

test('the chip opens the balance panel', async () => {
  const { model } = await startedModel({ available: '500' });
  render(<EditorWidget model={model} theme="dark" />);
  const chip = screen.getByRole('button', { name: /500 credits/ });
  fireEvent.click(chip);
  expect(screen.getByText('384 Smart Crops')).toBeTruthy();
  expect(chip.closest('.tally')?.getAttribute('data-theme')).toBe('dark');
});
