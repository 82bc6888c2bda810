// The one bound on a file whatever its tenant allows: what the upload route hands busboy,
// and the largest limit a tenant may set (attachment-settings.service.ts).
export const MULTIPART_HARD_LIMIT = 4 * 1024 * 1024 * 1024;
