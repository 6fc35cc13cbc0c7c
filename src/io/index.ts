// The public face of src/io: summit files (YAML/JSON) in and out, requests from CSV, meetings to CSV.
export { formatFileError, type FileError } from './errors.js';
export { readSummitFile, type SummitFileResult } from './summit-file/read.js';
export { toSummitFileObject, writeSummitFile } from './summit-file/write.js';
export type { SummitFile } from './summit-file/schema.js';
export type { SummitFileFormat } from './summit-file/syntax.js';
export { readRequestsCsv, type RequestsCsvResult } from './csv/requests.js';
export { REQUEST_COLUMNS } from './csv/request-row.js';
export { MEETING_COLUMNS, writeMeetingsCsv } from './csv/meetings.js';
