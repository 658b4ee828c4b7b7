import Router from '@koa/router';
import multer from '@koa/multer';
import {
  CatalogueAdminQuerySchema,
  CatalogueCreateBodySchema,
  CatalogueExportQuerySchema,
  CatalogueIdParamsSchema,
  CatalogueImportQuerySchema,
  CatalogueImportResultSchema,
  CatalogueItemViewSchema,
  CatalogueUpdateBodySchema,
  CatalogueVersionListSchema,
  CatalogueViewListSchema,
  findDomain,
} from '@gongkai/shared';
import type { AppDeps } from '../../app';
import { adminOf, requireAdmin } from '../../http/auth';
import { AppError, notFound, validationFailed } from '../../http/errors';
import { doc } from '../../http/openapi';
import { input, validate } from '../../http/validate';
import { assertInScope } from '../accounts/scope';
import { importCatalogue } from './import';
import { regionLookup } from './routes';
import * as catalogue from './service';
import { listVersions } from './versions';
import { exportWorkbook, xlsxProblem } from './xlsx';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An xlsx of a few thousand rows unpacks to a few MB; anything far bigger is refused unread. */
const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

const listReq = { query: CatalogueAdminQuerySchema };
const createReq = { body: CatalogueCreateBodySchema };
const updateReq = { params: CatalogueIdParamsSchema, body: CatalogueUpdateBodySchema };
const idReq = { params: CatalogueIdParamsSchema };
const exportReq = { query: CatalogueExportQuerySchema };
const importReq = { query: CatalogueImportQuerySchema };

/** `attachment` with an ASCII fallback name and the real (Chinese) name encoded per RFC 5987. */
export function attachment(fallback: string, name: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Officials' catalogue endpoints: list, create, update (new version), retire/restore, versions, and xlsx
 * export/import. Any admin role reads; writes need the `admin` role and an owner region in scope.
 */
export function catalogueAdminRoutes(deps: Pick<AppDeps, 'regions' | 'config'>): Router {
  const regions = regionLookup(deps);
  const router = new Router({ prefix: '/api/v1/admin' });
  const tags = ['admin-catalogue'];
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: Math.floor(deps.config.uploadLimitBytes), files: 1, fields: 5, parts: 6 },
  });

  router.get('/catalogue', doc({ summary: '本辖区适用的目录事项（含本地事项、已停用事项）', tags, response: CatalogueViewListSchema }), requireAdmin(), validate(listReq), async (ctx) => {
    ctx.body = { items: await catalogue.listForAdmin(adminOf(ctx), input(ctx, listReq).query) };
  });

  router.post('/catalogue', doc({ summary: '新增本地目录事项（省级管理员可新增省级事项）', tags, response: CatalogueItemViewSchema, status: 201 }), requireAdmin('admin'), validate(createReq), async (ctx) => {
    ctx.body = await catalogue.createItem(adminOf(ctx), input(ctx, createReq).body, await regions());
    ctx.status = 201;
  });

  router.get(
    '/catalogue/export.xlsx',
    doc({ summary: '导出目录（xlsx，标准目录列格式）', tags, produces: XLSX_MIME }),
    requireAdmin(),
    validate(exportReq),
    async (ctx) => {
      const caller = adminOf(ctx);
      const { domain, region = caller.regionCode } = input(ctx, exportReq).query;
      assertInScope(caller, region);
      const lookup = await regions();
      const items = await catalogue.listForAdmin(caller, { domain, region, active: true });
      const regionName = lookup.get(region)?.name ?? region;
      const domainName = domain ? findDomain(domain)?.name : undefined;
      const name = `标准目录-${regionName}${domainName ? `-${domainName}` : ''}.xlsx`;
      ctx.set('Content-Disposition', attachment(`catalogue-${region}${domain ? `-${domain}` : ''}.xlsx`, name));
      ctx.set('Cache-Control', 'no-store');
      ctx.type = XLSX_MIME;
      ctx.body = await exportWorkbook(items, (code) => lookup.get(code)?.name ?? '');
    },
  );

  router.post(
    '/catalogue/import',
    doc({
      summary: '导入本地目录（xlsx，multipart 字段 file；dryRun=1 仅预览）',
      description: '逐行校验，任何一行有误则整体不导入，并列出每个问题的行号、列名和原因。',
      tags,
      response: CatalogueImportResultSchema,
    }),
    requireAdmin('admin'),
    validate(importReq),
    upload.single('file'),
    async (ctx) => {
      const file = ctx.file;
      if (!file) {
        if (!ctx.is('multipart')) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 文件（字段名 file）');
        throw validationFailed('请选择要导入的文件', [{ path: 'file', message: '缺少文件' }]);
      }
      const problem = xlsxProblem(file.buffer, MAX_UNPACKED_BYTES);
      if (problem) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', problem);
      const { region, domain, dryRun } = input(ctx, importReq).query;
      ctx.body = await importCatalogue(adminOf(ctx), file.buffer, { region, domain, dryRun }, await regions());
    },
  );

  router.patch('/catalogue/:id', doc({ summary: '修改目录事项（生成新版本）', tags, response: CatalogueItemViewSchema }), requireAdmin('admin'), validate(updateReq), async (ctx) => {
    const { params, body } = input(ctx, updateReq);
    ctx.body = await catalogue.updateItem(adminOf(ctx), params.id, body);
  });

  router.post('/catalogue/:id/deactivate', doc({ summary: '停用目录事项（历史版本仍可查询）', tags, response: CatalogueItemViewSchema }), requireAdmin('admin'), validate(idReq), async (ctx) => {
    ctx.body = await catalogue.setActive(adminOf(ctx), input(ctx, idReq).params.id, false);
  });

  router.post('/catalogue/:id/activate', doc({ summary: '恢复启用目录事项', tags, response: CatalogueItemViewSchema }), requireAdmin('admin'), validate(idReq), async (ctx) => {
    ctx.body = await catalogue.setActive(adminOf(ctx), input(ctx, idReq).params.id, true);
  });

  router.get('/catalogue/:id/versions', doc({ summary: '目录事项的全部版本（新→旧）', tags, response: CatalogueVersionListSchema }), requireAdmin(), validate(idReq), async (ctx) => {
    const items = await listVersions(input(ctx, idReq).params.id);
    if (!items) throw notFound('目录事项不存在');
    ctx.body = { items };
  });

  return router;
}
