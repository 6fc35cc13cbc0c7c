// Ids found in text only where they stand alone; the pattern lives with the domain's words.
export { wholeWord } from '../domain/words/whole-word.js';
