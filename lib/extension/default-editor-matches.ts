/**
 * The demo editor of the reference server, on any port: a match pattern without a port
 * matches every port in Chrome and Firefox. The manifest's content-script matches are the
 * outer bound (no `scripting` permission: it would ask users for more); settings narrow them.
 */
export const DEFAULT_EDITOR_MATCHES = ['http://127.0.0.1/editor*', 'http://localhost/editor*'];
