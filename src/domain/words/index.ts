// The words of Sideline: names for ids, summit time, meeting titles, and events, conflicts and
// unplaced requests as sentences. Pure; the web app, the calendar feed and the CSV export share it.
export * from './summit-time.js';
export * from './meeting-title.js';
export * from './names.js';
export * from './event-words.js';
export * from './conflict-words.js';
export * from './unplaced-words.js';
export * from './whole-word.js';
