// An incident's risk-assessment notes (the officer's free text on each of the four factors
// of 164.402(2)) are sealed as one JSON value bound to (incidents, risk_notes_sealed, id).
// Listed in src/keys/sealed-tables.ts.
export const incidentsSealing = {
  table: 'incidents',
  columns: ['risk_notes_sealed'],
  resourceType: 'Incident',
  readAction: 'incident.read',
  fieldNames: { risk_notes_sealed: ['incident.risk_notes'] },
} as const;
