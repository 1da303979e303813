import { useState } from 'preact/hooks';
import { errorMessage } from '../lib/billing/errors.ts';
import { useMessages } from './messages-context.ts';

export interface Connection {
  member: { name: string; role: 'admin' | 'member' };
  account: { name: string };
}

interface ConnectFormProps {
  /** Validates the URL and token (GET /v1/me) and keeps them; rejects with a readable error. */
  onConnect(apiUrl: string, token: string): Promise<Connection>;
  apiUrl?: string | undefined;
}

/** Where the billing API is and whose token to use; shows who it connected as. */
export function ConnectForm({ onConnect, apiUrl = 'http://127.0.0.1:8787' }: ConnectFormProps) {
  const m = useMessages();
  const [url, setUrl] = useState(apiUrl);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [connected, setConnected] = useState<Connection | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setConnected(null);
    try {
      setConnected(await onConnect(url.trim(), token.trim()));
      setToken('');
    } catch (reason) {
      setError(errorMessage(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="t-section t-connect" onSubmit={submit} aria-label={m.t('connectToTally')}>
      <h2>{m.t('connect')}</h2>
      <label class="t-field">
        {m.t('apiUrl')}
        <input
          class="t-input"
          type="text"
          inputMode="url"
          autoComplete="url"
          spellcheck={false}
          required
          value={url}
          onInput={(event) => {
            setUrl(event.currentTarget.value);
            setError(null);
          }}
        />
      </label>
      <label class="t-field">
        {m.t('token')}
        <input
          class="t-input"
          type="password"
          required
          autoComplete="off"
          value={token}
          onInput={(event) => {
            setToken(event.currentTarget.value);
            setError(null);
          }}
        />
      </label>
      <button type="submit" class="t-button t-button--primary" disabled={busy}>
        {m.t(busy ? 'checking' : 'connect')}
      </button>
      {error && (
        <p class="t-alert" role="alert">
          {error}
        </p>
      )}
      {connected && (
        <p role="status">
          {m.t('connectedAs')} <strong>{connected.member.name}</strong>{' '}
          {m.t('connectedWho', {
            role: m.t(connected.member.role === 'admin' ? 'roleAdmin' : 'roleMember'),
            account: connected.account.name,
          })}
        </p>
      )}
    </form>
  );
}
