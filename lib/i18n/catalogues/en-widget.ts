// What every widget shows at once, in American English: the chip, its panel, the cost preview
// and the credit model's own sentences. The embed carries this part in the script every page
// loads; the rest (the dialog, the expanded layout, the popup) is in en-pages.ts. `{name}` is a
// value; a plural has a sentence per category of the locale's plural rules (Intl.PluralRules).
export const enWidget = {
  // Numbers with their unit.
  credits: { one: '{count} credit', other: '{count} credits' },
  operationCount: { one: '{count} {name}', other: '{count} {plural}' },
  quantityOf: '{count} × {name}',

  // How fresh the numbers are.
  notConnected: 'not connected',
  reconnectNeeded: 'reconnect needed',
  updateNeeded: 'update needed',
  offline: 'offline',
  offlineSince: 'offline since {time}',
  syncing: 'syncing…',
  syncedAgoSyncing: 'synced {ago} · syncing…',
  synced: 'synced',
  syncedAgo: 'synced {ago}',
  justNow: 'just now',
  secondsAgo: '{count} s ago',
  minutesAgo: '{count} min ago',
  hoursAgo: '{count} h ago',
  daysAgo: '{count} d ago',
  retry: 'Retry',
  reconnect: 'Reconnect',

  // Whom a member asks.
  yourAdmin: 'your admin',
  eitherAdmin: '{names} or {last}',
  listSeparator: ', ',

  // Receipts.
  upgradeReceipt:
    '{account} is on {plan}: {charged} charged, {credits}, renews {day} at {price}/month',
  overageReceipt: '{account} paid {usd} overage: {credits} for {what}',
  dismissReceipt: 'Dismiss receipt',

  // The balance.
  creditBalance: 'Credit balance',
  panelLabel: 'Credits in detail',
  ofGranted: { one: 'of {count} credit', other: 'of {count} credits' },
  resets: 'resets {day}',
  meterLabel: '{available} of {granted} credits available, {held}, {used}',
  available: { other: '{count} available' },
  held: { other: '{count} held' },
  used: { other: '{count} used' },
  lowCredits: 'Less than 10% of this term’s credits are left.',
  noPlanCreditsOverage: 'No plan credits left: each operation now needs overage or an upgrade.',
  noPlanCreditsOverageOnly: 'No plan credits left: each operation now needs overage.',
  noCreditsUpgrade: 'No credits left: operations need an upgrade until the term renews.',
  noCreditsUntil: 'No credits left until the term renews on {day}.',
  noCreditsCapUpgrade:
    'No credits left and this month’s overage cap is reached: operations need an upgrade or a higher cap.',
  noCreditsCapUntil:
    'No credits left and this month’s overage cap is reached: operations need a higher cap or wait for the renewal on {day}.',

  // What the credits still cover.
  remainingOperations: 'Remaining operations',
  enoughFor: 'Enough for',
  creditsEach: { one: '{count} credit each', other: '{count} credits each' },

  // The cost preview.
  previewCovered: '{what} · {credits} · worth {value} of plan credits · {left} left',
  previewOverage: '{what} · {credits} · {over} over · {usd} overage',
  previewCapReached: '{what} · {credits} · {over} over · overage cap reached',
  previewUpgrade: '{what} · {credits} · {over} over · upgrade to go on',
  previewNoOverage: '{what} · {credits} · {over} over · no overage on this plan',
  previewBadQuantity:
    '{name} · quantity {quantity} is not a whole number from 1 to {max}: nothing will run',
  asOf: '{text} · as of {time}',

  // Moving the widget.
  moveTally: 'Move Tally (arrow keys)',
  dragToMove: 'Drag to move',

  // The embed's notices, instead of numbers.
  notSetUp: 'Tally is not set up',
  notSetUpBody: 'This widget needs the billing API address.',
  unreachable: 'Cannot reach billing',
  unreachableBody: 'Your credits can’t be loaded right now. Check your connection and try again.',
  sessionExpired: 'Session expired',
  sessionExpiredBody: 'Sign in again to see your credits.',
  needsUpdate: 'Tally needs an update',
  needsUpdateBody:
    'Billing answered in a form this version can’t read. Reload the page to get the latest.',
  retrying: 'Retrying…',
  partNotLoaded: 'This part of Tally could not be loaded. Reload the page to try again.',
  loadingCredits: 'Loading your credits…',

  // The chip, and the pace of use.
  reconnectTally: 'Reconnect Tally',
  connectTally: 'Connect Tally',
  tallyOffline: 'Tally offline',
  tallyLoading: 'Tally…',
  noCreditsLeft: 'No credits left',
  noteOffline: 'offline',
  noteLow: 'low',
  runsOut: 'runs out {day}',
  chipTitle: 'Tally: {freshness}',
  paceRunsOut: 'At this pace ({pace} a day) your credits last until {day}; they renew {renews}.',
  paceLasts: 'At this pace your credits last past the renewal on {renews}.',

  // The embed's low-balance banner.
  yourAccount: 'Your account',
  bannerExhausted: '{account} has no credits left',
  bannerLow: '{account} is down to {percent} % of this term’s credits: {amount} left',
  dismiss: 'Dismiss',
} as const;
