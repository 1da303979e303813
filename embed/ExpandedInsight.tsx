import { useState } from 'preact/hooks';
import { FiredAlerts } from '../components/FiredAlerts.tsx';
import { PaceLine } from '../components/PaceLine.tsx';
import { PlanAdvice } from '../components/PlanAdvice.tsx';
import { PlanChange } from '../components/PlanChange.tsx';
import type { PlanId } from '../lib/billing/types.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import type { TeamPort } from '../lib/store/team-port.ts';

/**
 * The expanded layout's insight (docs/billing.md): the pace, this term's alerts, and the plan advice
 * with its one click, the plan-change preview for an admin (shown only once asked for, the
 * panel has no plan picker otherwise) and the upgrade request for a member.
 */
export function ExpandedInsight({ model, team }: { model: CreditModel; team: TeamPort }) {
  const [proposed, setProposed] = useState<PlanId | null>(null);
  return (
    <>
      <div class="t-embed-pace">
        <PaceLine model={model} />
      </div>
      <FiredAlerts model={model} />
      <PlanAdvice model={model} onPreview={setProposed} team={team} />
      {proposed && <PlanChange model={model} proposed={proposed} />}
    </>
  );
}
