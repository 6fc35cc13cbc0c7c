// Every export of src/app, each either a use case with the attacks it must withstand or a part that
// is no door to state, with why. exports.test.ts fails when an export is missing here.
import type { Attack } from './probe.js';
import { DELIBERATION_ATTACKS } from './attacks/deliberation.js';
import { FILE_ATTACKS } from './attacks/files.js';
import { LOGISTICS_ATTACKS } from './attacks/logistics.js';
import { MEETING_ATTACKS } from './attacks/meetings.js';
import { NOTIFY_ATTACKS } from './attacks/notify.js';
import { PLANNING_FEED_ATTACKS } from './attacks/planning-feeds.js';
import { REQUEST_ATTACKS } from './attacks/requests.js';
import { SUMMIT_ATTACKS } from './attacks/summit.js';

/** Use cases, as `module#export` (an entity's as `module#name.op`), with their attacks. */
export const USE_CASES: Record<string, Attack[]> = {
  ...REQUEST_ATTACKS,
  ...DELIBERATION_ATTACKS,
  ...MEETING_ATTACKS,
  ...LOGISTICS_ATTACKS,
  ...FILE_ATTACKS,
  ...SUMMIT_ATTACKS,
  ...PLANNING_FEED_ATTACKS,
  ...NOTIFY_ATTACKS,
};

const RULE = 'an authorisation rule the use cases apply; tested through them';
const PART = 'a step inside a use case’s transaction (takes a Tx or pure data, no actor): no door of its own';
const ACCOUNT =
  'an account use case of the operator (CLI) or of the signed-in user on their own account (HTTP): no actor, no summit record';

/** Exports that are not use cases, and why they need no attack of their own. */
export const NOT_USE_CASES: Record<string, string> = {
  'access.ts#actingDelegation': RULE,
  'access.ts#canReadScope': RULE,
  'access.ts#canSeeRequest': RULE,
  'access.ts#participates': RULE,
  'access.ts#partiesScope': RULE,
  'access.ts#requireCapability': RULE,
  'access.ts#requireParticipant': RULE,
  'access.ts#requireVisibleRequest': RULE,
  'whole-word.ts#wholeWord': 'a text pattern the redactions use; tested through them',
  'validate.ts#parseInput': 'input validation',
  'validate.ts#pathOf': 'input validation',
  'validate.ts#shapeCode': 'input validation',
  'requests/terms.ts#requireValidTerms':
    'the request rules applied inside requestMeeting and editRequest (takes a Tx, no actor); tested through them',
  'requests/terms.ts#termsWarnings':
    'what requestMeeting and getRequest tell a request that stands (rank parity under warn); tested through them',
  'context.ts#appContext': 'builds the context every use case receives',
  'events/record.ts#recordEvent': PART,
  'events/record.ts#writeWithEvents': PART,
  'requests/write.ts#saveRequest': PART,
  'summit/load.ts#loadSummitData': PART,
  'summit/names.ts#namesFor':
    'the names a reader may read, from data a use case loaded under its own authorisation (pure); tested through checkPlacement',
  'summit/principals.ts#requirePrincipals':
    'pure: a refusal exportSummitFile and listEncounters apply; tested through them',
  'summit/creator.ts#grantCreatorHostAdmin': PART,
  'summit/resolve.ts#resolveSummit': 'names the summit an operator command acts on (CLI, no actor)',
  'meetings/place.ts#requireMeeting': PART,
  'meetings/rules.ts#requireFeasible': PART,
  'meetings/rules.ts#violationsOf': PART,
  'planning/diff.ts#diffPlan': PART,
  'planning/plan.ts#planningInput': PART,
  'planning/plan.ts#planningInputFor': PART,
  'planning/plan.ts#jobPlanner':
    'the view planning jobs stored before 0009 were made in (a host planner’s): pure',
  'planning/plan.ts#plannerSnapshot': 'what a planning job keeps of its starter’s grants: pure',
  'planning/plan.ts#plannerOfJob': 'the view a planning job is made in, read from the job: pure',
  'meetings/standing.ts#placementOf': 'pure: a meeting as the checker takes it',
  'meetings/standing.ts#meetingsInForce': 'pure: the meetings still to take place',
  'meetings/standing.ts#fixedBy': 'pure: why a meeting keeps its slot',
  'meetings/standing.ts#violationKey': 'pure: a violation’s identity',
  'meetings/standing.ts#standingViolations': 'pure: the rules meetings break where they stand',
  'meetings/standing.ts#describeMeeting': 'pure: a meeting in words, for a reader who may see it',
  'meetings/guard.ts#guardMeetings':
    'a step inside the logistics and summit writes’ transactions (takes a Tx); tested through them and test/app/meetings',
  'meetings/guard.ts#touchBoth': 'pure: what two versions of a record bear on',
  'meetings/broken.ts#flagBroken': PART,
  'meetings/broken.ts#mendBroken': PART,
  'meetings/broken.ts#settleBrokenFlags': PART,
  'meetings/notices.ts#putNotice': PART,
  'meetings/notices.ts#dropNotice': PART,
  'meetings/notices.ts#currentNotices': PART,
  'meetings/notices.ts#noticeOf': 'pure: one kind of notice among a request’s',
  'meetings/readers.ts#readersOf': RULE,
  'meetings/readers.ts#redactForReaders': RULE,
  'meetings/readers.ts#everyReaderSees': RULE,
  'meetings/bumps.ts#recordBumps': PART,
  'auth/users.ts#listUsers': ACCOUNT,
  'auth/users.ts#createUserWithCheckedPassword': ACCOUNT,
  'files/meetings-csv.ts#readableMeetings':
    'the filter meetingsCsv and summitWorkbook apply (pure data); tested through them',
  'meetings/deadline-runner.ts#startDeadlineSweeper':
    'sweeps every summit’s deadlines as the system, from the server’s timer: no actor',
  'meetings/bumps.ts#noticeSlot': 'pure: a placement as the slot a notice keeps',
  'meetings/notice-view.ts#noticesSeenBy':
    'the filter getRequest applies to a meeting’s notices (takes a Tx); tested through it (bump-notices.test.ts)',
  'meetings/presence-bumps.ts#brokenByPresence': 'pure: whether a presence broke a meeting',
  'meetings/presence-bumps.ts#takeOffForPresence': PART,
  'meetings/standing.ts#spanOf': 'pure: a slot in the summit’s zone',
  'planning/bump-reasons.ts#whyBumped': 'pure: why a plan moved or took off each meeting',
  'planning/frozen.ts#noticePeriodBroken': 'pure: the meetings inside the notice period a plan moves',
  'planning/frozen.ts#planningMoment': 'pure: the moment a plan is made at',
  'planning/jobs.ts#storedPlan': 'pure: a stored plan read with the keys older plans lack',
  'planning/run-settings.ts#hasSchedule': 'pure: whether a summit has meetings a plan would keep',
  'planning/run-settings.ts#resolveRun': 'pure: the mode and move policy a planning run gets',
  'planning/run-settings.ts#storedSettings':
    'pure: a planning request’s schedule settings as a job stores them',
  'planning/judge.ts#judgePlan': 'pure: what a plan breaks of its own doing; tested through acceptPlan',
  'planning/judge.ts#planRefusal':
    'pure: the refusal of a plan, worded for its writer; tested through acceptPlan and acceptPlanJob',
  'meetings/placer.ts#requireMayPlaceAny': RULE,
  'meetings/placer.ts#placerOf': RULE,
  'meetings/placer.ts#placerActing': RULE,
  'planning/occupancy.ts#withHiddenAsOccupancy':
    'what planningInputFor does with requests the planner may not see (pure data); tested through proposePlan and jobs',
  'planning/plan-view.ts#hiddenRequests': RULE,
  'planning/plan-view.ts#speaksOf': 'pure: whether a plan names a request hidden from its reader',
  'planning/plan-view.ts#planSeenBy':
    'the filter proposalSeenBy applies; tested through proposePlan and readPlanJob',
  'events/seen.ts#eventSeenBy': 'the filter readEventLog and LiveEvents apply; tested through them',
  'events/seen.ts#LOG_PAGE': 'a page size',
  'events/seen.ts#readLogPage': PART,
  'logistics/in-use.ts#refuseWhileInUse':
    'the refusal the logistics remove use cases apply; tested through them',
  'logistics/in-use.ts#roomReferrers': PART,
  'logistics/in-use.ts#venueReferrers': PART,
  'logistics/in-use.ts#delegationReferrers': PART,
  'logistics/in-use.ts#personReferrers': PART,
  'files/export-summit.ts#visibleSummitData': 'the filter exportSummitFile applies; tested through it',
  'files/keep-hidden.ts#keepHidden':
    'what importIntoSummit keeps inside its transaction (pure data); tested through it',
  'files/authorise-import.ts#authoriseImport':
    'what every import into a summit asks of each change inside its transaction (pure data); tested through them (import-forgery.test.ts)',
  'files/authorise-import.ts#fileLocation': 'pure: how refusals name a record of a summit file',
  'files/authorise-import.ts#content': 'pure: a record as comparable text',
  'files/import-requests-csv.ts#mayImportRequests': RULE,
  'files/import-requests-csv.ts#requireRequestImporter': RULE,
  'logistics/specs.ts#hostManages': RULE,
  'logistics/specs.ts#delegationOrHost': RULE,
  'logistics/specs.ts#busyOwnerActs': RULE,
  'logistics/specs.ts#busyIdIssues': RULE,
  'logistics/specs.ts#delegationChange': RULE,
  'requests/request-meeting.ts#requestIdIssues': RULE,
  'files/sync.ts#runSync': PART,
  'files/sync.ts#syncStep': PART,
  'logistics/entity.ts#entityUseCases': 'builds the logistics use cases of specs.ts, attacked one by one',
  'auth/actor.ts#actorFor': PART,
  'auth/context.ts#createAuthContext': 'builds the context of the account use cases',
  'auth/demo-accounts.ts#createDemoAccounts': 'operator tool run once by `sideline serve` on a first start',
  'auth/demo-accounts.ts#demoAccounts':
    'lists the demo accounts createDemoAccounts makes (reads delegations only)',
  'auth/demo-accounts.ts#demoAccountsFor': 'pure: the demo accounts for a list of delegations',
  'auth/demo-accounts.ts#newDemoPassword': 'random secret',
  'auth/password-policy.ts#checkPasswordPolicy': 'pure rule',
  'auth/password.ts#dummyHash': 'hashing',
  'auth/password.ts#hashPassword': 'hashing',
  'auth/password.ts#verifyPassword': 'hashing',
  'auth/secrets.ts#derive': 'hashing',
  'auth/secrets.ts#randomSecret': 'hashing',
  'auth/secrets.ts#sameSecret': 'hashing',
  'auth/secrets.ts#sha256Hex': 'hashing',
  'auth/sessions.ts#csrfTokenFor': 'hashing',
  'auth/sessions.ts#login': 'sign-in: credentials, not an actor (accounts.test.ts)',
  'auth/sessions.ts#logout': ACCOUNT,
  'auth/sessions.ts#resolveSession': 'authentication: turns a cookie into an actor (accounts.test.ts)',
  'auth/standing.ts#watchStanding':
    'watches a signed-in caller for an open event stream: no summit record (event-standing.test.ts)',
  'auth/tokens.ts#createToken': ACCOUNT,
  'auth/tokens.ts#listTokens': ACCOUNT,
  'auth/tokens.ts#revokeToken': ACCOUNT,
  'auth/tokens.ts#ResolvedTokens': 'the memo resolveToken keeps; tested through it (accounts.test.ts)',
  'auth/tokens.ts#resolveToken': 'authentication: turns a token into an actor (accounts.test.ts)',
  'auth/users.ts#createUser': ACCOUNT,
  'auth/users.ts#disableUser': ACCOUNT,
  'auth/users.ts#normaliseEmail': 'pure rule',
  'auth/users.ts#setGrants': ACCOUNT,
  'auth/users.ts#setPassword': ACCOUNT,
  'auth/users.ts#userByEmail': ACCOUNT,
  'meetings/list.ts#calendarKey': 'the sort key of listMeetings’ entries: pure',
  'meetings/check.ts#redactViolations':
    'the wording checkPlacement and placeMeeting apply; tested through them',
  'planning/plan.ts#proposalSeenBy': 'the filter proposePlan and readPlanJob apply; tested through them',
  'planning/plan.ts#writePlan': PART,
  'planning/suggest.ts#currentPlan': 'pure: the stored meetings as a plan',
  'planning/suggest.ts#questionInput': 'the loading step of suggestSlots and askWhatIf; tested through them',
  'planning/runner.ts#startPlanJobRunner':
    'runs jobs queued through startPlanJob, as the system (server or `sideline worker`); no actor',
  'planning/runner.ts#servePlanJobs': 'starts a server’s runner (or none): no actor',
  'calendar/access.ts#mayIssueFeed': RULE,
  'calendar/access.ts#requireFeedManager': RULE,
  'calendar/feed.ts#calendarFeed':
    'authentication: the feed token is the credential, read as its issuer sees the summit (calendar.test.ts)',
  'events/seen.ts#draftsAmong': PART,
  'notify/dispatcher.ts#defaultBackoff': 'pure: how long a failed delivery waits',
  'notify/email.ts#absolute': 'pure: a link made absolute',
  'notify/email.ts#composeEmail':
    'pure: an email from notices already written for their reader; tested through the dispatcher (notices.test.ts)',
  'notify/notices.ts#describeRequest': 'pure: a request in words, from what its reader may read',
  'notify/outbox.ts#hears': RULE,
  'notify/outbox.ts#inAudience': RULE,
  'notify/outbox.ts#webhookReader': RULE,
  'notify/outbox.ts#linkOf': 'pure: the web app’s path of a record',
  'notify/outbox.ts#writeNotices': PART,
  'notify/preferences.ts#emailDue': 'pure: when an email goes for a user’s preferences',
  'notify/preferences.ts#preferencesOf': PART,
  'notify/summit-time.ts#summitTime': 'pure: an instant in summit time',
  'notify/webhooks.ts#viewOf': 'pure: a webhook without its secret',
  'auth/testing/stores.ts#openTestStore': 'test support',
  'auth/testing/stores.ts#seedSummit': 'test support',
};
