import { useEffect, useState } from 'preact/hooks';
import { useMessages } from '../../components/messages-context.ts';
import type { WorkerLink } from '../../lib/extension/worker-link.ts';

/**
 * The editor pages the in-page widget may run on (one match pattern a line), and a way to
 * forget the connection. The manifest's matches are the outer bound; this narrows them.
 */
export function EditorSettings({ link }: { link: WorkerLink }) {
  const m = useMessages();
  const [text, setText] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    link
      .request({ type: 'get-settings' })
      .then((settings) => setText(settings.editorMatches.join('\n')))
      .catch((error: Error) => setNote(error.message));
  }, [link]);

  async function save(event: Event) {
    event.preventDefault();
    const editorMatches = (text ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    try {
      await link.request({ type: 'save-settings', editorMatches });
      setNote(m.t('editorPagesSaved'));
    } catch (error) {
      setNote((error as Error).message);
    }
  }

  async function disconnect() {
    await link.request({ type: 'disconnect' }).catch(() => undefined);
    setNote(m.t('disconnected'));
  }

  return (
    <details class="t-section">
      <summary class="t-muted">{m.t('editorPagesAndDisconnect')}</summary>
      <form class="t-connect" onSubmit={save} aria-label={m.t('editorPages')}>
        <label class="t-field">
          {m.t('matchPatterns')}
          <textarea
            class="t-input"
            rows={3}
            value={text ?? ''}
            disabled={text === null}
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </label>
        <div class="t-actions">
          <button type="submit" class="t-button">
            {m.t('save')}
          </button>
          <button type="button" class="t-button t-button--quiet" onClick={() => void disconnect()}>
            {m.t('disconnect')}
          </button>
        </div>
        {note && (
          <p class="t-muted" role="status">
            {note}
          </p>
        )}
      </form>
    </details>
  );
}
