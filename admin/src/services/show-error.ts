import type { MessageInstance } from 'antd/es/message/interface';
import { formatError } from './api-error';

/**
 * Shows any error from the request layer as an antd message in Chinese
 * (VALIDATION_FAILED lists its field messages). Get `message` from `App.useApp()`.
 */
export function showApiError(
  message: Pick<MessageInstance, 'error'>,
  err: unknown,
  fieldLabels?: Record<string, string>,
): void {
  void message.error(formatError(err, fieldLabels));
}
