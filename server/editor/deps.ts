/** One demo member the editor's backend can act for (from data/demo-tokens.json). */
export interface DemoMember {
  id: string;
  name: string;
  token: string;
}

export interface EditorDemo {
  accountId: string;
  members: { ada: DemoMember; milo: DemoMember };
}

export interface EditorDeps {
  /**
   * The billing API in-process (`(request) => app.fetch(request)`). The editor's backend calls
   * it over docs/api.md exactly as a vendor's backend would call Tally over the network.
   */
  billing: (request: Request) => Response | Promise<Response>;
  /** Null when the database has no demo data (data/demo-tokens.json missing). */
  demo: EditorDemo | null;
  /** The operator key: the webhook receiver page registers its endpoint with it (server side). */
  operatorKey: string;
  /** Where the embed's build lives; default <repo>/dist/embed. */
  embedDir?: string;
}
