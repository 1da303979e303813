import type { Catalogue } from '../messages.ts';

// German. Operation names come from the vendor's catalogue in English ("Smart Crop"), and an
// English noun takes no German plural ending: a count says "3 × Smart Crop".
// What every widget shows at once (en-widget.ts has the English).
export const deWidget: Catalogue = {
  credits: { one: '{count} Credit', other: '{count} Credits' },
  operationCount: { one: '{count} × {name}', other: '{count} × {name}' },
  quantityOf: '{count} × {name}',
  notConnected: 'nicht verbunden',
  reconnectNeeded: 'neu verbinden nötig',
  updateNeeded: 'Update nötig',
  offline: 'offline',
  offlineSince: 'offline seit {time}',
  syncing: 'wird synchronisiert…',
  syncedAgoSyncing: 'synchronisiert {ago} · wird synchronisiert…',
  synced: 'synchronisiert',
  syncedAgo: 'synchronisiert {ago}',
  justNow: 'gerade eben',
  secondsAgo: 'vor {count} s',
  minutesAgo: 'vor {count} min',
  hoursAgo: 'vor {count} h',
  daysAgo: 'vor {count} T.',
  retry: 'Erneut versuchen',
  reconnect: 'Neu verbinden',
  yourAdmin: 'Ihren Admin',
  eitherAdmin: '{names} oder {last}',
  listSeparator: ', ',
  upgradeReceipt:
    '{account} ist auf {plan}: {charged} berechnet, {credits}, verlängert sich am {day} zu {price}/Monat',
  overageReceipt: '{account} hat {usd} Mehrverbrauch bezahlt: {credits} für {what}',
  dismissReceipt: 'Beleg schließen',
  creditBalance: 'Credit-Guthaben',
  panelLabel: 'Credits im Detail',
  ofGranted: { one: 'von {count} Credit', other: 'von {count} Credits' },
  resets: 'erneuert am {day}',
  meterLabel: '{available} von {granted} Credits verfügbar, {held}, {used}',
  available: { other: '{count} verfügbar' },
  held: { other: '{count} reserviert' },
  used: { other: '{count} verbraucht' },
  lowCredits: 'Weniger als 10 % der Credits dieser Laufzeit sind übrig.',
  noPlanCreditsOverage:
    'Keine Plan-Credits mehr: Jede Operation braucht jetzt Mehrverbrauch oder ein Upgrade.',
  noPlanCreditsOverageOnly: 'Keine Plan-Credits mehr: Jede Operation braucht jetzt Mehrverbrauch.',
  noCreditsUpgrade:
    'Keine Credits mehr: Operationen brauchen ein Upgrade, bis sich die Laufzeit erneuert.',
  noCreditsUntil: 'Keine Credits mehr bis zur Erneuerung am {day}.',
  noCreditsCapUpgrade:
    'Keine Credits mehr und das Mehrverbrauchslimit dieses Monats ist erreicht: Operationen brauchen ein Upgrade oder ein höheres Limit.',
  noCreditsCapUntil:
    'Keine Credits mehr und das Mehrverbrauchslimit dieses Monats ist erreicht: Operationen brauchen ein höheres Limit oder warten auf die Erneuerung am {day}.',
  remainingOperations: 'Verbleibende Operationen',
  enoughFor: 'Reicht für',
  creditsEach: { one: 'je {count} Credit', other: 'je {count} Credits' },
  previewCovered: '{what} · {credits} · Plan-Credits im Wert von {value} · {left} übrig',
  previewOverage: '{what} · {credits} · {over} darüber · {usd} Mehrverbrauch',
  previewCapReached: '{what} · {credits} · {over} darüber · Mehrverbrauchslimit erreicht',
  previewUpgrade: '{what} · {credits} · {over} darüber · Upgrade zum Weitermachen',
  previewNoOverage: '{what} · {credits} · {over} darüber · kein Mehrverbrauch in diesem Plan',
  previewBadQuantity:
    '{name} · Menge {quantity} ist keine ganze Zahl von 1 bis {max}: Nichts wird ausgeführt',
  asOf: '{text} · Stand {time}',
  moveTally: 'Tally verschieben (Pfeiltasten)',
  dragToMove: 'Zum Verschieben ziehen',

  notSetUp: 'Tally ist nicht eingerichtet',
  notSetUpBody: 'Dieses Widget braucht die Adresse der Billing-API.',
  unreachable: 'Billing nicht erreichbar',
  unreachableBody:
    'Ihre Credits können gerade nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  sessionExpired: 'Sitzung abgelaufen',
  sessionExpiredBody: 'Melden Sie sich erneut an, um Ihre Credits zu sehen.',
  needsUpdate: 'Tally braucht ein Update',
  needsUpdateBody:
    'Billing hat in einer Form geantwortet, die diese Version nicht lesen kann. Laden Sie die Seite neu.',
  retrying: 'Neuer Versuch…',
  partNotLoaded: 'Dieser Teil von Tally konnte nicht geladen werden. Laden Sie die Seite neu.',
  loadingCredits: 'Ihre Credits werden geladen…',

  reconnectTally: 'Tally neu verbinden',
  connectTally: 'Tally verbinden',
  tallyOffline: 'Tally offline',
  tallyLoading: 'Tally…',
  noCreditsLeft: 'Keine Credits mehr',
  noteOffline: 'offline',
  noteLow: 'knapp',
  runsOut: 'reicht bis {day}',
  chipTitle: 'Tally: {freshness}',
  paceRunsOut:
    'Bei diesem Tempo ({pace} pro Tag) reichen Ihre Credits bis {day}; sie erneuern sich am {renews}.',
  paceLasts: 'Bei diesem Tempo reichen Ihre Credits über die Erneuerung am {renews} hinaus.',

  yourAccount: 'Ihr Konto',
  bannerExhausted: '{account} hat keine Credits mehr',
  bannerLow: '{account} ist bei {percent} % der Credits dieser Laufzeit: {amount} übrig',
  dismiss: 'Schließen',
};
