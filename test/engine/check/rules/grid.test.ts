import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../../src/engine/check/check-plan.js';
import { placement, summitFixture } from '../fixtures.js';

describe('grid', () => {
  const data = summitFixture({ dayWindow: { from: '07:10', to: '23:00' } })
    .room('b1')
    .delegation('usa')
    .delegation('jpn')
    .request('usa-jpn', { from: 'usa', to: ['jpn'] })
    .build();

  it('rejects a start off the grid counted from the day window', () => {
    const { violations } = checkPlan(data, [placement(data, 'usa-jpn', '2017-11-10T08:00', 'b1')]);
    expect(violations.map((v) => v.message)).toEqual([
      'grid: usa-jpn starts 10 Nov 08:00, off the 15-minute grid from 07:10',
    ]);
  });
  it('accepts a start on the grid', () => {
    expect(checkPlan(data, [placement(data, 'usa-jpn', '2017-11-10T08:10', 'b1')]).violations).toEqual([]);
  });
  it('counts the grid in elapsed minutes across a spring-forward night (New York, 10 March 2024)', () => {
    // The window opens at 00:00 EST; 02:00–03:00 does not exist, so 03:15 EDT is 135 minutes in.
    const ny = summitFixture({
      timezone: 'America/New_York',
      days: { from: '2024-03-10', to: '2024-03-10' },
      dayWindow: { from: '00:00', to: '06:00' },
      grainMinutes: 45,
    })
      .room('b1')
      .delegation('usa')
      .delegation('can')
      .request('usa-can', { from: 'usa', to: ['can'], minutes: 45 })
      .build();
    expect(ny.requests.length).toBe(1);
    expect(checkPlan(ny, [placement(ny, 'usa-can', '2024-03-10T03:15', 'b1')]).violations).toEqual([]);
    expect(
      checkPlan(ny, [placement(ny, 'usa-can', '2024-03-10T03:00', 'b1')]).violations.map((v) => v.rule),
    ).toEqual(['grid']);
  });
  it('counts from the half-hour offset day window of Kolkata', () => {
    const del = summitFixture({
      timezone: 'Asia/Kolkata',
      days: { from: '2023-09-09', to: '2023-09-09' },
      dayWindow: { from: '09:30', to: '18:00' },
      grainMinutes: 60,
    })
      .room('b1')
      .delegation('ind')
      .delegation('usa')
      .request('ind-usa', { from: 'ind', to: ['usa'], minutes: 60 })
      .build();
    expect(checkPlan(del, [placement(del, 'ind-usa', '2023-09-09T10:30', 'b1')]).violations).toEqual([]);
    expect(
      checkPlan(del, [placement(del, 'ind-usa', '2023-09-09T10:00', 'b1')]).violations.map((v) => v.rule),
    ).toEqual(['grid']);
  });
});
