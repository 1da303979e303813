// The classic script, `tally.js`: a loader of a few hundred bytes. It defines `window.Tally` at
// once, so a page may call `Tally.mount` or `Tally.configure` right after the tag as it always
// could, and imports the widget's module from beside itself (the file `tally.mjs` leads to
// too), which defines `<tally-credits>`. Calls made before the module arrived run then, in
// order. Built by entry-files.ts as a classic script.
import { assertOperationRequest } from '../lib/page/operation-request.ts';
import type * as Widget from './index.ts';

/** The module's file name and the version, written in by the build. */
declare const TALLY_MODULE: string;
declare const TALLY_VERSION: string;

type Api = Pick<
  typeof Widget,
  'configure' | 'mount' | 'preflight' | 'usageRecorded' | 'version'
> & {
  /** The class behind `<tally-credits>`, once the module has defined it. */
  readonly TallyCreditsElement: typeof Widget.TallyCreditsElement | undefined;
};

// Read while this script runs: `document.currentScript` is set only during that time.
const script = document.currentScript;
const moduleUrl = new URL(
  TALLY_MODULE,
  script instanceof HTMLScriptElement && script.src ? script.src : document.baseURI,
).href;
let loaded: typeof Widget | undefined;
const widget: Promise<typeof Widget> = import(/* @vite-ignore */ moduleUrl);
widget.then(
  (module) => {
    loaded = module;
  },
  (error: unknown) =>
    console.error(`Tally: the widget could not be loaded from ${moduleUrl}.`, error),
);

/** Runs once the module is here; after a failed load (reported above) nothing runs. */
const whenLoaded = <T>(run: (module: typeof Widget) => T) => widget.then(run, () => undefined);

const api: Api = {
  version: TALLY_VERSION,
  get TallyCreditsElement() {
    return loaded?.TallyCreditsElement;
  },
  configure(options) {
    void whenLoaded((module) => module.configure(options));
  },
  mount(element, options) {
    if (!(element instanceof Element)) throw new TypeError('Tally.mount: pass a DOM element');
    const mounted = whenLoaded((module) => module.mount(element, options));
    return { unmount: () => void mounted.then((widget) => widget?.unmount()) };
  },
  // Without the module no widget can answer: `unavailable`, and the page relies on the 402.
  preflight: (operation, quantity, options) =>
    widget.then(
      (module) => module.preflight(operation, quantity, options),
      () => ({ decision: 'unavailable' }) as const,
    ),
  usageRecorded(operation, quantity) {
    // A mistake in the page's code fails at the call, as it does with the module.
    assertOperationRequest(operation, quantity, 'usageRecorded');
    void whenLoaded((module) => module.usageRecorded(operation, quantity));
  },
};

(globalThis as { Tally?: Api }).Tally = api;
