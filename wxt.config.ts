import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The demo API and editor of the reference server; a user adds other editor hosts in settings.
const API_ORIGIN = process.env.TALLY_API_ORIGIN ?? 'http://127.0.0.1:8787';

export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Tally — credit control',
    description:
      'Your credit balance, the cost of each operation and a clear choice when credits run out.',
    permissions: ['storage', 'alarms'],
    host_permissions: [`${API_ORIGIN}/*`, 'http://localhost:8787/*'],
  },
});
