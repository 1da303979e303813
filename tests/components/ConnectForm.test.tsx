// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { ConnectForm } from '../../components/ConnectForm.tsx';
import { render } from './render.tsx';

afterEach(cleanup);

function fill(url: string, token: string) {
  fireEvent.input(screen.getByLabelText('API URL'), { target: { value: url } });
  fireEvent.input(screen.getByLabelText('Token'), { target: { value: token } });
  fireEvent.submit(screen.getByRole('form'));
}

test('validates through the callback and shows who and which account', async () => {
  const onConnect = vi.fn(async () => ({
    member: { name: 'Ada', role: 'admin' as const },
    account: { name: 'Acme Studio' },
  }));
  render(<ConnectForm onConnect={onConnect} />);
  expect((screen.getByLabelText('API URL') as HTMLInputElement).value).toBe(
    'http://127.0.0.1:8787',
  );
  fill('http://127.0.0.1:9000 ', ' tok_ada ');
  expect(onConnect).toHaveBeenCalledWith('http://127.0.0.1:9000', 'tok_ada');
  await waitFor(
    () =>
      expect(screen.getByRole('status').textContent).toBe('Connected as Ada (admin) · Acme Studio'),
    { timeout: 10_000 },
  );
  expect((screen.getByLabelText('Token') as HTMLInputElement).value).toBe('');
  expect(screen.getByLabelText('Token').getAttribute('type')).toBe('password');
});

test('a refused token is said plainly', async () => {
  render(
    <ConnectForm
      onConnect={() => Promise.reject(new Error('That token was not accepted.'))}
      apiUrl="http://localhost:8787"
    />,
  );
  fill('http://localhost:8787', 'nope');
  await waitFor(
    () => expect(screen.getByRole('alert').textContent).toBe('That token was not accepted.'),
    { timeout: 10_000 },
  );
});
