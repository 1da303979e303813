// How the UI names what a snapshot and the catalogue hold: operations and the account's admins.
import type { Snapshot } from '../api/schemas/snapshot.ts';
import type { Operation, OperationId, Plan, PlanId } from '../billing/types.ts';
import type { Messages } from '../i18n/messages.ts';

export interface OperationNames {
  name: string;
  /** "Smart Crops": the catalogue holds English singular names. */
  plural: string;
}

/** Until the catalogue arrives the id reads well enough: "smart-crop" → "Smart Crop". */
function nameFromId(id: OperationId): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** What names the operations: the catalogue, or nothing yet. */
export type OperationCatalog = { readonly operations: readonly Operation[] } | null;

export function operationNames(catalog: OperationCatalog, id: OperationId): OperationNames {
  const name = catalog?.operations.find((operation) => operation.id === id)?.name ?? nameFromId(id);
  return { name, plural: /(s|x|ch|sh)$/.test(name) ? `${name}es` : `${name}s` };
}

/** A plan's name in the catalogue's plans; undefined for no id, or one they do not have. */
export function planNamed(
  plans: readonly Plan[] | undefined,
  id: PlanId | undefined,
): string | undefined {
  return id === undefined ? undefined : plans?.find((plan) => plan.id === id)?.name;
}

/** "1 Smart Crop", "384 Smart Crops"; "384 × Smart Crop" where English plurals do not apply. */
export function countOf(count: number, names: OperationNames, m: Messages): string {
  return m.tn('operationCount', count, { name: names.name, plural: names.plural });
}

/** Whom a member asks to change the plan: "Ada", "Ada or Ben"; "your admin" when unknown. */
export function adminNames(snapshot: Snapshot, m: Messages): string {
  const names = snapshot.account.admins.map((admin) => admin.name);
  const last = names.pop();
  if (last === undefined) return m.t('yourAdmin');
  return names.length === 0
    ? last
    : m.t('eitherAdmin', { names: names.join(m.t('listSeparator')), last });
}
