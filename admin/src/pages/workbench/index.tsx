import { Card, Col, Descriptions, Progress, Row, Skeleton, Statistic, Typography } from 'antd';
import { ADMIN_ROLE_LABELS, DOMAINS } from '@gongkai/shared';
import { useNavigate } from 'react-router-dom';
import { LoadError } from '../../components/PageContainer';
import { useApi } from '../../hooks/useApi';
import { useRegion } from '../../hooks/useRegion';
import { zh } from '../../locale/zh';
import { useAccess } from '../../services/access';
import { useAuth } from '../../services/auth';
import { pathLabel } from '../../services/regions';
import { CountCard } from './components/CountCard';
import { DisclosureDeadlines, FeedbackDeadlines } from './components/DeadlineLists';
import { Reminders } from './components/Reminders';
import { activeCatalogue, countUsers, disclosureFigures, feedbackFigures } from './service';

/**
 * 工作台: the official's scope, what waits for them (drafts, reviews, disclosures due or overdue against the
 * catalogue time limits, questions by deadline) — each a click away from its filtered list — their
 * reminders, and the catalogue by domain.
 */
export default function WorkbenchPage() {
  const { user } = useAuth();
  const access = useAccess();
  const navigate = useNavigate();
  const region = useRegion(user?.regionCode);
  const catalogue = useApi((signal) => activeCatalogue(signal), []);
  const users = useApi((signal) => (access.manageUsers ? countUsers(signal) : Promise.resolve(undefined)), [access.manageUsers]);
  const dis = useApi((signal) => disclosureFigures(user?.id ?? '', signal), [user?.id]);
  const fb = useApi((signal) => feedbackFigures(signal), []);
  const w = zh.workbench;

  const items = catalogue.data ?? [];
  const byDomain = DOMAINS.map((d) => ({ ...d, count: items.filter((i) => i.domain === d.key).length }));
  const most = Math.max(1, ...byDomain.map((d) => d.count));

  return (
    <div>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {zh.home.welcome(user?.displayName ?? user?.username ?? '')}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={zh.home.myRole}>{user ? ADMIN_ROLE_LABELS[user.role] : ''}</Descriptions.Item>
          <Descriptions.Item label={zh.account.region}>{region ? pathLabel(region.path) : user?.regionCode}</Descriptions.Item>
          <Descriptions.Item label={zh.common.detail}>{user ? zh.home.roleHints[user.role] : ''}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {access.editDisclosures ? (
          <Col xs={12} md={8} xl={4}>
            <CountCard title={access.manageUsers ? w.draftsAll : w.myDrafts} value={access.manageUsers ? dis.data?.drafts : dis.data?.myDrafts} loading={dis.loading} error={dis.error} to="/disclosures?status=draft" />
          </Col>
        ) : null}
        {access.reviewDisclosures ? (
          <Col xs={12} md={8} xl={4}>
            <CountCard title={w.pendingReviews} value={dis.data?.pending} loading={dis.loading} error={dis.error} to="/disclosures?status=pending" />
          </Col>
        ) : null}
        <Col xs={12} md={8} xl={4}>
          <CountCard title={w.dueSoon} value={dis.data?.byDeadline.filter((d) => !d.overdue).length} loading={dis.loading} error={dis.error} to="/disclosures?status=draft" />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <CountCard title={w.overdueDisclosures} value={dis.data?.overdue} loading={dis.loading} error={dis.error} to="/disclosures?overdue=true" danger />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <CountCard title={w.openQuestions} value={fb.data?.open} loading={fb.loading} error={fb.error} to="/feedback" />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <CountCard title={w.overdueQuestions} value={fb.data?.overdue} loading={fb.loading} error={fb.error} to="/feedback?overdue=true" danger />
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={8}>
          <DisclosureDeadlines items={dis.data?.byDeadline ?? []} loading={dis.loading} />
        </Col>
        <Col xs={24} xl={8}>
          <FeedbackDeadlines items={fb.data?.byDeadline ?? []} loading={fb.loading} />
        </Col>
        <Col xs={24} xl={8}>
          <Reminders />
        </Col>
      </Row>

      {catalogue.error ? <LoadError error={catalogue.error} onRetry={catalogue.reload} /> : null}
      <Row gutter={[16, 16]}>
        {access.manageUsers ? (
          <Col xs={24} md={8}>
            <Card hoverable onClick={() => navigate('/users')} aria-label={zh.home.usersInScope}>
              {users.error ? (
                <LoadError error={users.error} />
              ) : (
                <Statistic title={zh.home.usersInScope} value={users.data ?? '-'} loading={users.loading} />
              )}
            </Card>
          </Col>
        ) : null}
        <Col xs={24} md={8}>
          <Card hoverable onClick={() => navigate('/catalogue')} aria-label={zh.home.catalogueItems}>
            <Statistic
              title={zh.home.catalogueItems}
              value={catalogue.data ? items.length : '-'}
              loading={catalogue.loading}
              suffix={catalogue.data ? <Typography.Text type="secondary" style={{ fontSize: 14 }}>{zh.home.catalogueLocal(items.filter((i) => i.local).length)}</Typography.Text> : null}
            />
          </Card>
        </Col>
        <Col xs={24} md={access.manageUsers ? 8 : 16}>
          <Card title={zh.home.catalogueDomains} size="small">
            {catalogue.loading && !catalogue.data ? (
              <Skeleton active paragraph={{ rows: 4 }} />
            ) : (
              byDomain.map((d) => (
                <div key={d.key} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                  <span style={{ width: 96, flex: 'none' }}>{d.name}</span>
                  <Progress percent={(d.count / most) * 100} showInfo={false} size="small" style={{ margin: 0, flex: 1 }} />
                  <span style={{ width: 48, textAlign: 'right', flex: 'none' }}>{zh.catalogue.count(d.count)}</span>
                </div>
              ))
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
