import { Card, Statistic } from 'antd';
import { useNavigate } from 'react-router-dom';
import { LoadError } from '../../../components/PageContainer';

/** Props of CountCard. */
export interface CountCardProps {
  title: string;
  value: number | undefined;
  loading: boolean;
  error?: unknown;
  /** Where a click goes (a filtered list). */
  to: string;
  danger?: boolean;
}

/** A workbench figure that opens the filtered list it counts. */
export function CountCard({ title, value, loading, error, to, danger }: CountCardProps) {
  const navigate = useNavigate();
  return (
    <Card hoverable onClick={() => navigate(to)} aria-label={title} size="small">
      {error ? (
        <LoadError error={error} />
      ) : (
        <Statistic title={title} value={value ?? '-'} loading={loading && value === undefined} valueStyle={danger && value ? { color: '#cf1322' } : undefined} />
      )}
    </Card>
  );
}
