// What a meeting is called: the same title in the app, the calendar feed and the CSV export.

/** The formats of a request, as words. */
export const FORMAT_NAMES: Readonly<Record<string, string>> = {
  bilateral: 'Bilateral meeting',
  multilateral: 'Multilateral meeting',
  'pull-aside': 'Pull-aside',
  'working-meal': 'Working meal',
  'courtesy-call': 'Courtesy call',
};

/** The fields of a request its title is made of. */
export interface TitledRequest {
  from: string;
  to: readonly string[];
  format: string;
}

/** "United States – Japan – Republic of Korea": the parties by name, requester first. */
export function partiesTitle(request: TitledRequest, delegation: (id: string) => string): string {
  return [request.from, ...request.to].map(delegation).join(' – ');
}

/** "United States → Japan, Republic of Korea": who asks whom (for requests not yet meetings). */
export function askLabel(request: TitledRequest, delegation: (id: string) => string): string {
  return `${delegation(request.from)} → ${request.to.map(delegation).join(', ')}`;
}

/** "Bilateral meeting: United States – Japan": a meeting's title, as every calendar shows it. */
export function meetingTitle(request: TitledRequest, delegation: (id: string) => string): string {
  return `${FORMAT_NAMES[request.format] ?? 'Meeting'}: ${partiesTitle(request, delegation)}`;
}
