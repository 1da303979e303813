import type { Catalogue } from '../messages.ts';

// French. Operation names come from the vendor's catalogue in English ("Smart Crop"): a count
// says "3 × Smart Crop". French takes the singular below 2, "1,5 crédit" included.
// What every widget shows at once (en-widget.ts has the English).
export const frWidget: Catalogue = {
  credits: { one: '{count} crédit', many: '{count} de crédits', other: '{count} crédits' },
  operationCount: { one: '{count} × {name}', other: '{count} × {name}' },
  quantityOf: '{count} × {name}',
  notConnected: 'non connecté',
  reconnectNeeded: 'reconnexion nécessaire',
  updateNeeded: 'mise à jour nécessaire',
  offline: 'hors ligne',
  offlineSince: 'hors ligne depuis {time}',
  syncing: 'synchronisation…',
  syncedAgoSyncing: 'synchronisé {ago} · synchronisation…',
  synced: 'synchronisé',
  syncedAgo: 'synchronisé {ago}',
  justNow: 'à l’instant',
  secondsAgo: 'il y a {count} s',
  minutesAgo: 'il y a {count} min',
  hoursAgo: 'il y a {count} h',
  daysAgo: 'il y a {count} j',
  retry: 'Réessayer',
  reconnect: 'Se reconnecter',
  yourAdmin: 'votre admin',
  eitherAdmin: '{names} ou {last}',
  listSeparator: ', ',
  upgradeReceipt:
    '{account} est sur {plan} : {charged} facturés, {credits}, renouvellement le {day} à {price}/mois',
  overageReceipt: '{account} a payé {usd} de dépassement : {credits} pour {what}',
  dismissReceipt: 'Fermer le reçu',
  creditBalance: 'Solde de crédits',
  panelLabel: 'Détail des crédits',
  ofGranted: { one: 'sur {count} crédit', other: 'sur {count} crédits' },
  resets: 'renouvelé le {day}',
  meterLabel: '{available} sur {granted} crédits disponibles, {held}, {used}',
  available: { one: '{count} disponible', other: '{count} disponibles' },
  held: { one: '{count} réservé', other: '{count} réservés' },
  used: { one: '{count} utilisé', other: '{count} utilisés' },
  lowCredits: 'Il reste moins de 10 % des crédits de cette période.',
  noPlanCreditsOverage:
    'Plus de crédits du forfait : chaque opération demande maintenant un dépassement ou une mise à niveau.',
  noPlanCreditsOverageOnly:
    'Plus de crédits du forfait : chaque opération demande maintenant un dépassement.',
  noCreditsUpgrade:
    'Plus de crédits : les opérations demandent une mise à niveau jusqu’au renouvellement.',
  noCreditsUntil: 'Plus de crédits jusqu’au renouvellement du {day}.',
  noCreditsCapUpgrade:
    'Plus de crédits et le plafond de dépassement de ce mois est atteint : les opérations demandent une mise à niveau ou un plafond plus élevé.',
  noCreditsCapUntil:
    'Plus de crédits et le plafond de dépassement de ce mois est atteint : les opérations demandent un plafond plus élevé ou attendent le renouvellement du {day}.',
  remainingOperations: 'Opérations restantes',
  enoughFor: 'De quoi faire',
  creditsEach: { one: '{count} crédit chacune', other: '{count} crédits chacune' },
  previewCovered: '{what} · {credits} · {value} de crédits du forfait · reste {left}',
  previewOverage: '{what} · {credits} · {over} au-delà · {usd} de dépassement',
  previewCapReached: '{what} · {credits} · {over} au-delà · plafond de dépassement atteint',
  previewUpgrade: '{what} · {credits} · {over} au-delà · mise à niveau nécessaire',
  previewNoOverage: '{what} · {credits} · {over} au-delà · pas de dépassement sur ce forfait',
  previewBadQuantity:
    '{name} · la quantité {quantity} n’est pas un nombre entier de 1 à {max} : rien ne sera lancé',
  asOf: '{text} · à {time}',
  moveTally: 'Déplacer Tally (touches fléchées)',
  dragToMove: 'Glisser pour déplacer',

  notSetUp: 'Tally n’est pas configuré',
  notSetUpBody: 'Ce widget a besoin de l’adresse de l’API de facturation.',
  unreachable: 'Facturation injoignable',
  unreachableBody:
    'Vos crédits ne peuvent pas être chargés pour l’instant. Vérifiez votre connexion et réessayez.',
  sessionExpired: 'Session expirée',
  sessionExpiredBody: 'Reconnectez-vous pour voir vos crédits.',
  needsUpdate: 'Tally doit être mis à jour',
  needsUpdateBody:
    'La facturation a répondu sous une forme que cette version ne sait pas lire. Rechargez la page.',
  retrying: 'Nouvel essai…',
  partNotLoaded: 'Cette partie de Tally n’a pas pu être chargée. Rechargez la page pour réessayer.',
  loadingCredits: 'Chargement de vos crédits…',

  reconnectTally: 'Reconnecter Tally',
  connectTally: 'Connecter Tally',
  tallyOffline: 'Tally hors ligne',
  tallyLoading: 'Tally…',
  noCreditsLeft: 'Plus de crédits',
  noteOffline: 'hors ligne',
  noteLow: 'bas',
  runsOut: 'épuisé le {day}',
  chipTitle: 'Tally : {freshness}',
  paceRunsOut:
    'À ce rythme ({pace} par jour), vos crédits durent jusqu’au {day} ; ils se renouvellent le {renews}.',
  paceLasts: 'À ce rythme, vos crédits dureront au-delà du renouvellement du {renews}.',

  yourAccount: 'Votre compte',
  bannerExhausted: '{account} n’a plus de crédits',
  bannerLow: '{account} est à {percent} % des crédits de cette période : il en reste {amount}',
  dismiss: 'Fermer',
};
