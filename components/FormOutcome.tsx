/** What a form's last action came to: an error to fix, or a line confirming what was done. */
export function FormOutcome({ error, done }: { error: string | null; done: string | null }) {
  return (
    <>
      {error && (
        <p class="t-alert" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p class="t-muted" role="status">
          {done}
        </p>
      )}
    </>
  );
}
