// The summit file's shape (summit-file.md) as the generators write it: local wall-clock times,
// ids that reference each other, optional keys left out when they take their default.

/** A half-open window of local times `YYYY-MM-DDTHH:MM`. */
export interface FileWindow {
  from: string;
  to: string;
}

/** A person as the file lists one: the principal or a member of a delegation. */
export interface FilePerson {
  id: string;
  name: string;
  title?: string;
  presence?: FileWindow[];
}

/** One party, with its principal and members. */
export interface FileDelegation {
  id: string;
  name: string;
  principal: FilePerson;
  members: FilePerson[];
  presence?: FileWindow[];
}

/** A room at a venue. */
export interface FileRoom {
  id: string;
  venue: string;
  name: string;
  capacity: number;
  available?: FileWindow[];
  delegation?: string;
}

/** An official event of the programme. */
export interface FileProgrammeEvent {
  id: string;
  title: string;
  venue?: string;
  from: string;
  to: string;
  attendees: string[] | 'principals';
  encounter?: boolean;
}

/** One person's private commitment. */
export interface FileBusy {
  person: string;
  from: string;
  to: string;
  venue?: string;
  label?: string;
}

/** A condition a party set on a request. */
export interface FileCondition {
  id: string;
  by: string;
  text: string;
  status: 'open' | 'accepted' | 'rejected' | 'withdrawn';
}

/** A meeting request between delegations. */
export interface FileRequest {
  id: string;
  from: string;
  to: string[];
  format: 'bilateral' | 'multilateral' | 'pull-aside' | 'working-meal' | 'courtesy-call';
  level: 'leaders' | 'ministers' | 'officials';
  minutes: number;
  priority: number;
  topics: string[];
  attendees: string[];
  seats?: number;
  venue?: string;
  allowed?: FileWindow[];
  preferred?: FileWindow[];
  status?: string;
  conditions?: FileCondition[];
}

/** A placement that already exists. */
export interface FileMeeting {
  request: string;
  start: string;
  room?: string;
  pinned?: boolean;
}

/** A whole summit file. */
export interface SummitFile {
  summit: {
    id: string;
    name: string;
    timezone: string;
    days: { from: string; to: string };
    dayWindow: { from: string; to: string };
    grainMinutes: number;
    bufferMinutes: number;
  };
  venues: { id: string; name: string }[];
  travelMinutes?: [string, string, number][];
  rooms: FileRoom[];
  delegations: FileDelegation[];
  programme?: FileProgrammeEvent[];
  busy?: FileBusy[];
  requests: FileRequest[];
  meetings?: FileMeeting[];
}
