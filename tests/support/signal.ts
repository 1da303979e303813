/**
 * A promise and the function that resolves it: one side of a test waits for `done`, the other
 * says when (`fire`). Node 20 has no Promise.withResolvers.
 */
export function signal(): { done: Promise<void>; fire: () => void } {
  let fire = () => {};
  const done = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { done, fire };
}
