import { useMemo, useState } from 'preact/hooks';
import type { PlanId } from '../lib/billing/types.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { sharingLoads, type TeamPort } from '../lib/store/team-port.ts';
import { BalanceMeter } from './BalanceMeter.tsx';
import { BasketPlanner } from './BasketPlanner.tsx';
import { ConnectForm, type Connection } from './ConnectForm.tsx';
import { FiredAlerts } from './FiredAlerts.tsx';
import { Freshness } from './Freshness.tsx';
import { useMessages } from './messages-context.ts';
import { OveragePolicy } from './OveragePolicy.tsx';
import { PaceLine } from './PaceLine.tsx';
import { PlanAdvice } from './PlanAdvice.tsx';
import { PlanCard } from './PlanCard.tsx';
import { PlanChange } from './PlanChange.tsx';
import { RecentUsage } from './RecentUsage.tsx';
import { RemainingOperations } from './RemainingOperations.tsx';
import { TeamPanel } from './TeamPanel.tsx';
import { UsageThisTerm } from './UsageThisTerm.tsx';

interface PopupProps {
  model: CreditModel;
  onConnect?(apiUrl: string, token: string): Promise<Connection>;
  apiUrl?: string | undefined;
  theme?: 'light' | 'dark' | undefined;
  /** The team and its upgrade requests; without it a member is told whom to ask. */
  team?: TeamPort | undefined;
}

/** The extension popup: the balance first (from the cache), then what it buys and the plan. */
export function Popup({ model, onConnect, apiUrl, theme, team: port }: PopupProps) {
  const m = useMessages();
  // The parts that read the team on a new version usually share one read (sharingLoads).
  const team = useMemo(() => port && sharingLoads(port), [port]);
  const [settings, setSettings] = useState(false);
  const [proposed, setProposed] = useState<PlanId | null>(null);
  const status = model.status.value;
  const snapshot = model.snapshot.value;
  const disconnected = status === 'unconfigured' || status === 'unauthorized';

  const connectWith =
    (onConnect: NonNullable<PopupProps['onConnect']>) => async (url: string, token: string) => {
      const connection = await onConnect(url, token);
      setSettings(false);
      return connection;
    };

  return (
    <div class="tally t-popup" data-theme={theme}>
      <header class="t-popup__header">
        <span class="t-brand">Tally</span>
        <Freshness model={model} onReconnect={() => setSettings(true)} />
      </header>
      {snapshot && !disconnected && (
        <p class="t-muted t-popup__who">
          {m.t('whoConnected', {
            name: snapshot.member.name,
            role: m.t(snapshot.member.role === 'admin' ? 'roleAdmin' : 'roleMember'),
            account: snapshot.account.name,
          })}
        </p>
      )}
      {status === 'unauthorized' && (
        <p class="t-alert t-popup__alert" role="alert">
          {/* The worker says why: a token that worked and was revoked says so by name. */}
          {model.error.value || m.t('tokenRefused')}
        </p>
      )}
      {(disconnected || settings) && onConnect && (
        <ConnectForm onConnect={connectWith(onConnect)} apiUrl={apiUrl} />
      )}
      {!disconnected &&
        (snapshot ? (
          <>
            <BalanceMeter model={model} />
            <PaceLine model={model} />
            <FiredAlerts model={model} />
            <PlanAdvice model={model} onPreview={setProposed} team={team} />
            <RemainingOperations model={model} />
            <BasketPlanner model={model} />
            <PlanCard model={model} />
            <OveragePolicy model={model} />
            <UsageThisTerm model={model} load={model.usageSummary} />
            <RecentUsage model={model} team={team} />
            {(!team || snapshot.member.role === 'admin') && (
              <PlanChange model={model} proposed={proposed} />
            )}
            {team && <TeamPanel model={model} team={team} />}
          </>
        ) : (
          <p class="t-section t-muted">{m.t('loadingCredits')}</p>
        ))}
      {!disconnected && onConnect && (
        <footer class="t-section">
          <button
            type="button"
            class="t-button t-button--quiet"
            aria-expanded={settings}
            onClick={() => setSettings(!settings)}
          >
            {m.t(settings ? 'hideConnection' : 'connectionSettings')}
          </button>
        </footer>
      )}
    </div>
  );
}
