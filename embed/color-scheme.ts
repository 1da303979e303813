import { type ReadonlySignal, signal } from '@preact/signals';

/** `theme="auto"` follows the system's light or dark preference, live. */
export function watchColorScheme(view: Window | null): {
  dark: ReadonlySignal<boolean>;
  dispose(): void;
} {
  const query = view?.matchMedia?.('(prefers-color-scheme: dark)');
  const dark = signal(query?.matches ?? false);
  const onChange = (event: MediaQueryListEvent) => {
    dark.value = event.matches;
  };
  query?.addEventListener?.('change', onChange);
  return { dark, dispose: () => query?.removeEventListener?.('change', onChange) };
}
