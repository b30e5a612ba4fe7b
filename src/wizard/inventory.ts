import { KINDS, type InventoryKind } from '../profile/kinds.js';
import { catalogItemFor, type CatalogItem, type Fact, type Product } from './catalog.js';
import type { Ctx } from './ask.js';
import { isPlainObject, type Data, type WizardState } from './state.js';

/**
 * The inventory as the wizard changes it: products added and removed (with every reference to a
 * removed item: backups kept on it, vendors that support it), and the catalog's facts applied to an
 * item or taken back.
 */

export type Item = Data & { id: string; kind: InventoryKind };

export const inventory = (state: WizardState): Item[] => state.list(['inventory']) as Item[];

/** What people call the item: its name, else the product. */
export const itemName = (item: Data): string => (typeof item.name === 'string' ? item.name : typeof item.product === 'string' ? item.product : String(item.id));

export const hasItem = (state: WizardState, id: string): boolean => inventory(state).some((item) => item.id === id);

/** Adds a product's items (those not there yet); their facts wait for the facts screen. */
export function addProduct(ctx: Ctx, product: Product): void {
  for (const c of product.items) {
    if (hasItem(ctx.state, c.id)) continue;
    const item: Data = { id: c.id, kind: c.kind, ...(c.label ? { label: c.label } : {}), ...(c.name ? { name: c.name } : {}), product: c.product, ...(c.vendor ? { vendor: c.vendor } : {}) };
    ctx.state.set(['inventory'], [...inventory(ctx.state), item]);
    ctx.freshItems.add(c.id);
  }
}

/** Removes an item and what refers to it: backups kept on it, a vendor's support of it. */
export function removeItem(ctx: Ctx, id: string): void {
  const { state } = ctx;
  const kept = inventory(state)
    .filter((item) => item.id !== id)
    .map((item) => {
      if (!Array.isArray(item.backup)) return item;
      const backup = (item.backup as Data[]).filter((entry) => entry.to !== id);
      if (backup.length === item.backup.length) return item;
      const { backup: _, ...rest } = item;
      return (backup.length ? { ...rest, backup } : rest) as Item;
    });
  state.set(['inventory'], kept);
  const vendors = state.list(['vendors']);
  if (vendors.some((v) => Array.isArray(v.supports) && v.supports.includes(id))) {
    state.set(
      ['vendors'],
      vendors.map((v) => (Array.isArray(v.supports) ? { ...v, supports: v.supports.filter((s) => s !== id) } : v)),
    );
  }
  ctx.freshItems.delete(id);
}

export function setItem(state: WizardState, id: string, change: (item: Item) => Item): void {
  state.set(
    ['inventory'],
    inventory(state).map((item) => (item.id === id ? change({ ...item }) : item)),
  );
}

const requirementRows = (item: Data): Data[] => (Array.isArray(item.requirements) ? (item.requirements as Data[]) : []);

/** Whether an item states a fact (a deviceAuth may hold two facts in one sentence). */
export function factApplied(item: Data, fact: Fact): boolean {
  if (fact.field === 'requirement') return requirementRows(item).some((r) => r.requirement === fact.value);
  const value = item[fact.field];
  return typeof value === 'string' && (value === fact.value || value.split('。').includes(fact.value));
}

/** The item with exactly the ticked facts of its catalog entry (other values the user wrote stay). */
export function withFacts(item: Item, catalog: CatalogItem, ticked: ReadonlySet<string>): Item {
  const out: Item = { ...item };
  const byField = new Map<string, Fact[]>();
  for (const fact of catalog.facts) byField.set(fact.field, [...(byField.get(fact.field) ?? []), fact]);
  for (const [field, facts] of byField) {
    if (field === 'requirement') {
      const own = requirementRows(item).filter((r) => !facts.some((f) => f.value === r.requirement));
      const rows = [...facts.filter((f) => ticked.has(f.id)).map((f) => ({ requirement: f.value, product: f.product ?? null })), ...own];
      if (rows.length) out.requirements = rows;
      else delete out.requirements;
      continue;
    }
    const chosen = facts.filter((f) => ticked.has(f.id)).map((f) => f.value);
    const current = out[field];
    const fromCatalog = typeof current === 'string' && current.split('。').every((part) => facts.some((f) => f.value === part));
    if (chosen.length) out[field] = chosen.join('。');
    else if (current === undefined || fromCatalog) delete out[field];
  }
  return out;
}

/** The catalog entry behind an item, if the wizard made it. */
export const catalogOf = (item: Data): CatalogItem | undefined => catalogItemFor(item as { id: string; product?: unknown });

export const isCloud = (item: Data): boolean => KINDS[item.kind as InventoryKind]?.cloud === true;

/** Items a backup may be kept on: storage machines and cloud services. */
export const isBackupDestination = (item: Data): boolean => ['nas', 'external-storage', 'server', 'cloud-backup', 'cloud-service'].includes(String(item.kind));

/** Items that hold the organization's data (a backup is taken of them, a business depends on them). */
export const holdsData = (item: Data): boolean => ['nas', 'server', 'cloud-service', 'business-system', 'software', 'pc-os', 'website', 'database'].includes(String(item.kind));

export { isPlainObject };
