// @vitest-environment happy-dom
// A refused stale write is shown as what the user saw against what is there now, field by field.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import { changedFields, StaleNotice } from './StaleNotice';

afterEach(cleanup);

describe('changedFields', () => {
  it('lists the fields that differ, not the version', () => {
    expect(
      changedFields(
        { status: 'requested', acceptedBy: ['usa'], version: 3, topics: ['syria'] },
        { status: 'agreed', acceptedBy: ['usa', 'rus'], version: 5, topics: ['syria'] },
      ),
    ).toEqual([
      { field: 'status', before: 'requested', after: 'agreed' },
      { field: 'acceptedBy', before: 'usa', after: 'usa, rus' },
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
        onDismiss={() => undefined}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('“Save public line” was not applied');
    expect(alert.textContent).toContain('public-line.drafted by demo-usa-lead');
    const row = screen.getByRole('row', { name: /text/ });
    expect(row.textContent).toBe('textOursTheirs');
    expect(screen.getByRole('row', { name: /by/ }).textContent).toContain('demo-usa-lead');
  });
});
