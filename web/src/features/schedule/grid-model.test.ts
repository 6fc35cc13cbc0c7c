// The grid's geometry: day axes in a zone (daylight-saving days included), block positions, lanes
// for overlaps, and the cell under a pointer.
import { describe, expect, it } from 'vitest';
import {
  assignLanes,
  cellAt,
  clampStart,
  dayAxis,
  geometry,
  hourMarks,
  outsideWindow,
  slotOf,
  slotStart,
} from './grid-model';

const apec = { timezone: 'Asia/Ho_Chi_Minh', dayWindow: { from: '07:00', to: '23:00' }, grainMinutes: 15 };

describe('dayAxis', () => {
  it("cuts the day window into grain slots at the summit zone's wall clock", () => {
    const axis = dayAxis(apec, '2017-11-10');
    expect(new Date(axis.start).toISOString()).toBe('2017-11-10T00:00:00.000Z');
    expect(new Date(axis.end).toISOString()).toBe('2017-11-10T16:00:00.000Z');
    expect(axis.count).toBe(64);
    expect(new Date(slotStart(axis, 5)).toISOString()).toBe('2017-11-10T01:15:00.000Z');
  });

  it('has an hour fewer on the day clocks go forward, and marks hours from the window start', () => {
    const ny = { timezone: 'America/New_York', dayWindow: { from: '00:00', to: '24:00' }, grainMinutes: 30 };
    expect(dayAxis(ny, '2025-03-09').count).toBe(46);
    expect(dayAxis(ny, '2025-11-02').count).toBe(50);
    expect(
      hourMarks(dayAxis(ny, '2025-03-10'))
        .map((h) => h.slot)
        .slice(0, 3),
    ).toEqual([0, 2, 4]);
  });

  it("lists the day's meetings beyond its window, and none of another day", () => {
    const axis = dayAxis(apec, '2017-11-10');
    const at = (from: string, to: string, key: string) => ({
      key,
      kind: 'meeting',
      from: Date.parse(from),
      to: Date.parse(to),
    });
    const blocks = [
      at('2017-11-10T15:30:00Z', '2017-11-10T16:15:00Z', 'late on the 10th (22:30–23:15)'),
      at('2017-11-09T23:30:00Z', '2017-11-10T00:00:00Z', 'early on the 10th (06:30–07:00)'),
      at('2017-11-10T03:00:00Z', '2017-11-10T03:30:00Z', 'inside the window'),
      at('2017-11-11T00:00:00Z', '2017-11-11T00:30:00Z', 'on the 11th at 07:00'),
      at('2017-11-09T15:30:00Z', '2017-11-09T16:15:00Z', 'late on the 9th'),
    ];
    expect(outsideWindow(axis, blocks).map((b) => b.key)).toEqual([
      'late on the 10th (22:30–23:15)',
      'early on the 10th (06:30–07:00)',
    ]);
  });

  it('puts an instant in its slot, clamped to the day', () => {
    const axis = dayAxis(apec, '2017-11-10');
    expect(slotOf(axis, Date.parse('2017-11-10T01:20:00Z'))).toBe(5);
    expect(slotOf(axis, Date.parse('2017-11-09T12:00:00Z'))).toBe(0);
    expect(slotOf(axis, Date.parse('2017-11-11T12:00:00Z'))).toBe(63);
    expect(clampStart(axis, 62, 4)).toBe(60);
  });
});

describe('geometry', () => {
  const axis = dayAxis(apec, '2017-11-10');
  it('places a span in pixels from the day start', () => {
    const g = geometry(
      axis,
      { from: Date.parse('2017-11-10T01:00:00Z'), to: Date.parse('2017-11-10T01:45:00Z') },
      20,
    );
    expect(g).toEqual({ left: 80, width: 60 });
  });
  it('clips a span that starts the day before, and drops one outside the day', () => {
    expect(
      geometry(
        axis,
        { from: Date.parse('2017-11-09T23:00:00Z'), to: Date.parse('2017-11-10T00:30:00Z') },
        20,
      ),
    ).toEqual({
      left: 0,
      width: 40,
    });
    expect(
      geometry(
        axis,
        { from: Date.parse('2017-11-10T17:00:00Z'), to: Date.parse('2017-11-10T18:00:00Z') },
        20,
      ),
    ).toBeNull();
  });
});

describe('assignLanes', () => {
  it('gives overlapping spans lanes of their own and reuses a lane once it is free', () => {
    const { lanes, count } = assignLanes([
      { from: 0, to: 10 },
      { from: 5, to: 15 },
      { from: 10, to: 20 },
      { from: 6, to: 8 },
    ]);
    expect(count).toBe(3);
    expect(lanes[0]).not.toBe(lanes[1]);
    expect(lanes[2]).toBe(lanes[0]);
    expect(new Set([lanes[0], lanes[1], lanes[3]]).size).toBe(3);
  });
  it('needs one lane for an empty row', () => {
    expect(assignLanes([])).toEqual({ lanes: [], count: 1 });
  });
});

describe('cellAt', () => {
  const axis = dayAxis(apec, '2017-11-10');
  const layout = { rowHeaderWidth: 190, headerHeight: 46, rowHeight: 46, slotWidth: 20, rows: 10 };
  it('finds the row and slot under a point of the content', () => {
    expect(cellAt(axis, { x: 190 + 41, y: 46 + 46 * 2 + 3 }, layout)).toEqual({ row: 2, slot: 2 });
  });
  it('is null over the headers or past the last row', () => {
    expect(cellAt(axis, { x: 100, y: 200 }, layout)).toBeNull();
    expect(cellAt(axis, { x: 300, y: 20 }, layout)).toBeNull();
    expect(cellAt(axis, { x: 300, y: 46 + 46 * 10 + 1 }, layout)).toBeNull();
  });
});
