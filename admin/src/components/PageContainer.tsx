import type { ReactNode } from 'react';
import { Alert, Button, Flex, Result, Typography } from 'antd';
import { zh } from '../locale/zh';
import { formatError } from '../services/request';

/** Props of PageContainer. */
export interface PageContainerProps {
  title: ReactNode;
  /** Buttons on the right of the title. */
  extra?: ReactNode;
  /** A line under the title. */
  description?: ReactNode;
  children?: ReactNode;
}

/** The frame of every page: a title row with actions and the content below (like ProLayout's PageContainer). */
export function PageContainer({ title, extra, description, children }: PageContainerProps) {
  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: description ? 4 : 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra ? <Flex gap={8} wrap>{extra}</Flex> : null}
      </Flex>
      {description ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
          {description}
        </Typography.Paragraph>
      ) : null}
      {children}
    </div>
  );
}

/** A failed load as an error banner with a retry button (the message is the request layer's Chinese text). */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      message={formatError(error)}
      style={{ marginBottom: 16 }}
      action={onRetry ? <Button size="small" onClick={onRetry}>{zh.common.retry}</Button> : undefined}
    />
  );
}

/** Shown instead of a page the official's role may not use (the server would refuse it too). */
export function Forbidden() {
  return <Result status="403" title="403" subTitle={zh.common.forbidden} />;
}
