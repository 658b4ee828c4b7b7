import { chinaTime } from '../../../services/time';
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Result, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { FEEDBACK_DELIVERY_LABELS, FEEDBACK_STATUS_LABELS, FEEDBACK_TYPE_LABELS, type AdminFeedbackDetail } from '@gongkai/shared';
import { Link, useParams } from 'react-router-dom';
import { LoadError, PageContainer } from '../../../components/PageContainer';
import { useApi } from '../../../hooks/useApi';
import { zh } from '../../../locale/zh';
import { useAccess, type Access } from '../../../services/access';
import { isApiError } from '../../../services/request';
import { getDisclosure } from '../../disclosures/service';
import { ActionModal, type FeedbackAction } from '../components/ActionModal';
import { FeedbackImages } from '../components/FeedbackImages';
import { FeedbackStatusTag, Remaining } from '../components/Remaining';
import { getFeedback } from '../service';

const t = zh.feedback;
const fmt = (v?: string) => (v ? chinaTime(v, 'YYYY-MM-DD HH:mm') : '-');

/** The steps the item's state and the official's role allow (the server checks again). */
export function actionsFor(f: AdminFeedbackDetail, a: Access): FeedbackAction[] {
  if (!a.handleFeedback) return [];
  const open = f.status === 'received' || f.status === 'accepted';
  const out: FeedbackAction[] = [];
  if (f.status === 'received') out.push('accept');
  if (f.status === 'accepted') out.push('answer');
  if (open && f.type === 'request' && !f.extended && !f.overdue) out.push('extend');
  if (open && a.reassignFeedback) out.push('reassign');
  if (open) out.push('reject');
  if (f.status === 'answered') out.push('close');
  return out;
}

/** A link to the disclosure a question is about, by its title (the id until it has loaded; the official is in its scope). */
function DisclosureLink({ id }: { id: string }) {
  const d = useApi((signal) => getDisclosure(id, signal), [id]);
  return <Link to={`/disclosures/${id}`}>{d.data?.title ?? id}</Link>;
}

/** One question or request (`/feedback/:id`): content, applicant details, timeline, answer, and the workflow steps. */
export default function FeedbackDetailPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const access = useAccess();
  const loaded = useApi((signal) => getFeedback(id, signal), [id]);
  const [item, setItem] = useState<AdminFeedbackDetail>();
  const [action, setAction] = useState<FeedbackAction>();
  const [error, setError] = useState<string>();
  const f = item?.id === id ? item : loaded.data;

  if (loaded.error && isApiError(loaded.error) && loaded.error.status === 404) {
    return <Result status="404" title="404" subTitle={t.notFound} extra={<Link to="/feedback"><Button>{t.back}</Button></Link>} />;
  }
  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!f) return <Skeleton active />;
  const actions = actionsFor(f, access);

  return (
    <PageContainer
      title={`${FEEDBACK_TYPE_LABELS[f.type]} ${f.trackingNo}`}
      description={<Space><FeedbackStatusTag status={f.status} /><Remaining f={f} hideEmpty /></Space>}
      extra={
        <>
          {actions.map((a) => (
            <Button key={a} type={a === 'answer' || a === 'accept' ? 'primary' : 'default'} danger={a === 'reject'} onClick={() => { setError(undefined); setAction(a); }}>
              {t.actions[a]}
            </Button>
          ))}
          <Link to="/feedback"><Button>{t.back}</Button></Link>
        </>
      }
    >
      {access.readOnly ? <Alert type="info" showIcon message={t.readOnly} style={{ marginBottom: 16 }} /> : null}
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t.f.content} span="filled">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{f.content}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t.f.about}>{f.region.name}</Descriptions.Item>
          <Descriptions.Item label={t.f.assigned}>{f.assignedRegion.name}</Descriptions.Item>
          <Descriptions.Item label={t.f.receivedAt}>{fmt(f.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label={t.f.dueAt}>{fmt(f.dueAt)}</Descriptions.Item>
          <Descriptions.Item label={t.f.contact}>{f.contact ?? '-'}</Descriptions.Item>
          <Descriptions.Item label={t.f.public}>{f.public ? zh.common.yes : zh.common.no}</Descriptions.Item>
          {f.disclosureId ? <Descriptions.Item label={t.f.disclosure} span="filled"><DisclosureLink id={f.disclosureId} /></Descriptions.Item> : null}
          {f.request ? (
            <>
              <Descriptions.Item label={t.f.purpose}>{f.request.purpose}</Descriptions.Item>
              <Descriptions.Item label={t.f.delivery}>{FEEDBACK_DELIVERY_LABELS[f.request.delivery]}{f.request.address ? `：${f.request.address}` : ''}</Descriptions.Item>
            </>
          ) : null}
          <Descriptions.Item label={t.f.images} span="filled"><FeedbackImages item={f} /></Descriptions.Item>
        </Descriptions>
      </Card>
      {f.extension ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t.extension(f.extension.workingDays, f.extension.reason, fmt(f.extension.previousDueAt))} /> : null}
      {f.rejection ? <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t.rejection(f.rejection.reason)} /> : null}
      {f.answer ? (
        <Card size="small" title={t.f.answer} style={{ marginBottom: 16 }} extra={<Space>{f.answer.public ? <Tag color="green">{t.f.public}</Tag> : null}{t.answeredBy(f.answer.by.displayName || f.answer.by.username, fmt(f.answer.at))}</Space>}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="answer-text">{f.answer.text}</Typography.Paragraph>
        </Card>
      ) : null}
      {f.rating ? <Alert type="info" style={{ marginBottom: 16 }} message={`${t.f.rating}：${t.ratingScore[f.rating.score] ?? f.rating.score}${f.rating.comment ? `，${f.rating.comment}` : ''}`} /> : null}
      <Card size="small" title={t.f.timeline}>
        <Timeline
          items={f.timeline.map((e) => ({
            color: e.action === 'rejected' ? 'red' : e.action === 'answered' || e.action === 'closed' ? 'green' : 'blue',
            children: (
              <div>
                <Typography.Text strong>{t.timelineActions[e.action] ?? e.action}</Typography.Text>
                <Typography.Text type="secondary"> · {fmt(e.at)} · {e.region.name}{e.by ? ` · ${e.by.displayName || e.by.username}` : ''} · {FEEDBACK_STATUS_LABELS[e.status]}</Typography.Text>
                {e.note ? <div>{e.note}</div> : null}
              </div>
            ),
          }))}
        />
      </Card>
      <ActionModal
        action={action}
        item={f}
        onClose={() => setAction(undefined)}
        onError={setError}
        onDone={(updated, a) => {
          setItem(updated);
          setAction(undefined);
          message.success(t.done[a]);
        }}
      />
    </PageContainer>
  );
}
