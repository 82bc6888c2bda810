// A dismissed finding's reason is staff free text, sealed like PHI and bound to
// (review_findings, dismiss_reason_sealed, finding id). Listed in src/keys/sealed-tables.ts.
export const reviewFindingsSealing = {
  table: 'review_findings',
  columns: ['dismiss_reason_sealed'],
  resourceType: 'ReviewFinding',
  readAction: 'review_finding.read',
  fieldNames: { dismiss_reason_sealed: ['review_finding.dismiss_reason'] },
} as const;
