// Every sentence the extension and the widget show, in American English: the keys every other
// catalogue follows, and what shows where another locale has no message. `{name}` is a value;
// a plural has a sentence per category of the locale's plural rules (Intl.PluralRules).
export const en = {
  // Which catalogue the browser chose (the extension reads it back), and the manifest's words.
  language: 'en',
  extName: 'Tally — credit control',
  extDescription:
    'Your credit balance, the cost of each operation and a clear choice when credits run out.',

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
  ofGranted: 'of {granted} credits',
  resets: 'resets {day}',
  meterLabel: '{available} of {granted} credits available, {held} held, {used} used',
  available: '{amount} available',
  held: '{amount} held',
  used: '{amount} used',
  lowCredits: 'Less than 10% of this term’s credits are left.',
  noPlanCreditsOverage: 'No plan credits left: each operation now needs overage or an upgrade.',
  noCreditsUpgrade: 'No credits left: operations need an upgrade until the term renews.',

  // What the credits still cover.
  remainingOperations: 'Remaining operations',
  enoughFor: 'Enough for',
  creditsEach: '{amount} credits each',

  // Recent activity.
  recentUsage: 'Recent usage',
  recentActivity: 'Recent activity',
  loading: 'Loading…',
  nothingYet: 'Nothing yet this term.',

  // The cost preview.
  previewCovered: '{what} · {credits} · worth {value} of plan credits · {left} left',
  previewOverage: '{what} · {credits} · {over} over · {usd} overage',
  previewCapReached: '{what} · {credits} · {over} over · overage cap reached',
  previewUpgrade: '{what} · {credits} · {over} over · upgrade to go on',
  previewBadQuantity:
    '{name} · quantity {quantity} is not a whole number from 1 to {max}: nothing will run',
  asOf: '{text} · as of {time}',

  // The plan.
  plan: 'Plan',
  perMonth: ' / month',
  listPrice: 'list price ',
  currentTerm: 'Current term',
  dateRange: '{from} – {to}',
  creditsEachMonth: 'Credits each month',
  creditValue: 'Credit value',
  noFee: 'none: the plan has no fee',
  overage: 'Overage',
  perCredit: '{usd} / credit',
  notAllowed: 'not allowed',

  // What a plan change does.
  chargeToday: 'Charge today',
  nothing: 'nothing',
  yourCredits: 'Your credits',
  usableUntil: '{credits}, usable until {date}',
  fromDate: 'From {date}',
  creditsAMonthOn: '{credits} a month on {plan}',
  creditsRolledOver: 'Credits rolled over',
  creditsAfter: 'Credits after',
  nextRenewal: 'Next renewal',
  changePlan: 'Change plan',
  askAdminToChangePlan: 'Ask {admins} (admin) to change the plan.',
  youAreOn: 'You are on {plan} now.',
  plans: 'Plans',
  planOffer: '{price} · {amount} credits',
  workingOut: 'Working out what changes…',
  changing: 'Changing…',
  changeTo: 'Change to {plan} · {usd} today',

  // Planning a batch.
  basketPlanner: 'Basket planner',
  planABatch: 'Plan a batch',
  basketLine: '{count} · {amount} credits',
  basketLineCovered: '{line} · {left} left',
  basketLineOverage: '{line} · {over} over · {usd} overage',
  basketLineUpgrade: '{line} · {over} over · needs an upgrade',
  basketCovered: '{credits} left',
  basketOverage: '{credits} over · {usd} overage',
  basketShort: '{credits} short · upgrade to go on',

  // The upgrade-or-pay-overage dialog.
  noneAvailable: 'none are available',
  creditsAvailable: { one: '{credits} is available', other: '{credits} are available' },
  itCosts: 'It costs {credits} and {available}.',
  capReached: '{costs} This month’s overage cap is reached: upgrade to go on.',
  capOfReached: '{costs} This month’s overage cap of {cap} is reached: upgrade to go on.',
  planHasNoOverage: '{costs} The {plan} plan has no overage: upgrade to go on.',
  pricePerMonth: '{price}/month · {credits} a month',
  creditsAfterUpgrade: '{credits} after',
  renewsAt: 'renews {day} at {price}/month',
  upgradeWorkingOut: 'Upgrade to {plan} · working out the price…',
  upgradeToToday: 'Upgrade to {plan} · {usd} today',
  thisOperation: 'this {name}',
  notEnoughFor: 'Not enough credits for {what}',
  shortBy: 'Short by',
  payOverage: 'Pay {usd} overage and continue',
  overageBilled: '{credits} at {usd} per credit, billed with your plan.',
  askAdminToUpgrade: 'Ask {admins} (admin) to upgrade',
  orUpgradeNow: 'Or upgrade now',
  upgradeToGoOn: 'Upgrade to go on',
  askAdminToUpgradeTo: 'Ask {admins} to upgrade to {plan}',
  youAsked:
    'You asked {admins} to upgrade to {plan}: you will see the new plan here once approved.',
  onlyAdminCanChange: 'Only an admin can change the plan: ask {admins} (admin) to upgrade.',
  cancel: 'Cancel',

  // The overage policy.
  policyAsk: 'Ask each time',
  policyAuto: 'Automatic',
  noCap: 'no cap',
  capUpTo: 'up to {usd} a month',
  capPlaces: 'The monthly cap is in dollars and cents: at most 2 decimal places.',
  capNegative: 'The monthly cap cannot be negative.',
  capUnreadable: 'Write the monthly cap in dollars, like 25 or 25.50, or leave it empty.',
  noOverageOnPlan:
    'Overage is not available on this plan ({plan}): past its credits, operations need an upgrade.',
  overageSaved: 'Saved: {policy}, {cap}.',
  policy: 'Policy',
  monthlyCap: 'Monthly cap',
  thisCycle: 'This cycle',
  creditsAndUsd: '{credits} · {usd}',
  askAdminToChangeIt: 'Ask {admins} (admin) to change it.',
  overagePolicy: 'Overage policy',
  policyAskHint: 'consent per operation',
  policyAutoHint: 'bill without asking',
  capLabel: 'Monthly cap in dollars (empty: no cap)',
  capPlaceholder: 'No cap',
  saving: 'Saving…',
  saveOveragePolicy: 'Save overage policy',

  // Connecting.
  connectToTally: 'Connect to Tally',
  connect: 'Connect',
  apiUrl: 'API URL',
  token: 'Token',
  checking: 'Checking…',
  connectedAs: 'Connected as',
  connectedWho: '({role}) · {account}',
  roleAdmin: 'admin',
  roleMember: 'member',

  // Moving the widget.
  moveTally: 'Move Tally (arrow keys)',
  dragToMove: 'Drag to move',

  // The popup's extension settings.
  editorPagesSaved: 'Saved. Reload open editor pages to apply.',
  disconnected: 'Disconnected: the token was forgotten.',
  editorPagesAndDisconnect: 'Editor pages and disconnect',
  editorPages: 'Editor pages',
  matchPatterns: 'Match patterns, one a line',
  save: 'Save',
  disconnect: 'Disconnect',
  privacyLink: 'Privacy: what Tally keeps and sends',
} as const;
