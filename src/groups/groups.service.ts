// Groups (teams): agents see tickets assigned to their groups.
import type { Actor } from '../auth/actor.js';
import { AppError, notFound } from '../errors.js';
import { policyWhere } from '../policy/sql.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { inTenant, readInTenant, type Scope, type ServiceDeps } from '../services/scope.js';
import * as repo from './groups.repository.js';
import { isUuid } from '../ids.js';

export interface GroupView {
  id: string;
  name: string;
  description: string | null;
  memberIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

type GroupRow = NonNullable<Awaited<ReturnType<typeof repo.getGroup>>>;

async function present(s: Scope, row: GroupRow): Promise<GroupView> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    memberIds: await repo.memberIds(s.tx, row.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function visibleGroup(s: Scope, id: string): Promise<GroupRow> {
  s.assertCan('read', 'Group');
  const row = isUuid(id) ? await repo.getGroup(s.tx, id) : undefined;
  if (!row) throw notFound('group');
  return row;
}

export async function listGroups(deps: ServiceDeps, actor: Actor, page: PageRequest): Promise<Page<GroupView>> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'Group');
    const where = policyWhere(s.ability, 'read', 'Group', { id: 'groups.id' });
    if (!where) return { items: [], nextCursor: null };
    const result = await paginate(repo.selectGroups(s.tx, where), 'groups', page);
    for (const row of result.items)
      s.record({ action: 'group.read', resourceType: 'Group', resourceId: row.id, outcome: 'allowed' });
    return { items: await Promise.all(result.items.map((r) => present(s, r))), nextCursor: result.nextCursor };
  });
}

export async function getGroup(deps: ServiceDeps, actor: Actor, id: string): Promise<GroupView> {
  return readInTenant(deps, actor, async (s) => {
    const row = await visibleGroup(s, id);
    s.record({ action: 'group.read', resourceType: 'Group', resourceId: id, outcome: 'allowed' });
    return present(s, row);
  });
}

async function assertNameFree(s: Scope, name: string, except?: string): Promise<void> {
  const clash = await repo.findGroupByName(s.tx, name);
  if (clash && clash.id !== except) throw new AppError('CONFLICT', 'A group with this name already exists.');
}

export async function createGroup(
  deps: ServiceDeps,
  actor: Actor,
  input: { name: string; description?: string | undefined },
): Promise<GroupView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('create', 'Group');
    await assertNameFree(s, input.name);
    const row = await repo.insertGroup(s.tx, {
      tenant_id: actor.tenantId,
      name: input.name,
      description: input.description ?? null,
    });
    s.record({ action: 'group.create', resourceType: 'Group', resourceId: row.id, outcome: 'allowed' });
    return present(s, row);
  });
}

export async function updateGroup(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: { name?: string | undefined; description?: string | null | undefined },
): Promise<GroupView> {
  return inTenant(deps, actor, async (s) => {
    await visibleGroup(s, id);
    s.assertCan('update', 'Group', { id });
    if (input.name !== undefined) await assertNameFree(s, input.name, id);
    const row = await repo.updateGroup(s.tx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
    });
    s.record({ action: 'group.update', resourceType: 'Group', resourceId: id, outcome: 'allowed' });
    return present(s, row!);
  });
}

export async function deleteGroup(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  return inTenant(deps, actor, async (s) => {
    await visibleGroup(s, id);
    s.assertCan('delete', 'Group', { id });
    await repo.deleteGroup(s.tx, id);
    s.record({ action: 'group.delete', resourceType: 'Group', resourceId: id, outcome: 'allowed' });
  });
}

export async function setMembership(
  deps: ServiceDeps,
  actor: Actor,
  groupId: string,
  userId: string,
  member: boolean,
): Promise<GroupView> {
  return inTenant(deps, actor, async (s) => {
    const group = await visibleGroup(s, groupId);
    s.assertCan('update', 'Group', { id: groupId });
    if (!isUuid(userId) || !(await repo.userExists(s.tx, userId))) throw notFound('user');
    if (member) await repo.addMember(s.tx, { tenant_id: actor.tenantId, group_id: groupId, user_id: userId });
    else await repo.removeMember(s.tx, groupId, userId);
    s.record({
      action: member ? 'group.member_add' : 'group.member_remove',
      resourceType: 'Group',
      resourceId: groupId,
      outcome: 'allowed',
    });
    return present(s, group);
  });
}

/** For GraphQL loaders: many groups in one query (members in a second); ids not visible are absent. */
export async function getGroupsByIds(
  deps: ServiceDeps,
  actor: Actor,
  ids: readonly string[],
): Promise<Map<string, GroupView>> {
  const valid = ids.filter(isUuid);
  return readInTenant(deps, actor, async (s) => {
    const where = policyWhere(s.ability, 'read', 'Group', { id: 'groups.id' });
    if (!where || valid.length === 0) return new Map();
    const rows = await repo.getGroupsByIds(s.tx, valid, where);
    const members = await repo.memberIdsOfGroups(
      s.tx,
      rows.map((r) => r.id),
    );
    for (const row of rows)
      s.record({ action: 'group.read', resourceType: 'Group', resourceId: row.id, outcome: 'allowed' });
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          name: r.name,
          description: r.description,
          memberIds: members.get(r.id) ?? [],
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        },
      ]),
    );
  });
}
