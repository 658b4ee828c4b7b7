import { ancestorCodes, type CatalogueImportResult, type CatalogueItemInput, type DomainKey } from '@gongkai/shared';
import type { AdminCaller } from '../../http/auth';
import { validationFailed } from '../../http/errors';
import { audit } from '../audit/service';
import { CatalogueItemModel } from './model';
import { issueDetails, rowToInput, type RowIssue } from './rows';
import { PROVINCE, assertOwnerRegion, codeProblem, createItem, nextCode, updateItem, type RegionLookup } from './service';
import { contentHash } from './versions';
import { SheetError, readWorkbook, type SheetRow } from './xlsx';

/*
 * Import rules (one region's items per file, `region` = a county or township in the caller's scope, or '33'
 * for a province official):
 *  - Every row is read and validated first; any bad row → VALIDATION_FAILED listing every problem
 *    `{ row, column?, message }` (row as Excel numbers it) and nothing is saved.
 *  - A row with 事项编码 of an item owned by `region` updates it (a new version only when the content differs);
 *    with a new code (which must start with "<region>-") it creates that item.
 *  - A row without 事项编码 updates `region`'s own item of the same 领域 and 二级事项; one named like an item
 *    that applies from above (province, parent region) is skipped when equal and an error when different
 *    (no silent local copies of province items); else it creates a new item with the next free code.
 *  - A row whose code belongs to another owner (the province's items, a parent county's local items — as in
 *    an export, which lists them for reference) is skipped when its content equals the stored version, and is
 *    an error when it differs: counties cannot change province items through an import.
 *  - The same code, or the same 领域 + 二级事项, twice in one file is an error.
 * So export → import of an unchanged file changes nothing and writes no version.
 */

/** Rows per file at most. */
export const MAX_IMPORT_ROWS = 2_000;

interface Planned {
  row: number;
  input: CatalogueItemInput;
  action: CatalogueImportResult['rows'][number]['action'];
  id?: string;
  code?: string;
  version?: number;
}

/** Options of one import. */
export interface ImportOptions {
  region: string;
  domain?: DomainKey;
  dryRun?: boolean;
}

const describeOwner = (regionCode: string) => (regionCode === PROVINCE ? '省级标准目录' : `${regionCode}的本地目录`);

/** Reads, validates and plans every row; throws VALIDATION_FAILED with every issue when any row is bad. */
async function plan(buffer: Buffer, opts: ImportOptions): Promise<Planned[]> {
  let sheet;
  try {
    sheet = await readWorkbook(buffer, MAX_IMPORT_ROWS);
  } catch (err) {
    if (err instanceof SheetError) throw validationFailed(err.message, [{ path: 'file', message: err.message }]);
    throw err;
  }
  if (!sheet.rows.length) throw validationFailed('文件中没有目录事项', [{ path: 'file', message: '没有数据行' }]);
  const issues: RowIssue[] = [];
  const valid: Array<{ row: number; input: CatalogueItemInput }> = [];
  const seenCode = new Map<string, number>();
  const seenName = new Map<string, number>();
  for (const r of sheet.rows as SheetRow[]) {
    const { input, issues: rowIssues } = rowToInput(r, sheet.columns, opts.domain);
    issues.push(...rowIssues);
    if (!input) continue;
    const nameKey = `${input.domain}\u0000${input.name}`;
    if (input.code && seenCode.has(input.code)) {
      issues.push({ row: r.row, column: '事项编码', message: `事项编码与第${seenCode.get(input.code)}行重复` });
    } else if (seenName.has(nameKey)) {
      issues.push({ row: r.row, column: '二级事项', message: `同一领域的二级事项与第${seenName.get(nameKey)}行重复` });
    } else {
      if (input.code) seenCode.set(input.code, r.row);
      seenName.set(nameKey, r.row);
      valid.push({ row: r.row, input });
    }
  }

  const codes = valid.map((v) => v.input.code).filter((c): c is string => !!c);
  const above = opts.region === PROVINCE ? [] : ancestorCodes(opts.region);
  const [byCodeDocs, ownDocs, aboveDocs] = await Promise.all([
    CatalogueItemModel.find({ code: { $in: codes } }).lean(),
    CatalogueItemModel.find({ regionCode: opts.region }).lean(),
    CatalogueItemModel.find({ regionCode: { $in: above }, active: true }).lean(),
  ]);
  const byCode = new Map([...byCodeDocs, ...ownDocs].map((d) => [d.code, d]));
  // Own items win over items from above with the same name.
  const byName = new Map([...aboveDocs, ...ownDocs].map((d) => [`${d.domain}\u0000${d.name}`, d]));
  const planned: Planned[] = [];
  const newCodes = new Set<string>();
  for (const { row, input } of valid) {
    const existing = input.code ? byCode.get(input.code) : byName.get(`${input.domain}\u0000${input.name}`);
    const { code: _code, ...content } = input;
    if (!existing) {
      const problem = input.code ? codeProblem(input.code, opts.region) : undefined;
      if (problem) issues.push({ row, column: '事项编码', message: problem });
      else {
        const code = input.code ?? (await nextCode(opts.region, input.domain, newCodes));
        newCodes.add(code);
        planned.push({ row, input: { ...input, code }, action: 'create', code });
      }
      continue;
    }
    const same = contentHash(content) === existing.contentHash;
    const base = { row, input, id: String(existing._id), code: existing.code, version: existing.version };
    if (existing.regionCode !== opts.region) {
      if (same) planned.push({ ...base, action: 'skip' });
      else {
        issues.push({
          row,
          column: '事项编码',
          message: input.code
            ? `“${existing.code}”属于${describeOwner(existing.regionCode)}，内容与现行第${existing.version}版不一致，不能在本地区的导入中修改`
            : `与${describeOwner(existing.regionCode)}事项“${existing.code}”同名但内容不同；上级事项不能在本地区修改，本地新增事项请使用不同的二级事项名称`,
        });
      }
    } else if (existing.domain !== input.domain) {
      issues.push({ row, column: '领域', message: `领域与现有事项“${existing.code}”不一致，领域不可修改` });
    } else {
      planned.push({ ...base, action: same ? 'unchanged' : 'update' });
    }
  }
  if (issues.length) {
    throw validationFailed(`导入文件有${new Set(issues.map((i) => i.row)).size}行存在问题，未导入任何内容`, issueDetails(issues) as never);
  }
  return planned;
}

/**
 * Imports the catalogue sheet of an xlsx file for `opts.region` (see the rules above). With `dryRun`
 * nothing is written and the result previews what would happen. Writes are not one transaction (FerretDB
 * has none): all validation is done before the first write, so only a database failure can stop half-way,
 * and re-running the same file then completes it.
 */
export async function importCatalogue(caller: AdminCaller, buffer: Buffer, opts: ImportOptions, regions: RegionLookup): Promise<CatalogueImportResult> {
  assertOwnerRegion(caller, opts.region, regions);
  const planned = await plan(buffer, opts);
  const dryRun = opts.dryRun ?? false;
  if (!dryRun) {
    for (const p of planned) {
      if (p.action === 'create') {
        const item = await createItem(caller, { ...p.input, regionCode: opts.region }, regions, 'import');
        Object.assign(p, { id: item.id, version: item.version });
      } else if (p.action === 'update') {
        const { code: _c, domain: _d, ...content } = p.input;
        const item = await updateItem(caller, p.id!, { ...content, otherChannel: content.otherChannel ?? null, audienceNote: content.audienceNote ?? null }, 'import');
        p.version = item.version;
      }
    }
  }
  const count = (a: Planned['action']) => planned.filter((p) => p.action === a).length;
  const result: CatalogueImportResult = {
    dryRun,
    region: opts.region,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    skipped: count('skip'),
    rows: planned.map((p) => ({
      row: p.row,
      action: p.action,
      code: p.code,
      name: p.input.name,
      domain: p.input.domain,
      ...(p.version !== undefined ? { version: p.version } : {}),
      ...(p.id ? { id: p.id } : {}),
    })),
  };
  if (!dryRun && (result.created || result.updated)) {
    await audit(caller, 'catalogue.import', { type: 'catalogue', regionCode: opts.region }, {
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      skipped: result.skipped,
      codes: planned.filter((p) => p.action === 'create' || p.action === 'update').map((p) => p.code),
    });
  }
  return result;
}
