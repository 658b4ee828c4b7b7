import { REGION_LEVELS, type RegionLevel } from '@gongkai/shared';

/** One node of the picker's tree in antd's simple mode (`id`/`pId`). */
export interface RegionNode {
  id: string;
  pId: string | null;
  value: string;
  /** The region's own name (shown in the tree). */
  title: string;
  /** Path from the picker's root, shown in the input once picked. */
  label: string;
  level: RegionLevel;
  isLeaf: boolean;
  selectable: boolean;
}

/** What the tree needs to know about a region. */
export interface RegionInfo {
  code: string;
  displayName: string;
  level: RegionLevel;
  /** Known for children lists; undefined for path steps and search hits. */
  childCount?: number;
}

/** Picker settings that shape the nodes. */
export interface TreeShape {
  root: string;
  /** Deepest level shown; regions at it are leaves. */
  maxLevel: RegionLevel;
  /** Levels that may be picked; undefined = all. */
  selectableLevels?: readonly RegionLevel[];
}

const depth = (l: RegionLevel) => REGION_LEVELS.indexOf(l);

/** True when regions of `level` are shown at all. */
export function shown(level: RegionLevel, shape: TreeShape): boolean {
  return depth(level) <= depth(shape.maxLevel);
}

/** The node of a region under `parent` (null for the root). */
export function nodeOf(r: RegionInfo, parent: RegionNode | null, shape: TreeShape): RegionNode {
  return {
    id: r.code,
    pId: parent ? parent.id : null,
    value: r.code,
    title: r.displayName,
    label: parent ? `${parent.label} / ${r.displayName}` : r.displayName,
    level: r.level,
    isLeaf: r.level === shape.maxLevel || r.level === 'village' || r.childCount === 0,
    selectable: !shape.selectableLevels || shape.selectableLevels.includes(r.level),
  };
}

/**
 * Adds the steps of `path` (province first) from the picker's root down to the region itself, each under
 * the one before, to `nodes` (a copy is returned). Steps above the root are skipped; a path outside the
 * root adds nothing.
 */
export function withPath(nodes: ReadonlyMap<string, RegionNode>, path: readonly RegionInfo[], shape: TreeShape): Map<string, RegionNode> {
  const out = new Map(nodes);
  const start = path.findIndex((p) => p.code === shape.root);
  if (start < 0) return out;
  let parent: RegionNode | null = null;
  for (const step of path.slice(start)) {
    if (!shown(step.level, shape)) break;
    const node: RegionNode = out.get(step.code) ?? nodeOf(step, parent, shape);
    out.set(step.code, node);
    parent = node;
  }
  return out;
}
