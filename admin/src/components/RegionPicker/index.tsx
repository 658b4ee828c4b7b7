import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Space, Spin, TreeSelect } from 'antd';
import type { RegionLevel } from '@gongkai/shared';
import { zh } from '../../locale/zh';
import { useAuth } from '../../services/auth';
import { getChildren, getRegion, searchRegions, type RegionSearchItem } from '../../services/regions';
import { nodeOf, shown, withPath, type RegionNode, type TreeShape } from './tree';

/** Props of the region picker (works as an antd Form.Item control: `value` / `onChange`). */
export interface RegionPickerProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Root of the tree and limit of the search; default the signed-in official's own region (their scope). */
  within?: string;
  /** Deepest level shown (e.g. 'township' when a village makes no sense); default village. */
  maxLevel?: RegionLevel;
  /** Levels that may be picked (others only open); default all. */
  selectableLevels?: readonly RegionLevel[];
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
  'aria-label'?: string;
}

const SEARCH_DELAY_MS = 250;
const SEARCH_LIMIT = 30;

/**
 * Picks a region inside a subtree: browse the tree (children load on demand from
 * `GET /regions/:code/children`) or type Chinese, pinyin or initials to search it
 * (`GET /regions/search?within=`). The picked region shows with its path from the root.
 */
export function RegionPicker(props: RegionPickerProps) {
  const { value, onChange, maxLevel = 'village', selectableLevels, disabled, style, id } = props;
  const { user } = useAuth();
  const root = props.within ?? user?.regionCode ?? '33';
  // Keyed by content: callers often pass a new array literal on every render.
  const levelsKey = selectableLevels?.join(',');
  const shape = useMemo<TreeShape>(
    () => ({ root, maxLevel, selectableLevels: levelsKey ? (levelsKey.split(',') as RegionLevel[]) : undefined }),
    [root, maxLevel, levelsKey],
  );

  const [nodes, setNodes] = useState<Map<string, RegionNode>>(new Map());
  const [loaded, setLoaded] = useState<string[]>([]);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [hits, setHits] = useState<RegionSearchItem[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [failed, setFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pending = useRef<AbortController>(undefined);

  // The root, and the path down to a value that is not in the tree yet (a form's initial value).
  useEffect(() => {
    let live = true;
    const need = [root, ...(value && !nodes.has(value) ? [value] : [])];
    Promise.all(need.map((c) => getRegion(c))).then(
      (regions) => {
        if (!live) return;
        setNodes((prev) => regions.reduce((acc, r) => withPath(acc, r.path, shape), prev));
        const target = regions[1];
        if (target) setExpanded((prev) => [...new Set([...prev, ...target.path.slice(0, -1).map((p) => p.code)])]);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
    // `nodes` is read only to skip known values; re-running on every node change would refetch nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [root, value, shape]);

  // A new root or shape starts a new tree.
  useEffect(() => {
    setNodes(new Map());
    setLoaded([]);
    setExpanded([]);
  }, [shape]);

  const loadData = useCallback(
    async ({ value: code }: { value?: string | number }) => {
      const parentCode = String(code);
      const children = await getChildren(parentCode);
      setNodes((prev) => {
        const next = new Map(prev);
        const parent = next.get(parentCode) ?? null;
        for (const c of children) if (shown(c.level, shape)) next.set(c.code, nodeOf(c, parent, shape));
        return next;
      });
      setLoaded((prev) => [...prev, parentCode]);
    },
    [shape],
  );

  const onSearch = (text: string) => {
    setSearch(text);
    clearTimeout(timer.current);
    pending.current?.abort();
    const q = text.trim();
    if (!q) {
      setHits(null);
      setSearching(false);
      return;
    }
    setSearching(true);
    timer.current = setTimeout(() => {
      const controller = new AbortController();
      pending.current = controller;
      const levels = shape.selectableLevels;
      const level = levels?.length === 1 ? levels[0] : undefined;
      searchRegions(q, { within: root, level, limit: SEARCH_LIMIT, signal: controller.signal }).then(
        (items) => {
          if (controller.signal.aborted) return;
          setHits(items.filter((i) => shown(i.level, shape) && (!levels || levels.includes(i.level))));
          setSearching(false);
        },
        () => {
          if (controller.signal.aborted) return;
          setHits([]);
          setSearching(false);
        },
      );
    }, SEARCH_DELAY_MS);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  const choose = (code: string | undefined) => {
    const hit = hits?.find((h) => h.code === code);
    if (hit) {
      // Put the hit in its place in the tree, so its path shows once the search text is gone.
      setNodes((prev) => withPath(prev, hit.path, shape));
      setExpanded((prev) => [...new Set([...prev, ...hit.path.slice(0, -1).map((p) => p.code)])]);
    }
    setSearch('');
    setHits(null);
    onChange?.(code);
  };

  // While a search is typed, only its hits are listed (none until they arrive: "搜索中…"), never the tree.
  const searchMode = search.trim() !== '';
  const treeData = useMemo((): Array<Omit<RegionNode, 'level'>> => {
    if (searchMode) {
      return (hits ?? []).map((h) => {
        const label = hitLabel(h, root);
        return { id: h.code, pId: null, value: h.code, title: label, label, isLeaf: true, selectable: true };
      });
    }
    return [...nodes.values()];
  }, [searchMode, hits, nodes, root]);

  return (
    <TreeSelect
      id={id}
      aria-label={props['aria-label']}
      style={{ minWidth: 220, ...style }}
      value={value}
      onChange={(v: string | undefined) => choose(v ?? undefined)}
      treeDataSimpleMode
      treeData={treeData}
      treeNodeLabelProp="label"
      loadData={searchMode ? undefined : loadData}
      treeLoadedKeys={loaded}
      treeExpandedKeys={searchMode ? [] : expanded}
      onTreeExpand={(keys) => setExpanded(keys.map(String))}
      showSearch
      searchValue={search}
      onSearch={onSearch}
      filterTreeNode={false}
      allowClear={props.allowClear ?? true}
      disabled={disabled}
      placeholder={props.placeholder ?? zh.region.placeholder}
      notFoundContent={searching ? <Space><Spin size="small" />{zh.region.searching}</Space> : failed ? zh.region.loadFailed : zh.region.noMatch}
      virtual={false}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto', minWidth: 280 } } }}
    />
  );
}

/** A search hit's path from the picker's root ("瓯海区 / 景山街道 / 繁荣社区"). */
function hitLabel(h: RegionSearchItem, root: string): string {
  const start = h.path.findIndex((p) => p.code === root);
  return h.path
    .slice(start >= 0 ? start : 0)
    .map((p) => p.displayName)
    .join(' / ');
}
