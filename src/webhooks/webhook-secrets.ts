// Where a webhook signing secret is sealed: bound to (table, column, secret id), like
// every sealed column, so a secret copied to another row fails to open.
export const webhookSecretsSealing = {
  table: 'webhook_secrets',
  columns: ['secret_sealed'],
} as const;

export const secretPlace = (secretId: string) => ({
  table: webhookSecretsSealing.table,
  column: 'secret_sealed',
  rowId: secretId,
});
