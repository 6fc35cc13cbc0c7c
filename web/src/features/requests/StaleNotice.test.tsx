// @vitest-environment happy-dom
// A refused stale write is shown as what the user saw against what is there now, field by field.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import { summitNames } from '../../../../src/domain/words/names.js';
import { changedFields, StaleNotice } from './StaleNotice';

const NAMES = summitNames(
  {
    delegations: [
      { id: 'usa', name: 'United States' },
      { id: 'rus', name: 'Russia' },
    ],
    users: [
      { id: 'demo-usa-lead', name: 'Delegation lead (United States)' },
      { id: 'demo-usa-protocol', name: 'Protocol officer (United States)' },
    ],
  },
  'Asia/Ho_Chi_Minh',
);

afterEach(cleanup);

describe('changedFields', () => {
  it('lists the fields that differ, not the version, in names', () => {
    expect(
      changedFields(
        { status: 'under-consideration', acceptedBy: ['usa'], version: 3, topics: ['syria'] },
        { status: 'agreed', acceptedBy: ['usa', 'rus'], version: 5, topics: ['syria'] },
        NAMES,
      ),
    ).toEqual([
      { field: 'State', before: 'under consideration', after: 'agreed' },
      { field: 'Accepted by', before: 'United States', after: 'United States, Russia' },
    ]);
  });
});

describe('StaleNotice', () => {
  it("says nothing was overwritten and shows the other person's change", () => {
    render(
      <StaleNotice
        stale={{
          action: 'Save public line',
          before: { claim: 'no-meeting', text: 'Ours', by: 'demo-usa-protocol', version: 2 },
          after: { claim: 'no-meeting', text: 'Theirs', by: 'demo-usa-lead', version: 3 },
          error: new ApiError(412, {
            code: 'stale-version',
            detail: 'you read version 2 but it is now at version 3',
          }),
        }}
        lastEvent={{
          seq: 9,
          summit: 's',
          at: '2017-11-10T00:00:00.000Z',
          actor: 'demo-usa-lead',
          type: 'public-line.drafted',
          payload: {},
        }}
        names={NAMES}
        onDismiss={() => undefined}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('“Save public line” was not applied');
    expect(alert.textContent).toContain('Drafted the public line — Delegation lead (United States)');
    const row = screen.getByRole('row', { name: /Text/ });
    expect(row.textContent).toBe('TextOursTheirs');
    expect(screen.getByRole('row', { name: /By/ }).textContent).toBe(
      'ByProtocol officer (United States)Delegation lead (United States)',
    );
    expect(alert.textContent).not.toMatch(/demo-usa|public-line\./u);
  });
});
