// What only the extension's popup (and its manifest) says, in American English: the embed
// never loads it. en-widget.ts and en-pages.ts have the rest.
export const enPopup = {
  // Which catalogue the browser chose (the extension reads it back), and the manifest's words.
  language: 'en',
  extName: 'Tally — credit control',
  extDescription:
    'Your credit balance, the cost of each operation and a clear choice when credits run out.',

  // Recent activity.
  recentActivity: 'Recent activity',
  loading: 'Loading…',
  nothingYet: 'Nothing yet this term.',
  activityHeld: 'Held for {what}',
  activityCaptured: '{what} from credits held',
  activityCapturedRest: '{what} from credits held, the rest returned',
  activityReleased: 'Hold released: {what}',
  activityExpired: 'Hold expired: {what}',
  activityOverage: '{line} · {over} as overage',
  // What the calendar and plan changes did (an English reader sees the server's record instead).
  activityNewTerm: 'New term on {plan}',
  activityDormantTerms: { other: '{plan} renewed for {count} terms without activity' },
  activityExpiredUnused: 'Unused credits expired at the end of the term',
  activityExpiredDormant: { other: 'Unused credits expired, {count} terms without activity' },
  activityRollover: 'Balance carried over from {from} to {to}: {left}',
  activityPlanChange: 'Plan changed from {from} to {to}',
  activityPlanChangeKept: 'Plan changed from {from} to {to}: the credits last until the term ends',
  activityWhenBy: '{when} · {who}',
  activityByYou: 'by you',
  activityByName: 'by {name}',
  activityByTeammate: 'by a teammate',
  showMoreActivity: 'Show earlier activity',

  // Planning a batch.
  basketPlanner: 'Basket planner',
  planABatch: 'Plan a batch',
  basketLine: '{count} · {credits}',
  basketLineCovered: '{line} · {left} left',
  basketLineOverage: '{line} · {over} over · {usd} overage',
  basketLineUpgrade: '{line} · {over} over · needs an upgrade',
  basketLineCapReached: '{line} · {over} over · overage cap reached',
  basketLineNoOverage: '{line} · {over} over · no overage on this plan',
  basketCovered: '{credits} left',
  basketOverage: '{credits} over · {usd} overage',
  basketShort: '{credits} short · upgrade to go on',
  basketShortBy: '{credits} short',

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
  noOverageUntil:
    'Overage is not available on this plan ({plan}): past its credits, operations wait for the renewal on {day}.',
  overageSaved: 'Saved: {policy}, {cap}.',
  policy: 'Policy',
  monthlyCap: 'Monthly cap',
  thisCycle: 'This cycle',
  creditsAndUsd: '{credits} · {usd}',
  heldForRunning: 'Held for running operations',
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

  // The popup's extension settings.
  editorPagesSaved: 'Saved. Reload open editor pages to apply.',
  disconnected: 'Disconnected: the token was forgotten.',
  editorPagesAndDisconnect: 'Editor pages and disconnect',
  editorPages: 'Editor pages',
  matchPatterns: 'Match patterns, one a line',
  save: 'Save',
  disconnect: 'Disconnect',
  privacyLink: 'Privacy: what Tally keeps and sends',

  // The popup.
  whoConnected: '{name} ({role}) · {account}',
  tokenRefused: 'This token was refused. Connect again to see your credits.',
  hideConnection: 'Hide connection',
  connectionSettings: 'Connection settings',

  // The toolbar, the notifications and the worker's reasons.
  badgeConnect: 'Tally: connect',
  badgeReconnect: 'Tally: reconnect',
  badgeSyncing: 'Tally: syncing',
  badgeAvailable: {
    one: 'Tally: {amount} credit available',
    other: 'Tally: {amount} credits available',
  },
  badgeOffline: '{title} (offline)',
  badgeRequestsWaiting: {
    one: '{title}; 1 upgrade request waiting',
    other: '{title}; {count} upgrade requests waiting',
  },
  requestNoticeTitle: 'Tally: upgrade request',
  requestNoticeOne: 'A member of {account} asks to upgrade. Open Tally to approve or decline.',
  requestNoticeMany: '{count} upgrade requests of {account} are waiting. Open Tally to answer.',
  alertExhaustedTitle: 'Tally: no credits left',
  alertExhaustedMessage:
    '{account} has used all of this term’s credits. Open Tally to see your options.',
  alertTitle: 'Tally: credits below {percent} %',
  alertMessage:
    '{account} has {credits} left, {percent} % of this term’s or less. Open Tally to see the pace.',
  accessRemoved:
    'Your access to {account} was removed. Ask its admin for a new token to reconnect.',
  serverAnswered: 'The billing server answered {status}: {message}',
  cannotReachServer: 'Cannot reach the billing server.',
  consentFrameTitle: 'Tally: confirm the charge',
  consentGone: 'This request is no longer open: run the operation again from the editor.',
  notAllowedHere: 'Tally answers only its own pages and the editor pages set in its settings.',
  tokenNotAccepted: '{url} did not accept this token. Check it and try again.',
  cannotReach: 'Cannot reach {url}.',
} as const;
