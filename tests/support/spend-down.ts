import type { ApiClient } from '../../lib/api/client.ts';
import { maxOperations } from '../../lib/billing/capacity.ts';
import { MAX_QUANTITY } from '../../lib/billing/quantity.ts';
import type { OperationId } from '../../lib/billing/types.ts';

/**
 * Uses `operation` through the API until not one more fits in the available credits (at most
 * 10,000 a request, as the API allows); answers what is left.
 */
export async function spendDown(client: ApiClient, operation: OperationId): Promise<string> {
  for (;;) {
    const { plan, credits } = await client.me();
    const fits = maxOperations(plan, credits.available, operation);
    if (fits === 0) return credits.available;
    await client.recordUsage({ operation, quantity: Math.min(fits, MAX_QUANTITY) });
  }
}
