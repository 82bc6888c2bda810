// Where a webhook signing secret is sealed: bound to (table, column, secret id), like
// every sealed column, so a secret copied to another row fails to open.
// Listed in src/keys/sealed-tables.ts, so key rotation re-seals secrets and key retirement sees them.
export const webhookSecretsSealing = {
  table: 'webhook_secrets',
  columns: ['secret_sealed'],
  resourceType: 'WebhookSecret',
  readAction: 'webhook_endpoint.read',
  fieldNames: { secret_sealed: ['webhook_endpoint.secret'] },
} as const;

export const secretPlace = (secretId: string) => ({
  table: webhookSecretsSealing.table,
  column: 'secret_sealed',
  rowId: secretId,
});
