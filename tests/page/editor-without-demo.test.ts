import { expect, test, vi } from 'vitest';
import { editorRoutes } from '../../server/editor/routes.ts';

test('without demo data the editor says so instead of failing, and its API acts for no one', async () => {
  const billing = vi.fn(() => new Response('{}'));
  const app = editorRoutes({ billing, demo: null, operatorKey: 'tly_op_test' });

  const page = await app.request('http://editor.test/editor');
  expect(page.status).toBe(503);
  expect(await page.text()).toContain('No demo data');

  for (const path of [
    '/editor/api/account?as=ada',
    '/editor/api/session?as=ada',
    '/editor/api/webhooks',
  ]) {
    const response = await app.request(`http://editor.test${path}`);
    expect(response.status).toBe(404);
  }
  const run = await app.request('http://editor.test/editor/api/operations', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operation: 'smart-crop', quantity: 1, overage: 'deny', as: 'ada' }),
  });
  expect(run.status).toBe(404);
  expect(billing).not.toHaveBeenCalled();
});
