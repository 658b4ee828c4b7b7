import type Router from '@koa/router';
import { DisclosureIdParamsSchema, TableImportQuerySchema, TableImportResultSchema } from '@gongkai/shared';
import type { Context, Next } from 'koa';
import type { AppDeps } from '../../app';
import { adminOf, requireAdmin } from '../../http/auth';
import { doc } from '../../http/openapi';
import { input, validate } from '../../http/validate';
import { formField, singleFileUpload, uploadedFile } from '../../uploads/multipart';
import { precheckDraftEdit } from './draft-edit';
import { importTable } from './table-import';

const importReq = { params: DisclosureIdParamsSchema, query: TableImportQuerySchema };

/** `POST /api/v1/admin/disclosures/:id/tables/import` on the admin disclosures router. */
export function tableImportRoutes(router: Router, deps: Pick<AppDeps, 'config'>): void {
  const precheck = async (ctx: Context, next: Next) => {
    await precheckDraftEdit(adminOf(ctx), input(ctx, importReq).params.id, '导入表格');
    await next();
  };
  router.post(
    '/:id/tables/import',
    doc({
      summary: '从 xlsx 导入表格到草稿（multipart：file，可选 title；dryRun=1 仅预览）',
      description:
        '第一行为列名（其上可有一行标题）；列名前后加 * 表示必填。按列名建议个人信息类型（身份证、电话、姓名、银行账号、地址）。逐格校验（必填为空、超长、公式、合并单元格、错误值、被存成数字的证件号），有任何问题则整体不导入，并列出行号、列名和原因。',
      tags: ['admin-disclosures'],
      response: TableImportResultSchema,
    }),
    requireAdmin('editor'),
    validate(importReq),
    precheck,
    singleFileUpload(deps.config.uploadLimitBytes, 2),
    async (ctx) => {
      const file = uploadedFile(ctx, ' .xlsx 文件');
      const { params, query } = input(ctx, importReq);
      ctx.body = await importTable(adminOf(ctx), params.id, file.buffer, { title: formField(ctx, 'title'), dryRun: query.dryRun });
    },
  );
}
