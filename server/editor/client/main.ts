// The demo editor page: wires the image, the operation buttons, the account panel, the log and
// the Tally mode together. Logic lives in the modules it imports.

import type { Snapshot } from '../../../lib/api/schemas/snapshot.ts';
import { showAccount } from './account-panel.ts';
import { createActivityLog } from './activity-log.ts';
import { context2d } from './canvas-pixels.ts';
import { readSettings, switchTo } from './demo-settings.ts';
import { loadAccount } from './editor-backend.ts';
import { mountEmbeddedWidget } from './embed-mode.ts';
import { entryCost } from './entry-cost.ts';
import { applyImageOperation } from './image-operation.ts';
import { formatCount, operationLabel } from './operation-label.ts';
import { drawProductPhoto } from './product-photo.ts';
import { refusalMessage } from './refusal-message.ts';
import { runOperation } from './run-operation.ts';
import { showEmbedFailure, watchTallyStatus } from './tally-status.ts';

const REFRESH_MS = 5000;
const QUANTITY = /^[1-9]\d{0,4}$/;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const settings = readSettings();
const photo = byId<HTMLCanvasElement>('photo');
const imageMeta = byId('image-meta');
const quantityField = byId<HTMLInputElement>('quantity');
const quantityHint = byId('quantity-hint');
const opStatus = byId('op-status');
const accountCard = byId('account');
const tallyStatus = byId('tally-status');
const log = createActivityLog(byId<HTMLOListElement>('activity'));
const buttons = [...document.querySelectorAll<HTMLButtonElement>('button[data-tally-operation]')];

let snapshot: Snapshot | null = null;
let operationNames = new Map<string, string>();
let applied: string[] = [];
let running = false;

const nameOf = (operation: string) => operationNames.get(operation) ?? operation;

// --- the demo's choices -------------------------------------------------------------------------
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="mode"]')) {
  radio.checked = radio.value === settings.mode;
  radio.addEventListener('change', () =>
    switchTo({ ...settings, mode: radio.value === 'embed' ? 'embed' : 'extension' }),
  );
}
const actingAs = byId<HTMLSelectElement>('acting-as');
actingAs.value = settings.as;
actingAs.addEventListener('change', () =>
  switchTo({ ...settings, as: actingAs.value === 'milo' ? 'milo' : 'ada' }),
);
document.body.dataset.mode = settings.mode;

// --- Tally --------------------------------------------------------------------------------------
watchTallyStatus(tallyStatus, settings.mode);
if (settings.mode === 'embed') {
  mountEmbeddedWidget(byId('tally-slot'), settings.as).catch((error) =>
    showEmbedFailure(tallyStatus, error),
  );
}

// --- the image ----------------------------------------------------------------------------------
function resetImage() {
  drawProductPhoto(photo);
  applied = [];
  showImageMeta();
}
function showImageMeta() {
  const steps = applied.length ? applied.map(nameOf).join(' → ') : 'original';
  imageMeta.textContent = `${photo.width} × ${photo.height} px · ${steps}`;
  photo
    .closest('.canvas-frame')
    ?.classList.toggle(
      'transparent',
      applied.includes('background-removal') && !applied.includes('lifestyle-crop'),
    );
}
function showImage(result: HTMLCanvasElement) {
  photo.width = result.width;
  photo.height = result.height;
  context2d(photo).drawImage(result, 0, 0);
}
byId('reset').addEventListener('click', resetImage);
resetImage();

// --- quantity, bound to every button's data-tally-quantity ---------------------------------------
function quantity(): number | null {
  return QUANTITY.test(quantityField.value) && Number(quantityField.value) <= 10_000
    ? Number(quantityField.value)
    : null;
}
function bindQuantity() {
  const q = quantity();
  quantityHint.textContent =
    q === null
      ? 'A whole number from 1 to 10,000.'
      : q === 1
        ? 'This image.'
        : `This image and ${formatCount(q - 1)} more like it.`;
  quantityHint.dataset.invalid = String(q === null);
  for (const button of buttons) {
    // As typed, valid or not: Tally's preview then says why nothing will run.
    button.dataset.tallyQuantity = q === null ? quantityField.value.trim() : String(q);
    button.disabled = running || q === null;
  }
}
quantityField.addEventListener('input', bindQuantity);
bindQuantity();

// --- the account --------------------------------------------------------------------------------
async function refreshAccount(withRecent = false) {
  const answer = await loadAccount(settings.as);
  if (!answer.ok) {
    accountCard.dataset.error = 'true';
    for (const field of accountCard.querySelectorAll('[data-field="available"]')) {
      field.textContent = '—';
    }
    opStatus.textContent = `The account could not be loaded: ${answer.error.message}`;
    opStatus.dataset.accountError = 'true';
    return;
  }
  accountCard.dataset.error = 'false';
  // The server is back: a stale "could not be loaded" would say otherwise.
  if (opStatus.dataset.accountError === 'true') {
    opStatus.textContent = '';
    delete opStatus.dataset.accountError;
  }
  snapshot = answer.value.snapshot;
  operationNames = new Map(answer.value.operations.map((op) => [op.id, op.name]));
  showAccount(accountCard, snapshot);
  if (withRecent) {
    const members = new Map(answer.value.members.map((member) => [member.id, member.name]));
    log.showRecent(answer.value.recent, nameOf, (id) => members.get(id));
  }
  showImageMeta();
}
void refreshAccount(true);
// Plan changes made in Tally's dialog or the popup show up here too.
setInterval(() => {
  if (document.visibilityState === 'visible' && !running) void refreshAccount();
}, REFRESH_MS);

// --- running an operation -----------------------------------------------------------------------
for (const button of buttons) {
  button.addEventListener('click', () => void run(button));
}

async function run(button: HTMLButtonElement) {
  const operation = button.dataset.tallyOperation;
  const q = quantity();
  if (operation === undefined || q === null || running) return;
  running = true;
  bindQuantity();
  button.setAttribute('aria-busy', 'true');
  const what = operationLabel(nameOf(operation), q);
  opStatus.dataset.tone = 'busy';
  delete opStatus.dataset.accountError;
  opStatus.textContent = `${what}: asking Tally…`;
  try {
    const outcome = await runOperation(operation, q, settings.as, () => {
      opStatus.textContent = `${what}: waiting for Tally's go-ahead…`;
    });
    if (outcome.kind === 'cancelled') {
      opStatus.dataset.tone = 'cancelled';
      opStatus.textContent = `${what}: cancelled in Tally. Nothing was charged.`;
      log.add({
        tone: 'cancelled',
        what,
        detail: 'cancelled in Tally, nothing charged',
        at: new Date(),
      });
    } else if (outcome.kind === 'refused') {
      const message = refusalMessage(outcome, snapshot?.plan.name ?? 'current');
      opStatus.dataset.tone = 'refused';
      opStatus.textContent = message;
      log.add({
        tone: 'refused',
        what,
        detail: `refused by the server: ${message}`,
        at: new Date(),
      });
    } else {
      const result = applyImageOperation(operation, photo);
      if (result) {
        showImage(result);
        applied.push(operation);
      }
      snapshot = outcome.snapshot;
      showAccount(accountCard, snapshot);
      showImageMeta();
      const cost = entryCost(outcome.entry);
      opStatus.dataset.tone = 'done';
      opStatus.textContent = `${what} done: ${cost}.${result ? '' : ' (Nothing left to work on in this image: Reset it.)'}`;
      log.add({
        tone: 'done',
        what,
        detail: `${cost} · as ${snapshot.member.name}${outcome.askedTally ? '' : ' · no Tally widget answered'}`,
        at: new Date(outcome.entry.at),
      });
    }
  } finally {
    running = false;
    button.removeAttribute('aria-busy');
    bindQuantity();
  }
}
