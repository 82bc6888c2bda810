// Batched per-item fields (a page's requesters, assignees, ...): every id a field asks for
// while graphql-js resolves one level of the page is fetched with one service call, and
// answered from it. DataLoader keys by the id alone; mercurius' own loaders key each call
// by a stable JSON of the whole parent object, which cost an eighth of a page's CPU.
import DataLoader from 'dataloader';
import type { GraphqlContext } from './context.js';

/** One request's loaders by name (the context holds it, so nothing outlives the request). */
export type Batches = Map<string, DataLoader<string, unknown>>;

/**
 * The request's loader named `name`, made on first use: `fetch` gets the distinct ids of
 * one batch and returns what it found; an id it did not return (absent, or not visible to
 * the actor) resolves to null. A failed fetch fails every field of its batch.
 */
export function batched<V>(
  ctx: GraphqlContext,
  name: string,
  fetch: (ids: string[]) => Promise<Map<string, V>>,
): DataLoader<string, V | null> {
  let loader = ctx.batches.get(name) as DataLoader<string, V | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V | null>(async (ids) => {
      const found = await fetch([...ids]);
      return ids.map((id) => found.get(id) ?? null);
    });
    ctx.batches.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}
