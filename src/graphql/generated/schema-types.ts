import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { GraphqlContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 8601 timestamp with time zone, e.g. 2026-11-27T10:00:00.000Z */
  DateTime: { input: Date; output: Date | string; }
  /** Arbitrary JSON (used only for non-PHI metadata) */
  JSON: { input: unknown; output: unknown; }
};

/** A patient's request for their record (45 CFR 164.524): due 30 days after it was opened, extendable once by 30 days. */
export type AccessRequest = {
  __typename?: 'AccessRequest';
  contactId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  denial?: Maybe<AccessRequestDenial>;
  deniedAt?: Maybe<Scalars['DateTime']['output']>;
  dueAt: Scalars['DateTime']['output'];
  extendedAt?: Maybe<Scalars['DateTime']['output']>;
  /** the written reason for the extension (sealed); null when masked or not extended */
  extensionReason?: Maybe<Scalars['String']['output']>;
  fulfilledAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** true when the caller may not read the sealed notes */
  masked: Scalars['Boolean']['output'];
  openedAt: Scalars['DateTime']['output'];
  /** open, fulfilled, denied */
  status: Scalars['String']['output'];
  /** on_time, due_soon, overdue, closed */
  timing: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** government_id, portal_account, knowledge_based, notarized_request, personal_representative_documents, other */
  verificationMethod: Scalars['String']['output'];
  /** how identity was verified (sealed); null when masked */
  verificationNote?: Maybe<Scalars['String']['output']>;
};

/** Why an access request was denied: a ground of 45 CFR 164.524(a)(2)-(3). */
export type AccessRequestDenial = {
  __typename?: 'AccessRequestDenial';
  /** psychotherapy_notes, litigation_compilation, correctional_institution, research_suspension, privacy_act, confidential_source, endanger_life_or_safety, harm_to_referenced_person, harm_via_personal_representative */
  ground: Scalars['String']['output'];
  /** the explanation (sealed); null when masked */
  note?: Maybe<Scalars['String']['output']>;
  /** whether the patient may have it reviewed (164.524(a)(4)) */
  reviewable: Scalars['Boolean']['output'];
  /** the paragraph of 164.524 it rests on */
  rule: Scalars['String']['output'];
};

/** The single-use link to the bundle (REST GET; shown once, expires). */
export type AccessRequestDownload = {
  __typename?: 'AccessRequestDownload';
  expiresAt: Scalars['DateTime']['output'];
  url: Scalars['String']['output'];
};

export type AccessRequestFulfilment = {
  __typename?: 'AccessRequestFulfilment';
  download: AccessRequestDownload;
  request: AccessRequest;
};

export type AccessRequestPage = {
  __typename?: 'AccessRequestPage';
  items: Array<AccessRequest>;
  nextCursor?: Maybe<Scalars['String']['output']>;
};

/** The accounting: six years before the request, up to when it was produced. */
export type AccountingReport = {
  __typename?: 'AccountingReport';
  chargeable: Scalars['Boolean']['output'];
  contactId: Scalars['ID']['output'];
  disclosures: Array<Disclosure>;
  excluded: Array<ExcludedDisclosure>;
  generatedAt: Scalars['DateTime']['output'];
  periodEnd: Scalars['DateTime']['output'];
  periodStart: Scalars['DateTime']['output'];
  requestId: Scalars['ID']['output'];
};

/** A patient's request for an accounting of disclosures: due 60 days after it was made, extendable once by 30 days. */
export type AccountingRequest = {
  __typename?: 'AccountingRequest';
  /** not the first accounting in the 12 months before it was requested */
  chargeable: Scalars['Boolean']['output'];
  contactId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  dueAt: Scalars['DateTime']['output'];
  extendedAt?: Maybe<Scalars['DateTime']['output']>;
  extensionReason?: Maybe<Scalars['String']['output']>;
  fulfilledAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  masked: Scalars['Boolean']['output'];
  requestedAt: Scalars['DateTime']['output'];
  /** open, fulfilled */
  status: Scalars['String']['output'];
  /** on_time, due_soon, overdue, closed */
  timing: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type AccountingRequestPage = {
  __typename?: 'AccountingRequestPage';
  items: Array<AccountingRequest>;
  nextCursor?: Maybe<Scalars['String']['output']>;
};

export type Address = {
  __typename?: 'Address';
  city?: Maybe<Scalars['String']['output']>;
  country?: Maybe<Scalars['String']['output']>;
  line1?: Maybe<Scalars['String']['output']>;
  line2?: Maybe<Scalars['String']['output']>;
  postalCode?: Maybe<Scalars['String']['output']>;
  region?: Maybe<Scalars['String']['output']>;
};

export type AddressInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  country?: InputMaybe<Scalars['String']['input']>;
  line1?: InputMaybe<Scalars['String']['input']>;
  line2?: InputMaybe<Scalars['String']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
};

export type ApiKey = {
  __typename?: 'ApiKey';
  allowedCidrs?: Maybe<Array<Scalars['String']['output']>>;
  createdAt: Scalars['DateTime']['output'];
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  roles: Array<Scalars['String']['output']>;
  scopes: Array<Scalars['String']['output']>;
};

export type ApiKeyPage = {
  __typename?: 'ApiKeyPage';
  items: Array<ApiKey>;
  nextCursor?: Maybe<Scalars['String']['output']>;
};

/**
 * A file attached to a ticket or to one of its comments. Its content is sealed in chunks and
 * downloaded over REST only (GET /v1/attachments/{id}/content); GraphQL lists metadata.
 */
export type Attachment = {
  __typename?: 'Attachment';
  /** set when the file belongs to a comment of the ticket */
  commentId?: Maybe<Scalars['ID']['output']>;
  /** the media type the file's bytes proved at upload (not the one declared) */
  contentType: Scalars['String']['output'];
  /** where to download the content over REST */
  contentUrl: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['ID']['output'];
  /** null when the caller may not read PHI here (masked) */
  filename?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  masked: Scalars['Boolean']['output'];
  sizeBytes: Scalars['Int']['output'];
  ticketId: Scalars['ID']['output'];
};

export type AttachmentPage = {
  __typename?: 'AttachmentPage';
  items: Array<Attachment>;
  nextCursor?: Maybe<Scalars['String']['output']>;
};

/**
 * The tenant's attachment limits: what an upload may be. A tenant that has not set its own
 * has the defaults (100 MiB; PDF, PNG, JPEG, GIF, WebP, TIFF and plain text).
 */
export type AttachmentSettings = {
  __typename?: 'AttachmentSettings';
  /** the types accepted, as the file's bytes prove them (not as declared) */
  allowedTypes: Array<Scalars['String']['output']>;
  /** true while the tenant has not set its own limits */
  isDefault: Scalars['Boolean']['output'];
  /** the largest file accepted, in bytes (Float: GraphQL's Int stops at 2 GiB; always a whole number) */
  maxBytes: Scalars['Float']['output'];
  /** when the tenant last set them; null with the defaults */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type AuditActor = {
  __typename?: 'AuditActor';
  /** jwt, api_key, system or none */
  authMethod: Scalars['String']['output'];
  id: Scalars['String']['output'];
  keyId?: Maybe<Scalars['String']['output']>;
  /** user, api_key, system or anonymous */
  kind: Scalars['String']['output'];
  sessionId?: Maybe<Scalars['String']['output']>;
};

/** One chained audit event. It names PHI fields but never holds PHI values. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  action: Scalars['String']['output'];
  actor: AuditActor;
  breakGlassReason?: Maybe<Scalars['String']['output']>;
  /** keyed hash of the client address */
  clientAddrHash?: Maybe<Scalars['String']['output']>;
  hash: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** allowed, denied or error */
  outcome: Scalars['String']['output'];
  phiFields: Array<Scalars['String']['output']>;
  prevHash: Scalars['String']['output'];
  purposeOfUse?: Maybe<Scalars['String']['output']>;
  reasonCode?: Maybe<Scalars['String']['output']>;
  requestId?: Maybe<Scalars['String']['output']>;
  resource: AuditResource;
  /** position in the tenant's chain, from 1, without gaps (an integer up to 2^53 - 1) */
  seq: Scalars['Float']['output'];
  /** the patient (contact) the data is about */
  subjectContactId?: Maybe<Scalars['ID']['output']>;
  tenantId: Scalars['ID']['output'];
  userAgentFamily?: Maybe<Scalars['String']['output']>;
};

export type AuditEventFilter = {
  action?: InputMaybe<Scalars['String']['input']>;
  /** what did this user or API key touch */
  actorId?: InputMaybe<Scalars['String']['input']>;
  /** who looked at this patient */
  contactId?: InputMaybe<Scalars['ID']['input']>;
  /** occurredAt >= from */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  outcome?: InputMaybe<Scalars['String']['input']>;
  /** needs resourceType */
  resourceId?: InputMaybe<Scalars['String']['input']>;
  resourceType?: InputMaybe<Scalars['String']['input']>;
  /** occurredAt < to */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type AuditEventPage = {
  __typename?: 'AuditEventPage';
  items: Array<AuditEvent>;
  nextCursor?: Maybe<Scalars['String']['output']>;
};

export type AuditFinding = {
  __typename?: 'AuditFinding';
  checkpointTreeSize?: Maybe<Scalars['Float']['output']>;
  /** hash_mismatch, broken_link, gap, duplicate_or_reordered, checkpoint_signature_invalid, checkpoint_mismatch or truncated */
  damage: Scalars['String']['output'];
  detail: Scalars['String']['output'];
  lastSuspectSeq?: Maybe<Scalars['Float']['output']>;
  seq?: Maybe<Scalars['Float']['output']>;
};

export type AuditOrder =
  | 'asc'
  | 'desc';

export type AuditPending = {
  __typename?: 'AuditPending';
  /** events captured (durable) but not chained yet */
  count: Scalars['Int']['output'];
  oldestAgeSeconds?: Maybe<Scalars['Float']['output']>;
};

export type AuditResource = {
  __typename?: 'AuditResource';
  id: Scalars['String']['output'];
  type: Scalars['String']['output'];
};

export type AuditSeqRange = {
  __typename?: 'AuditSeqRange';
  fromSeq: Scalars['Float']['output'];
  toSeq: Scalars['Float']['output'];
};

export type AuditVerification = {
  __typename?: 'AuditVerification';
  /** events whose seq, link and hash were verified */
  checked: Scalars['Float']['output'];
  /** seqs this verification read (null when there was nothing new) */
  checkedRange?: Maybe<AuditSeqRange>;
  checkpointStoreProblem?: Maybe<Scalars['String']['output']>;
  /** events 1..checkpointedSize are covered by a matching signed checkpoint */
  checkpointedSize: Scalars['Float']['output'];
  checkpoints: Scalars['Int']['output'];
  checkpointsVerified: Scalars['Int']['output'];
  /** false when the walk stopped at its limit before the head: start a job, or call again */
  complete: Scalars['Boolean']['output'];
  /** the first damage found */
  damage?: Maybe<Scalars['String']['output']>;
  /** events this verification checked (checked also counts the verified prefix) */
  eventsChecked: Scalars['Float']['output'];
  findings: Array<AuditFinding>;
  firstBadSeq?: Maybe<Scalars['Float']['output']>;
  headHash: Scalars['String']['output'];
  headSeq: Scalars['Float']['output'];
  keyIds: Array<Scalars['String']['output']>;
  /** signed checkpoints this verification matched (checkpointsVerified counts them all) */
  newCheckpointsVerified: Scalars['Int']['output'];
  ok: Scalars['Boolean']['output'];
  pending: AuditPending;
  /** why a stored verified position was not used */
  positionProblem?: Maybe<Scalars['String']['output']>;
  retentionYears: Scalars['Int']['output'];
  /** the verified position this verification started from (null: from seq 1) */
  startedFrom?: Maybe<AuditVerifiedPosition>;
  tenantId: Scalars['ID']['output'];
  uncheckedEvents: Scalars['Float']['output'];
  verifiedAt: Scalars['DateTime']['output'];
};

/** A full re-verification of the tenant's chain from seq 1, run in the background. */
export type AuditVerificationJob = {
  __typename?: 'AuditVerificationJob';
  createdAt: Scalars['DateTime']['output'];
  error?: Maybe<Scalars['String']['output']>;
  eventsChecked: Scalars['Float']['output'];
  eventsPerSecond: Scalars['Int']['output'];
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  requestedBy: Scalars['String']['output'];
  /** the verification report once succeeded */
  result?: Maybe<AuditVerification>;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** queued, running, succeeded (the walk ran to its end: see result.ok) or failed (it could not) */
  status: Scalars['String']['output'];
  tenantId: Scalars['ID']['output'];
  /** events in the chain when the job started */
  totalEvents: Scalars['Float']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type AuditVerifiedPosition = {
  __typename?: 'AuditVerifiedPosition';
  checkpointTreeSize: Scalars['Float']['output'];
  seq: Scalars['Float']['output'];
  verifiedAt: Scalars['DateTime']['output'];
  /** request, or the id of the verification job that got there */
  verifiedBy: Scalars['String']['output'];
};

export type BreakGlassGrant = {
  __typename?: 'BreakGlassGrant';
  active: Scalars['Boolean']['output'];
  actorId: Scalars['ID']['output'];
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  openedAt: Scalars['DateTime']['output'];
  /** sealed free text: null unless the caller may read it (the privacy officer, the grant's holder) */
  reason?: Maybe<Scalars['String']['output']>;
  /** always shown: auditors see that a reason exists and its length, never its text */
  reasonLength: Scalars['Int']['output'];
  resourceId: Scalars['ID']['output'];
  resourceType: Scalars['String']['output'];
  review?: Maybe<BreakGlassReview>;
};

export type BreakGlassPage = {
  __typename?: 'BreakGlassPage';
  items: Array<BreakGlassGrant>;
  nextCursor?: Maybe<Scalars['String']['output']>;
};

export type BreakGlassReview = {
  __typename?: 'BreakGlassReview';
  /** sealed free text: null unless the caller may read it (the privacy officer, the grant's holder) or there is none */
  note?: Maybe<Scalars['String']['output']>;
  /** length of the note; null when there is none */
  noteLength?: Maybe<Scalars['Int']['output']>;
  outcome: Scalars['String']['output'];
  reviewedAt: Scalars['DateTime']['output'];
  reviewedBy: Scalars['ID']['output'];
};

/** A Business Associate Agreement: who may receive PHI on the tenant's behalf, and when. */
export type BusinessAssociateAgreement = {
  __typename?: 'BusinessAssociateAgreement';
  counterparty: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** where the signed agreement is kept */
  documentRef?: Maybe<Scalars['String']['output']>;
  /** first day in force (YYYY-MM-DD, UTC) */
  effectiveOn: Scalars['String']['output'];
  /** first day no longer in force (YYYY-MM-DD, UTC); null = open-ended */
  expiresOn?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** effective, not expired, not terminated, now */
  inForce: Scalars['Boolean']['output'];
  scope: Scalars['String']['output'];
  terminatedAt?: Maybe<Scalars['DateTime']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};

export type BusinessAssociateAgreementPage = {
  __typename?: 'BusinessAssociateAgreementPage';
  items: Array<BusinessAssociateAgreement>;
  nextCursor?: Maybe<Scalars['String']['output']>;
};

export type Comment = {
  __typename?: 'Comment';
  authorId: Scalars['ID']['output'];
  authorKind: Scalars['String']['output'];
  body?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  masked: Scalars['Boolean']['output'];
  public: Scalars['Boolean']['output'];
  redacted: Scalars['Boolean']['output'];
  revision: Scalars['Int']['output'];
  ticketId: Scalars['ID']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type CommentPage = {
  __typename?: 'CommentPage';
  items: Array<Comment>;
  nextCursor?: Maybe<Scalars['String']['output']>;
};

export type Contact = {
  __typename?: 'Contact';
  address?: Maybe<Address>;
  createdAt: Scalars['DateTime']['output'];
  /** yyyy-mm-dd */
  dateOfBirth?: Maybe<Scalars['String']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  externalIds?: Maybe<Array<ExternalId>>;
  healthPlanMemberId?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** true when the caller may not read PHI; every PHI field is then null */
  masked: Scalars['Boolean']['output'];
  mrn?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** increases with every change; pass it as expectedVersion to updateContact */
  version: Scalars['Int']['output'];
};

export type ContactPage = {
  __typename?: 'ContactPage';
  items: Array<Contact>;
  nextCursor?: Maybe<Scalars['String']['output']>;
};

/** Exactly one of mrn, email or phone, or dateOfBirth together with name. */
export type ContactSearchInput = {
  dateOfBirth?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  mrn?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type CreateApiKeyInput = {
  allowedCidrs?: InputMaybe<Array<Scalars['String']['input']>>;
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  name: Scalars['String']['input'];
  roles?: InputMaybe<Array<Scalars['String']['input']>>;
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type CreateBusinessAssociateAgreementInput = {
  counterparty: Scalars['String']['input'];
  documentRef?: InputMaybe<Scalars['String']['input']>;
  effectiveOn: Scalars['String']['input'];
  expiresOn?: InputMaybe<Scalars['String']['input']>;
  scope: Scalars['String']['input'];
};

export type CreateCommentInput = {
  body: Scalars['String']['input'];
  public?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CreateContactInput = {
  address?: InputMaybe<AddressInput>;
  dateOfBirth?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  externalIds?: InputMaybe<Array<ExternalIdInput>>;
  healthPlanMemberId?: InputMaybe<Scalars['String']['input']>;
  mrn?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type CreateGroupInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
};

export type CreateTicketInput = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  channel?: InputMaybe<Scalars['String']['input']>;
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  externalRefs?: InputMaybe<Array<ExternalRefInput>>;
  groupId?: InputMaybe<Scalars['ID']['input']>;
  priority?: InputMaybe<Scalars['String']['input']>;
  requesterId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
  subject: Scalars['String']['input'];
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  type?: InputMaybe<Scalars['String']['input']>;
};

export type CreateUserInput = {
  contactId?: InputMaybe<Scalars['ID']['input']>;
  displayName: Scalars['String']['input'];
  email?: InputMaybe<Scalars['String']['input']>;
  issuer?: InputMaybe<Scalars['String']['input']>;
  roles?: InputMaybe<Array<Scalars['String']['input']>>;
  subject?: InputMaybe<Scalars['String']['input']>;
};

export type CreateWebhookEndpointInput = {
  baaId?: InputMaybe<Scalars['ID']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  eventTypes: Array<Scalars['String']['input']>;
  url: Scalars['String']['input'];
};

export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  key: ApiKey;
  /** shown once; store it now */
  secret: Scalars['String']['output'];
};

export type DenyAccessRequestInput = {
  ground: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};

/** A disclosure of a patient's PHI, for the accounting of disclosures (45 CFR 164.528). */
export type Disclosure = {
  __typename?: 'Disclosure';
  contactId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  disclosedAt: Scalars['DateTime']['output'];
  /** set: left out of the accounting, for this reason of 164.528(a)(1) */
  exclusion?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  masked: Scalars['Boolean']['output'];
  purpose: Scalars['String']['output'];
  /** sealed; null when masked */
  recipient?: Maybe<Scalars['String']['output']>;
  recipientAddress?: Maybe<Scalars['String']['output']>;
  /** webhook, access_request, export, manual */
  source: Scalars['String']['output'];
};

export type DisclosurePage = {
  __typename?: 'DisclosurePage';
  items: Array<Disclosure>;
  nextCursor?: Maybe<Scalars['String']['output']>;
};

/** A disclosure the accounting leaves out, with the reason. */
export type ExcludedDisclosure = {
  __typename?: 'ExcludedDisclosure';
  disclosedAt: Scalars['DateTime']['output'];
  exclusion: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  purpose: Scalars['String']['output'];
  source: Scalars['String']['output'];
};

/** An identifier in another system, e.g. system: "fhir", value: "Patient/123" */
export type ExternalId = {
  __typename?: 'ExternalId';
  system: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type ExternalIdInput = {
  system: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

export type ExternalRef = {
  __typename?: 'ExternalRef';
  system: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type ExternalRefInput = {
  system: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

export type Group = {
  __typename?: 'Group';
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  memberIds: Array<Scalars['ID']['output']>;
  name: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type GroupPage = {
  __typename?: 'GroupPage';
  items: Array<Group>;
  nextCursor?: Maybe<Scalars['String']['output']>;
};

export type Health = {
  __typename?: 'Health';
  status: Scalars['String']['output'];
};

export type Me = {
  __typename?: 'Me';
  groupIds: Array<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  mfa: Scalars['Boolean']['output'];
  roles: Array<Scalars['String']['output']>;
  scopes: Array<Scalars['String']['output']>;
  tenantId: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** idempotencyKey: as for createTicket (a retry with the same key and input returns the first comment) */
  addComment: Comment;
  addGroupMember: Group;
  /**
   * Trusts a partner IdP. An issuer belongs to one tenant platform-wide: one already registered
   * (by any tenant) is CONFLICT, whoever holds it. A jwksUri on a non-public address, or with a
   * user name or password, is UNPROCESSABLE (details path /jwksUri); so is an eleventh issuer.
   */
  addTrustedIssuer: TrustedIssuer;
  closeBreakGlass: BreakGlassGrant;
  createApiKey: CreatedApiKey;
  createBusinessAssociateAgreement: BusinessAssociateAgreement;
  createContact: Contact;
  createGroup: Group;
  /** idempotencyKey: same key and same input returns the first result; another input is IDEMPOTENCY_KEY_REUSED */
  createTicket: Ticket;
  createUser: User;
  createWebhookEndpoint: WebhookEndpointWithSecret;
  deleteContact: Scalars['Boolean']['output'];
  deleteGroup: Scalars['Boolean']['output'];
  /** expectedVersion: as for updateTicket */
  deleteTicket: Scalars['Boolean']['output'];
  deleteWebhookEndpoint: Scalars['Boolean']['output'];
  denyAccessRequest: AccessRequest;
  editComment: Comment;
  extendAccessRequest: AccessRequest;
  extendAccountingRequest: AccountingRequest;
  fulfilAccessRequest: AccessRequestFulfilment;
  fulfilAccountingRequest: AccountingReport;
  /** Does nothing; present so that areas can extend Mutation. */
  noop?: Maybe<Scalars['Boolean']['output']>;
  openAccessRequest: AccessRequest;
  openAccountingRequest: AccountingRequest;
  openBreakGlass: BreakGlassGrant;
  recordDisclosure: Disclosure;
  redactComment: Comment;
  removeGroupMember: Group;
  removeTrustedIssuer: Scalars['Boolean']['output'];
  replayWebhookDelivery: Scalars['Boolean']['output'];
  reviewBreakGlass: BreakGlassGrant;
  revokeApiKey: ApiKey;
  revokeUserSessions: User;
  rotateWebhookSecret: WebhookEndpointWithSecret;
  /** A mutation so that search terms (PHI) never travel in a GET URL. */
  searchContacts: Array<Contact>;
  /** starts a full re-verification job, or returns the tenant's running one */
  startAuditVerification: AuditVerificationJob;
  terminateBusinessAssociateAgreement: BusinessAssociateAgreement;
  /** sets the tenant's attachment limits (update on Tenant: tenant admins); applies from the next upload */
  updateAttachmentSettings: AttachmentSettings;
  updateBusinessAssociateAgreement: BusinessAssociateAgreement;
  updateContact: Contact;
  updateGroup: Group;
  updateTenant: Tenant;
  /** expectedVersion: fails with PRECONDITION_FAILED when the ticket changed since it was read */
  updateTicket: Ticket;
  updateUser: User;
  updateWebhookEndpoint: WebhookEndpoint;
};


export type MutationAddCommentArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateCommentInput;
  ticketId: Scalars['ID']['input'];
};


export type MutationAddGroupMemberArgs = {
  groupId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationAddTrustedIssuerArgs = {
  input: TrustedIssuerInput;
};


export type MutationCloseBreakGlassArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationCreateBusinessAssociateAgreementArgs = {
  input: CreateBusinessAssociateAgreementInput;
};


export type MutationCreateContactArgs = {
  input: CreateContactInput;
};


export type MutationCreateGroupArgs = {
  input: CreateGroupInput;
};


export type MutationCreateTicketArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateTicketInput;
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationCreateWebhookEndpointArgs = {
  input: CreateWebhookEndpointInput;
};


export type MutationDeleteContactArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteGroupArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteTicketArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationDeleteWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDenyAccessRequestArgs = {
  id: Scalars['ID']['input'];
  input: DenyAccessRequestInput;
};


export type MutationEditCommentArgs = {
  body: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationExtendAccessRequestArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationExtendAccountingRequestArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationFulfilAccessRequestArgs = {
  id: Scalars['ID']['input'];
};


export type MutationFulfilAccountingRequestArgs = {
  id: Scalars['ID']['input'];
};


export type MutationOpenAccessRequestArgs = {
  input: OpenAccessRequestInput;
};


export type MutationOpenAccountingRequestArgs = {
  contactId: Scalars['ID']['input'];
};


export type MutationOpenBreakGlassArgs = {
  input: OpenBreakGlassInput;
};


export type MutationRecordDisclosureArgs = {
  input: RecordDisclosureInput;
};


export type MutationRedactCommentArgs = {
  id: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationRemoveGroupMemberArgs = {
  groupId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationRemoveTrustedIssuerArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReplayWebhookDeliveryArgs = {
  deliveryId: Scalars['ID']['input'];
  endpointId: Scalars['ID']['input'];
};


export type MutationReviewBreakGlassArgs = {
  id: Scalars['ID']['input'];
  input: ReviewBreakGlassInput;
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeUserSessionsArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateWebhookSecretArgs = {
  id: Scalars['ID']['input'];
  overlapMinutes?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationSearchContactsArgs = {
  input: ContactSearchInput;
};


export type MutationTerminateBusinessAssociateAgreementArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateAttachmentSettingsArgs = {
  input: UpdateAttachmentSettingsInput;
};


export type MutationUpdateBusinessAssociateAgreementArgs = {
  id: Scalars['ID']['input'];
  input: UpdateBusinessAssociateAgreementInput;
};


export type MutationUpdateContactArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  input: UpdateContactInput;
};


export type MutationUpdateGroupArgs = {
  id: Scalars['ID']['input'];
  input: UpdateGroupInput;
};


export type MutationUpdateTenantArgs = {
  input: UpdateTenantInput;
};


export type MutationUpdateTicketArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  input: UpdateTicketInput;
};


export type MutationUpdateUserArgs = {
  id: Scalars['ID']['input'];
  input: UpdateUserInput;
};


export type MutationUpdateWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
  input: UpdateWebhookEndpointInput;
};

export type OpenAccessRequestInput = {
  contactId: Scalars['ID']['input'];
  verificationMethod: Scalars['String']['input'];
  verificationNote?: InputMaybe<Scalars['String']['input']>;
};

export type OpenBreakGlassInput = {
  durationMinutes: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
  resourceId: Scalars['ID']['input'];
  resourceType: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  accessRequest: AccessRequest;
  /** timing: open, due_soon, overdue, all */
  accessRequests: AccessRequestPage;
  accountingReport: AccountingReport;
  accountingRequest: AccountingRequest;
  accountingRequests: AccountingRequestPage;
  apiKey: ApiKey;
  apiKeys: ApiKeyPage;
  attachment: Attachment;
  /** the tenant's attachment limits (read on Tenant) */
  attachmentSettings: AttachmentSettings;
  auditEvents: AuditEventPage;
  /** incremental: from the last verified signed checkpoint to the head */
  auditVerification: AuditVerification;
  auditVerificationJob: AuditVerificationJob;
  breakGlassGrants: BreakGlassPage;
  businessAssociateAgreement: BusinessAssociateAgreement;
  businessAssociateAgreements: BusinessAssociateAgreementPage;
  contact: Contact;
  contacts: ContactPage;
  disclosures: DisclosurePage;
  group: Group;
  groups: GroupPage;
  /** Liveness of the GraphQL layer; needs no authentication. */
  health: Health;
  me: Me;
  tenant: Tenant;
  ticket: Ticket;
  /** a ticket's attachments (its comments' included, as far as the caller may see those comments) */
  ticketAttachments: AttachmentPage;
  tickets: TicketPage;
  trustedIssuers: Array<TrustedIssuer>;
  user: User;
  users: UserPage;
  webhookAttempts: WebhookAttemptPage;
  webhookEndpoint: WebhookEndpoint;
  webhookEndpoints: WebhookEndpointPage;
};


export type QueryAccessRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAccessRequestsArgs = {
  contactId?: InputMaybe<Scalars['ID']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  timing?: InputMaybe<Scalars['String']['input']>;
};


export type QueryAccountingReportArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAccountingRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAccountingRequestsArgs = {
  contactId?: InputMaybe<Scalars['ID']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  timing?: InputMaybe<Scalars['String']['input']>;
};


export type QueryApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type QueryApiKeysArgs = {
  cursor?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAttachmentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAuditEventsArgs = {
  cursor?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditEventFilter>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<AuditOrder>;
};


export type QueryAuditVerificationJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBreakGlassGrantsArgs = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryBusinessAssociateAgreementArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBusinessAssociateAgreementsArgs = {
  cursor?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryContactArgs = {
  id: Scalars['ID']['input'];
};


export type QueryContactsArgs = {
  cursor?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDisclosuresArgs = {
  contactId: Scalars['ID']['input'];
  cursor?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryGroupArgs = {
  id: Scalars['ID']['input'];
};


export type QueryGroupsArgs = {
  cursor?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTicketArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTicketAttachmentsArgs = {
  cursor?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  ticketId: Scalars['ID']['input'];
};


export type QueryTicketsArgs = {
  cursor?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  cursor?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWebhookAttemptsArgs = {
  cursor?: InputMaybe<Scalars['String']['input']>;
  endpointId: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWebhookEndpointsArgs = {
  cursor?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};

export type RecordDisclosureInput = {
  contactId: Scalars['ID']['input'];
  description: Scalars['String']['input'];
  /** RFC 3339 date-time */
  disclosedAt: Scalars['String']['input'];
  exclusion?: InputMaybe<Scalars['String']['input']>;
  purpose: Scalars['String']['input'];
  recipient: Scalars['String']['input'];
  recipientAddress?: InputMaybe<Scalars['String']['input']>;
};

export type ReviewBreakGlassInput = {
  /** free text, sealed at rest like PHI; readable later by the privacy officer and the grant's holder only */
  note?: InputMaybe<Scalars['String']['input']>;
  /** justified or unjustified */
  outcome: Scalars['String']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Changes to the tickets you may see (optionally one ticket), filtered by your abilities at
   * delivery: you receive nothing about a ticket or an internal note you could not read.
   */
  ticketEvents: TicketEvent;
};


export type SubscriptionTicketEventsArgs = {
  ticketId?: InputMaybe<Scalars['ID']['input']>;
};

export type Tenant = {
  __typename?: 'Tenant';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  requireMfaForPhi: Scalars['Boolean']['output'];
  slug: Scalars['String']['output'];
  status: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type Ticket = {
  __typename?: 'Ticket';
  assignee?: Maybe<User>;
  assigneeId?: Maybe<Scalars['ID']['output']>;
  channel: Scalars['String']['output'];
  comments: CommentPage;
  createdAt: Scalars['DateTime']['output'];
  customFields: Scalars['JSON']['output'];
  description?: Maybe<Scalars['String']['output']>;
  externalRefs?: Maybe<Array<ExternalRef>>;
  group?: Maybe<Group>;
  groupId?: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  lastComment?: Maybe<Comment>;
  /** true when the caller may not read PHI: subject, description, PHI custom fields and references are then null */
  masked: Scalars['Boolean']['output'];
  priority: Scalars['String']['output'];
  requester?: Maybe<Contact>;
  requesterId?: Maybe<Scalars['ID']['output']>;
  sla: TicketSla;
  solvedAt?: Maybe<Scalars['DateTime']['output']>;
  status: Scalars['String']['output'];
  subject?: Maybe<Scalars['String']['output']>;
  tags: Array<Scalars['String']['output']>;
  timeline: Array<TimelineEntry>;
  type: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** optimistic concurrency: pass it back as expectedVersion */
  version: Scalars['Int']['output'];
};


export type TicketCommentsArgs = {
  cursor?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};

/** A change to a ticket or its comments, delivered once it has committed. */
export type TicketEvent = {
  __typename?: 'TicketEvent';
  /** the comment added (comment.added only) */
  commentId?: Maybe<Scalars['ID']['output']>;
  occurredAt: Scalars['DateTime']['output'];
  /** the ticket as you may see it now (PHI masked without read_phi); the read is audited */
  ticket?: Maybe<Ticket>;
  ticketId: Scalars['ID']['output'];
  /** ticket.created, ticket.updated, ticket.solved, ticket.sla_breached or comment.added */
  type: Scalars['String']['output'];
};

export type TicketFilter = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  groupId?: InputMaybe<Scalars['ID']['input']>;
  priority?: InputMaybe<Array<Scalars['String']['input']>>;
  requesterId?: InputMaybe<Scalars['ID']['input']>;
  /** breached or at_risk */
  sla?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Array<Scalars['String']['input']>>;
  tag?: InputMaybe<Scalars['String']['input']>;
  updatedSince?: InputMaybe<Scalars['DateTime']['input']>;
  withinMinutes?: InputMaybe<Scalars['Int']['input']>;
};

export type TicketPage = {
  __typename?: 'TicketPage';
  items: Array<Ticket>;
  nextCursor?: Maybe<Scalars['String']['output']>;
};

export type TicketSla = {
  __typename?: 'TicketSla';
  firstRespondedAt?: Maybe<Scalars['DateTime']['output']>;
  firstResponseBreached: Scalars['Boolean']['output'];
  firstResponseDueAt?: Maybe<Scalars['DateTime']['output']>;
  resolutionBreached: Scalars['Boolean']['output'];
  resolutionDueAt?: Maybe<Scalars['DateTime']['output']>;
};

export type TimelineEntry = {
  __typename?: 'TimelineEntry';
  actorId: Scalars['ID']['output'];
  changes: Scalars['JSON']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  type: Scalars['String']['output'];
};

export type TrustedIssuer = {
  __typename?: 'TrustedIssuer';
  audience: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  groupsClaim: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  issuer: Scalars['String']['output'];
  jwksUri: Scalars['String']['output'];
  rolesClaim: Scalars['String']['output'];
};

export type TrustedIssuerInput = {
  audience: Scalars['String']['input'];
  groupsClaim?: InputMaybe<Scalars['String']['input']>;
  issuer: Scalars['String']['input'];
  jwksUri: Scalars['String']['input'];
  rolesClaim?: InputMaybe<Scalars['String']['input']>;
};

/** Replaces both limits at once. */
export type UpdateAttachmentSettingsInput = {
  /**
   * one or more distinct types, each of application/pdf, image/png, image/jpeg, image/gif,
   * image/webp, image/tiff, application/dicom, application/zip, application/x-msdownload,
   * application/x-executable, text/plain
   */
  allowedTypes: Array<Scalars['String']['input']>;
  /** a whole number of bytes, 1 to 4294967296 (4 GiB) */
  maxBytes: Scalars['Float']['input'];
};

export type UpdateBusinessAssociateAgreementInput = {
  counterparty?: InputMaybe<Scalars['String']['input']>;
  documentRef?: InputMaybe<Scalars['String']['input']>;
  effectiveOn?: InputMaybe<Scalars['String']['input']>;
  expiresOn?: InputMaybe<Scalars['String']['input']>;
  scope?: InputMaybe<Scalars['String']['input']>;
};

/** Merge-patch semantics: an omitted field is unchanged, null clears it; address parts merge. */
export type UpdateContactInput = {
  address?: InputMaybe<AddressInput>;
  dateOfBirth?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  externalIds?: InputMaybe<Array<ExternalIdInput>>;
  healthPlanMemberId?: InputMaybe<Scalars['String']['input']>;
  mrn?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateGroupInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateTenantInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  requireMfaForPhi?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Merge-patch semantics: omitted fields stay; null clears where a field may be empty. */
export type UpdateTicketInput = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  externalRefs?: InputMaybe<Array<ExternalRefInput>>;
  groupId?: InputMaybe<Scalars['ID']['input']>;
  priority?: InputMaybe<Scalars['String']['input']>;
  requesterId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
  subject?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  type?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateUserInput = {
  contactId?: InputMaybe<Scalars['ID']['input']>;
  displayName?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  roles?: InputMaybe<Array<Scalars['String']['input']>>;
  status?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateWebhookEndpointInput = {
  baaId?: InputMaybe<Scalars['ID']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  eventTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  url?: InputMaybe<Scalars['String']['input']>;
};

export type User = {
  __typename?: 'User';
  contactId?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['DateTime']['output'];
  displayName: Scalars['String']['output'];
  email?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  issuer?: Maybe<Scalars['String']['output']>;
  lastSeenAt?: Maybe<Scalars['DateTime']['output']>;
  roles: Array<Scalars['String']['output']>;
  sessionsRevokedAfter?: Maybe<Scalars['DateTime']['output']>;
  status: Scalars['String']['output'];
  subject?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};

export type UserPage = {
  __typename?: 'UserPage';
  items: Array<User>;
  nextCursor?: Maybe<Scalars['String']['output']>;
};

export type WebhookAttempt = {
  __typename?: 'WebhookAttempt';
  attempt: Scalars['Int']['output'];
  carriedPhi: Scalars['Boolean']['output'];
  /** the webhook-id receivers deduplicate by */
  deliveryId: Scalars['ID']['output'];
  deliveryStatus: Scalars['String']['output'];
  durationMs: Scalars['Int']['output'];
  /** url_refused, timeout, network, http_status or internal */
  error?: Maybe<Scalars['String']['output']>;
  eventType: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  startedAt: Scalars['DateTime']['output'];
  statusCode?: Maybe<Scalars['Int']['output']>;
};

export type WebhookAttemptPage = {
  __typename?: 'WebhookAttemptPage';
  items: Array<WebhookAttempt>;
  nextCursor?: Maybe<Scalars['String']['output']>;
};

/** Where a tenant's events are POSTed, signed per Standard Webhooks. PHI only under an agreement in force. */
export type WebhookEndpoint = {
  __typename?: 'WebhookEndpoint';
  /** the Business Associate Agreement the recipient is under; without one in force, payloads carry ids only */
  baaId?: Maybe<Scalars['ID']['output']>;
  consecutiveFailures: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  disabledAt?: Maybe<Scalars['DateTime']['output']>;
  disabledReason?: Maybe<Scalars['String']['output']>;
  enabled: Scalars['Boolean']['output'];
  /** ticket.created, ticket.updated, ticket.solved, ticket.sla_breached, comment.added, break_glass.opened, webhook_endpoint.disabled, access_request.due_soon, access_request.overdue, accounting_request.due_soon, accounting_request.overdue */
  eventTypes: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  updatedAt: Scalars['DateTime']['output'];
  url: Scalars['String']['output'];
};

export type WebhookEndpointPage = {
  __typename?: 'WebhookEndpointPage';
  items: Array<WebhookEndpoint>;
  nextCursor?: Maybe<Scalars['String']['output']>;
};

/** An endpoint with its signing secret: shown once, at creation and rotation. */
export type WebhookEndpointWithSecret = {
  __typename?: 'WebhookEndpointWithSecret';
  endpoint: WebhookEndpoint;
  secret: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccessRequest: ResolverTypeWrapper<AccessRequest>;
  AccessRequestDenial: ResolverTypeWrapper<AccessRequestDenial>;
  AccessRequestDownload: ResolverTypeWrapper<AccessRequestDownload>;
  AccessRequestFulfilment: ResolverTypeWrapper<AccessRequestFulfilment>;
  AccessRequestPage: ResolverTypeWrapper<AccessRequestPage>;
  AccountingReport: ResolverTypeWrapper<AccountingReport>;
  AccountingRequest: ResolverTypeWrapper<AccountingRequest>;
  AccountingRequestPage: ResolverTypeWrapper<AccountingRequestPage>;
  Address: ResolverTypeWrapper<Address>;
  AddressInput: AddressInput;
  ApiKey: ResolverTypeWrapper<ApiKey>;
  ApiKeyPage: ResolverTypeWrapper<ApiKeyPage>;
  Attachment: ResolverTypeWrapper<Attachment>;
  AttachmentPage: ResolverTypeWrapper<AttachmentPage>;
  AttachmentSettings: ResolverTypeWrapper<AttachmentSettings>;
  AuditActor: ResolverTypeWrapper<AuditActor>;
  AuditEvent: ResolverTypeWrapper<AuditEvent>;
  AuditEventFilter: AuditEventFilter;
  AuditEventPage: ResolverTypeWrapper<AuditEventPage>;
  AuditFinding: ResolverTypeWrapper<AuditFinding>;
  AuditOrder: AuditOrder;
  AuditPending: ResolverTypeWrapper<AuditPending>;
  AuditResource: ResolverTypeWrapper<AuditResource>;
  AuditSeqRange: ResolverTypeWrapper<AuditSeqRange>;
  AuditVerification: ResolverTypeWrapper<AuditVerification>;
  AuditVerificationJob: ResolverTypeWrapper<AuditVerificationJob>;
  AuditVerifiedPosition: ResolverTypeWrapper<AuditVerifiedPosition>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BreakGlassGrant: ResolverTypeWrapper<BreakGlassGrant>;
  BreakGlassPage: ResolverTypeWrapper<BreakGlassPage>;
  BreakGlassReview: ResolverTypeWrapper<BreakGlassReview>;
  BusinessAssociateAgreement: ResolverTypeWrapper<BusinessAssociateAgreement>;
  BusinessAssociateAgreementPage: ResolverTypeWrapper<BusinessAssociateAgreementPage>;
  Comment: ResolverTypeWrapper<Comment>;
  CommentPage: ResolverTypeWrapper<CommentPage>;
  Contact: ResolverTypeWrapper<Contact>;
  ContactPage: ResolverTypeWrapper<ContactPage>;
  ContactSearchInput: ContactSearchInput;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateBusinessAssociateAgreementInput: CreateBusinessAssociateAgreementInput;
  CreateCommentInput: CreateCommentInput;
  CreateContactInput: CreateContactInput;
  CreateGroupInput: CreateGroupInput;
  CreateTicketInput: CreateTicketInput;
  CreateUserInput: CreateUserInput;
  CreateWebhookEndpointInput: CreateWebhookEndpointInput;
  CreatedApiKey: ResolverTypeWrapper<CreatedApiKey>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DenyAccessRequestInput: DenyAccessRequestInput;
  Disclosure: ResolverTypeWrapper<Disclosure>;
  DisclosurePage: ResolverTypeWrapper<DisclosurePage>;
  ExcludedDisclosure: ResolverTypeWrapper<ExcludedDisclosure>;
  ExternalId: ResolverTypeWrapper<ExternalId>;
  ExternalIdInput: ExternalIdInput;
  ExternalRef: ResolverTypeWrapper<ExternalRef>;
  ExternalRefInput: ExternalRefInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Group: ResolverTypeWrapper<Group>;
  GroupPage: ResolverTypeWrapper<GroupPage>;
  Health: ResolverTypeWrapper<Health>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Me: ResolverTypeWrapper<Me>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OpenAccessRequestInput: OpenAccessRequestInput;
  OpenBreakGlassInput: OpenBreakGlassInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordDisclosureInput: RecordDisclosureInput;
  ReviewBreakGlassInput: ReviewBreakGlassInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Tenant: ResolverTypeWrapper<Tenant>;
  Ticket: ResolverTypeWrapper<Ticket>;
  TicketEvent: ResolverTypeWrapper<TicketEvent>;
  TicketFilter: TicketFilter;
  TicketPage: ResolverTypeWrapper<TicketPage>;
  TicketSla: ResolverTypeWrapper<TicketSla>;
  TimelineEntry: ResolverTypeWrapper<TimelineEntry>;
  TrustedIssuer: ResolverTypeWrapper<TrustedIssuer>;
  TrustedIssuerInput: TrustedIssuerInput;
  UpdateAttachmentSettingsInput: UpdateAttachmentSettingsInput;
  UpdateBusinessAssociateAgreementInput: UpdateBusinessAssociateAgreementInput;
  UpdateContactInput: UpdateContactInput;
  UpdateGroupInput: UpdateGroupInput;
  UpdateTenantInput: UpdateTenantInput;
  UpdateTicketInput: UpdateTicketInput;
  UpdateUserInput: UpdateUserInput;
  UpdateWebhookEndpointInput: UpdateWebhookEndpointInput;
  User: ResolverTypeWrapper<User>;
  UserPage: ResolverTypeWrapper<UserPage>;
  WebhookAttempt: ResolverTypeWrapper<WebhookAttempt>;
  WebhookAttemptPage: ResolverTypeWrapper<WebhookAttemptPage>;
  WebhookEndpoint: ResolverTypeWrapper<WebhookEndpoint>;
  WebhookEndpointPage: ResolverTypeWrapper<WebhookEndpointPage>;
  WebhookEndpointWithSecret: ResolverTypeWrapper<WebhookEndpointWithSecret>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccessRequest: AccessRequest;
  AccessRequestDenial: AccessRequestDenial;
  AccessRequestDownload: AccessRequestDownload;
  AccessRequestFulfilment: AccessRequestFulfilment;
  AccessRequestPage: AccessRequestPage;
  AccountingReport: AccountingReport;
  AccountingRequest: AccountingRequest;
  AccountingRequestPage: AccountingRequestPage;
  Address: Address;
  AddressInput: AddressInput;
  ApiKey: ApiKey;
  ApiKeyPage: ApiKeyPage;
  Attachment: Attachment;
  AttachmentPage: AttachmentPage;
  AttachmentSettings: AttachmentSettings;
  AuditActor: AuditActor;
  AuditEvent: AuditEvent;
  AuditEventFilter: AuditEventFilter;
  AuditEventPage: AuditEventPage;
  AuditFinding: AuditFinding;
  AuditPending: AuditPending;
  AuditResource: AuditResource;
  AuditSeqRange: AuditSeqRange;
  AuditVerification: AuditVerification;
  AuditVerificationJob: AuditVerificationJob;
  AuditVerifiedPosition: AuditVerifiedPosition;
  Boolean: Scalars['Boolean']['output'];
  BreakGlassGrant: BreakGlassGrant;
  BreakGlassPage: BreakGlassPage;
  BreakGlassReview: BreakGlassReview;
  BusinessAssociateAgreement: BusinessAssociateAgreement;
  BusinessAssociateAgreementPage: BusinessAssociateAgreementPage;
  Comment: Comment;
  CommentPage: CommentPage;
  Contact: Contact;
  ContactPage: ContactPage;
  ContactSearchInput: ContactSearchInput;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateBusinessAssociateAgreementInput: CreateBusinessAssociateAgreementInput;
  CreateCommentInput: CreateCommentInput;
  CreateContactInput: CreateContactInput;
  CreateGroupInput: CreateGroupInput;
  CreateTicketInput: CreateTicketInput;
  CreateUserInput: CreateUserInput;
  CreateWebhookEndpointInput: CreateWebhookEndpointInput;
  CreatedApiKey: CreatedApiKey;
  DateTime: Scalars['DateTime']['output'];
  DenyAccessRequestInput: DenyAccessRequestInput;
  Disclosure: Disclosure;
  DisclosurePage: DisclosurePage;
  ExcludedDisclosure: ExcludedDisclosure;
  ExternalId: ExternalId;
  ExternalIdInput: ExternalIdInput;
  ExternalRef: ExternalRef;
  ExternalRefInput: ExternalRefInput;
  Float: Scalars['Float']['output'];
  Group: Group;
  GroupPage: GroupPage;
  Health: Health;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  Me: Me;
  Mutation: Record<PropertyKey, never>;
  OpenAccessRequestInput: OpenAccessRequestInput;
  OpenBreakGlassInput: OpenBreakGlassInput;
  Query: Record<PropertyKey, never>;
  RecordDisclosureInput: RecordDisclosureInput;
  ReviewBreakGlassInput: ReviewBreakGlassInput;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  Tenant: Tenant;
  Ticket: Ticket;
  TicketEvent: TicketEvent;
  TicketFilter: TicketFilter;
  TicketPage: TicketPage;
  TicketSla: TicketSla;
  TimelineEntry: TimelineEntry;
  TrustedIssuer: TrustedIssuer;
  TrustedIssuerInput: TrustedIssuerInput;
  UpdateAttachmentSettingsInput: UpdateAttachmentSettingsInput;
  UpdateBusinessAssociateAgreementInput: UpdateBusinessAssociateAgreementInput;
  UpdateContactInput: UpdateContactInput;
  UpdateGroupInput: UpdateGroupInput;
  UpdateTenantInput: UpdateTenantInput;
  UpdateTicketInput: UpdateTicketInput;
  UpdateUserInput: UpdateUserInput;
  UpdateWebhookEndpointInput: UpdateWebhookEndpointInput;
  User: User;
  UserPage: UserPage;
  WebhookAttempt: WebhookAttempt;
  WebhookAttemptPage: WebhookAttemptPage;
  WebhookEndpoint: WebhookEndpoint;
  WebhookEndpointPage: WebhookEndpointPage;
  WebhookEndpointWithSecret: WebhookEndpointWithSecret;
};

export type AccessRequestResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AccessRequest'] = ResolversParentTypes['AccessRequest']> = {
  contactId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  denial?: Resolver<Maybe<ResolversTypes['AccessRequestDenial']>, ParentType, ContextType>;
  deniedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dueAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  extendedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  extensionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fulfilledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  masked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  openedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timing?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  verificationMethod?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  verificationNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AccessRequestDenialResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AccessRequestDenial'] = ResolversParentTypes['AccessRequestDenial']> = {
  ground?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reviewable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AccessRequestDownloadResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AccessRequestDownload'] = ResolversParentTypes['AccessRequestDownload']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AccessRequestFulfilmentResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AccessRequestFulfilment'] = ResolversParentTypes['AccessRequestFulfilment']> = {
  download?: Resolver<ResolversTypes['AccessRequestDownload'], ParentType, ContextType>;
  request?: Resolver<ResolversTypes['AccessRequest'], ParentType, ContextType>;
};

export type AccessRequestPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AccessRequestPage'] = ResolversParentTypes['AccessRequestPage']> = {
  items?: Resolver<Array<ResolversTypes['AccessRequest']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AccountingReportResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AccountingReport'] = ResolversParentTypes['AccountingReport']> = {
  chargeable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  contactId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  disclosures?: Resolver<Array<ResolversTypes['Disclosure']>, ParentType, ContextType>;
  excluded?: Resolver<Array<ResolversTypes['ExcludedDisclosure']>, ParentType, ContextType>;
  generatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type AccountingRequestResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AccountingRequest'] = ResolversParentTypes['AccountingRequest']> = {
  chargeable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  contactId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dueAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  extendedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  extensionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fulfilledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  masked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timing?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type AccountingRequestPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AccountingRequestPage'] = ResolversParentTypes['AccountingRequestPage']> = {
  items?: Resolver<Array<ResolversTypes['AccountingRequest']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AddressResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = {
  city?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  line1?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ApiKeyResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = {
  allowedCidrs?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ApiKeyPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ApiKeyPage'] = ResolversParentTypes['ApiKeyPage']> = {
  items?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AttachmentResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Attachment'] = ResolversParentTypes['Attachment']> = {
  commentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contentUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  filename?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  masked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ticketId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type AttachmentPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AttachmentPage'] = ResolversParentTypes['AttachmentPage']> = {
  items?: Resolver<Array<ResolversTypes['Attachment']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AttachmentSettingsResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AttachmentSettings'] = ResolversParentTypes['AttachmentSettings']> = {
  allowedTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  maxBytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type AuditActorResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AuditActor'] = ResolversParentTypes['AuditActor']> = {
  authMethod?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  keyId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sessionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuditEventResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AuditEvent'] = ResolversParentTypes['AuditEvent']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['AuditActor'], ParentType, ContextType>;
  breakGlassReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clientAddrHash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phiFields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  prevHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purposeOfUse?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reasonCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['AuditResource'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  subjectContactId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  tenantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  userAgentFamily?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuditEventPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AuditEventPage'] = ResolversParentTypes['AuditEventPage']> = {
  items?: Resolver<Array<ResolversTypes['AuditEvent']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuditFindingResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AuditFinding'] = ResolversParentTypes['AuditFinding']> = {
  checkpointTreeSize?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  damage?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastSuspectSeq?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  seq?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type AuditPendingResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AuditPending'] = ResolversParentTypes['AuditPending']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  oldestAgeSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type AuditResourceResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AuditResource'] = ResolversParentTypes['AuditResource']> = {
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditSeqRangeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AuditSeqRange'] = ResolversParentTypes['AuditSeqRange']> = {
  fromSeq?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  toSeq?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type AuditVerificationResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AuditVerification'] = ResolversParentTypes['AuditVerification']> = {
  checked?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  checkedRange?: Resolver<Maybe<ResolversTypes['AuditSeqRange']>, ParentType, ContextType>;
  checkpointStoreProblem?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  checkpointedSize?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  checkpoints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checkpointsVerified?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  damage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventsChecked?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  findings?: Resolver<Array<ResolversTypes['AuditFinding']>, ParentType, ContextType>;
  firstBadSeq?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  headHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  headSeq?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  keyIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  newCheckpointsVerified?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['AuditPending'], ParentType, ContextType>;
  positionProblem?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  retentionYears?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedFrom?: Resolver<Maybe<ResolversTypes['AuditVerifiedPosition']>, ParentType, ContextType>;
  tenantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  uncheckedEvents?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  verifiedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type AuditVerificationJobResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AuditVerificationJob'] = ResolversParentTypes['AuditVerificationJob']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventsChecked?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  eventsPerSecond?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  requestedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  result?: Resolver<Maybe<ResolversTypes['AuditVerification']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tenantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  totalEvents?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type AuditVerifiedPositionResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AuditVerifiedPosition'] = ResolversParentTypes['AuditVerifiedPosition']> = {
  checkpointTreeSize?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  verifiedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  verifiedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BreakGlassGrantResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['BreakGlassGrant'] = ResolversParentTypes['BreakGlassGrant']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  actorId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reasonLength?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  resourceType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  review?: Resolver<Maybe<ResolversTypes['BreakGlassReview']>, ParentType, ContextType>;
};

export type BreakGlassPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['BreakGlassPage'] = ResolversParentTypes['BreakGlassPage']> = {
  items?: Resolver<Array<ResolversTypes['BreakGlassGrant']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BreakGlassReviewResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['BreakGlassReview'] = ResolversParentTypes['BreakGlassReview']> = {
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  noteLength?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reviewedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reviewedBy?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type BusinessAssociateAgreementResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['BusinessAssociateAgreement'] = ResolversParentTypes['BusinessAssociateAgreement']> = {
  counterparty?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  documentRef?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  effectiveOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresOn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inForce?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  terminatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type BusinessAssociateAgreementPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['BusinessAssociateAgreementPage'] = ResolversParentTypes['BusinessAssociateAgreementPage']> = {
  items?: Resolver<Array<ResolversTypes['BusinessAssociateAgreement']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CommentResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Comment'] = ResolversParentTypes['Comment']> = {
  authorId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  authorKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  body?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  masked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  public?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  redacted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ticketId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type CommentPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['CommentPage'] = ResolversParentTypes['CommentPage']> = {
  items?: Resolver<Array<ResolversTypes['Comment']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ContactResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Contact'] = ResolversParentTypes['Contact']> = {
  address?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dateOfBirth?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  externalIds?: Resolver<Maybe<Array<ResolversTypes['ExternalId']>>, ParentType, ContextType>;
  healthPlanMemberId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  masked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  mrn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContactPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ContactPage'] = ResolversParentTypes['ContactPage']> = {
  items?: Resolver<Array<ResolversTypes['Contact']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CreatedApiKeyResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['CreatedApiKey'] = ResolversParentTypes['CreatedApiKey']> = {
  key?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DisclosureResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Disclosure'] = ResolversParentTypes['Disclosure']> = {
  contactId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  disclosedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  exclusion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  masked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recipient?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recipientAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DisclosurePageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['DisclosurePage'] = ResolversParentTypes['DisclosurePage']> = {
  items?: Resolver<Array<ResolversTypes['Disclosure']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ExcludedDisclosureResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ExcludedDisclosure'] = ResolversParentTypes['ExcludedDisclosure']> = {
  disclosedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  exclusion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ExternalIdResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ExternalId'] = ResolversParentTypes['ExternalId']> = {
  system?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ExternalRefResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ExternalRef'] = ResolversParentTypes['ExternalRef']> = {
  system?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type GroupResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Group'] = ResolversParentTypes['Group']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  memberIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type GroupPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['GroupPage'] = ResolversParentTypes['GroupPage']> = {
  items?: Resolver<Array<ResolversTypes['Group']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type HealthResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Health'] = ResolversParentTypes['Health']> = {
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Me'] = ResolversParentTypes['Me']> = {
  groupIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mfa?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  tenantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addComment?: Resolver<ResolversTypes['Comment'], ParentType, ContextType, RequireFields<MutationAddCommentArgs, 'input' | 'ticketId'>>;
  addGroupMember?: Resolver<ResolversTypes['Group'], ParentType, ContextType, RequireFields<MutationAddGroupMemberArgs, 'groupId' | 'userId'>>;
  addTrustedIssuer?: Resolver<ResolversTypes['TrustedIssuer'], ParentType, ContextType, RequireFields<MutationAddTrustedIssuerArgs, 'input'>>;
  closeBreakGlass?: Resolver<ResolversTypes['BreakGlassGrant'], ParentType, ContextType, RequireFields<MutationCloseBreakGlassArgs, 'id'>>;
  createApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  createBusinessAssociateAgreement?: Resolver<ResolversTypes['BusinessAssociateAgreement'], ParentType, ContextType, RequireFields<MutationCreateBusinessAssociateAgreementArgs, 'input'>>;
  createContact?: Resolver<ResolversTypes['Contact'], ParentType, ContextType, RequireFields<MutationCreateContactArgs, 'input'>>;
  createGroup?: Resolver<ResolversTypes['Group'], ParentType, ContextType, RequireFields<MutationCreateGroupArgs, 'input'>>;
  createTicket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<MutationCreateTicketArgs, 'input'>>;
  createUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationCreateUserArgs, 'input'>>;
  createWebhookEndpoint?: Resolver<ResolversTypes['WebhookEndpointWithSecret'], ParentType, ContextType, RequireFields<MutationCreateWebhookEndpointArgs, 'input'>>;
  deleteContact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteContactArgs, 'id'>>;
  deleteGroup?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteGroupArgs, 'id'>>;
  deleteTicket?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteTicketArgs, 'id'>>;
  deleteWebhookEndpoint?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteWebhookEndpointArgs, 'id'>>;
  denyAccessRequest?: Resolver<ResolversTypes['AccessRequest'], ParentType, ContextType, RequireFields<MutationDenyAccessRequestArgs, 'id' | 'input'>>;
  editComment?: Resolver<ResolversTypes['Comment'], ParentType, ContextType, RequireFields<MutationEditCommentArgs, 'body' | 'id'>>;
  extendAccessRequest?: Resolver<ResolversTypes['AccessRequest'], ParentType, ContextType, RequireFields<MutationExtendAccessRequestArgs, 'id' | 'reason'>>;
  extendAccountingRequest?: Resolver<ResolversTypes['AccountingRequest'], ParentType, ContextType, RequireFields<MutationExtendAccountingRequestArgs, 'id' | 'reason'>>;
  fulfilAccessRequest?: Resolver<ResolversTypes['AccessRequestFulfilment'], ParentType, ContextType, RequireFields<MutationFulfilAccessRequestArgs, 'id'>>;
  fulfilAccountingRequest?: Resolver<ResolversTypes['AccountingReport'], ParentType, ContextType, RequireFields<MutationFulfilAccountingRequestArgs, 'id'>>;
  noop?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  openAccessRequest?: Resolver<ResolversTypes['AccessRequest'], ParentType, ContextType, RequireFields<MutationOpenAccessRequestArgs, 'input'>>;
  openAccountingRequest?: Resolver<ResolversTypes['AccountingRequest'], ParentType, ContextType, RequireFields<MutationOpenAccountingRequestArgs, 'contactId'>>;
  openBreakGlass?: Resolver<ResolversTypes['BreakGlassGrant'], ParentType, ContextType, RequireFields<MutationOpenBreakGlassArgs, 'input'>>;
  recordDisclosure?: Resolver<ResolversTypes['Disclosure'], ParentType, ContextType, RequireFields<MutationRecordDisclosureArgs, 'input'>>;
  redactComment?: Resolver<ResolversTypes['Comment'], ParentType, ContextType, RequireFields<MutationRedactCommentArgs, 'id' | 'text'>>;
  removeGroupMember?: Resolver<ResolversTypes['Group'], ParentType, ContextType, RequireFields<MutationRemoveGroupMemberArgs, 'groupId' | 'userId'>>;
  removeTrustedIssuer?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveTrustedIssuerArgs, 'id'>>;
  replayWebhookDelivery?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationReplayWebhookDeliveryArgs, 'deliveryId' | 'endpointId'>>;
  reviewBreakGlass?: Resolver<ResolversTypes['BreakGlassGrant'], ParentType, ContextType, RequireFields<MutationReviewBreakGlassArgs, 'id' | 'input'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  revokeUserSessions?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationRevokeUserSessionsArgs, 'id'>>;
  rotateWebhookSecret?: Resolver<ResolversTypes['WebhookEndpointWithSecret'], ParentType, ContextType, RequireFields<MutationRotateWebhookSecretArgs, 'id'>>;
  searchContacts?: Resolver<Array<ResolversTypes['Contact']>, ParentType, ContextType, RequireFields<MutationSearchContactsArgs, 'input'>>;
  startAuditVerification?: Resolver<ResolversTypes['AuditVerificationJob'], ParentType, ContextType>;
  terminateBusinessAssociateAgreement?: Resolver<ResolversTypes['BusinessAssociateAgreement'], ParentType, ContextType, RequireFields<MutationTerminateBusinessAssociateAgreementArgs, 'id'>>;
  updateAttachmentSettings?: Resolver<ResolversTypes['AttachmentSettings'], ParentType, ContextType, RequireFields<MutationUpdateAttachmentSettingsArgs, 'input'>>;
  updateBusinessAssociateAgreement?: Resolver<ResolversTypes['BusinessAssociateAgreement'], ParentType, ContextType, RequireFields<MutationUpdateBusinessAssociateAgreementArgs, 'id' | 'input'>>;
  updateContact?: Resolver<ResolversTypes['Contact'], ParentType, ContextType, RequireFields<MutationUpdateContactArgs, 'id' | 'input'>>;
  updateGroup?: Resolver<ResolversTypes['Group'], ParentType, ContextType, RequireFields<MutationUpdateGroupArgs, 'id' | 'input'>>;
  updateTenant?: Resolver<ResolversTypes['Tenant'], ParentType, ContextType, RequireFields<MutationUpdateTenantArgs, 'input'>>;
  updateTicket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<MutationUpdateTicketArgs, 'id' | 'input'>>;
  updateUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUpdateUserArgs, 'id' | 'input'>>;
  updateWebhookEndpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType, RequireFields<MutationUpdateWebhookEndpointArgs, 'id' | 'input'>>;
};

export type QueryResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  accessRequest?: Resolver<ResolversTypes['AccessRequest'], ParentType, ContextType, RequireFields<QueryAccessRequestArgs, 'id'>>;
  accessRequests?: Resolver<ResolversTypes['AccessRequestPage'], ParentType, ContextType, Partial<QueryAccessRequestsArgs>>;
  accountingReport?: Resolver<ResolversTypes['AccountingReport'], ParentType, ContextType, RequireFields<QueryAccountingReportArgs, 'id'>>;
  accountingRequest?: Resolver<ResolversTypes['AccountingRequest'], ParentType, ContextType, RequireFields<QueryAccountingRequestArgs, 'id'>>;
  accountingRequests?: Resolver<ResolversTypes['AccountingRequestPage'], ParentType, ContextType, Partial<QueryAccountingRequestsArgs>>;
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<QueryApiKeyArgs, 'id'>>;
  apiKeys?: Resolver<ResolversTypes['ApiKeyPage'], ParentType, ContextType, Partial<QueryApiKeysArgs>>;
  attachment?: Resolver<ResolversTypes['Attachment'], ParentType, ContextType, RequireFields<QueryAttachmentArgs, 'id'>>;
  attachmentSettings?: Resolver<ResolversTypes['AttachmentSettings'], ParentType, ContextType>;
  auditEvents?: Resolver<ResolversTypes['AuditEventPage'], ParentType, ContextType, Partial<QueryAuditEventsArgs>>;
  auditVerification?: Resolver<ResolversTypes['AuditVerification'], ParentType, ContextType>;
  auditVerificationJob?: Resolver<ResolversTypes['AuditVerificationJob'], ParentType, ContextType, RequireFields<QueryAuditVerificationJobArgs, 'id'>>;
  breakGlassGrants?: Resolver<ResolversTypes['BreakGlassPage'], ParentType, ContextType, Partial<QueryBreakGlassGrantsArgs>>;
  businessAssociateAgreement?: Resolver<ResolversTypes['BusinessAssociateAgreement'], ParentType, ContextType, RequireFields<QueryBusinessAssociateAgreementArgs, 'id'>>;
  businessAssociateAgreements?: Resolver<ResolversTypes['BusinessAssociateAgreementPage'], ParentType, ContextType, Partial<QueryBusinessAssociateAgreementsArgs>>;
  contact?: Resolver<ResolversTypes['Contact'], ParentType, ContextType, RequireFields<QueryContactArgs, 'id'>>;
  contacts?: Resolver<ResolversTypes['ContactPage'], ParentType, ContextType, Partial<QueryContactsArgs>>;
  disclosures?: Resolver<ResolversTypes['DisclosurePage'], ParentType, ContextType, RequireFields<QueryDisclosuresArgs, 'contactId'>>;
  group?: Resolver<ResolversTypes['Group'], ParentType, ContextType, RequireFields<QueryGroupArgs, 'id'>>;
  groups?: Resolver<ResolversTypes['GroupPage'], ParentType, ContextType, Partial<QueryGroupsArgs>>;
  health?: Resolver<ResolversTypes['Health'], ParentType, ContextType>;
  me?: Resolver<ResolversTypes['Me'], ParentType, ContextType>;
  tenant?: Resolver<ResolversTypes['Tenant'], ParentType, ContextType>;
  ticket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<QueryTicketArgs, 'id'>>;
  ticketAttachments?: Resolver<ResolversTypes['AttachmentPage'], ParentType, ContextType, RequireFields<QueryTicketAttachmentsArgs, 'ticketId'>>;
  tickets?: Resolver<ResolversTypes['TicketPage'], ParentType, ContextType, Partial<QueryTicketsArgs>>;
  trustedIssuers?: Resolver<Array<ResolversTypes['TrustedIssuer']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  users?: Resolver<ResolversTypes['UserPage'], ParentType, ContextType, Partial<QueryUsersArgs>>;
  webhookAttempts?: Resolver<ResolversTypes['WebhookAttemptPage'], ParentType, ContextType, RequireFields<QueryWebhookAttemptsArgs, 'endpointId'>>;
  webhookEndpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType, RequireFields<QueryWebhookEndpointArgs, 'id'>>;
  webhookEndpoints?: Resolver<ResolversTypes['WebhookEndpointPage'], ParentType, ContextType, Partial<QueryWebhookEndpointsArgs>>;
};

export type SubscriptionResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  ticketEvents?: SubscriptionResolver<ResolversTypes['TicketEvent'], "ticketEvents", ParentType, ContextType, Partial<SubscriptionTicketEventsArgs>>;
};

export type TenantResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Tenant'] = ResolversParentTypes['Tenant']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requireMfaForPhi?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type TicketResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Ticket'] = ResolversParentTypes['Ticket']> = {
  assignee?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  assigneeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  comments?: Resolver<ResolversTypes['CommentPage'], ParentType, ContextType, Partial<TicketCommentsArgs>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customFields?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  externalRefs?: Resolver<Maybe<Array<ResolversTypes['ExternalRef']>>, ParentType, ContextType>;
  group?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType>;
  groupId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastComment?: Resolver<Maybe<ResolversTypes['Comment']>, ParentType, ContextType>;
  masked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requester?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType>;
  requesterId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  sla?: Resolver<ResolversTypes['TicketSla'], ParentType, ContextType>;
  solvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  timeline?: Resolver<Array<ResolversTypes['TimelineEntry']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TicketEventResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['TicketEvent'] = ResolversParentTypes['TicketEvent']> = {
  commentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  ticket?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType>;
  ticketId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TicketPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['TicketPage'] = ResolversParentTypes['TicketPage']> = {
  items?: Resolver<Array<ResolversTypes['Ticket']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type TicketSlaResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['TicketSla'] = ResolversParentTypes['TicketSla']> = {
  firstRespondedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  firstResponseBreached?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  firstResponseDueAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  resolutionBreached?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  resolutionDueAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type TimelineEntryResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['TimelineEntry'] = ResolversParentTypes['TimelineEntry']> = {
  actorId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  changes?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TrustedIssuerResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['TrustedIssuer'] = ResolversParentTypes['TrustedIssuer']> = {
  audience?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  groupsClaim?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  jwksUri?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rolesClaim?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  contactId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastSeenAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  sessionsRevokedAfter?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type UserPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['UserPage'] = ResolversParentTypes['UserPage']> = {
  items?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type WebhookAttemptResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['WebhookAttempt'] = ResolversParentTypes['WebhookAttempt']> = {
  attempt?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  carriedPhi?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  deliveryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  deliveryStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  durationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  statusCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type WebhookAttemptPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['WebhookAttemptPage'] = ResolversParentTypes['WebhookAttemptPage']> = {
  items?: Resolver<Array<ResolversTypes['WebhookAttempt']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type WebhookEndpointResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['WebhookEndpoint'] = ResolversParentTypes['WebhookEndpoint']> = {
  baaId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  consecutiveFailures?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  disabledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  disabledReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookEndpointPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['WebhookEndpointPage'] = ResolversParentTypes['WebhookEndpointPage']> = {
  items?: Resolver<Array<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type WebhookEndpointWithSecretResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['WebhookEndpointWithSecret'] = ResolversParentTypes['WebhookEndpointWithSecret']> = {
  endpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphqlContext> = {
  AccessRequest?: AccessRequestResolvers<ContextType>;
  AccessRequestDenial?: AccessRequestDenialResolvers<ContextType>;
  AccessRequestDownload?: AccessRequestDownloadResolvers<ContextType>;
  AccessRequestFulfilment?: AccessRequestFulfilmentResolvers<ContextType>;
  AccessRequestPage?: AccessRequestPageResolvers<ContextType>;
  AccountingReport?: AccountingReportResolvers<ContextType>;
  AccountingRequest?: AccountingRequestResolvers<ContextType>;
  AccountingRequestPage?: AccountingRequestPageResolvers<ContextType>;
  Address?: AddressResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  ApiKeyPage?: ApiKeyPageResolvers<ContextType>;
  Attachment?: AttachmentResolvers<ContextType>;
  AttachmentPage?: AttachmentPageResolvers<ContextType>;
  AttachmentSettings?: AttachmentSettingsResolvers<ContextType>;
  AuditActor?: AuditActorResolvers<ContextType>;
  AuditEvent?: AuditEventResolvers<ContextType>;
  AuditEventPage?: AuditEventPageResolvers<ContextType>;
  AuditFinding?: AuditFindingResolvers<ContextType>;
  AuditPending?: AuditPendingResolvers<ContextType>;
  AuditResource?: AuditResourceResolvers<ContextType>;
  AuditSeqRange?: AuditSeqRangeResolvers<ContextType>;
  AuditVerification?: AuditVerificationResolvers<ContextType>;
  AuditVerificationJob?: AuditVerificationJobResolvers<ContextType>;
  AuditVerifiedPosition?: AuditVerifiedPositionResolvers<ContextType>;
  BreakGlassGrant?: BreakGlassGrantResolvers<ContextType>;
  BreakGlassPage?: BreakGlassPageResolvers<ContextType>;
  BreakGlassReview?: BreakGlassReviewResolvers<ContextType>;
  BusinessAssociateAgreement?: BusinessAssociateAgreementResolvers<ContextType>;
  BusinessAssociateAgreementPage?: BusinessAssociateAgreementPageResolvers<ContextType>;
  Comment?: CommentResolvers<ContextType>;
  CommentPage?: CommentPageResolvers<ContextType>;
  Contact?: ContactResolvers<ContextType>;
  ContactPage?: ContactPageResolvers<ContextType>;
  CreatedApiKey?: CreatedApiKeyResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Disclosure?: DisclosureResolvers<ContextType>;
  DisclosurePage?: DisclosurePageResolvers<ContextType>;
  ExcludedDisclosure?: ExcludedDisclosureResolvers<ContextType>;
  ExternalId?: ExternalIdResolvers<ContextType>;
  ExternalRef?: ExternalRefResolvers<ContextType>;
  Group?: GroupResolvers<ContextType>;
  GroupPage?: GroupPageResolvers<ContextType>;
  Health?: HealthResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Me?: MeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Tenant?: TenantResolvers<ContextType>;
  Ticket?: TicketResolvers<ContextType>;
  TicketEvent?: TicketEventResolvers<ContextType>;
  TicketPage?: TicketPageResolvers<ContextType>;
  TicketSla?: TicketSlaResolvers<ContextType>;
  TimelineEntry?: TimelineEntryResolvers<ContextType>;
  TrustedIssuer?: TrustedIssuerResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserPage?: UserPageResolvers<ContextType>;
  WebhookAttempt?: WebhookAttemptResolvers<ContextType>;
  WebhookAttemptPage?: WebhookAttemptPageResolvers<ContextType>;
  WebhookEndpoint?: WebhookEndpointResolvers<ContextType>;
  WebhookEndpointPage?: WebhookEndpointPageResolvers<ContextType>;
  WebhookEndpointWithSecret?: WebhookEndpointWithSecretResolvers<ContextType>;
};

