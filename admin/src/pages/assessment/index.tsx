import { chinaTime } from '../../services/time';
import { useState } from 'react';
import { App, Button, Card, Col, Form, Row, Select, Skeleton, Statistic, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { DOMAINS, type AssessmentNode, type DomainKey } from '@gongkai/shared';
import { BarChart } from '../../components/charts/BarChart';
import { LineChart } from '../../components/charts/LineChart';
import { LoadError, PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { useApi } from '../../hooks/useApi';
import { zh } from '../../locale/zh';
import { useAuth } from '../../services/auth';
import { saveFile } from '../../services/request';
import { showApiError } from '../../services/show-error';
import { DrillDownDrawer } from './components/DrillDownDrawer';
import { METRICS, METRIC_COLORS, Rate, countsOf, metricLabel, valueOf } from './components/metrics';
import { RankingTable, byRank } from './components/RankingTable';
import { getAssessment, getTrend, quarterOf, quarterlyReport, recentQuarters } from './service';

const t = zh.assessment;

/**
 * 考核统计 (assessors and admins): a region's metrics for a quarter, its children ranked (table and bars),
 * the quarterly trend, one unit's drill-down and the county's quarterly report (季度报送) as xlsx or PDF.
 */
export default function AssessmentPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const current = quarterOf(new Date());
  const [region, setRegion] = useState<string | undefined>(user?.regionCode);
  const [quarter, setQuarter] = useState(current);
  const [domain, setDomain] = useState<DomainKey>();
  const [drill, setDrill] = useState<{ code: string; name: string }>();
  const [downloading, setDownloading] = useState<string>();
  const data = useApi((signal) => getAssessment({ region, quarter, domain }, signal), [region, quarter, domain]);
  const trend = useApi((signal) => getTrend({ region, until: quarter, domain }, signal), [region, quarter, domain]);
  const a = data.data;
  const isCounty = (region ?? '').length === 6;

  const download = async (format: 'xlsx' | 'pdf') => {
    setDownloading(format);
    try {
      const file = await quarterlyReport(region!, quarter, format);
      saveFile(file);
      message.success(t.downloaded(file.filename));
    } catch (err) {
      showApiError(message, err);
    } finally {
      setDownloading(undefined);
    }
  };
  const node = (n: AssessmentNode) => ({ code: n.region.code, name: n.region.name });

  return (
    <PageContainer
      title={t.title}
      description={t.intro}
      extra={
        <>
          <Button icon={<DownloadOutlined />} disabled={!isCounty} title={isCounty ? undefined : t.reportCounty} loading={downloading === 'xlsx'} onClick={() => download('xlsx')}>
            {t.report} · {t.reportXlsx}
          </Button>
          <Button icon={<DownloadOutlined />} disabled={!isCounty} title={isCounty ? undefined : t.reportCounty} loading={downloading === 'pdf'} onClick={() => download('pdf')}>
            {t.reportPdf}
          </Button>
        </>
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t.region}>
            <RegionPicker value={region} onChange={(c) => setRegion(c ?? user?.regionCode)} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item label={t.quarter}>
            <Select value={quarter} onChange={setQuarter} style={{ width: 120 }} options={recentQuarters(current, 8).map((q) => ({ value: q, label: q }))} />
          </Form.Item>
          <Form.Item label={t.domain}>
            <Select allowClear value={domain} onChange={setDomain} placeholder={t.domainAll} style={{ width: 140 }} options={DOMAINS.map((d) => ({ value: d.key, label: d.name }))} />
          </Form.Item>
        </Form>
      </Card>
      {data.error ? <LoadError error={data.error} onRetry={data.reload} /> : null}
      {!a ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {a.region.name} · {a.period.label} · {t.computedAt(chinaTime(a.computedAt, 'YYYY-MM-DD HH:mm'))}
          </Typography.Paragraph>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {METRICS.map((k) => {
              const v = valueOf(a, k);
              return (
                <Col key={k} xs={12} md={8} xl={4}>
                  <Card size="small" title={metricLabel(k)}>
                    <Statistic value={v === null ? '—' : Math.round(v * 1000) / 10} suffix={v === null ? undefined : '%'} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{countsOf(a, k)}</Typography.Text>
                  </Card>
                </Col>
              );
            })}
          </Row>
          <Row gutter={16}>
            <Col xs={24} xl={14}>
              <Card size="small" title={t.ranking} style={{ marginBottom: 16 }}>
                <RankingTable data={a} onDrill={(n) => setDrill(node(n))} onOpen={(n) => setRegion(n.region.code)} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={`${t.ranking} · ${metricLabel('score')}`} style={{ marginBottom: 16 }}>
                {a.children.length ? (
                  <BarChart
                    title={`${t.ranking} · ${metricLabel('score')}`}
                    bars={[...a.children].sort(byRank).slice(0, 20).map((n) => ({ key: n.region.code, label: n.region.name, value: n.score }))}
                    onSelect={(code) => {
                      const n = a.children.find((c) => c.region.code === code);
                      if (n) setDrill(node(n));
                    }}
                  />
                ) : (
                  t.noData
                )}
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t.trend} style={{ marginBottom: 16 }}>
            {trend.error ? <LoadError error={trend.error} onRetry={trend.reload} /> : null}
            {trend.data ? (
              <LineChart
                title={t.trend}
                labels={trend.data.items.map((i) => i.period.key)}
                series={METRICS.map((k) => ({ name: metricLabel(k), color: METRIC_COLORS[k], values: trend.data!.items.map((i) => valueOf(i, k)) }))}
              />
            ) : (
              <Skeleton active />
            )}
            {trend.data ? (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
                {trend.data.items.map((i) => (
                  <span key={i.period.key} style={{ marginRight: 16 }}>
                    {i.period.key}：<Rate m={i} k="score" />
                  </span>
                ))}
              </Typography.Paragraph>
            ) : null}
          </Card>
        </>
      )}
      <DrillDownDrawer unit={drill} quarter={quarter} domain={domain} onClose={() => setDrill(undefined)} />
    </PageContainer>
  );
}
