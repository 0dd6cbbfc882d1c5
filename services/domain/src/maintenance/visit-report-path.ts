/** Where visit reports are downloaded; apart from visit-report.ts so that the gateway, which routes them, loads no ORM. */
export const VISIT_REPORT_PATH_PREFIX = '/documents/interventions/';
