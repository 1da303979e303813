/** A token getter from either option: `getToken` (asked every time) or a fixed `token`. */
export function tokenSource(options: {
  getToken?: () => string | Promise<string>;
  token?: string;
}): () => string | Promise<string> {
  if (options.getToken) return options.getToken;
  const { token } = options;
  if (token === undefined) throw new TypeError('give getToken or token');
  return () => token;
}
