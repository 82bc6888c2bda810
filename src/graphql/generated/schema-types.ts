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
export type AccessRequest = Node & {
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
  /** the global id for Query.node (Relay); id is the uuid REST uses */
  globalId: Scalars['ID']['output'];
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

export type AccessRequestEdge = {
  __typename?: 'AccessRequestEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: AccessRequest;
};

export type AccessRequestFulfilment = {
  __typename?: 'AccessRequestFulfilment';
  download: AccessRequestDownload;
  request: AccessRequest;
};

/** A page of AccessRequests: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type AccessRequestPage = {
  __typename?: 'AccessRequestPage';
  edges: Array<AccessRequestEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<AccessRequest>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<AccessRequest>;
  pageInfo: PageInfo;
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
export type AccountingRequest = Node & {
  __typename?: 'AccountingRequest';
  /** not the first accounting in the 12 months before it was requested */
  chargeable: Scalars['Boolean']['output'];
  contactId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  dueAt: Scalars['DateTime']['output'];
  extendedAt?: Maybe<Scalars['DateTime']['output']>;
  extensionReason?: Maybe<Scalars['String']['output']>;
  fulfilledAt?: Maybe<Scalars['DateTime']['output']>;
  /** the global id for Query.node (Relay); id is the uuid REST uses */
  globalId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  masked: Scalars['Boolean']['output'];
  requestedAt: Scalars['DateTime']['output'];
  /** open, fulfilled */
  status: Scalars['String']['output'];
  /** on_time, due_soon, overdue, closed */
  timing: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type AccountingRequestEdge = {
  __typename?: 'AccountingRequestEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: AccountingRequest;
};

/** A page of AccountingRequests: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type AccountingRequestPage = {
  __typename?: 'AccountingRequestPage';
  edges: Array<AccountingRequestEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<AccountingRequest>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<AccountingRequest>;
  pageInfo: PageInfo;
};

export type AcquiredOrViewed = {
  __typename?: 'AcquiredOrViewed';
  note?: Maybe<Scalars['String']['output']>;
  status: AcquisitionStatus;
};

export type AcquiredOrViewedInput = {
  note?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<AcquisitionStatus>;
};

export type AcquisitionStatus =
  | 'acquired'
  | 'not_viewed'
  | 'unknown'
  | 'viewed';

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

/** A patient whose record the incident's actor touched in its window (what, how often, when). */
export type AffectedPatient = {
  __typename?: 'AffectedPatient';
  contactId: Scalars['ID']['output'];
  events: Scalars['Int']['output'];
  firstAt: Scalars['DateTime']['output'];
  lastAt: Scalars['DateTime']['output'];
  operations: Array<Scalars['String']['output']>;
  phiFields: Array<Scalars['String']['output']>;
};

export type AffectedPatientEdge = {
  __typename?: 'AffectedPatientEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: AffectedPatient;
};

/** A page of AffectedPatients: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type AffectedPatientPage = {
  __typename?: 'AffectedPatientPage';
  edges: Array<AffectedPatientEdge>;
  nodes: Array<AffectedPatient>;
  pageInfo: PageInfo;
};

export type ApiKey = Node & {
  __typename?: 'ApiKey';
  allowedCidrs?: Maybe<Array<Scalars['String']['output']>>;
  createdAt: Scalars['DateTime']['output'];
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** the global id for Query.node (Relay); id is the uuid REST uses */
  globalId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  roles: Array<Role>;
  scopes: Array<Scalars['String']['output']>;
};

export type ApiKeyEdge = {
  __typename?: 'ApiKeyEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: ApiKey;
};

/** A page of ApiKeys: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type ApiKeyPage = {
  __typename?: 'ApiKeyPage';
  edges: Array<ApiKeyEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<ApiKey>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<ApiKey>;
  pageInfo: PageInfo;
};

/**
 * A file attached to a ticket or to one of its comments. Its content is sealed in chunks and
 * downloaded over REST only (GET /v1/attachments/{id}/content); GraphQL lists metadata.
 */
export type Attachment = Node & {
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
  /** the global id for Query.node (Relay); id is the uuid REST uses */
  globalId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  masked: Scalars['Boolean']['output'];
  sizeBytes: Scalars['Int']['output'];
  ticketId: Scalars['ID']['output'];
};

export type AttachmentEdge = {
  __typename?: 'AttachmentEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: Attachment;
};

/** A page of Attachments: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type AttachmentPage = {
  __typename?: 'AttachmentPage';
  edges: Array<AttachmentEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<Attachment>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<Attachment>;
  pageInfo: PageInfo;
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

export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: AuditEvent;
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

/** A page of AuditEvents: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type AuditEventPage = {
  __typename?: 'AuditEventPage';
  edges: Array<AuditEventEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<AuditEvent>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<AuditEvent>;
  pageInfo: PageInfo;
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
export type AuditVerificationJob = Node & {
  __typename?: 'AuditVerificationJob';
  createdAt: Scalars['DateTime']['output'];
  error?: Maybe<Scalars['String']['output']>;
  eventsChecked: Scalars['Float']['output'];
  eventsPerSecond: Scalars['Int']['output'];
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** the global id for Query.node (Relay); id is the uuid REST uses */
  globalId: Scalars['ID']['output'];
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

/** The notification deadlines an incident's facts lead to, and the safe-harbour test. */
export type BreachAssessment = {
  __typename?: 'BreachAssessment';
  affectedCount: Scalars['Int']['output'];
  businessAssociate: Scalars['Boolean']['output'];
  deadlines: Array<BreachDeadline>;
  discoveredAt: Scalars['DateTime']['output'];
  incidentId: Scalars['ID']['output'];
  /** affected patients per US state (from addresses the caller may read) */
  residentsByState: Array<StateResidents>;
  safeHarbour: SafeHarbour;
  stateUnknown: Scalars['Int']['output'];
};

/** A notification the Breach Notification Rule requires, and by when. */
export type BreachDeadline = {
  __typename?: 'BreachDeadline';
  dueBy: Scalars['DateTime']['output'];
  kind: BreachDeadlineKind;
  rule: Scalars['String']['output'];
  /** the states whose residents make a media notice due (media only) */
  states?: Maybe<Array<Scalars['String']['output']>>;
};

export type BreachDeadlineKind =
  | 'covered_entity'
  | 'hhs_annual_log'
  | 'hhs_immediate'
  | 'individuals'
  | 'media';

export type BreakGlassEdge = {
  __typename?: 'BreakGlassEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: BreakGlassGrant;
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

/** A page of BreakGlassGrants: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type BreakGlassPage = {
  __typename?: 'BreakGlassPage';
  edges: Array<BreakGlassEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<BreakGlassGrant>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<BreakGlassGrant>;
  pageInfo: PageInfo;
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
export type BusinessAssociateAgreement = Node & {
  __typename?: 'BusinessAssociateAgreement';
  counterparty: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** where the signed agreement is kept */
  documentRef?: Maybe<Scalars['String']['output']>;
  /** first day in force (YYYY-MM-DD, UTC) */
  effectiveOn: Scalars['String']['output'];
  /** first day no longer in force (YYYY-MM-DD, UTC); null = open-ended */
  expiresOn?: Maybe<Scalars['String']['output']>;
  /** the global id for Query.node (Relay); id is the uuid REST uses */
  globalId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  /** effective, not expired, not terminated, now */
  inForce: Scalars['Boolean']['output'];
  scope: Scalars['String']['output'];
  terminatedAt?: Maybe<Scalars['DateTime']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};

export type BusinessAssociateAgreementEdge = {
  __typename?: 'BusinessAssociateAgreementEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: BusinessAssociateAgreement;
};

/** A page of BusinessAssociateAgreements: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type BusinessAssociateAgreementPage = {
  __typename?: 'BusinessAssociateAgreementPage';
  edges: Array<BusinessAssociateAgreementEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<BusinessAssociateAgreement>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<BusinessAssociateAgreement>;
  pageInfo: PageInfo;
};

/** When SLA clocks run: ISO weekdays (1 = Monday) between start and end, in a time zone. */
export type BusinessHours = {
  __typename?: 'BusinessHours';
  days: Array<Scalars['Int']['output']>;
  /** HH:MM, after start */
  end: Scalars['String']['output'];
  /** HH:MM */
  start: Scalars['String']['output'];
  /** an IANA time zone, e.g. America/New_York */
  timezone: Scalars['String']['output'];
};

export type BusinessHoursInput = {
  /** 1..7 distinct ISO weekdays */
  days: Array<Scalars['Int']['input']>;
  end: Scalars['String']['input'];
  start: Scalars['String']['input'];
  timezone: Scalars['String']['input'];
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

export type CommentEdge = {
  __typename?: 'CommentEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: Comment;
};

/** A page of Comments: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type CommentPage = {
  __typename?: 'CommentPage';
  edges: Array<CommentEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<Comment>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<Comment>;
  pageInfo: PageInfo;
};

export type Contact = Node & {
  __typename?: 'Contact';
  address?: Maybe<Address>;
  createdAt: Scalars['DateTime']['output'];
  /** yyyy-mm-dd */
  dateOfBirth?: Maybe<Scalars['String']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  externalIds?: Maybe<Array<ExternalId>>;
  /** the global id for Query.node (Relay); id is the uuid REST uses */
  globalId: Scalars['ID']['output'];
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

export type ContactEdge = {
  __typename?: 'ContactEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: Contact;
};

/** A page of Contacts: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type ContactPage = {
  __typename?: 'ContactPage';
  edges: Array<ContactEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<Contact>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<Contact>;
  pageInfo: PageInfo;
};

/** Exactly one of mrn, email or phone, or dateOfBirth together with name. */
export type ContactSearchInput = {
  dateOfBirth?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  mrn?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** A contact's identity was verified (164.514(h)). No PHI: the method, who, when. */
export type ContactVerification = {
  __typename?: 'ContactVerification';
  contactId: Scalars['ID']['output'];
  /** verifiedAt plus the tenant's current verificationValidDays */
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** government_id, date_of_birth_and_address, knowledge_based, callback_to_number_on_file, in_person or patient_portal_login */
  method: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  revokedBy?: Maybe<Scalars['ID']['output']>;
  /** not revoked and not expired, now */
  valid: Scalars['Boolean']['output'];
  verifiedAt: Scalars['DateTime']['output'];
  verifiedBy: Scalars['ID']['output'];
};

export type ContactVerificationEdge = {
  __typename?: 'ContactVerificationEdge';
  cursor: Scalars['String']['output'];
  node: ContactVerification;
};

export type ContactVerificationPage = {
  __typename?: 'ContactVerificationPage';
  edges: Array<ContactVerificationEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<ContactVerification>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<ContactVerification>;
  pageInfo: PageInfo;
};

export type CreateApiKeyInput = {
  allowedCidrs?: InputMaybe<Array<Scalars['String']['input']>>;
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  name: Scalars['String']['input'];
  roles?: InputMaybe<Array<Role>>;
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
  /** contact ids who receive this public reply besides the ticket's requester (checked: the patient or an effective, verified representative in scope) */
  recipients?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** billing, appointments or clinical: what the reply is about (a representative's scope must cover it; none needs scope all) */
  topic?: InputMaybe<Scalars['String']['input']>;
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

export type CreateCustomFieldInput = {
  /** ^[a-z][a-z0-9_]{0,39}$, unique in the tenant */
  key: Scalars['String']['input'];
  /** 1..100 characters */
  label: Scalars['String']['input'];
  /** required for enum fields and only for them: 1..100 values of 1..100 characters */
  options?: InputMaybe<Array<Scalars['String']['input']>>;
  phi: Scalars['Boolean']['input'];
  type: CustomFieldType;
};

export type CreateGroupInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
};

/** Exactly one target: contactId for kind contact, ticketId for ticket, query for query. */
export type CreateLegalHoldInput = {
  contactId?: InputMaybe<Scalars['ID']['input']>;
  kind: LegalHoldKind;
  query?: InputMaybe<LegalHoldQueryInput>;
  reason: Scalars['String']['input'];
  ticketId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreatePersonalRepresentativeInput = {
  effectiveFrom: Scalars['String']['input'];
  effectiveTo?: InputMaybe<Scalars['String']['input']>;
  patientContactId: Scalars['ID']['input'];
  relationship: Scalars['String']['input'];
  representativeContactId: Scalars['ID']['input'];
  scope: Scalars['String']['input'];
};

export type CreateSiemSinkInput = {
  caPem?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  endpoint: Scalars['String']['input'];
  headers?: InputMaybe<Array<SiemSinkHeaderInput>>;
  /** otlp_http or syslog_tls */
  kind: Scalars['String']['input'];
};

export type CreateTicketInput = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  channel?: InputMaybe<TicketChannel>;
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  externalRefs?: InputMaybe<Array<ExternalRefInput>>;
  groupId?: InputMaybe<Scalars['ID']['input']>;
  priority?: InputMaybe<TicketPriority>;
  requesterId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<TicketStatus>;
  subject: Scalars['String']['input'];
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  type?: InputMaybe<TicketType>;
};

export type CreateUserInput = {
  contactId?: InputMaybe<Scalars['ID']['input']>;
  displayName: Scalars['String']['input'];
  email?: InputMaybe<Scalars['String']['input']>;
  issuer?: InputMaybe<Scalars['String']['input']>;
  roles?: InputMaybe<Array<Role>>;
  subject?: InputMaybe<Scalars['String']['input']>;
};

export type CreateWebhookEndpointInput = {
  baaId?: InputMaybe<Scalars['ID']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  eventTypes: Array<Scalars['String']['input']>;
  /** subject, commentBody (the default: both); [] sends no PHI */
  phiFields?: InputMaybe<Array<Scalars['String']['input']>>;
  url: Scalars['String']['input'];
};

export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  key: ApiKey;
  /** shown once; store it now */
  secret: Scalars['String']['output'];
};

/** A custom field tickets may carry in customFields under its key. */
export type CustomFieldDefinition = {
  __typename?: 'CustomFieldDefinition';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  /** the allowed values of an enum field; null for other types */
  options?: Maybe<Array<Scalars['String']['output']>>;
  /** PHI fields are sealed at rest and masked without read_phi */
  phi: Scalars['Boolean']['output'];
  type: CustomFieldType;
};

export type CustomFieldType =
  | 'boolean'
  | 'date'
  | 'enum'
  | 'number'
  | 'text';

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

export type DisclosureEdge = {
  __typename?: 'DisclosureEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: Disclosure;
};

/** A page of Disclosures: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type DisclosurePage = {
  __typename?: 'DisclosurePage';
  edges: Array<DisclosureEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<Disclosure>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<Disclosure>;
  pageInfo: PageInfo;
};

/** The tenant's disclosure settings. */
export type DisclosureSettings = {
  __typename?: 'DisclosureSettings';
  isDefault: Scalars['Boolean']['output'];
  /** off (the default: no recipient check), refuse or hold: what a public reply to an unentitled recipient gets */
  recipientCheck: Scalars['String']['output'];
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** how many days an identity verification counts, 1 to 3650 (default 365) */
  verificationValidDays: Scalars['Int']['output'];
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

export type Group = Node & {
  __typename?: 'Group';
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** the global id for Query.node (Relay); id is the uuid REST uses */
  globalId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  memberIds: Array<Scalars['ID']['output']>;
  name: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type GroupEdge = {
  __typename?: 'GroupEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: Group;
};

/** A page of Groups: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type GroupPage = {
  __typename?: 'GroupPage';
  edges: Array<GroupEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<Group>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<Group>;
  pageInfo: PageInfo;
};

/** A public reply a disclosure check held for a supervisor: not sent until released. */
export type HeldReply = {
  __typename?: 'HeldReply';
  authorId: Scalars['ID']['output'];
  /** the held text: only when one held reply is read by someone who may read it */
  body?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  decidedBy?: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  reasons: Array<HeldReplyReason>;
  recipientContactIds: Array<Scalars['ID']['output']>;
  rejectionReason?: Maybe<Scalars['String']['output']>;
  /** held, released or rejected */
  status: Scalars['String']['output'];
  ticketId: Scalars['ID']['output'];
  topic?: Maybe<Scalars['String']['output']>;
};

export type HeldReplyEdge = {
  __typename?: 'HeldReplyEdge';
  cursor: Scalars['String']['output'];
  node: HeldReply;
};

export type HeldReplyPage = {
  __typename?: 'HeldReplyPage';
  edges: Array<HeldReplyEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<HeldReply>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<HeldReply>;
  pageInfo: PageInfo;
};

/** A problem a disclosure check found with a reply: a pointer and a fixed phrase, never PHI. */
export type HeldReplyReason = {
  __typename?: 'HeldReplyReason';
  detail: Scalars['String']['output'];
  pointer: Scalars['String']['output'];
};

/** A released held reply: the queue entry and the public comment it became. */
export type HeldReplyRelease = {
  __typename?: 'HeldReplyRelease';
  comment: Comment;
  heldReply: HeldReply;
};

/** A possible breach of PHI under investigation. */
export type Incident = Node & {
  __typename?: 'Incident';
  affectedCount: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  discoveredAt: Scalars['DateTime']['output'];
  /** the global id for Query.node (Relay); id is the uuid REST uses */
  globalId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  /** true when risk notes exist that the caller may not read (they show as null) */
  masked: Scalars['Boolean']['output'];
  riskAssessment: RiskAssessment;
  scope: IncidentScope;
  sourceFindingId?: Maybe<Scalars['ID']['output']>;
  status: IncidentStatus;
  updatedAt: Scalars['DateTime']['output'];
};

export type IncidentEdge = {
  __typename?: 'IncidentEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: Incident;
};

/** A page of Incidents: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type IncidentPage = {
  __typename?: 'IncidentPage';
  edges: Array<IncidentEdge>;
  nodes: Array<Incident>;
  pageInfo: PageInfo;
};

/** Whose activity an incident covers: one actor (or one of its sessions), or everyone, in [from, to]. */
export type IncidentScope = {
  __typename?: 'IncidentScope';
  /** null: every actor in the window */
  actorId?: Maybe<Scalars['String']['output']>;
  from: Scalars['DateTime']['output'];
  sessionId?: Maybe<Scalars['String']['output']>;
  to: Scalars['DateTime']['output'];
};

export type IncidentStatus =
  | 'closed'
  | 'open';

/** A legal (litigation) hold: nothing it covers is purged until it is released. */
export type LegalHold = {
  __typename?: 'LegalHold';
  active: Scalars['Boolean']['output'];
  contactId?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: LegalHoldKind;
  query?: Maybe<LegalHoldQuery>;
  /** sealed free text; null unless the caller may read it (read_phi on LegalHold) */
  reason?: Maybe<Scalars['String']['output']>;
  releasedAt?: Maybe<Scalars['DateTime']['output']>;
  releasedBy?: Maybe<Scalars['String']['output']>;
  ticketId?: Maybe<Scalars['ID']['output']>;
};

export type LegalHoldEdge = {
  __typename?: 'LegalHoldEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: LegalHold;
};

/** What a legal hold names: a patient (contact), a ticket, or a query of tickets. */
export type LegalHoldKind =
  | 'contact'
  | 'query'
  | 'ticket';

/** A page of LegalHolds: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type LegalHoldPage = {
  __typename?: 'LegalHoldPage';
  edges: Array<LegalHoldEdge>;
  nodes: Array<LegalHold>;
  pageInfo: PageInfo;
};

/** Tickets a query hold covers: created in [createdFrom, createdTo) and/or in one of the statuses. */
export type LegalHoldQuery = {
  __typename?: 'LegalHoldQuery';
  createdFrom?: Maybe<Scalars['DateTime']['output']>;
  createdTo?: Maybe<Scalars['DateTime']['output']>;
  statuses?: Maybe<Array<Scalars['String']['output']>>;
};

/** ISO 8601 date-times; statuses are ticket statuses (new, open, pending, on_hold, solved, closed). */
export type LegalHoldQueryInput = {
  createdFrom?: InputMaybe<Scalars['String']['input']>;
  createdTo?: InputMaybe<Scalars['String']['input']>;
  statuses?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type LegalHoldState =
  | 'active'
  | 'all'
  | 'released';

export type Me = {
  __typename?: 'Me';
  groupIds: Array<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  mfa: Scalars['Boolean']['output'];
  roles: Array<Role>;
  scopes: Array<Scalars['String']['output']>;
  tenantId: Scalars['ID']['output'];
};

/**
 * The tenant's minimum-necessary lists. A (record type, role) pair listed opens only the
 * fields listed (the others are not decrypted, show null, the record says masked, and the audit
 * event names only what was opened); a pair not listed opens every field the role's read_phi
 * allows. An actor with several roles gets the union. A break-glass grant opens every field of
 * its record (emergency treatment, 164.502(b)(2)(i)).
 */
export type MinimumNecessary = {
  __typename?: 'MinimumNecessary';
  /** record type -> role -> field names, e.g. {"Contact": {"agent": ["name", "phone"]}} */
  allowlists: Scalars['JSON']['output'];
  /** what may be listed: each record type's PHI fields, e.g. {"Contact": ["name", ...], "Ticket": [...]} */
  recordFields: Scalars['JSON']['output'];
  /** the roles a list may name */
  roles: Array<Scalars['String']['output']>;
};

export type Mitigation = {
  __typename?: 'Mitigation';
  extent: MitigationExtent;
  note?: Maybe<Scalars['String']['output']>;
};

export type MitigationExtent =
  | 'full'
  | 'none'
  | 'partial';

export type MitigationInput = {
  extent?: InputMaybe<MitigationExtent>;
  note?: InputMaybe<Scalars['String']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  acknowledgeReviewFinding?: Maybe<ReviewFinding>;
  /** idempotencyKey: as for createTicket (a retry with the same key and input returns the first comment) */
  addComment?: Maybe<Comment>;
  addGroupMember?: Maybe<Group>;
  /**
   * Trusts a partner IdP. An issuer belongs to one tenant platform-wide: one already registered
   * (by any tenant) is CONFLICT, whoever holds it. A jwksUri on a non-public address, or with a
   * user name or password, is UNPROCESSABLE (details path /jwksUri); so is an eleventh issuer, and
   * a jwksUri that cannot be fetched now or does not serve a usable JSON Web Key Set. http is
   * VALIDATION_FAILED unless ALLOW_HTTP_JWKS (loopback, local testing only).
   */
  addTrustedIssuer?: Maybe<TrustedIssuer>;
  closeBreakGlass?: Maybe<BreakGlassGrant>;
  createApiKey?: Maybe<CreatedApiKey>;
  createBusinessAssociateAgreement?: Maybe<BusinessAssociateAgreement>;
  createContact?: Maybe<Contact>;
  /** defines a custom field (update on Tenant) */
  createCustomField?: Maybe<CustomFieldDefinition>;
  createGroup?: Maybe<Group>;
  createLegalHold?: Maybe<LegalHold>;
  createPersonalRepresentative?: Maybe<PersonalRepresentative>;
  createSiemSink?: Maybe<SiemSink>;
  /** idempotencyKey: same key and same input returns the first result; another input is IDEMPOTENCY_KEY_REUSED */
  createTicket?: Maybe<Ticket>;
  createUser?: Maybe<User>;
  createWebhookEndpoint?: Maybe<WebhookEndpointWithSecret>;
  deleteContact?: Maybe<Scalars['Boolean']['output']>;
  deleteGroup?: Maybe<Scalars['Boolean']['output']>;
  deletePersonalRepresentative?: Maybe<Scalars['Boolean']['output']>;
  deleteSiemSink?: Maybe<Scalars['Boolean']['output']>;
  /** removes the policy of a priority (update on Tenant); NOT_FOUND when it has none */
  deleteSlaPolicy?: Maybe<Scalars['Boolean']['output']>;
  /** expectedVersion: as for updateTicket */
  deleteTicket?: Maybe<Scalars['Boolean']['output']>;
  deleteWebhookEndpoint?: Maybe<Scalars['Boolean']['output']>;
  denyAccessRequest?: Maybe<AccessRequest>;
  dismissReviewFinding?: Maybe<ReviewFinding>;
  editComment?: Maybe<Comment>;
  extendAccessRequest?: Maybe<AccessRequest>;
  extendAccountingRequest?: Maybe<AccountingRequest>;
  fulfilAccessRequest?: Maybe<AccessRequestFulfilment>;
  fulfilAccountingRequest?: Maybe<AccountingReport>;
  openAccessRequest?: Maybe<AccessRequest>;
  openAccountingRequest?: Maybe<AccountingRequest>;
  openBreakGlass?: Maybe<BreakGlassGrant>;
  openIncident?: Maybe<Incident>;
  /** the incident covers the finding's actor and window; the finding becomes incident_opened */
  openIncidentFromFinding?: Maybe<Incident>;
  /** sets the policy of a priority (update on Tenant); applies to tickets created or re-prioritised from now */
  putSlaPolicy?: Maybe<SlaPolicy>;
  recordDisclosure?: Maybe<Disclosure>;
  redactComment?: Maybe<Comment>;
  rejectHeldReply?: Maybe<HeldReply>;
  releaseHeldReply?: Maybe<HeldReplyRelease>;
  releaseLegalHold?: Maybe<LegalHold>;
  removeGroupMember?: Maybe<Group>;
  removeTrustedIssuer?: Maybe<Scalars['Boolean']['output']>;
  replayWebhookDelivery?: Maybe<Scalars['Boolean']['output']>;
  reviewBreakGlass?: Maybe<BreakGlassGrant>;
  revokeApiKey?: Maybe<ApiKey>;
  revokeContactVerification?: Maybe<ContactVerification>;
  revokeUserSessions?: Maybe<User>;
  rotateWebhookSecret?: Maybe<WebhookEndpointWithSecret>;
  /** A mutation so that search terms (PHI) never travel in a GET URL. */
  searchContacts?: Maybe<Array<Contact>>;
  /** sets the tenant's minimum-necessary lists (tenant admins, privacy officers); in force from the next request */
  setMinimumNecessary?: Maybe<MinimumNecessary>;
  setRetentionPolicy?: Maybe<RetentionPolicy>;
  setReviewSettings?: Maybe<ReviewSettings>;
  /** starts a full re-verification job, or returns the tenant's running one */
  startAuditVerification?: Maybe<AuditVerificationJob>;
  terminateBusinessAssociateAgreement?: Maybe<BusinessAssociateAgreement>;
  /** sets the tenant's attachment limits (update on Tenant: tenant admins); applies from the next upload */
  updateAttachmentSettings?: Maybe<AttachmentSettings>;
  updateBusinessAssociateAgreement?: Maybe<BusinessAssociateAgreement>;
  updateContact?: Maybe<Contact>;
  /** sets the tenant's disclosure settings (update on Tenant: tenant admins) */
  updateDisclosureSettings?: Maybe<DisclosureSettings>;
  updateGroup?: Maybe<Group>;
  updateIncident?: Maybe<Incident>;
  updatePersonalRepresentative?: Maybe<PersonalRepresentative>;
  /** sets the tenant's PHI detection settings (update on Tenant: tenant admins); applies from the next outgoing text */
  updatePhiDetectionSettings?: Maybe<PhiDetectionSettings>;
  updateSiemSink?: Maybe<SiemSink>;
  updateTenant?: Maybe<Tenant>;
  /** expectedVersion: fails with PRECONDITION_FAILED when the ticket changed since it was read */
  updateTicket?: Maybe<Ticket>;
  /**
   * Changes a trusted issuer's settings; a new jwksUri is checked as in addTrustedIssuer. Last
   * write wins (issuers carry no version). Tokens are verified with the new settings at once.
   */
  updateTrustedIssuer?: Maybe<TrustedIssuer>;
  updateUser?: Maybe<User>;
  updateWebhookEndpoint?: Maybe<WebhookEndpoint>;
  verifyContact?: Maybe<ContactVerification>;
};


export type MutationAcknowledgeReviewFindingArgs = {
  id: Scalars['ID']['input'];
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


export type MutationCreateCustomFieldArgs = {
  input: CreateCustomFieldInput;
};


export type MutationCreateGroupArgs = {
  input: CreateGroupInput;
};


export type MutationCreateLegalHoldArgs = {
  input: CreateLegalHoldInput;
};


export type MutationCreatePersonalRepresentativeArgs = {
  input: CreatePersonalRepresentativeInput;
};


export type MutationCreateSiemSinkArgs = {
  input: CreateSiemSinkInput;
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


export type MutationDeletePersonalRepresentativeArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteSiemSinkArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteSlaPolicyArgs = {
  priority: TicketPriority;
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


export type MutationDismissReviewFindingArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
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


export type MutationOpenIncidentArgs = {
  input: OpenIncidentInput;
};


export type MutationOpenIncidentFromFindingArgs = {
  discoveredAt?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationPutSlaPolicyArgs = {
  input: SlaPolicyInput;
  priority: TicketPriority;
};


export type MutationRecordDisclosureArgs = {
  input: RecordDisclosureInput;
};


export type MutationRedactCommentArgs = {
  id: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationRejectHeldReplyArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationReleaseHeldReplyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReleaseLegalHoldArgs = {
  id: Scalars['ID']['input'];
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


export type MutationRevokeContactVerificationArgs = {
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


export type MutationSetMinimumNecessaryArgs = {
  input: SetMinimumNecessaryInput;
};


export type MutationSetRetentionPolicyArgs = {
  input: RetentionPolicyInput;
};


export type MutationSetReviewSettingsArgs = {
  input: ReviewSettingsInput;
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


export type MutationUpdateDisclosureSettingsArgs = {
  input: UpdateDisclosureSettingsInput;
};


export type MutationUpdateGroupArgs = {
  id: Scalars['ID']['input'];
  input: UpdateGroupInput;
};


export type MutationUpdateIncidentArgs = {
  id: Scalars['ID']['input'];
  input: UpdateIncidentInput;
};


export type MutationUpdatePersonalRepresentativeArgs = {
  id: Scalars['ID']['input'];
  input: UpdatePersonalRepresentativeInput;
};


export type MutationUpdatePhiDetectionSettingsArgs = {
  input: UpdatePhiDetectionSettingsInput;
};


export type MutationUpdateSiemSinkArgs = {
  id: Scalars['ID']['input'];
  input: UpdateSiemSinkInput;
};


export type MutationUpdateTenantArgs = {
  input: UpdateTenantInput;
};


export type MutationUpdateTicketArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  input: UpdateTicketInput;
};


export type MutationUpdateTrustedIssuerArgs = {
  id: Scalars['ID']['input'];
  input: TrustedIssuerPatch;
};


export type MutationUpdateUserArgs = {
  id: Scalars['ID']['input'];
  input: UpdateUserInput;
};


export type MutationUpdateWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
  input: UpdateWebhookEndpointInput;
};


export type MutationVerifyContactArgs = {
  contactId: Scalars['ID']['input'];
  method: Scalars['String']['input'];
};

/** Notes are sealed free text: null unless the caller may read them (read_phi on Incident). */
export type NatureAndExtent = {
  __typename?: 'NatureAndExtent';
  categories: Array<PhiCategory>;
  note?: Maybe<Scalars['String']['output']>;
};

/** Notes are 1..4000 characters; null clears one. */
export type NatureAndExtentInput = {
  categories?: InputMaybe<Array<PhiCategory>>;
  note?: InputMaybe<Scalars['String']['input']>;
};

/**
 * An object that can be fetched again by its global id with Query.node (Relay's Global Object
 * Identification). The global id is globalId, not id: id stays the raw uuid REST uses, so a
 * Relay client sets `schemaConfig.nodeInterfaceIdField: "globalId"` in its compiler config.
 */
export type Node = {
  /** opaque: base64url of "<Type>:<id>"; the same object always has the same one */
  globalId: Scalars['ID']['output'];
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

/** actorId alone: that actor in [from, to]; with sessionId: only that session; neither: everyone. */
export type OpenIncidentInput = {
  actorId?: InputMaybe<Scalars['String']['input']>;
  discoveredAt?: InputMaybe<Scalars['DateTime']['input']>;
  from: Scalars['DateTime']['input'];
  sessionId?: InputMaybe<Scalars['String']['input']>;
  to: Scalars['DateTime']['input'];
};

/** Relay connection page info. Pages go forward only (first/after): hasPreviousPage is true once after was given. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** pass it as after for the next page (null on an empty page) */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A personal representative (164.502(g)): a contact who may receive the patient's PHI within its scope. */
export type PersonalRepresentative = {
  __typename?: 'PersonalRepresentative';
  createdAt: Scalars['DateTime']['output'];
  /** effective today */
  effective: Scalars['Boolean']['output'];
  /** first effective day (YYYY-MM-DD, UTC) */
  effectiveFrom: Scalars['String']['output'];
  /** first day no longer effective; null = open-ended */
  effectiveTo?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  patientContactId: Scalars['ID']['output'];
  /** parent, legal_guardian, healthcare_power_of_attorney, spouse, executor or other_authorised */
  relationship: Scalars['String']['output'];
  representativeContactId: Scalars['ID']['output'];
  /** all, billing, appointments or clinical: the reply topics the representative may receive */
  scope: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type PersonalRepresentativeEdge = {
  __typename?: 'PersonalRepresentativeEdge';
  cursor: Scalars['String']['output'];
  node: PersonalRepresentative;
};

export type PersonalRepresentativePage = {
  __typename?: 'PersonalRepresentativePage';
  edges: Array<PersonalRepresentativeEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<PersonalRepresentative>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<PersonalRepresentative>;
  pageInfo: PageInfo;
};

export type PhiCategory =
  | 'clinical'
  | 'contact_details'
  | 'dates'
  | 'financial'
  | 'free_text'
  | 'identifiers'
  | 'names'
  | 'other';

/** What a finding does to an outgoing text. */
export type PhiDetectionAction =
  /** a public reply is refused (a webhook goes out without its PHI); audited */
  | 'block'
  /** a public reply is held for a supervisor (a webhook goes out without its PHI); audited */
  | 'hold'
  /** detection does not run */
  | 'off'
  /** the text goes out with each finding replaced by [KIND]; audited */
  | 'redact'
  /** the text goes out unchanged; the finding is audited */
  | 'warn';

/**
 * The tenant's PHI detection settings. A tenant that has not set its own has the defaults:
 * both actions off (existing tenants unchanged), every kind, no own formats.
 */
export type PhiDetectionSettings = {
  __typename?: 'PhiDetectionSettings';
  /** the tenant's account-number formats (same rules) */
  accountPatterns: Array<Scalars['String']['output']>;
  /** true while the tenant has not set its own */
  isDefault: Scalars['Boolean']['output'];
  /** the tenant's MRN formats (regular expressions, no backreferences, lookarounds or nested quantifiers) */
  mrnPatterns: Array<Scalars['String']['output']>;
  /** what another patient's email, phone or MRN (found by value, through the blind indexes) does */
  otherPatientAction: PhiDetectionAction;
  /** what an identifier found by pattern (of the kinds below) does */
  patternAction: PhiDetectionAction;
  /** the kinds the pattern pass reports */
  patternKinds: Array<PhiPatternKind>;
  /** when the tenant last set them; null with the defaults */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** An identifier kind the pattern pass can find (45 CFR 164.514(b)(2)). */
export type PhiPatternKind =
  | 'account'
  | 'address'
  | 'date'
  | 'email'
  | 'ip'
  | 'mrn'
  | 'phone'
  | 'ssn'
  | 'url'
  | 'zip';

export type Query = {
  __typename?: 'Query';
  accessRequest?: Maybe<AccessRequest>;
  /** timing: open, due_soon, overdue, all */
  accessRequests?: Maybe<AccessRequestPage>;
  accountingReport?: Maybe<AccountingReport>;
  accountingRequest?: Maybe<AccountingRequest>;
  accountingRequests?: Maybe<AccountingRequestPage>;
  apiKey?: Maybe<ApiKey>;
  apiKeys?: Maybe<ApiKeyPage>;
  attachment?: Maybe<Attachment>;
  /** the tenant's attachment limits (read on Tenant) */
  attachmentSettings?: Maybe<AttachmentSettings>;
  auditEvents?: Maybe<AuditEventPage>;
  /** incremental: from the last verified signed checkpoint to the head */
  auditVerification?: Maybe<AuditVerification>;
  auditVerificationJob?: Maybe<AuditVerificationJob>;
  breakGlassGrants?: Maybe<BreakGlassPage>;
  businessAssociateAgreement?: Maybe<BusinessAssociateAgreement>;
  businessAssociateAgreements?: Maybe<BusinessAssociateAgreementPage>;
  contact?: Maybe<Contact>;
  contactVerifications?: Maybe<ContactVerificationPage>;
  contacts?: Maybe<ContactPage>;
  /** the tenant's custom-field definitions (read on Ticket) */
  customFields?: Maybe<Array<CustomFieldDefinition>>;
  /** the tenant's disclosure settings (read on Tenant) */
  disclosureSettings?: Maybe<DisclosureSettings>;
  disclosures?: Maybe<DisclosurePage>;
  group?: Maybe<Group>;
  groups?: Maybe<GroupPage>;
  /** the supervisor hold queue (status: held, released or rejected) */
  heldReplies?: Maybe<HeldReplyPage>;
  heldReply?: Maybe<HeldReply>;
  incident?: Maybe<Incident>;
  incidentAffectedPatients?: Maybe<AffectedPatientPage>;
  /** businessAssociate: the tenant is a business associate (notice to the covered entity instead) */
  incidentBreachAssessment?: Maybe<BreachAssessment>;
  incidents?: Maybe<IncidentPage>;
  legalHold?: Maybe<LegalHold>;
  legalHolds?: Maybe<LegalHoldPage>;
  me?: Maybe<Me>;
  /** the tenant's minimum-necessary lists (tenant admins, privacy officers, auditors) */
  minimumNecessary?: Maybe<MinimumNecessary>;
  /**
   * The object with this global id (a Node's globalId), read as its own query would read it
   * (ticket(id:), contact(id:), ...): the same permissions, tenant and audit. An id that is not
   * a global id, or names nothing the caller may see, is null with a NOT_FOUND error.
   */
  node?: Maybe<Node>;
  personalRepresentative?: Maybe<PersonalRepresentative>;
  personalRepresentatives?: Maybe<PersonalRepresentativePage>;
  /** the tenant's PHI detection settings (read on Tenant) */
  phiDetectionSettings?: Maybe<PhiDetectionSettings>;
  retentionPolicy?: Maybe<RetentionPolicy>;
  reviewFinding?: Maybe<ReviewFinding>;
  reviewFindings?: Maybe<ReviewFindingPage>;
  reviewSettings?: Maybe<ReviewSettings>;
  siemSink?: Maybe<SiemSink>;
  siemSinks?: Maybe<SiemSinkPage>;
  /** the tenant's SLA policies (read on Tenant) */
  slaPolicies?: Maybe<Array<SlaPolicy>>;
  tenant?: Maybe<Tenant>;
  ticket?: Maybe<Ticket>;
  /** a ticket's attachments (its comments' included, as far as the caller may see those comments) */
  ticketAttachments?: Maybe<AttachmentPage>;
  /** orderBy: default CREATED_AT_ASC; a cursor is bound to the order it came from */
  tickets?: Maybe<TicketPage>;
  trustedIssuers?: Maybe<Array<TrustedIssuer>>;
  user?: Maybe<User>;
  users?: Maybe<UserPage>;
  webhookAttempts?: Maybe<WebhookAttemptPage>;
  webhookEndpoint?: Maybe<WebhookEndpoint>;
  webhookEndpoints?: Maybe<WebhookEndpointPage>;
};


export type QueryAccessRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAccessRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  contactId?: InputMaybe<Scalars['ID']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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
  after?: InputMaybe<Scalars['String']['input']>;
  contactId?: InputMaybe<Scalars['ID']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  timing?: InputMaybe<Scalars['String']['input']>;
};


export type QueryApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type QueryApiKeysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAttachmentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditEventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<AuditOrder>;
};


export type QueryAuditVerificationJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBreakGlassGrantsArgs = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryBusinessAssociateAgreementArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBusinessAssociateAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryContactArgs = {
  id: Scalars['ID']['input'];
};


export type QueryContactVerificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  contactId: Scalars['ID']['input'];
  cursor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryContactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDisclosuresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  contactId: Scalars['ID']['input'];
  cursor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryGroupArgs = {
  id: Scalars['ID']['input'];
};


export type QueryGroupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryHeldRepliesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
};


export type QueryHeldReplyArgs = {
  id: Scalars['ID']['input'];
};


export type QueryIncidentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryIncidentAffectedPatientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryIncidentBreachAssessmentArgs = {
  businessAssociate?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryIncidentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryLegalHoldArgs = {
  id: Scalars['ID']['input'];
};


export type QueryLegalHoldsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<LegalHoldState>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPersonalRepresentativeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPersonalRepresentativesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  patientContactId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryReviewFindingArgs = {
  id: Scalars['ID']['input'];
};


export type QueryReviewFindingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<ReviewFindingKind>;
  status?: InputMaybe<ReviewFindingStatus>;
};


export type QuerySiemSinkArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySiemSinksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTicketArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTicketAttachmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  ticketId: Scalars['ID']['input'];
};


export type QueryTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<TicketOrder>;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWebhookAttemptsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  endpointId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWebhookEndpointsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};

export type RecipientKind =
  | 'business_associate'
  | 'covered_entity'
  | 'external'
  | 'unknown'
  | 'workforce';

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

/** Which workforce-to-patient relationships (by keyed hash) raise a relationship_match finding. */
export type RelationshipMatch = {
  __typename?: 'RelationshipMatch';
  address: Scalars['Boolean']['output'];
  surname: Scalars['Boolean']['output'];
};

export type RelationshipMatchInput = {
  address: Scalars['Boolean']['input'];
  surname: Scalars['Boolean']['input'];
};

/** A tenant's retention periods, in days; null keeps that kind of record for ever. Audit events are never purged. */
export type RetentionPolicy = {
  __typename?: 'RetentionPolicy';
  /** an attachment, from its upload */
  attachmentDays?: Maybe<Scalars['Int']['output']>;
  /** always false: the audit trail is never purged */
  auditEventsPurged: Scalars['Boolean']['output'];
  /** a closed ticket (with its comments, attachments and timeline), from its last change */
  closedTicketDays?: Maybe<Scalars['Int']['output']>;
  /** a comment, from its last edit */
  commentDays?: Maybe<Scalars['Int']['output']>;
  /** a contact nothing refers to any more, from its last change */
  contactDays?: Maybe<Scalars['Int']['output']>;
  /** null: never set */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** Every period (1..36500 days); an omitted or null one keeps that kind of record for ever. */
export type RetentionPolicyInput = {
  attachmentDays?: InputMaybe<Scalars['Int']['input']>;
  closedTicketDays?: InputMaybe<Scalars['Int']['input']>;
  commentDays?: InputMaybe<Scalars['Int']['input']>;
  contactDays?: InputMaybe<Scalars['Int']['input']>;
};

export type ReviewBreakGlassInput = {
  /** free text, sealed at rest like PHI; readable later by the privacy officer and the grant's holder only */
  note?: InputMaybe<Scalars['String']['input']>;
  /** justified or unjustified */
  outcome: Scalars['String']['input'];
};

/** What the activity review noticed about one actor in one period. */
export type ReviewFinding = Node & {
  __typename?: 'ReviewFinding';
  actorId: Scalars['String']['output'];
  actorKind: Scalars['String']['output'];
  baseline?: Maybe<Scalars['Float']['output']>;
  createdAt: Scalars['DateTime']['output'];
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  decidedBy?: Maybe<Scalars['String']['output']>;
  /** sealed free text; null unless dismissed and the caller may read it (read_phi on ReviewFinding) */
  dismissReason?: Maybe<Scalars['String']['output']>;
  /** the global id for Query.node (Relay); id is the uuid REST uses */
  globalId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  incidentId?: Maybe<Scalars['ID']['output']>;
  kind: ReviewFindingKind;
  /** true when a dismissal reason exists that the caller may not read */
  masked: Scalars['Boolean']['output'];
  period: Scalars['String']['output'];
  records: Scalars['Int']['output'];
  status: ReviewFindingStatus;
  updatedAt: Scalars['DateTime']['output'];
  windowEnd: Scalars['DateTime']['output'];
  windowStart: Scalars['DateTime']['output'];
};

export type ReviewFindingEdge = {
  __typename?: 'ReviewFindingEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: ReviewFinding;
};

export type ReviewFindingKind =
  | 'break_glass'
  | 'denied_burst'
  | 'off_hours'
  | 'relationship_match'
  | 'volume';

/** A page of ReviewFindings: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type ReviewFindingPage = {
  __typename?: 'ReviewFindingPage';
  edges: Array<ReviewFindingEdge>;
  nodes: Array<ReviewFinding>;
  pageInfo: PageInfo;
};

export type ReviewFindingStatus =
  | 'acknowledged'
  | 'dismissed'
  | 'incident_opened'
  | 'open';

/** A tenant's business hours and detector thresholds for the activity review. */
export type ReviewSettings = {
  __typename?: 'ReviewSettings';
  /** ISO weekdays, 1 = Monday .. 7 = Sunday */
  businessDays: Array<Scalars['Int']['output']>;
  /** HH:MM local time, exclusive ('24:00' = midnight) */
  businessEnd: Scalars['String']['output'];
  /** HH:MM local time, inclusive */
  businessStart: Scalars['String']['output'];
  deniedBurstMin: Scalars['Int']['output'];
  /** true until the tenant sets its own */
  isDefault: Scalars['Boolean']['output'];
  offHoursMinRecords: Scalars['Int']['output'];
  relationshipMatch: RelationshipMatch;
  /** IANA time zone of the business hours, e.g. America/New_York */
  timeZone: Scalars['String']['output'];
  volumeFactor: Scalars['Float']['output'];
  volumeMinRecords: Scalars['Int']['output'];
};

/** Every setting, as REST's PUT /v1/activity-review/settings takes them. */
export type ReviewSettingsInput = {
  businessDays: Array<Scalars['Int']['input']>;
  businessEnd: Scalars['String']['input'];
  businessStart: Scalars['String']['input'];
  deniedBurstMin: Scalars['Int']['input'];
  offHoursMinRecords: Scalars['Int']['input'];
  /** omitted: both off */
  relationshipMatch?: InputMaybe<RelationshipMatchInput>;
  timeZone: Scalars['String']['input'];
  volumeFactor: Scalars['Float']['input'];
  volumeMinRecords: Scalars['Int']['input'];
};

/** The four-factor risk assessment of 45 CFR 164.402(2). */
export type RiskAssessment = {
  __typename?: 'RiskAssessment';
  acquiredOrViewed: AcquiredOrViewed;
  conclusion: RiskConclusion;
  mitigation: Mitigation;
  natureAndExtent: NatureAndExtent;
  unauthorizedRecipient: UnauthorizedRecipient;
};

export type RiskConclusion =
  | 'breach'
  | 'low_probability'
  | 'undetermined';

/** A role (its value is the REST API's, lowercase), as the roles claim or an API key grants it. */
export type Role =
  | 'agent'
  | 'auditor'
  | 'integration'
  | 'privacy_officer'
  | 'requester'
  | 'supervisor'
  | 'tenant_admin';

/** Whether the PHI was secured (unusable to the unauthorized person), so no notice is due. */
export type SafeHarbour = {
  __typename?: 'SafeHarbour';
  applies: Scalars['Boolean']['output'];
  keysIntact: Scalars['Boolean']['output'];
  reasons: Array<Scalars['String']['output']>;
  sealedAtRest: Scalars['Boolean']['output'];
  shownInClear: Scalars['Boolean']['output'];
  unsealedFields: Array<Scalars['String']['output']>;
};

/** Replaces the lists at once; every unknown record type, role or field is reported with its pointer under /allowlists. */
export type SetMinimumNecessaryInput = {
  /** record type -> role -> field names; {} lifts every list */
  allowlists: Scalars['JSON']['input'];
};

/** Where the tenant's chained audit events (no PHI) are streamed: an OTLP/HTTP collector or a syslog receiver over TLS. */
export type SiemSink = Node & {
  __typename?: 'SiemSink';
  /** syslog_tls: the CA the receiver's certificate is verified against (null: the system's CAs) */
  caPem?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  delivery: SiemSinkDelivery;
  description?: Maybe<Scalars['String']['output']>;
  enabled: Scalars['Boolean']['output'];
  /** otlp_http: base URL (events go to {endpoint}/v1/logs); syslog_tls: tls://host:port */
  endpoint: Scalars['String']['output'];
  /** the global id for Query.node (Relay); id is the uuid REST uses */
  globalId: Scalars['ID']['output'];
  /** names of the headers sent with every batch; their values are sealed and never shown */
  headerNames: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** otlp_http or syslog_tls */
  kind: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** Where streaming to a sink stands: its cursor against the tenant's chain head. */
export type SiemSinkDelivery = {
  __typename?: 'SiemSinkDelivery';
  consecutiveFailures: Scalars['Int']['output'];
  /** last seq of the tenant's audit chain the receiver acknowledged */
  cursorSeq: Scalars['Float']['output'];
  /** last seq of the tenant's audit chain */
  headSeq: Scalars['Float']['output'];
  lagEvents: Scalars['Float']['output'];
  /** since the oldest unacknowledged event was chained (0 when caught up) */
  lagSeconds: Scalars['Int']['output'];
  lastAckAt?: Maybe<Scalars['DateTime']['output']>;
  lastAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** http_<status>, network, timeout, url_refused, chain_gap or headers_unreadable; never a response body */
  lastError?: Maybe<Scalars['String']['output']>;
  nextAttemptAt: Scalars['DateTime']['output'];
};

export type SiemSinkEdge = {
  __typename?: 'SiemSinkEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: SiemSink;
};

/** One extra request header (otlp_http), such as the collector's auth token: sealed at rest. */
export type SiemSinkHeaderInput = {
  name: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

/** A page of SiemSinks: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type SiemSinkPage = {
  __typename?: 'SiemSinkPage';
  edges: Array<SiemSinkEdge>;
  nodes: Array<SiemSink>;
  pageInfo: PageInfo;
};

/** The targets of one priority; a ticket's SLA due times are set from its priority's policy. */
export type SlaPolicy = {
  __typename?: 'SlaPolicy';
  /** null: the clock runs around the clock */
  businessHours?: Maybe<BusinessHours>;
  firstResponseMinutes: Scalars['Int']['output'];
  priority: TicketPriority;
  resolutionMinutes: Scalars['Int']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** Replaces the policy of a priority. Minutes are 1..525600 and firstResponseMinutes <= resolutionMinutes. */
export type SlaPolicyInput = {
  /** null or omitted: around the clock */
  businessHours?: InputMaybe<BusinessHoursInput>;
  firstResponseMinutes: Scalars['Int']['input'];
  resolutionMinutes: Scalars['Int']['input'];
};

export type StateResidents = {
  __typename?: 'StateResidents';
  count: Scalars['Int']['output'];
  /** two-letter US state code */
  state: Scalars['String']['output'];
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

export type Ticket = Node & {
  __typename?: 'Ticket';
  assignee?: Maybe<User>;
  assigneeId?: Maybe<Scalars['ID']['output']>;
  channel: TicketChannel;
  comments: CommentPage;
  createdAt: Scalars['DateTime']['output'];
  customFields: Scalars['JSON']['output'];
  description?: Maybe<Scalars['String']['output']>;
  externalRefs?: Maybe<Array<ExternalRef>>;
  /** the global id for Query.node (Relay); id is the uuid REST uses */
  globalId: Scalars['ID']['output'];
  group?: Maybe<Group>;
  groupId?: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  lastComment?: Maybe<Comment>;
  /** true when PHI is withheld: without read_phi subject, description, PHI custom fields and references are then null; under the tenant's minimum-necessary lists, those not listed for the caller's roles */
  masked: Scalars['Boolean']['output'];
  priority: TicketPriority;
  requester?: Maybe<Contact>;
  requesterId?: Maybe<Scalars['ID']['output']>;
  sla: TicketSla;
  solvedAt?: Maybe<Scalars['DateTime']['output']>;
  status: TicketStatus;
  subject?: Maybe<Scalars['String']['output']>;
  tags: Array<Scalars['String']['output']>;
  timeline: Array<TimelineEntry>;
  type: TicketType;
  updatedAt: Scalars['DateTime']['output'];
  /** optimistic concurrency: pass it back as expectedVersion */
  version: Scalars['Int']['output'];
};


export type TicketCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cursor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};

export type TicketChannel =
  | 'api'
  | 'chat'
  | 'email'
  | 'phone'
  | 'web';

export type TicketEdge = {
  __typename?: 'TicketEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: Ticket;
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
  priority?: InputMaybe<Array<TicketPriority>>;
  requesterId?: InputMaybe<Scalars['ID']['input']>;
  sla?: InputMaybe<TicketSlaFilter>;
  status?: InputMaybe<Array<TicketStatus>>;
  tag?: InputMaybe<Scalars['String']['input']>;
  updatedSince?: InputMaybe<Scalars['DateTime']['input']>;
  withinMinutes?: InputMaybe<Scalars['Int']['input']>;
};

/** The order of a ticket list (REST's sort parameter: createdAt, -createdAt, ...). */
export type TicketOrder =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  /** low to urgent */
  | 'PRIORITY_ASC'
  | 'PRIORITY_DESC'
  /** new to closed */
  | 'STATUS_ASC'
  | 'STATUS_DESC'
  | 'UPDATED_AT_ASC'
  | 'UPDATED_AT_DESC';

/** A page of Tickets: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type TicketPage = {
  __typename?: 'TicketPage';
  edges: Array<TicketEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<Ticket>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<Ticket>;
  pageInfo: PageInfo;
};

export type TicketPriority =
  | 'high'
  | 'low'
  | 'normal'
  | 'urgent';

export type TicketSla = {
  __typename?: 'TicketSla';
  firstRespondedAt?: Maybe<Scalars['DateTime']['output']>;
  firstResponseBreached: Scalars['Boolean']['output'];
  firstResponseDueAt?: Maybe<Scalars['DateTime']['output']>;
  resolutionBreached: Scalars['Boolean']['output'];
  resolutionDueAt?: Maybe<Scalars['DateTime']['output']>;
};

export type TicketSlaFilter =
  /** a target due within withinMinutes */
  | 'at_risk'
  /** a target already missed */
  | 'breached';

export type TicketStatus =
  | 'closed'
  | 'new'
  | 'on_hold'
  | 'open'
  | 'pending'
  | 'solved';

export type TicketType =
  | 'incident'
  | 'problem'
  | 'question'
  | 'task';

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

/** What updateTrustedIssuer may change; omitted fields keep their value. The issuer string cannot change: register the new IdP instead. */
export type TrustedIssuerPatch = {
  audience?: InputMaybe<Scalars['String']['input']>;
  groupsClaim?: InputMaybe<Scalars['String']['input']>;
  jwksUri?: InputMaybe<Scalars['String']['input']>;
  rolesClaim?: InputMaybe<Scalars['String']['input']>;
};

export type UnauthorizedRecipient = {
  __typename?: 'UnauthorizedRecipient';
  kind: RecipientKind;
  note?: Maybe<Scalars['String']['output']>;
};

export type UnauthorizedRecipientInput = {
  kind?: InputMaybe<RecipientKind>;
  note?: InputMaybe<Scalars['String']['input']>;
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

export type UpdateDisclosureSettingsInput = {
  recipientCheck: Scalars['String']['input'];
  verificationValidDays: Scalars['Int']['input'];
};

export type UpdateGroupInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** At least one field; omitted ones stay as they are (REST's PATCH /v1/incidents/{id}). */
export type UpdateIncidentInput = {
  acquiredOrViewed?: InputMaybe<AcquiredOrViewedInput>;
  conclusion?: InputMaybe<RiskConclusion>;
  discoveredAt?: InputMaybe<Scalars['DateTime']['input']>;
  mitigation?: InputMaybe<MitigationInput>;
  natureAndExtent?: InputMaybe<NatureAndExtentInput>;
  status?: InputMaybe<IncidentStatus>;
  unauthorizedRecipient?: InputMaybe<UnauthorizedRecipientInput>;
};

export type UpdatePersonalRepresentativeInput = {
  effectiveFrom?: InputMaybe<Scalars['String']['input']>;
  effectiveTo?: InputMaybe<Scalars['String']['input']>;
  relationship?: InputMaybe<Scalars['String']['input']>;
  scope?: InputMaybe<Scalars['String']['input']>;
};

/** Replaces the settings at once. */
export type UpdatePhiDetectionSettingsInput = {
  /** at most 10, each 1..200 characters */
  accountPatterns: Array<Scalars['String']['input']>;
  /** at most 10, each 1..200 characters */
  mrnPatterns: Array<Scalars['String']['input']>;
  otherPatientAction: PhiDetectionAction;
  patternAction: PhiDetectionAction;
  /** each kind at most once */
  patternKinds: Array<PhiPatternKind>;
};

export type UpdateSiemSinkInput = {
  caPem?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  endpoint?: InputMaybe<Scalars['String']['input']>;
  /** replaces every header; [] removes them */
  headers?: InputMaybe<Array<SiemSinkHeaderInput>>;
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
  priority?: InputMaybe<TicketPriority>;
  requesterId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<TicketStatus>;
  subject?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  type?: InputMaybe<TicketType>;
};

export type UpdateUserInput = {
  contactId?: InputMaybe<Scalars['ID']['input']>;
  displayName?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  roles?: InputMaybe<Array<Role>>;
  status?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateWebhookEndpointInput = {
  baaId?: InputMaybe<Scalars['ID']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  eventTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** subject, commentBody; [] sends no PHI */
  phiFields?: InputMaybe<Array<Scalars['String']['input']>>;
  url?: InputMaybe<Scalars['String']['input']>;
};

export type User = Node & {
  __typename?: 'User';
  contactId?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['DateTime']['output'];
  displayName: Scalars['String']['output'];
  email?: Maybe<Scalars['String']['output']>;
  /** the global id for Query.node (Relay); id is the uuid REST uses */
  globalId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  issuer?: Maybe<Scalars['String']['output']>;
  lastSeenAt?: Maybe<Scalars['DateTime']['output']>;
  roles: Array<Role>;
  sessionsRevokedAfter?: Maybe<Scalars['DateTime']['output']>;
  status: Scalars['String']['output'];
  subject?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};

export type UserEdge = {
  __typename?: 'UserEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: User;
};

/** A page of Users: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type UserPage = {
  __typename?: 'UserPage';
  edges: Array<UserEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<User>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<User>;
  pageInfo: PageInfo;
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

export type WebhookAttemptEdge = {
  __typename?: 'WebhookAttemptEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: WebhookAttempt;
};

/** A page of WebhookAttempts: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type WebhookAttemptPage = {
  __typename?: 'WebhookAttemptPage';
  edges: Array<WebhookAttemptEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<WebhookAttempt>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<WebhookAttempt>;
  pageInfo: PageInfo;
};

/** Where a tenant's events are POSTed, signed per Standard Webhooks. PHI only under an agreement in force. */
export type WebhookEndpoint = Node & {
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
  /** the global id for Query.node (Relay); id is the uuid REST uses */
  globalId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  /** the PHI fields deliveries may carry under the agreement (minimum necessary): subject, commentBody; empty: none */
  phiFields: Array<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  url: Scalars['String']['output'];
};

export type WebhookEndpointEdge = {
  __typename?: 'WebhookEndpointEdge';
  /** pass it as after to get the items after this one */
  cursor: Scalars['String']['output'];
  node: WebhookEndpoint;
};

/** A page of WebhookEndpoints: a Relay connection (edges, pageInfo), with nodes as a shortcut. */
export type WebhookEndpointPage = {
  __typename?: 'WebhookEndpointPage';
  edges: Array<WebhookEndpointEdge>;
  /** @deprecated Use nodes, or edges { node }. Removed after 2027-06-04. */
  items: Array<WebhookEndpoint>;
  /** @deprecated Use pageInfo { endCursor hasNextPage }. Removed after 2027-06-04. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  nodes: Array<WebhookEndpoint>;
  pageInfo: PageInfo;
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




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node:
    | ( AccessRequest )
    | ( AccountingRequest )
    | ( ApiKey )
    | ( Attachment )
    | ( AuditVerificationJob )
    | ( BusinessAssociateAgreement )
    | ( Contact )
    | ( Group )
    | ( Incident )
    | ( ReviewFinding )
    | ( SiemSink )
    | ( Ticket )
    | ( User )
    | ( WebhookEndpoint )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccessRequest: ResolverTypeWrapper<AccessRequest>;
  AccessRequestDenial: ResolverTypeWrapper<AccessRequestDenial>;
  AccessRequestDownload: ResolverTypeWrapper<AccessRequestDownload>;
  AccessRequestEdge: ResolverTypeWrapper<AccessRequestEdge>;
  AccessRequestFulfilment: ResolverTypeWrapper<AccessRequestFulfilment>;
  AccessRequestPage: ResolverTypeWrapper<AccessRequestPage>;
  AccountingReport: ResolverTypeWrapper<AccountingReport>;
  AccountingRequest: ResolverTypeWrapper<AccountingRequest>;
  AccountingRequestEdge: ResolverTypeWrapper<AccountingRequestEdge>;
  AccountingRequestPage: ResolverTypeWrapper<AccountingRequestPage>;
  AcquiredOrViewed: ResolverTypeWrapper<AcquiredOrViewed>;
  AcquiredOrViewedInput: AcquiredOrViewedInput;
  AcquisitionStatus: AcquisitionStatus;
  Address: ResolverTypeWrapper<Address>;
  AddressInput: AddressInput;
  AffectedPatient: ResolverTypeWrapper<AffectedPatient>;
  AffectedPatientEdge: ResolverTypeWrapper<AffectedPatientEdge>;
  AffectedPatientPage: ResolverTypeWrapper<AffectedPatientPage>;
  ApiKey: ResolverTypeWrapper<ApiKey>;
  ApiKeyEdge: ResolverTypeWrapper<ApiKeyEdge>;
  ApiKeyPage: ResolverTypeWrapper<ApiKeyPage>;
  Attachment: ResolverTypeWrapper<Attachment>;
  AttachmentEdge: ResolverTypeWrapper<AttachmentEdge>;
  AttachmentPage: ResolverTypeWrapper<AttachmentPage>;
  AttachmentSettings: ResolverTypeWrapper<AttachmentSettings>;
  AuditActor: ResolverTypeWrapper<AuditActor>;
  AuditEvent: ResolverTypeWrapper<AuditEvent>;
  AuditEventEdge: ResolverTypeWrapper<AuditEventEdge>;
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
  BreachAssessment: ResolverTypeWrapper<BreachAssessment>;
  BreachDeadline: ResolverTypeWrapper<BreachDeadline>;
  BreachDeadlineKind: BreachDeadlineKind;
  BreakGlassEdge: ResolverTypeWrapper<BreakGlassEdge>;
  BreakGlassGrant: ResolverTypeWrapper<BreakGlassGrant>;
  BreakGlassPage: ResolverTypeWrapper<BreakGlassPage>;
  BreakGlassReview: ResolverTypeWrapper<BreakGlassReview>;
  BusinessAssociateAgreement: ResolverTypeWrapper<BusinessAssociateAgreement>;
  BusinessAssociateAgreementEdge: ResolverTypeWrapper<BusinessAssociateAgreementEdge>;
  BusinessAssociateAgreementPage: ResolverTypeWrapper<BusinessAssociateAgreementPage>;
  BusinessHours: ResolverTypeWrapper<BusinessHours>;
  BusinessHoursInput: BusinessHoursInput;
  Comment: ResolverTypeWrapper<Comment>;
  CommentEdge: ResolverTypeWrapper<CommentEdge>;
  CommentPage: ResolverTypeWrapper<CommentPage>;
  Contact: ResolverTypeWrapper<Contact>;
  ContactEdge: ResolverTypeWrapper<ContactEdge>;
  ContactPage: ResolverTypeWrapper<ContactPage>;
  ContactSearchInput: ContactSearchInput;
  ContactVerification: ResolverTypeWrapper<ContactVerification>;
  ContactVerificationEdge: ResolverTypeWrapper<ContactVerificationEdge>;
  ContactVerificationPage: ResolverTypeWrapper<ContactVerificationPage>;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateBusinessAssociateAgreementInput: CreateBusinessAssociateAgreementInput;
  CreateCommentInput: CreateCommentInput;
  CreateContactInput: CreateContactInput;
  CreateCustomFieldInput: CreateCustomFieldInput;
  CreateGroupInput: CreateGroupInput;
  CreateLegalHoldInput: CreateLegalHoldInput;
  CreatePersonalRepresentativeInput: CreatePersonalRepresentativeInput;
  CreateSiemSinkInput: CreateSiemSinkInput;
  CreateTicketInput: CreateTicketInput;
  CreateUserInput: CreateUserInput;
  CreateWebhookEndpointInput: CreateWebhookEndpointInput;
  CreatedApiKey: ResolverTypeWrapper<CreatedApiKey>;
  CustomFieldDefinition: ResolverTypeWrapper<CustomFieldDefinition>;
  CustomFieldType: CustomFieldType;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DenyAccessRequestInput: DenyAccessRequestInput;
  Disclosure: ResolverTypeWrapper<Disclosure>;
  DisclosureEdge: ResolverTypeWrapper<DisclosureEdge>;
  DisclosurePage: ResolverTypeWrapper<DisclosurePage>;
  DisclosureSettings: ResolverTypeWrapper<DisclosureSettings>;
  ExcludedDisclosure: ResolverTypeWrapper<ExcludedDisclosure>;
  ExternalId: ResolverTypeWrapper<ExternalId>;
  ExternalIdInput: ExternalIdInput;
  ExternalRef: ResolverTypeWrapper<ExternalRef>;
  ExternalRefInput: ExternalRefInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Group: ResolverTypeWrapper<Group>;
  GroupEdge: ResolverTypeWrapper<GroupEdge>;
  GroupPage: ResolverTypeWrapper<GroupPage>;
  HeldReply: ResolverTypeWrapper<HeldReply>;
  HeldReplyEdge: ResolverTypeWrapper<HeldReplyEdge>;
  HeldReplyPage: ResolverTypeWrapper<HeldReplyPage>;
  HeldReplyReason: ResolverTypeWrapper<HeldReplyReason>;
  HeldReplyRelease: ResolverTypeWrapper<HeldReplyRelease>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Incident: ResolverTypeWrapper<Incident>;
  IncidentEdge: ResolverTypeWrapper<IncidentEdge>;
  IncidentPage: ResolverTypeWrapper<IncidentPage>;
  IncidentScope: ResolverTypeWrapper<IncidentScope>;
  IncidentStatus: IncidentStatus;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LegalHold: ResolverTypeWrapper<LegalHold>;
  LegalHoldEdge: ResolverTypeWrapper<LegalHoldEdge>;
  LegalHoldKind: LegalHoldKind;
  LegalHoldPage: ResolverTypeWrapper<LegalHoldPage>;
  LegalHoldQuery: ResolverTypeWrapper<LegalHoldQuery>;
  LegalHoldQueryInput: LegalHoldQueryInput;
  LegalHoldState: LegalHoldState;
  Me: ResolverTypeWrapper<Me>;
  MinimumNecessary: ResolverTypeWrapper<MinimumNecessary>;
  Mitigation: ResolverTypeWrapper<Mitigation>;
  MitigationExtent: MitigationExtent;
  MitigationInput: MitigationInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NatureAndExtent: ResolverTypeWrapper<NatureAndExtent>;
  NatureAndExtentInput: NatureAndExtentInput;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  OpenAccessRequestInput: OpenAccessRequestInput;
  OpenBreakGlassInput: OpenBreakGlassInput;
  OpenIncidentInput: OpenIncidentInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PersonalRepresentative: ResolverTypeWrapper<PersonalRepresentative>;
  PersonalRepresentativeEdge: ResolverTypeWrapper<PersonalRepresentativeEdge>;
  PersonalRepresentativePage: ResolverTypeWrapper<PersonalRepresentativePage>;
  PhiCategory: PhiCategory;
  PhiDetectionAction: PhiDetectionAction;
  PhiDetectionSettings: ResolverTypeWrapper<PhiDetectionSettings>;
  PhiPatternKind: PhiPatternKind;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecipientKind: RecipientKind;
  RecordDisclosureInput: RecordDisclosureInput;
  RelationshipMatch: ResolverTypeWrapper<RelationshipMatch>;
  RelationshipMatchInput: RelationshipMatchInput;
  RetentionPolicy: ResolverTypeWrapper<RetentionPolicy>;
  RetentionPolicyInput: RetentionPolicyInput;
  ReviewBreakGlassInput: ReviewBreakGlassInput;
  ReviewFinding: ResolverTypeWrapper<ReviewFinding>;
  ReviewFindingEdge: ResolverTypeWrapper<ReviewFindingEdge>;
  ReviewFindingKind: ReviewFindingKind;
  ReviewFindingPage: ResolverTypeWrapper<ReviewFindingPage>;
  ReviewFindingStatus: ReviewFindingStatus;
  ReviewSettings: ResolverTypeWrapper<ReviewSettings>;
  ReviewSettingsInput: ReviewSettingsInput;
  RiskAssessment: ResolverTypeWrapper<RiskAssessment>;
  RiskConclusion: RiskConclusion;
  Role: Role;
  SafeHarbour: ResolverTypeWrapper<SafeHarbour>;
  SetMinimumNecessaryInput: SetMinimumNecessaryInput;
  SiemSink: ResolverTypeWrapper<SiemSink>;
  SiemSinkDelivery: ResolverTypeWrapper<SiemSinkDelivery>;
  SiemSinkEdge: ResolverTypeWrapper<SiemSinkEdge>;
  SiemSinkHeaderInput: SiemSinkHeaderInput;
  SiemSinkPage: ResolverTypeWrapper<SiemSinkPage>;
  SlaPolicy: ResolverTypeWrapper<SlaPolicy>;
  SlaPolicyInput: SlaPolicyInput;
  StateResidents: ResolverTypeWrapper<StateResidents>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Tenant: ResolverTypeWrapper<Tenant>;
  Ticket: ResolverTypeWrapper<Ticket>;
  TicketChannel: TicketChannel;
  TicketEdge: ResolverTypeWrapper<TicketEdge>;
  TicketEvent: ResolverTypeWrapper<TicketEvent>;
  TicketFilter: TicketFilter;
  TicketOrder: TicketOrder;
  TicketPage: ResolverTypeWrapper<TicketPage>;
  TicketPriority: TicketPriority;
  TicketSla: ResolverTypeWrapper<TicketSla>;
  TicketSlaFilter: TicketSlaFilter;
  TicketStatus: TicketStatus;
  TicketType: TicketType;
  TimelineEntry: ResolverTypeWrapper<TimelineEntry>;
  TrustedIssuer: ResolverTypeWrapper<TrustedIssuer>;
  TrustedIssuerInput: TrustedIssuerInput;
  TrustedIssuerPatch: TrustedIssuerPatch;
  UnauthorizedRecipient: ResolverTypeWrapper<UnauthorizedRecipient>;
  UnauthorizedRecipientInput: UnauthorizedRecipientInput;
  UpdateAttachmentSettingsInput: UpdateAttachmentSettingsInput;
  UpdateBusinessAssociateAgreementInput: UpdateBusinessAssociateAgreementInput;
  UpdateContactInput: UpdateContactInput;
  UpdateDisclosureSettingsInput: UpdateDisclosureSettingsInput;
  UpdateGroupInput: UpdateGroupInput;
  UpdateIncidentInput: UpdateIncidentInput;
  UpdatePersonalRepresentativeInput: UpdatePersonalRepresentativeInput;
  UpdatePhiDetectionSettingsInput: UpdatePhiDetectionSettingsInput;
  UpdateSiemSinkInput: UpdateSiemSinkInput;
  UpdateTenantInput: UpdateTenantInput;
  UpdateTicketInput: UpdateTicketInput;
  UpdateUserInput: UpdateUserInput;
  UpdateWebhookEndpointInput: UpdateWebhookEndpointInput;
  User: ResolverTypeWrapper<User>;
  UserEdge: ResolverTypeWrapper<UserEdge>;
  UserPage: ResolverTypeWrapper<UserPage>;
  WebhookAttempt: ResolverTypeWrapper<WebhookAttempt>;
  WebhookAttemptEdge: ResolverTypeWrapper<WebhookAttemptEdge>;
  WebhookAttemptPage: ResolverTypeWrapper<WebhookAttemptPage>;
  WebhookEndpoint: ResolverTypeWrapper<WebhookEndpoint>;
  WebhookEndpointEdge: ResolverTypeWrapper<WebhookEndpointEdge>;
  WebhookEndpointPage: ResolverTypeWrapper<WebhookEndpointPage>;
  WebhookEndpointWithSecret: ResolverTypeWrapper<WebhookEndpointWithSecret>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccessRequest: AccessRequest;
  AccessRequestDenial: AccessRequestDenial;
  AccessRequestDownload: AccessRequestDownload;
  AccessRequestEdge: AccessRequestEdge;
  AccessRequestFulfilment: AccessRequestFulfilment;
  AccessRequestPage: AccessRequestPage;
  AccountingReport: AccountingReport;
  AccountingRequest: AccountingRequest;
  AccountingRequestEdge: AccountingRequestEdge;
  AccountingRequestPage: AccountingRequestPage;
  AcquiredOrViewed: AcquiredOrViewed;
  AcquiredOrViewedInput: AcquiredOrViewedInput;
  Address: Address;
  AddressInput: AddressInput;
  AffectedPatient: AffectedPatient;
  AffectedPatientEdge: AffectedPatientEdge;
  AffectedPatientPage: AffectedPatientPage;
  ApiKey: ApiKey;
  ApiKeyEdge: ApiKeyEdge;
  ApiKeyPage: ApiKeyPage;
  Attachment: Attachment;
  AttachmentEdge: AttachmentEdge;
  AttachmentPage: AttachmentPage;
  AttachmentSettings: AttachmentSettings;
  AuditActor: AuditActor;
  AuditEvent: AuditEvent;
  AuditEventEdge: AuditEventEdge;
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
  BreachAssessment: BreachAssessment;
  BreachDeadline: BreachDeadline;
  BreakGlassEdge: BreakGlassEdge;
  BreakGlassGrant: BreakGlassGrant;
  BreakGlassPage: BreakGlassPage;
  BreakGlassReview: BreakGlassReview;
  BusinessAssociateAgreement: BusinessAssociateAgreement;
  BusinessAssociateAgreementEdge: BusinessAssociateAgreementEdge;
  BusinessAssociateAgreementPage: BusinessAssociateAgreementPage;
  BusinessHours: BusinessHours;
  BusinessHoursInput: BusinessHoursInput;
  Comment: Comment;
  CommentEdge: CommentEdge;
  CommentPage: CommentPage;
  Contact: Contact;
  ContactEdge: ContactEdge;
  ContactPage: ContactPage;
  ContactSearchInput: ContactSearchInput;
  ContactVerification: ContactVerification;
  ContactVerificationEdge: ContactVerificationEdge;
  ContactVerificationPage: ContactVerificationPage;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateBusinessAssociateAgreementInput: CreateBusinessAssociateAgreementInput;
  CreateCommentInput: CreateCommentInput;
  CreateContactInput: CreateContactInput;
  CreateCustomFieldInput: CreateCustomFieldInput;
  CreateGroupInput: CreateGroupInput;
  CreateLegalHoldInput: CreateLegalHoldInput;
  CreatePersonalRepresentativeInput: CreatePersonalRepresentativeInput;
  CreateSiemSinkInput: CreateSiemSinkInput;
  CreateTicketInput: CreateTicketInput;
  CreateUserInput: CreateUserInput;
  CreateWebhookEndpointInput: CreateWebhookEndpointInput;
  CreatedApiKey: CreatedApiKey;
  CustomFieldDefinition: CustomFieldDefinition;
  DateTime: Scalars['DateTime']['output'];
  DenyAccessRequestInput: DenyAccessRequestInput;
  Disclosure: Disclosure;
  DisclosureEdge: DisclosureEdge;
  DisclosurePage: DisclosurePage;
  DisclosureSettings: DisclosureSettings;
  ExcludedDisclosure: ExcludedDisclosure;
  ExternalId: ExternalId;
  ExternalIdInput: ExternalIdInput;
  ExternalRef: ExternalRef;
  ExternalRefInput: ExternalRefInput;
  Float: Scalars['Float']['output'];
  Group: Group;
  GroupEdge: GroupEdge;
  GroupPage: GroupPage;
  HeldReply: HeldReply;
  HeldReplyEdge: HeldReplyEdge;
  HeldReplyPage: HeldReplyPage;
  HeldReplyReason: HeldReplyReason;
  HeldReplyRelease: HeldReplyRelease;
  ID: Scalars['ID']['output'];
  Incident: Incident;
  IncidentEdge: IncidentEdge;
  IncidentPage: IncidentPage;
  IncidentScope: IncidentScope;
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  LegalHold: LegalHold;
  LegalHoldEdge: LegalHoldEdge;
  LegalHoldPage: LegalHoldPage;
  LegalHoldQuery: LegalHoldQuery;
  LegalHoldQueryInput: LegalHoldQueryInput;
  Me: Me;
  MinimumNecessary: MinimumNecessary;
  Mitigation: Mitigation;
  MitigationInput: MitigationInput;
  Mutation: Record<PropertyKey, never>;
  NatureAndExtent: NatureAndExtent;
  NatureAndExtentInput: NatureAndExtentInput;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  OpenAccessRequestInput: OpenAccessRequestInput;
  OpenBreakGlassInput: OpenBreakGlassInput;
  OpenIncidentInput: OpenIncidentInput;
  PageInfo: PageInfo;
  PersonalRepresentative: PersonalRepresentative;
  PersonalRepresentativeEdge: PersonalRepresentativeEdge;
  PersonalRepresentativePage: PersonalRepresentativePage;
  PhiDetectionSettings: PhiDetectionSettings;
  Query: Record<PropertyKey, never>;
  RecordDisclosureInput: RecordDisclosureInput;
  RelationshipMatch: RelationshipMatch;
  RelationshipMatchInput: RelationshipMatchInput;
  RetentionPolicy: RetentionPolicy;
  RetentionPolicyInput: RetentionPolicyInput;
  ReviewBreakGlassInput: ReviewBreakGlassInput;
  ReviewFinding: ReviewFinding;
  ReviewFindingEdge: ReviewFindingEdge;
  ReviewFindingPage: ReviewFindingPage;
  ReviewSettings: ReviewSettings;
  ReviewSettingsInput: ReviewSettingsInput;
  RiskAssessment: RiskAssessment;
  SafeHarbour: SafeHarbour;
  SetMinimumNecessaryInput: SetMinimumNecessaryInput;
  SiemSink: SiemSink;
  SiemSinkDelivery: SiemSinkDelivery;
  SiemSinkEdge: SiemSinkEdge;
  SiemSinkHeaderInput: SiemSinkHeaderInput;
  SiemSinkPage: SiemSinkPage;
  SlaPolicy: SlaPolicy;
  SlaPolicyInput: SlaPolicyInput;
  StateResidents: StateResidents;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  Tenant: Tenant;
  Ticket: Ticket;
  TicketEdge: TicketEdge;
  TicketEvent: TicketEvent;
  TicketFilter: TicketFilter;
  TicketPage: TicketPage;
  TicketSla: TicketSla;
  TimelineEntry: TimelineEntry;
  TrustedIssuer: TrustedIssuer;
  TrustedIssuerInput: TrustedIssuerInput;
  TrustedIssuerPatch: TrustedIssuerPatch;
  UnauthorizedRecipient: UnauthorizedRecipient;
  UnauthorizedRecipientInput: UnauthorizedRecipientInput;
  UpdateAttachmentSettingsInput: UpdateAttachmentSettingsInput;
  UpdateBusinessAssociateAgreementInput: UpdateBusinessAssociateAgreementInput;
  UpdateContactInput: UpdateContactInput;
  UpdateDisclosureSettingsInput: UpdateDisclosureSettingsInput;
  UpdateGroupInput: UpdateGroupInput;
  UpdateIncidentInput: UpdateIncidentInput;
  UpdatePersonalRepresentativeInput: UpdatePersonalRepresentativeInput;
  UpdatePhiDetectionSettingsInput: UpdatePhiDetectionSettingsInput;
  UpdateSiemSinkInput: UpdateSiemSinkInput;
  UpdateTenantInput: UpdateTenantInput;
  UpdateTicketInput: UpdateTicketInput;
  UpdateUserInput: UpdateUserInput;
  UpdateWebhookEndpointInput: UpdateWebhookEndpointInput;
  User: User;
  UserEdge: UserEdge;
  UserPage: UserPage;
  WebhookAttempt: WebhookAttempt;
  WebhookAttemptEdge: WebhookAttemptEdge;
  WebhookAttemptPage: WebhookAttemptPage;
  WebhookEndpoint: WebhookEndpoint;
  WebhookEndpointEdge: WebhookEndpointEdge;
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
  globalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  masked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  openedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timing?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  verificationMethod?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  verificationNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
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

export type AccessRequestEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AccessRequestEdge'] = ResolversParentTypes['AccessRequestEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AccessRequest'], ParentType, ContextType>;
};

export type AccessRequestFulfilmentResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AccessRequestFulfilment'] = ResolversParentTypes['AccessRequestFulfilment']> = {
  download?: Resolver<ResolversTypes['AccessRequestDownload'], ParentType, ContextType>;
  request?: Resolver<ResolversTypes['AccessRequest'], ParentType, ContextType>;
};

export type AccessRequestPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AccessRequestPage'] = ResolversParentTypes['AccessRequestPage']> = {
  edges?: Resolver<Array<ResolversTypes['AccessRequestEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['AccessRequest']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['AccessRequest']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
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
  globalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  masked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timing?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AccountingRequestEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AccountingRequestEdge'] = ResolversParentTypes['AccountingRequestEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AccountingRequest'], ParentType, ContextType>;
};

export type AccountingRequestPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AccountingRequestPage'] = ResolversParentTypes['AccountingRequestPage']> = {
  edges?: Resolver<Array<ResolversTypes['AccountingRequestEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['AccountingRequest']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['AccountingRequest']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AcquiredOrViewedResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AcquiredOrViewed'] = ResolversParentTypes['AcquiredOrViewed']> = {
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AcquisitionStatus'], ParentType, ContextType>;
};

export type AddressResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = {
  city?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  line1?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AffectedPatientResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AffectedPatient'] = ResolversParentTypes['AffectedPatient']> = {
  contactId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  events?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  operations?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  phiFields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AffectedPatientEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AffectedPatientEdge'] = ResolversParentTypes['AffectedPatientEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AffectedPatient'], ParentType, ContextType>;
};

export type AffectedPatientPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AffectedPatientPage'] = ResolversParentTypes['AffectedPatientPage']> = {
  edges?: Resolver<Array<ResolversTypes['AffectedPatientEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['AffectedPatient']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ApiKeyResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = {
  allowedCidrs?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  globalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ApiKeyEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ApiKeyEdge'] = ResolversParentTypes['ApiKeyEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
};

export type ApiKeyPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ApiKeyPage'] = ResolversParentTypes['ApiKeyPage']> = {
  edges?: Resolver<Array<ResolversTypes['ApiKeyEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AttachmentResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Attachment'] = ResolversParentTypes['Attachment']> = {
  commentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contentUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  filename?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  globalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  masked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ticketId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AttachmentEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AttachmentEdge'] = ResolversParentTypes['AttachmentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Attachment'], ParentType, ContextType>;
};

export type AttachmentPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AttachmentPage'] = ResolversParentTypes['AttachmentPage']> = {
  edges?: Resolver<Array<ResolversTypes['AttachmentEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['Attachment']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Attachment']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
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

export type AuditEventEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AuditEventEdge'] = ResolversParentTypes['AuditEventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEvent'], ParentType, ContextType>;
};

export type AuditEventPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AuditEventPage'] = ResolversParentTypes['AuditEventPage']> = {
  edges?: Resolver<Array<ResolversTypes['AuditEventEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['AuditEvent']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['AuditEvent']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
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
  globalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  requestedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  result?: Resolver<Maybe<ResolversTypes['AuditVerification']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tenantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  totalEvents?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AuditVerifiedPositionResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['AuditVerifiedPosition'] = ResolversParentTypes['AuditVerifiedPosition']> = {
  checkpointTreeSize?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  verifiedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  verifiedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BreachAssessmentResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['BreachAssessment'] = ResolversParentTypes['BreachAssessment']> = {
  affectedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  businessAssociate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  deadlines?: Resolver<Array<ResolversTypes['BreachDeadline']>, ParentType, ContextType>;
  discoveredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  incidentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  residentsByState?: Resolver<Array<ResolversTypes['StateResidents']>, ParentType, ContextType>;
  safeHarbour?: Resolver<ResolversTypes['SafeHarbour'], ParentType, ContextType>;
  stateUnknown?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BreachDeadlineResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['BreachDeadline'] = ResolversParentTypes['BreachDeadline']> = {
  dueBy?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['BreachDeadlineKind'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  states?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
};

export type BreakGlassEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['BreakGlassEdge'] = ResolversParentTypes['BreakGlassEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['BreakGlassGrant'], ParentType, ContextType>;
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
  edges?: Resolver<Array<ResolversTypes['BreakGlassEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['BreakGlassGrant']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['BreakGlassGrant']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
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
  globalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inForce?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  terminatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type BusinessAssociateAgreementEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['BusinessAssociateAgreementEdge'] = ResolversParentTypes['BusinessAssociateAgreementEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['BusinessAssociateAgreement'], ParentType, ContextType>;
};

export type BusinessAssociateAgreementPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['BusinessAssociateAgreementPage'] = ResolversParentTypes['BusinessAssociateAgreementPage']> = {
  edges?: Resolver<Array<ResolversTypes['BusinessAssociateAgreementEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['BusinessAssociateAgreement']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['BusinessAssociateAgreement']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type BusinessHoursResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['BusinessHours'] = ResolversParentTypes['BusinessHours']> = {
  days?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  end?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export type CommentEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['CommentEdge'] = ResolversParentTypes['CommentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Comment'], ParentType, ContextType>;
};

export type CommentPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['CommentPage'] = ResolversParentTypes['CommentPage']> = {
  edges?: Resolver<Array<ResolversTypes['CommentEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['Comment']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Comment']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ContactResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Contact'] = ResolversParentTypes['Contact']> = {
  address?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dateOfBirth?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  externalIds?: Resolver<Maybe<Array<ResolversTypes['ExternalId']>>, ParentType, ContextType>;
  globalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  healthPlanMemberId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  masked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  mrn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ContactEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ContactEdge'] = ResolversParentTypes['ContactEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Contact'], ParentType, ContextType>;
};

export type ContactPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ContactPage'] = ResolversParentTypes['ContactPage']> = {
  edges?: Resolver<Array<ResolversTypes['ContactEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['Contact']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Contact']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ContactVerificationResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ContactVerification'] = ResolversParentTypes['ContactVerification']> = {
  contactId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  revokedBy?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  valid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  verifiedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  verifiedBy?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ContactVerificationEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ContactVerificationEdge'] = ResolversParentTypes['ContactVerificationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ContactVerification'], ParentType, ContextType>;
};

export type ContactVerificationPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ContactVerificationPage'] = ResolversParentTypes['ContactVerificationPage']> = {
  edges?: Resolver<Array<ResolversTypes['ContactVerificationEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['ContactVerification']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ContactVerification']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type CreatedApiKeyResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['CreatedApiKey'] = ResolversParentTypes['CreatedApiKey']> = {
  key?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CustomFieldDefinitionResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['CustomFieldDefinition'] = ResolversParentTypes['CustomFieldDefinition']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  options?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  phi?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['CustomFieldType'], ParentType, ContextType>;
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

export type DisclosureEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['DisclosureEdge'] = ResolversParentTypes['DisclosureEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Disclosure'], ParentType, ContextType>;
};

export type DisclosurePageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['DisclosurePage'] = ResolversParentTypes['DisclosurePage']> = {
  edges?: Resolver<Array<ResolversTypes['DisclosureEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['Disclosure']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Disclosure']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type DisclosureSettingsResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['DisclosureSettings'] = ResolversParentTypes['DisclosureSettings']> = {
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  recipientCheck?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  verificationValidDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  globalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  memberIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type GroupEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['GroupEdge'] = ResolversParentTypes['GroupEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Group'], ParentType, ContextType>;
};

export type GroupPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['GroupPage'] = ResolversParentTypes['GroupPage']> = {
  edges?: Resolver<Array<ResolversTypes['GroupEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['Group']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Group']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type HeldReplyResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['HeldReply'] = ResolversParentTypes['HeldReply']> = {
  authorId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  body?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  decidedBy?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['HeldReplyReason']>, ParentType, ContextType>;
  recipientContactIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  rejectionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ticketId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  topic?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type HeldReplyEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['HeldReplyEdge'] = ResolversParentTypes['HeldReplyEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['HeldReply'], ParentType, ContextType>;
};

export type HeldReplyPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['HeldReplyPage'] = ResolversParentTypes['HeldReplyPage']> = {
  edges?: Resolver<Array<ResolversTypes['HeldReplyEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['HeldReply']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['HeldReply']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type HeldReplyReasonResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['HeldReplyReason'] = ResolversParentTypes['HeldReplyReason']> = {
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pointer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type HeldReplyReleaseResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['HeldReplyRelease'] = ResolversParentTypes['HeldReplyRelease']> = {
  comment?: Resolver<ResolversTypes['Comment'], ParentType, ContextType>;
  heldReply?: Resolver<ResolversTypes['HeldReply'], ParentType, ContextType>;
};

export type IncidentResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Incident'] = ResolversParentTypes['Incident']> = {
  affectedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discoveredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  globalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  masked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  riskAssessment?: Resolver<ResolversTypes['RiskAssessment'], ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['IncidentScope'], ParentType, ContextType>;
  sourceFindingId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['IncidentStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type IncidentEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['IncidentEdge'] = ResolversParentTypes['IncidentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Incident'], ParentType, ContextType>;
};

export type IncidentPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['IncidentPage'] = ResolversParentTypes['IncidentPage']> = {
  edges?: Resolver<Array<ResolversTypes['IncidentEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Incident']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type IncidentScopeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['IncidentScope'] = ResolversParentTypes['IncidentScope']> = {
  actorId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  sessionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LegalHoldResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['LegalHold'] = ResolversParentTypes['LegalHold']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  contactId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['LegalHoldKind'], ParentType, ContextType>;
  query?: Resolver<Maybe<ResolversTypes['LegalHoldQuery']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  releasedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  releasedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ticketId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type LegalHoldEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['LegalHoldEdge'] = ResolversParentTypes['LegalHoldEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['LegalHold'], ParentType, ContextType>;
};

export type LegalHoldPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['LegalHoldPage'] = ResolversParentTypes['LegalHoldPage']> = {
  edges?: Resolver<Array<ResolversTypes['LegalHoldEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['LegalHold']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type LegalHoldQueryResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['LegalHoldQuery'] = ResolversParentTypes['LegalHoldQuery']> = {
  createdFrom?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  statuses?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
};

export type MeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Me'] = ResolversParentTypes['Me']> = {
  groupIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mfa?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  tenantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MinimumNecessaryResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['MinimumNecessary'] = ResolversParentTypes['MinimumNecessary']> = {
  allowlists?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  recordFields?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MitigationResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Mitigation'] = ResolversParentTypes['Mitigation']> = {
  extent?: Resolver<ResolversTypes['MitigationExtent'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acknowledgeReviewFinding?: Resolver<Maybe<ResolversTypes['ReviewFinding']>, ParentType, ContextType, RequireFields<MutationAcknowledgeReviewFindingArgs, 'id'>>;
  addComment?: Resolver<Maybe<ResolversTypes['Comment']>, ParentType, ContextType, RequireFields<MutationAddCommentArgs, 'input' | 'ticketId'>>;
  addGroupMember?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType, RequireFields<MutationAddGroupMemberArgs, 'groupId' | 'userId'>>;
  addTrustedIssuer?: Resolver<Maybe<ResolversTypes['TrustedIssuer']>, ParentType, ContextType, RequireFields<MutationAddTrustedIssuerArgs, 'input'>>;
  closeBreakGlass?: Resolver<Maybe<ResolversTypes['BreakGlassGrant']>, ParentType, ContextType, RequireFields<MutationCloseBreakGlassArgs, 'id'>>;
  createApiKey?: Resolver<Maybe<ResolversTypes['CreatedApiKey']>, ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  createBusinessAssociateAgreement?: Resolver<Maybe<ResolversTypes['BusinessAssociateAgreement']>, ParentType, ContextType, RequireFields<MutationCreateBusinessAssociateAgreementArgs, 'input'>>;
  createContact?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType, RequireFields<MutationCreateContactArgs, 'input'>>;
  createCustomField?: Resolver<Maybe<ResolversTypes['CustomFieldDefinition']>, ParentType, ContextType, RequireFields<MutationCreateCustomFieldArgs, 'input'>>;
  createGroup?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType, RequireFields<MutationCreateGroupArgs, 'input'>>;
  createLegalHold?: Resolver<Maybe<ResolversTypes['LegalHold']>, ParentType, ContextType, RequireFields<MutationCreateLegalHoldArgs, 'input'>>;
  createPersonalRepresentative?: Resolver<Maybe<ResolversTypes['PersonalRepresentative']>, ParentType, ContextType, RequireFields<MutationCreatePersonalRepresentativeArgs, 'input'>>;
  createSiemSink?: Resolver<Maybe<ResolversTypes['SiemSink']>, ParentType, ContextType, RequireFields<MutationCreateSiemSinkArgs, 'input'>>;
  createTicket?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType, RequireFields<MutationCreateTicketArgs, 'input'>>;
  createUser?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<MutationCreateUserArgs, 'input'>>;
  createWebhookEndpoint?: Resolver<Maybe<ResolversTypes['WebhookEndpointWithSecret']>, ParentType, ContextType, RequireFields<MutationCreateWebhookEndpointArgs, 'input'>>;
  deleteContact?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType, RequireFields<MutationDeleteContactArgs, 'id'>>;
  deleteGroup?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType, RequireFields<MutationDeleteGroupArgs, 'id'>>;
  deletePersonalRepresentative?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType, RequireFields<MutationDeletePersonalRepresentativeArgs, 'id'>>;
  deleteSiemSink?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType, RequireFields<MutationDeleteSiemSinkArgs, 'id'>>;
  deleteSlaPolicy?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType, RequireFields<MutationDeleteSlaPolicyArgs, 'priority'>>;
  deleteTicket?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType, RequireFields<MutationDeleteTicketArgs, 'id'>>;
  deleteWebhookEndpoint?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType, RequireFields<MutationDeleteWebhookEndpointArgs, 'id'>>;
  denyAccessRequest?: Resolver<Maybe<ResolversTypes['AccessRequest']>, ParentType, ContextType, RequireFields<MutationDenyAccessRequestArgs, 'id' | 'input'>>;
  dismissReviewFinding?: Resolver<Maybe<ResolversTypes['ReviewFinding']>, ParentType, ContextType, RequireFields<MutationDismissReviewFindingArgs, 'id' | 'reason'>>;
  editComment?: Resolver<Maybe<ResolversTypes['Comment']>, ParentType, ContextType, RequireFields<MutationEditCommentArgs, 'body' | 'id'>>;
  extendAccessRequest?: Resolver<Maybe<ResolversTypes['AccessRequest']>, ParentType, ContextType, RequireFields<MutationExtendAccessRequestArgs, 'id' | 'reason'>>;
  extendAccountingRequest?: Resolver<Maybe<ResolversTypes['AccountingRequest']>, ParentType, ContextType, RequireFields<MutationExtendAccountingRequestArgs, 'id' | 'reason'>>;
  fulfilAccessRequest?: Resolver<Maybe<ResolversTypes['AccessRequestFulfilment']>, ParentType, ContextType, RequireFields<MutationFulfilAccessRequestArgs, 'id'>>;
  fulfilAccountingRequest?: Resolver<Maybe<ResolversTypes['AccountingReport']>, ParentType, ContextType, RequireFields<MutationFulfilAccountingRequestArgs, 'id'>>;
  openAccessRequest?: Resolver<Maybe<ResolversTypes['AccessRequest']>, ParentType, ContextType, RequireFields<MutationOpenAccessRequestArgs, 'input'>>;
  openAccountingRequest?: Resolver<Maybe<ResolversTypes['AccountingRequest']>, ParentType, ContextType, RequireFields<MutationOpenAccountingRequestArgs, 'contactId'>>;
  openBreakGlass?: Resolver<Maybe<ResolversTypes['BreakGlassGrant']>, ParentType, ContextType, RequireFields<MutationOpenBreakGlassArgs, 'input'>>;
  openIncident?: Resolver<Maybe<ResolversTypes['Incident']>, ParentType, ContextType, RequireFields<MutationOpenIncidentArgs, 'input'>>;
  openIncidentFromFinding?: Resolver<Maybe<ResolversTypes['Incident']>, ParentType, ContextType, RequireFields<MutationOpenIncidentFromFindingArgs, 'id'>>;
  putSlaPolicy?: Resolver<Maybe<ResolversTypes['SlaPolicy']>, ParentType, ContextType, RequireFields<MutationPutSlaPolicyArgs, 'input' | 'priority'>>;
  recordDisclosure?: Resolver<Maybe<ResolversTypes['Disclosure']>, ParentType, ContextType, RequireFields<MutationRecordDisclosureArgs, 'input'>>;
  redactComment?: Resolver<Maybe<ResolversTypes['Comment']>, ParentType, ContextType, RequireFields<MutationRedactCommentArgs, 'id' | 'text'>>;
  rejectHeldReply?: Resolver<Maybe<ResolversTypes['HeldReply']>, ParentType, ContextType, RequireFields<MutationRejectHeldReplyArgs, 'id' | 'reason'>>;
  releaseHeldReply?: Resolver<Maybe<ResolversTypes['HeldReplyRelease']>, ParentType, ContextType, RequireFields<MutationReleaseHeldReplyArgs, 'id'>>;
  releaseLegalHold?: Resolver<Maybe<ResolversTypes['LegalHold']>, ParentType, ContextType, RequireFields<MutationReleaseLegalHoldArgs, 'id'>>;
  removeGroupMember?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType, RequireFields<MutationRemoveGroupMemberArgs, 'groupId' | 'userId'>>;
  removeTrustedIssuer?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType, RequireFields<MutationRemoveTrustedIssuerArgs, 'id'>>;
  replayWebhookDelivery?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType, RequireFields<MutationReplayWebhookDeliveryArgs, 'deliveryId' | 'endpointId'>>;
  reviewBreakGlass?: Resolver<Maybe<ResolversTypes['BreakGlassGrant']>, ParentType, ContextType, RequireFields<MutationReviewBreakGlassArgs, 'id' | 'input'>>;
  revokeApiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  revokeContactVerification?: Resolver<Maybe<ResolversTypes['ContactVerification']>, ParentType, ContextType, RequireFields<MutationRevokeContactVerificationArgs, 'id'>>;
  revokeUserSessions?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<MutationRevokeUserSessionsArgs, 'id'>>;
  rotateWebhookSecret?: Resolver<Maybe<ResolversTypes['WebhookEndpointWithSecret']>, ParentType, ContextType, RequireFields<MutationRotateWebhookSecretArgs, 'id'>>;
  searchContacts?: Resolver<Maybe<Array<ResolversTypes['Contact']>>, ParentType, ContextType, RequireFields<MutationSearchContactsArgs, 'input'>>;
  setMinimumNecessary?: Resolver<Maybe<ResolversTypes['MinimumNecessary']>, ParentType, ContextType, RequireFields<MutationSetMinimumNecessaryArgs, 'input'>>;
  setRetentionPolicy?: Resolver<Maybe<ResolversTypes['RetentionPolicy']>, ParentType, ContextType, RequireFields<MutationSetRetentionPolicyArgs, 'input'>>;
  setReviewSettings?: Resolver<Maybe<ResolversTypes['ReviewSettings']>, ParentType, ContextType, RequireFields<MutationSetReviewSettingsArgs, 'input'>>;
  startAuditVerification?: Resolver<Maybe<ResolversTypes['AuditVerificationJob']>, ParentType, ContextType>;
  terminateBusinessAssociateAgreement?: Resolver<Maybe<ResolversTypes['BusinessAssociateAgreement']>, ParentType, ContextType, RequireFields<MutationTerminateBusinessAssociateAgreementArgs, 'id'>>;
  updateAttachmentSettings?: Resolver<Maybe<ResolversTypes['AttachmentSettings']>, ParentType, ContextType, RequireFields<MutationUpdateAttachmentSettingsArgs, 'input'>>;
  updateBusinessAssociateAgreement?: Resolver<Maybe<ResolversTypes['BusinessAssociateAgreement']>, ParentType, ContextType, RequireFields<MutationUpdateBusinessAssociateAgreementArgs, 'id' | 'input'>>;
  updateContact?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType, RequireFields<MutationUpdateContactArgs, 'id' | 'input'>>;
  updateDisclosureSettings?: Resolver<Maybe<ResolversTypes['DisclosureSettings']>, ParentType, ContextType, RequireFields<MutationUpdateDisclosureSettingsArgs, 'input'>>;
  updateGroup?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType, RequireFields<MutationUpdateGroupArgs, 'id' | 'input'>>;
  updateIncident?: Resolver<Maybe<ResolversTypes['Incident']>, ParentType, ContextType, RequireFields<MutationUpdateIncidentArgs, 'id' | 'input'>>;
  updatePersonalRepresentative?: Resolver<Maybe<ResolversTypes['PersonalRepresentative']>, ParentType, ContextType, RequireFields<MutationUpdatePersonalRepresentativeArgs, 'id' | 'input'>>;
  updatePhiDetectionSettings?: Resolver<Maybe<ResolversTypes['PhiDetectionSettings']>, ParentType, ContextType, RequireFields<MutationUpdatePhiDetectionSettingsArgs, 'input'>>;
  updateSiemSink?: Resolver<Maybe<ResolversTypes['SiemSink']>, ParentType, ContextType, RequireFields<MutationUpdateSiemSinkArgs, 'id' | 'input'>>;
  updateTenant?: Resolver<Maybe<ResolversTypes['Tenant']>, ParentType, ContextType, RequireFields<MutationUpdateTenantArgs, 'input'>>;
  updateTicket?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType, RequireFields<MutationUpdateTicketArgs, 'id' | 'input'>>;
  updateTrustedIssuer?: Resolver<Maybe<ResolversTypes['TrustedIssuer']>, ParentType, ContextType, RequireFields<MutationUpdateTrustedIssuerArgs, 'id' | 'input'>>;
  updateUser?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<MutationUpdateUserArgs, 'id' | 'input'>>;
  updateWebhookEndpoint?: Resolver<Maybe<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType, RequireFields<MutationUpdateWebhookEndpointArgs, 'id' | 'input'>>;
  verifyContact?: Resolver<Maybe<ResolversTypes['ContactVerification']>, ParentType, ContextType, RequireFields<MutationVerifyContactArgs, 'contactId' | 'method'>>;
};

export type NatureAndExtentResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['NatureAndExtent'] = ResolversParentTypes['NatureAndExtent']> = {
  categories?: Resolver<Array<ResolversTypes['PhiCategory']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type NodeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'AccessRequest' | 'AccountingRequest' | 'ApiKey' | 'Attachment' | 'AuditVerificationJob' | 'BusinessAssociateAgreement' | 'Contact' | 'Group' | 'Incident' | 'ReviewFinding' | 'SiemSink' | 'Ticket' | 'User' | 'WebhookEndpoint', ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PersonalRepresentativeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['PersonalRepresentative'] = ResolversParentTypes['PersonalRepresentative']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  effective?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  effectiveFrom?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  effectiveTo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  patientContactId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  relationship?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  representativeContactId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type PersonalRepresentativeEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['PersonalRepresentativeEdge'] = ResolversParentTypes['PersonalRepresentativeEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PersonalRepresentative'], ParentType, ContextType>;
};

export type PersonalRepresentativePageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['PersonalRepresentativePage'] = ResolversParentTypes['PersonalRepresentativePage']> = {
  edges?: Resolver<Array<ResolversTypes['PersonalRepresentativeEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['PersonalRepresentative']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['PersonalRepresentative']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type PhiDetectionSettingsResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['PhiDetectionSettings'] = ResolversParentTypes['PhiDetectionSettings']> = {
  accountPatterns?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  mrnPatterns?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  otherPatientAction?: Resolver<ResolversTypes['PhiDetectionAction'], ParentType, ContextType>;
  patternAction?: Resolver<ResolversTypes['PhiDetectionAction'], ParentType, ContextType>;
  patternKinds?: Resolver<Array<ResolversTypes['PhiPatternKind']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  accessRequest?: Resolver<Maybe<ResolversTypes['AccessRequest']>, ParentType, ContextType, RequireFields<QueryAccessRequestArgs, 'id'>>;
  accessRequests?: Resolver<Maybe<ResolversTypes['AccessRequestPage']>, ParentType, ContextType, Partial<QueryAccessRequestsArgs>>;
  accountingReport?: Resolver<Maybe<ResolversTypes['AccountingReport']>, ParentType, ContextType, RequireFields<QueryAccountingReportArgs, 'id'>>;
  accountingRequest?: Resolver<Maybe<ResolversTypes['AccountingRequest']>, ParentType, ContextType, RequireFields<QueryAccountingRequestArgs, 'id'>>;
  accountingRequests?: Resolver<Maybe<ResolversTypes['AccountingRequestPage']>, ParentType, ContextType, Partial<QueryAccountingRequestsArgs>>;
  apiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType, RequireFields<QueryApiKeyArgs, 'id'>>;
  apiKeys?: Resolver<Maybe<ResolversTypes['ApiKeyPage']>, ParentType, ContextType, Partial<QueryApiKeysArgs>>;
  attachment?: Resolver<Maybe<ResolversTypes['Attachment']>, ParentType, ContextType, RequireFields<QueryAttachmentArgs, 'id'>>;
  attachmentSettings?: Resolver<Maybe<ResolversTypes['AttachmentSettings']>, ParentType, ContextType>;
  auditEvents?: Resolver<Maybe<ResolversTypes['AuditEventPage']>, ParentType, ContextType, Partial<QueryAuditEventsArgs>>;
  auditVerification?: Resolver<Maybe<ResolversTypes['AuditVerification']>, ParentType, ContextType>;
  auditVerificationJob?: Resolver<Maybe<ResolversTypes['AuditVerificationJob']>, ParentType, ContextType, RequireFields<QueryAuditVerificationJobArgs, 'id'>>;
  breakGlassGrants?: Resolver<Maybe<ResolversTypes['BreakGlassPage']>, ParentType, ContextType, Partial<QueryBreakGlassGrantsArgs>>;
  businessAssociateAgreement?: Resolver<Maybe<ResolversTypes['BusinessAssociateAgreement']>, ParentType, ContextType, RequireFields<QueryBusinessAssociateAgreementArgs, 'id'>>;
  businessAssociateAgreements?: Resolver<Maybe<ResolversTypes['BusinessAssociateAgreementPage']>, ParentType, ContextType, Partial<QueryBusinessAssociateAgreementsArgs>>;
  contact?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType, RequireFields<QueryContactArgs, 'id'>>;
  contactVerifications?: Resolver<Maybe<ResolversTypes['ContactVerificationPage']>, ParentType, ContextType, RequireFields<QueryContactVerificationsArgs, 'contactId'>>;
  contacts?: Resolver<Maybe<ResolversTypes['ContactPage']>, ParentType, ContextType, Partial<QueryContactsArgs>>;
  customFields?: Resolver<Maybe<Array<ResolversTypes['CustomFieldDefinition']>>, ParentType, ContextType>;
  disclosureSettings?: Resolver<Maybe<ResolversTypes['DisclosureSettings']>, ParentType, ContextType>;
  disclosures?: Resolver<Maybe<ResolversTypes['DisclosurePage']>, ParentType, ContextType, RequireFields<QueryDisclosuresArgs, 'contactId'>>;
  group?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType, RequireFields<QueryGroupArgs, 'id'>>;
  groups?: Resolver<Maybe<ResolversTypes['GroupPage']>, ParentType, ContextType, Partial<QueryGroupsArgs>>;
  heldReplies?: Resolver<Maybe<ResolversTypes['HeldReplyPage']>, ParentType, ContextType, Partial<QueryHeldRepliesArgs>>;
  heldReply?: Resolver<Maybe<ResolversTypes['HeldReply']>, ParentType, ContextType, RequireFields<QueryHeldReplyArgs, 'id'>>;
  incident?: Resolver<Maybe<ResolversTypes['Incident']>, ParentType, ContextType, RequireFields<QueryIncidentArgs, 'id'>>;
  incidentAffectedPatients?: Resolver<Maybe<ResolversTypes['AffectedPatientPage']>, ParentType, ContextType, RequireFields<QueryIncidentAffectedPatientsArgs, 'id'>>;
  incidentBreachAssessment?: Resolver<Maybe<ResolversTypes['BreachAssessment']>, ParentType, ContextType, RequireFields<QueryIncidentBreachAssessmentArgs, 'id'>>;
  incidents?: Resolver<Maybe<ResolversTypes['IncidentPage']>, ParentType, ContextType, Partial<QueryIncidentsArgs>>;
  legalHold?: Resolver<Maybe<ResolversTypes['LegalHold']>, ParentType, ContextType, RequireFields<QueryLegalHoldArgs, 'id'>>;
  legalHolds?: Resolver<Maybe<ResolversTypes['LegalHoldPage']>, ParentType, ContextType, Partial<QueryLegalHoldsArgs>>;
  me?: Resolver<Maybe<ResolversTypes['Me']>, ParentType, ContextType>;
  minimumNecessary?: Resolver<Maybe<ResolversTypes['MinimumNecessary']>, ParentType, ContextType>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  personalRepresentative?: Resolver<Maybe<ResolversTypes['PersonalRepresentative']>, ParentType, ContextType, RequireFields<QueryPersonalRepresentativeArgs, 'id'>>;
  personalRepresentatives?: Resolver<Maybe<ResolversTypes['PersonalRepresentativePage']>, ParentType, ContextType, Partial<QueryPersonalRepresentativesArgs>>;
  phiDetectionSettings?: Resolver<Maybe<ResolversTypes['PhiDetectionSettings']>, ParentType, ContextType>;
  retentionPolicy?: Resolver<Maybe<ResolversTypes['RetentionPolicy']>, ParentType, ContextType>;
  reviewFinding?: Resolver<Maybe<ResolversTypes['ReviewFinding']>, ParentType, ContextType, RequireFields<QueryReviewFindingArgs, 'id'>>;
  reviewFindings?: Resolver<Maybe<ResolversTypes['ReviewFindingPage']>, ParentType, ContextType, Partial<QueryReviewFindingsArgs>>;
  reviewSettings?: Resolver<Maybe<ResolversTypes['ReviewSettings']>, ParentType, ContextType>;
  siemSink?: Resolver<Maybe<ResolversTypes['SiemSink']>, ParentType, ContextType, RequireFields<QuerySiemSinkArgs, 'id'>>;
  siemSinks?: Resolver<Maybe<ResolversTypes['SiemSinkPage']>, ParentType, ContextType, Partial<QuerySiemSinksArgs>>;
  slaPolicies?: Resolver<Maybe<Array<ResolversTypes['SlaPolicy']>>, ParentType, ContextType>;
  tenant?: Resolver<Maybe<ResolversTypes['Tenant']>, ParentType, ContextType>;
  ticket?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType, RequireFields<QueryTicketArgs, 'id'>>;
  ticketAttachments?: Resolver<Maybe<ResolversTypes['AttachmentPage']>, ParentType, ContextType, RequireFields<QueryTicketAttachmentsArgs, 'ticketId'>>;
  tickets?: Resolver<Maybe<ResolversTypes['TicketPage']>, ParentType, ContextType, Partial<QueryTicketsArgs>>;
  trustedIssuers?: Resolver<Maybe<Array<ResolversTypes['TrustedIssuer']>>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  users?: Resolver<Maybe<ResolversTypes['UserPage']>, ParentType, ContextType, Partial<QueryUsersArgs>>;
  webhookAttempts?: Resolver<Maybe<ResolversTypes['WebhookAttemptPage']>, ParentType, ContextType, RequireFields<QueryWebhookAttemptsArgs, 'endpointId'>>;
  webhookEndpoint?: Resolver<Maybe<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType, RequireFields<QueryWebhookEndpointArgs, 'id'>>;
  webhookEndpoints?: Resolver<Maybe<ResolversTypes['WebhookEndpointPage']>, ParentType, ContextType, Partial<QueryWebhookEndpointsArgs>>;
};

export type RelationshipMatchResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['RelationshipMatch'] = ResolversParentTypes['RelationshipMatch']> = {
  address?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  surname?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type RetentionPolicyResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['RetentionPolicy'] = ResolversParentTypes['RetentionPolicy']> = {
  attachmentDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  auditEventsPurged?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  closedTicketDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  commentDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  contactDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type ReviewFindingResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ReviewFinding'] = ResolversParentTypes['ReviewFinding']> = {
  actorId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  baseline?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  decidedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dismissReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  globalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  incidentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ReviewFindingKind'], ParentType, ContextType>;
  masked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  records?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReviewFindingStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  windowEnd?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  windowStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ReviewFindingEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ReviewFindingEdge'] = ResolversParentTypes['ReviewFindingEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ReviewFinding'], ParentType, ContextType>;
};

export type ReviewFindingPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ReviewFindingPage'] = ResolversParentTypes['ReviewFindingPage']> = {
  edges?: Resolver<Array<ResolversTypes['ReviewFindingEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ReviewFinding']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ReviewSettingsResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['ReviewSettings'] = ResolversParentTypes['ReviewSettings']> = {
  businessDays?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  businessEnd?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  businessStart?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deniedBurstMin?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  offHoursMinRecords?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  relationshipMatch?: Resolver<ResolversTypes['RelationshipMatch'], ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  volumeFactor?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  volumeMinRecords?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RiskAssessmentResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['RiskAssessment'] = ResolversParentTypes['RiskAssessment']> = {
  acquiredOrViewed?: Resolver<ResolversTypes['AcquiredOrViewed'], ParentType, ContextType>;
  conclusion?: Resolver<ResolversTypes['RiskConclusion'], ParentType, ContextType>;
  mitigation?: Resolver<ResolversTypes['Mitigation'], ParentType, ContextType>;
  natureAndExtent?: Resolver<ResolversTypes['NatureAndExtent'], ParentType, ContextType>;
  unauthorizedRecipient?: Resolver<ResolversTypes['UnauthorizedRecipient'], ParentType, ContextType>;
};

export type SafeHarbourResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['SafeHarbour'] = ResolversParentTypes['SafeHarbour']> = {
  applies?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  keysIntact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  sealedAtRest?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  shownInClear?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  unsealedFields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SiemSinkResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['SiemSink'] = ResolversParentTypes['SiemSink']> = {
  caPem?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  delivery?: Resolver<ResolversTypes['SiemSinkDelivery'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endpoint?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  globalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  headerNames?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SiemSinkDeliveryResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['SiemSinkDelivery'] = ResolversParentTypes['SiemSinkDelivery']> = {
  consecutiveFailures?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cursorSeq?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  headSeq?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lagEvents?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lagSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastAckAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type SiemSinkEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['SiemSinkEdge'] = ResolversParentTypes['SiemSinkEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SiemSink'], ParentType, ContextType>;
};

export type SiemSinkPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['SiemSinkPage'] = ResolversParentTypes['SiemSinkPage']> = {
  edges?: Resolver<Array<ResolversTypes['SiemSinkEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['SiemSink']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type SlaPolicyResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['SlaPolicy'] = ResolversParentTypes['SlaPolicy']> = {
  businessHours?: Resolver<Maybe<ResolversTypes['BusinessHours']>, ParentType, ContextType>;
  firstResponseMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['TicketPriority'], ParentType, ContextType>;
  resolutionMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type StateResidentsResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['StateResidents'] = ResolversParentTypes['StateResidents']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  channel?: Resolver<ResolversTypes['TicketChannel'], ParentType, ContextType>;
  comments?: Resolver<ResolversTypes['CommentPage'], ParentType, ContextType, Partial<TicketCommentsArgs>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customFields?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  externalRefs?: Resolver<Maybe<Array<ResolversTypes['ExternalRef']>>, ParentType, ContextType>;
  globalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  group?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType>;
  groupId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastComment?: Resolver<Maybe<ResolversTypes['Comment']>, ParentType, ContextType>;
  masked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['TicketPriority'], ParentType, ContextType>;
  requester?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType>;
  requesterId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  sla?: Resolver<ResolversTypes['TicketSla'], ParentType, ContextType>;
  solvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TicketStatus'], ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  timeline?: Resolver<Array<ResolversTypes['TimelineEntry']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['TicketType'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TicketEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['TicketEdge'] = ResolversParentTypes['TicketEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType>;
};

export type TicketEventResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['TicketEvent'] = ResolversParentTypes['TicketEvent']> = {
  commentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  ticket?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType>;
  ticketId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TicketPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['TicketPage'] = ResolversParentTypes['TicketPage']> = {
  edges?: Resolver<Array<ResolversTypes['TicketEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['Ticket']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Ticket']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
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

export type UnauthorizedRecipientResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['UnauthorizedRecipient'] = ResolversParentTypes['UnauthorizedRecipient']> = {
  kind?: Resolver<ResolversTypes['RecipientKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type UserResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  contactId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  globalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastSeenAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  sessionsRevokedAfter?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UserEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type UserPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['UserPage'] = ResolversParentTypes['UserPage']> = {
  edges?: Resolver<Array<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
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

export type WebhookAttemptEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['WebhookAttemptEdge'] = ResolversParentTypes['WebhookAttemptEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WebhookAttempt'], ParentType, ContextType>;
};

export type WebhookAttemptPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['WebhookAttemptPage'] = ResolversParentTypes['WebhookAttemptPage']> = {
  edges?: Resolver<Array<ResolversTypes['WebhookAttemptEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['WebhookAttempt']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['WebhookAttempt']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
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
  globalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  phiFields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type WebhookEndpointEdgeResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['WebhookEndpointEdge'] = ResolversParentTypes['WebhookEndpointEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType>;
};

export type WebhookEndpointPageResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['WebhookEndpointPage'] = ResolversParentTypes['WebhookEndpointPage']> = {
  edges?: Resolver<Array<ResolversTypes['WebhookEndpointEdge']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type WebhookEndpointWithSecretResolvers<ContextType = GraphqlContext, ParentType extends ResolversParentTypes['WebhookEndpointWithSecret'] = ResolversParentTypes['WebhookEndpointWithSecret']> = {
  endpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphqlContext> = {
  AccessRequest?: AccessRequestResolvers<ContextType>;
  AccessRequestDenial?: AccessRequestDenialResolvers<ContextType>;
  AccessRequestDownload?: AccessRequestDownloadResolvers<ContextType>;
  AccessRequestEdge?: AccessRequestEdgeResolvers<ContextType>;
  AccessRequestFulfilment?: AccessRequestFulfilmentResolvers<ContextType>;
  AccessRequestPage?: AccessRequestPageResolvers<ContextType>;
  AccountingReport?: AccountingReportResolvers<ContextType>;
  AccountingRequest?: AccountingRequestResolvers<ContextType>;
  AccountingRequestEdge?: AccountingRequestEdgeResolvers<ContextType>;
  AccountingRequestPage?: AccountingRequestPageResolvers<ContextType>;
  AcquiredOrViewed?: AcquiredOrViewedResolvers<ContextType>;
  Address?: AddressResolvers<ContextType>;
  AffectedPatient?: AffectedPatientResolvers<ContextType>;
  AffectedPatientEdge?: AffectedPatientEdgeResolvers<ContextType>;
  AffectedPatientPage?: AffectedPatientPageResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  ApiKeyEdge?: ApiKeyEdgeResolvers<ContextType>;
  ApiKeyPage?: ApiKeyPageResolvers<ContextType>;
  Attachment?: AttachmentResolvers<ContextType>;
  AttachmentEdge?: AttachmentEdgeResolvers<ContextType>;
  AttachmentPage?: AttachmentPageResolvers<ContextType>;
  AttachmentSettings?: AttachmentSettingsResolvers<ContextType>;
  AuditActor?: AuditActorResolvers<ContextType>;
  AuditEvent?: AuditEventResolvers<ContextType>;
  AuditEventEdge?: AuditEventEdgeResolvers<ContextType>;
  AuditEventPage?: AuditEventPageResolvers<ContextType>;
  AuditFinding?: AuditFindingResolvers<ContextType>;
  AuditPending?: AuditPendingResolvers<ContextType>;
  AuditResource?: AuditResourceResolvers<ContextType>;
  AuditSeqRange?: AuditSeqRangeResolvers<ContextType>;
  AuditVerification?: AuditVerificationResolvers<ContextType>;
  AuditVerificationJob?: AuditVerificationJobResolvers<ContextType>;
  AuditVerifiedPosition?: AuditVerifiedPositionResolvers<ContextType>;
  BreachAssessment?: BreachAssessmentResolvers<ContextType>;
  BreachDeadline?: BreachDeadlineResolvers<ContextType>;
  BreakGlassEdge?: BreakGlassEdgeResolvers<ContextType>;
  BreakGlassGrant?: BreakGlassGrantResolvers<ContextType>;
  BreakGlassPage?: BreakGlassPageResolvers<ContextType>;
  BreakGlassReview?: BreakGlassReviewResolvers<ContextType>;
  BusinessAssociateAgreement?: BusinessAssociateAgreementResolvers<ContextType>;
  BusinessAssociateAgreementEdge?: BusinessAssociateAgreementEdgeResolvers<ContextType>;
  BusinessAssociateAgreementPage?: BusinessAssociateAgreementPageResolvers<ContextType>;
  BusinessHours?: BusinessHoursResolvers<ContextType>;
  Comment?: CommentResolvers<ContextType>;
  CommentEdge?: CommentEdgeResolvers<ContextType>;
  CommentPage?: CommentPageResolvers<ContextType>;
  Contact?: ContactResolvers<ContextType>;
  ContactEdge?: ContactEdgeResolvers<ContextType>;
  ContactPage?: ContactPageResolvers<ContextType>;
  ContactVerification?: ContactVerificationResolvers<ContextType>;
  ContactVerificationEdge?: ContactVerificationEdgeResolvers<ContextType>;
  ContactVerificationPage?: ContactVerificationPageResolvers<ContextType>;
  CreatedApiKey?: CreatedApiKeyResolvers<ContextType>;
  CustomFieldDefinition?: CustomFieldDefinitionResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Disclosure?: DisclosureResolvers<ContextType>;
  DisclosureEdge?: DisclosureEdgeResolvers<ContextType>;
  DisclosurePage?: DisclosurePageResolvers<ContextType>;
  DisclosureSettings?: DisclosureSettingsResolvers<ContextType>;
  ExcludedDisclosure?: ExcludedDisclosureResolvers<ContextType>;
  ExternalId?: ExternalIdResolvers<ContextType>;
  ExternalRef?: ExternalRefResolvers<ContextType>;
  Group?: GroupResolvers<ContextType>;
  GroupEdge?: GroupEdgeResolvers<ContextType>;
  GroupPage?: GroupPageResolvers<ContextType>;
  HeldReply?: HeldReplyResolvers<ContextType>;
  HeldReplyEdge?: HeldReplyEdgeResolvers<ContextType>;
  HeldReplyPage?: HeldReplyPageResolvers<ContextType>;
  HeldReplyReason?: HeldReplyReasonResolvers<ContextType>;
  HeldReplyRelease?: HeldReplyReleaseResolvers<ContextType>;
  Incident?: IncidentResolvers<ContextType>;
  IncidentEdge?: IncidentEdgeResolvers<ContextType>;
  IncidentPage?: IncidentPageResolvers<ContextType>;
  IncidentScope?: IncidentScopeResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  LegalHold?: LegalHoldResolvers<ContextType>;
  LegalHoldEdge?: LegalHoldEdgeResolvers<ContextType>;
  LegalHoldPage?: LegalHoldPageResolvers<ContextType>;
  LegalHoldQuery?: LegalHoldQueryResolvers<ContextType>;
  Me?: MeResolvers<ContextType>;
  MinimumNecessary?: MinimumNecessaryResolvers<ContextType>;
  Mitigation?: MitigationResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NatureAndExtent?: NatureAndExtentResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PersonalRepresentative?: PersonalRepresentativeResolvers<ContextType>;
  PersonalRepresentativeEdge?: PersonalRepresentativeEdgeResolvers<ContextType>;
  PersonalRepresentativePage?: PersonalRepresentativePageResolvers<ContextType>;
  PhiDetectionSettings?: PhiDetectionSettingsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RelationshipMatch?: RelationshipMatchResolvers<ContextType>;
  RetentionPolicy?: RetentionPolicyResolvers<ContextType>;
  ReviewFinding?: ReviewFindingResolvers<ContextType>;
  ReviewFindingEdge?: ReviewFindingEdgeResolvers<ContextType>;
  ReviewFindingPage?: ReviewFindingPageResolvers<ContextType>;
  ReviewSettings?: ReviewSettingsResolvers<ContextType>;
  RiskAssessment?: RiskAssessmentResolvers<ContextType>;
  SafeHarbour?: SafeHarbourResolvers<ContextType>;
  SiemSink?: SiemSinkResolvers<ContextType>;
  SiemSinkDelivery?: SiemSinkDeliveryResolvers<ContextType>;
  SiemSinkEdge?: SiemSinkEdgeResolvers<ContextType>;
  SiemSinkPage?: SiemSinkPageResolvers<ContextType>;
  SlaPolicy?: SlaPolicyResolvers<ContextType>;
  StateResidents?: StateResidentsResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Tenant?: TenantResolvers<ContextType>;
  Ticket?: TicketResolvers<ContextType>;
  TicketEdge?: TicketEdgeResolvers<ContextType>;
  TicketEvent?: TicketEventResolvers<ContextType>;
  TicketPage?: TicketPageResolvers<ContextType>;
  TicketSla?: TicketSlaResolvers<ContextType>;
  TimelineEntry?: TimelineEntryResolvers<ContextType>;
  TrustedIssuer?: TrustedIssuerResolvers<ContextType>;
  UnauthorizedRecipient?: UnauthorizedRecipientResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
  UserPage?: UserPageResolvers<ContextType>;
  WebhookAttempt?: WebhookAttemptResolvers<ContextType>;
  WebhookAttemptEdge?: WebhookAttemptEdgeResolvers<ContextType>;
  WebhookAttemptPage?: WebhookAttemptPageResolvers<ContextType>;
  WebhookEndpoint?: WebhookEndpointResolvers<ContextType>;
  WebhookEndpointEdge?: WebhookEndpointEdgeResolvers<ContextType>;
  WebhookEndpointPage?: WebhookEndpointPageResolvers<ContextType>;
  WebhookEndpointWithSecret?: WebhookEndpointWithSecretResolvers<ContextType>;
};

