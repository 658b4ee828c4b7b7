import type { TablePaginationConfig } from 'antd';
import { zh } from '../locale/zh';

/** A list page's table pagination: the page in the URL/state, the server's total, 共 N 条, page sizes. */
export function pagination(
  query: { page: number; pageSize: number },
  total: number | undefined,
  onChange: (page: number, pageSize: number) => void,
): TablePaginationConfig {
  return { current: query.page, pageSize: query.pageSize, total: total ?? 0, showTotal: zh.common.total, showSizeChanger: true, onChange };
}
