// @vitest-environment happy-dom
// Error states say what went wrong, list every failing path the server named, and offer a retry
// only where asking again can help.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { ErrorState, IssueList } from './states';

afterEach(cleanup);

describe('ErrorState', () => {
  it('lists every path of a validation failure', () => {
    const error = new ApiError(400, {
      code: 'validation-failed',
      detail: 'the summit file has 2 errors',
      errors: [
        { path: 'summit.timezone', message: 'an IANA time zone such as Asia/Ho_Chi_Minh' },
        { path: 'rooms[0].venue', message: 'no venue "nowhere"' },
      ],
    });
    render(<ErrorState error={error} onRetry={() => undefined} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('the summit file has 2 errors');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'summit.timezone an IANA time zone such as Asia/Ho_Chi_Minh',
      'rooms[0].venue no venue "nowhere"',
    ]);
  });

  it('offers a retry after a network failure, not after a 404', () => {
    let retried = 0;
    const { unmount } = render(
      <ErrorState error={new ApiError(0, { code: 'network' })} onRetry={() => retried++} />,
    );
    expect(screen.getByRole('alert').textContent).toContain('cannot be reached');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retried).toBe(1);
    unmount();
    render(
      <ErrorState
        error={new ApiError(404, { code: 'not-found', detail: 'no request x' })}
        onRetry={() => retried++}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Not found, or not visible to you');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('names the whole input when a problem has no path', () => {
    render(<IssueList issues={[{ path: '', message: 'the file is empty' }]} />);
    expect(screen.getByRole('listitem').textContent).toBe('(the whole input) the file is empty');
  });
});
