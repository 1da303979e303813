// The page side's reading of widget answers, without zod (see protocol-schemas.ts for why).
// It checks what the page acts on: the id, the decision and the overage consent. The quote is
// passed on as the widget sent it; the widget built it from a schema-checked API answer.
import { isId, isRecord } from './operation-request.ts';
import type { DecisionDetail, PreflightReceived, WidgetKind } from './protocol.ts';

export function readDecision(json: unknown): DecisionDetail | undefined {
  if (!isRecord(json) || !isId(json.id)) return undefined;
  if (json.decision === 'unavailable') return { id: json.id, decision: 'unavailable' };
  if (json.decision !== 'proceed' && json.decision !== 'cancel') return undefined;
  if (typeof json.overage !== 'boolean' || !isRecord(json.quote)) return undefined;
  if (typeof json.quote.outcome !== 'string' || typeof json.quote.credits !== 'string')
    return undefined;
  return json as DecisionDetail;
}

export function readReceived(json: unknown): PreflightReceived | undefined {
  const kind = readReadyKind(json);
  return isRecord(json) && isId(json.id) && kind ? { id: json.id, kind } : undefined;
}

export function readReadyKind(json: unknown): WidgetKind | undefined {
  return isRecord(json) && (json.kind === 'extension' || json.kind === 'embed')
    ? json.kind
    : undefined;
}
