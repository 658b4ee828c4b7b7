import { Button, Text, View } from '@tarojs/components';
import type { ApiError } from '../../services/request';
import { zh } from '../../i18n/zh';
import { BUTTON } from '../a11y';

/** Props: what to show while loading, or the error with a retry. */
export interface LoadStatusProps {
  status: 'loading' | 'error' | 'ready';
  error?: ApiError;
  onRetry?: () => void;
  /** Text while loading (default 正在加载…). */
  loadingText?: string;
}

/**
 * The loading line or the error with 重试, as every page shows them: a status region (no pop-up), the
 * server's Chinese message as it came, and a large retry button. Renders nothing when ready.
 */
export default function LoadStatus({ status, error, onRetry, loadingText }: LoadStatusProps) {
  if (status === 'loading') {
    return (
      <View className='gk-status' aria-busy='true'>
        <Text>{loadingText ?? zh.loading}</Text>
      </View>
    );
  }
  if (status === 'error' && error) {
    return (
      <View className='gk-status' role='alert'>
        <Text className='gk-error'>{error.message}</Text>
        {onRetry && (
          <Button {...BUTTON} className='gk-button gk-button--primary' onClick={onRetry}>
            {zh.retry}
          </Button>
        )}
      </View>
    );
  }
  return null;
}
