import { describe, expect, it } from 'vitest';
import * as domain from '../../src/domain/index.js';

describe('the domain entry point', () => {
  it('exports the schemas and the logic the application uses', () => {
    for (const name of [
      'Request',
      'Condition',
      'Actor',
      'Scope',
      'applyTransition',
      'allowedTransitions',
      'TransitionError',
      'LIFECYCLE',
      'proposeCondition',
      'counterCondition',
      'recordPosition',
      'decide',
      'summarise',
      'checkPublicLine',
      'reviewPublicLine',
      'encountersBetween',
      'canRead',
      'redactBusy',
      'engagementsSeenBy',
      'hasAuthority',
      'confirmSlot',
    ]) {
      expect(domain, name).toHaveProperty(name);
    }
  });
});
