// @vitest-environment happy-dom
// The time grid from the keyboard: ARIA grid semantics, moving focus, picking a meeting up, and a
// drop that the rule check refuses (nothing moves; the reasons are said where it was dropped, with
// the nearest free slots to move to instead) or allows (it moves).
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../api/hooks/meetings';
import { dayAxis } from './grid-model';
import { TimeGrid, type GridBlock, type MoveTarget } from './TimeGrid';

const summit = { timezone: 'Asia/Ho_Chi_Minh', dayWindow: { from: '07:00', to: '11:00' }, grainMinutes: 15 };
const axis = dayAxis(summit, '2017-11-10');
const rows = [
  { id: 'b1', label: 'Bilateral Room 1' },
  { id: 'b2', label: 'Bilateral Room 2' },
];
const meeting: GridBlock = {
  key: 'm:usa-rus',
  row: 'b1',
  from: Date.parse('2017-11-10T00:30:00Z'),
  to: Date.parse('2017-11-10T01:00:00Z'),
  kind: 'meeting',
  label: 'United States – Russia',
  title: 'Bilateral meeting: United States – Russia',
  request: 'usa-rus',
  movable: true,
};

afterEach(cleanup);

// happy-dom lays nothing out, so every element measures 0×0 and the virtualiser would see no room
// for any row. The scroller gets the size a window would give it; everything else is as rendered.
const sizes = {
  clientWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
  clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
};
beforeAll(() => {
  for (const [name, size] of [
    ['clientWidth', 1200],
    ['clientHeight', 600],
  ] as const) {
    const original = sizes[name];
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get(this: Element) {
        return this.classList.contains('grid-scroller') ? size : (original?.get?.call(this) ?? 0);
      },
    });
  }
});
afterAll(() => {
  for (const [name, descriptor] of Object.entries(sizes)) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
  }
});

function setup(answer: CheckResult, nearest: MoveTarget[] = []) {
  const checks: MoveTarget[] = [];
  const moves: MoveTarget[] = [];
  render(
    <TimeGrid
      axis={axis}
      zone={summit.timezone}
      viewerZone="Europe/London"
      rows={rows}
      blocks={[meeting]}
      rowNoun="Room"
      caption="Meetings by room, 2017-11-10"
      check={async (_b, target) => {
        checks.push(target);
        return answer;
      }}
      move={async (_b, target) => {
        moves.push(target);
      }}
      suggest={async () => nearest}
    />,
  );
  return { checks, moves };
}

const status = () => screen.getByTestId('drag-status').textContent ?? '';
/** Focuses a cell as a keyboard user arriving there would (happy-dom's focus() sends no focusin). */
const focusCell = (cell: HTMLElement) => {
  cell.focus();
  fireEvent.focusIn(cell);
};
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 200)));

describe('TimeGrid', () => {
  it('is an ARIA grid: rows, a row header per room, a cell per slot naming what is there', () => {
    setup({ ok: true, violations: [] });
    const grid = screen.getByRole('grid', { name: 'Meetings by room, 2017-11-10' });
    expect(grid.getAttribute('aria-rowcount')).toBe('3');
    expect(grid.getAttribute('aria-colcount')).toBe(String(axis.count + 1));
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      'Bilateral Room 1',
      'Bilateral Room 2',
    ]);
    const cell = screen.getByRole('gridcell', {
      name: /Bilateral Room 1, 07:30 GMT\+7: Bilateral meeting: United States – Russia \(meeting, 07:30–08:00\)/,
    });
    expect(cell).toBeTruthy();
    // one tabbable cell: the grid is a single stop in the tab order
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
  });

  it('moves focus between cells with the arrow keys', async () => {
    setup({ ok: true, violations: [] });
    const start = screen.getByRole('gridcell', { name: /Bilateral Room 1, 07:00/ });
    focusCell(start);
    fireEvent.keyDown(start, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await settle();
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Bilateral Room 2, 07:15/);
  });

  it('refuses a drop the rule check rejects where it was dropped, in words, and moves nothing', async () => {
    const nearest = [{ row: 'b2', start: meeting.from + 60 * 60_000 }];
    const { checks, moves } = setup(
      {
        ok: false,
        violations: [
          {
            rule: 'room-exclusive',
            requests: ['usa-rus', 'jpn-kor'],
            message: 'room-exclusive: b2 holds jpn-kor',
            title: 'Bilateral Room 2 is taken then',
            detail: 'Bilateral Room 2 holds Japan – Republic of Korea (10 Nov 07:30–08:00)',
          },
        ],
      },
      nearest,
    );
    const cell = screen.getByRole('gridcell', { name: /Bilateral Room 1, 07:30/ });
    focusCell(cell);
    fireEvent.keyDown(cell, { key: 'Enter' });
    expect(status()).toMatch(/Picked up Bilateral meeting: United States – Russia/);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await settle();
    expect(status()).toMatch(/would break: Bilateral Room 2 is taken then/);
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    await settle();
    expect(status()).toMatch(
      /Refused: Bilateral meeting: United States – Russia to Bilateral Room 2, 07:30 GMT\+7/,
    );
    expect(checks.at(-1)).toEqual({ row: 'b2', start: meeting.from });
    expect(moves).toEqual([]);
    // the panel at the drop point: the conflict in words, no id, and the nearest free slot
    const panel = screen.getByRole('dialog', { name: /cannot go to Bilateral Room 2, 07:30/ });
    expect(panel.textContent).toContain('Bilateral Room 2 is taken then.');
    expect(panel.textContent).toContain('holds Japan – Republic of Korea');
    expect(panel.textContent).not.toMatch(/room-exclusive|jpn-kor|\bb2\b/);
    // the keyboard is in the panel, on the nearest free slot: Enter moves the meeting there
    expect(document.activeElement?.textContent).toMatch(/^Move to Fri 10 Nov, 08:30 · Bilateral Room 2/);
    fireEvent.click(document.activeElement!);
    await settle();
    expect(moves).toEqual([nearest[0]]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps the meeting where it was when the refusal is closed with Escape', async () => {
    const { moves } = setup({
      ok: false,
      violations: [
        { rule: 'presence', requests: ['usa-rus'], message: 'presence: x', title: 'x is away', detail: 'x' },
      ],
    });
    const cell = screen.getByRole('gridcell', { name: /Bilateral Room 1, 07:30/ });
    focusCell(cell);
    fireEvent.keyDown(cell, { key: 'Enter' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    await settle();
    const panel = screen.getByRole('dialog');
    fireEvent.keyDown(panel, { key: 'Escape' });
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(status()).toMatch(/stays where it was/);
    expect(moves).toEqual([]);
  });

  it('makes a move the rule check allows, to the slot chosen', async () => {
    const { moves } = setup({ ok: true, violations: [] });
    const cell = screen.getByRole('gridcell', { name: /Bilateral Room 1, 07:30/ });
    focusCell(cell);
    fireEvent.keyDown(cell, { key: ' ' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    await settle();
    expect(moves).toEqual([{ row: 'b1', start: meeting.from + 30 * 60_000 }]);
    expect(status()).toMatch(
      /Moved Bilateral meeting: United States – Russia to Bilateral Room 1, 08:00 GMT\+7/,
    );
  });

  it('cancels a move with Escape', async () => {
    const { moves } = setup({ ok: true, violations: [] });
    const cell = screen.getByRole('gridcell', { name: /Bilateral Room 1, 07:30/ });
    focusCell(cell);
    fireEvent.keyDown(cell, { key: 'Enter' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await settle();
    expect(status()).toMatch(/Move cancelled/);
    expect(moves).toEqual([]);
  });
});
