import { useState } from 'react';
import { App, Button, Card, Segmented, Space, Switch, Tabs } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  CATALOGUE_LEVEL_LABELS,
  CATALOGUE_LEVELS,
  DOMAINS,
  ZHEJIANG_CODE,
  isWithin,
  type CatalogueItemView,
  type CatalogueLevel,
  type DomainKey,
} from '@gongkai/shared';
import { LoadError, PageContainer } from '../../components/PageContainer';
import { useApi } from '../../hooks/useApi';
import { zh } from '../../locale/zh';
import { useAccess } from '../../services/access';
import { useAuth } from '../../services/auth';
import { saveFile } from '../../services/request';
import { showApiError } from '../../services/show-error';
import { CatalogueItemDrawer, type ItemTarget } from './components/CatalogueItemDrawer';
import { CatalogueTable } from './components/CatalogueTable';
import { ImportModal } from './components/ImportModal';
import { VersionsDrawer } from './components/VersionsDrawer';
import { exportCatalogue, listCatalogue, setCatalogueItemActive } from './service';

const c = zh.catalogue;

/**
 * 公开目录: the standard catalogue by domain (tabs) with every element of each item, a level filter and
 * retired items on request. Admins add and edit the local items of their scope (each save a new version),
 * import an xlsx after a dry-run check, and export.
 */
export default function CataloguePage() {
  const { user } = useAuth();
  const access = useAccess();
  const { message } = App.useApp();
  const [domain, setDomain] = useState<DomainKey>(DOMAINS[0].key);
  const [level, setLevel] = useState<CatalogueLevel | 'all'>('all');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<ItemTarget | null>(null);
  const [history, setHistory] = useState<CatalogueItemView | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const list = useApi(
    (signal) => listCatalogue({ level: level === 'all' ? undefined : level, includeInactive }, signal),
    [level, includeInactive],
  );
  const items = list.data ?? [];
  const scope = user?.regionCode ?? ZHEJIANG_CODE;

  // The server decides in the end; this only hides buttons that would be refused.
  const canEdit = (item: CatalogueItemView) =>
    access.editCatalogue && (item.local ? isWithin(item.regionCode, scope) : scope === ZHEJIANG_CODE);

  const setActive = async (item: CatalogueItemView, active: boolean) => {
    try {
      await setCatalogueItemActive(item.id, active);
      void message.success(active ? c.activated : c.deactivated);
      list.reload();
    } catch (err) {
      showApiError(message, err);
    }
  };

  const download = async () => {
    setExporting(true);
    try {
      const file = await exportCatalogue({ domain });
      saveFile(file);
      void message.success(c.exported(file.filename));
    } catch (err) {
      showApiError(message, err);
    } finally {
      setExporting(false);
    }
  };

  const extra = (
    <>
      {access.editCatalogue ? (
        <>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create', domain })}>
            {c.add}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {c.import}
          </Button>
        </>
      ) : null}
      <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()}>
        {c.export}
      </Button>
    </>
  );

  return (
    <PageContainer title={c.title} description={c.intro} extra={extra}>
      <Card>
        <Space wrap style={{ marginBottom: 8 }}>
          <Segmented<CatalogueLevel | 'all'>
            value={level}
            onChange={setLevel}
            options={[{ value: 'all', label: c.levelAll }, ...CATALOGUE_LEVELS.map((l) => ({ value: l, label: CATALOGUE_LEVEL_LABELS[l] }))]}
          />
          <Space>
            <Switch checked={includeInactive} onChange={setIncludeInactive} aria-label={c.showInactive} />
            <span>{c.showInactive}</span>
          </Space>
        </Space>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        <Tabs
          activeKey={domain}
          onChange={(k) => setDomain(k as DomainKey)}
          items={DOMAINS.map((d) => {
            const own = items.filter((i) => i.domain === d.key);
            return {
              key: d.key,
              label: list.data ? `${d.name}（${own.length}）` : d.name,
              children:
                d.key === domain ? (
                  <CatalogueTable
                    items={own}
                    loading={list.loading}
                    canEdit={canEdit}
                    onEdit={(item) => setEditing({ mode: 'edit', item })}
                    onVersions={setHistory}
                    onSetActive={(item, active) => void setActive(item, active)}
                  />
                ) : null,
            };
          })}
        />
      </Card>
      <CatalogueItemDrawer
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
      <VersionsDrawer item={history} onClose={() => setHistory(null)} />
      <ImportModal
        open={importing}
        domain={domain}
        onClose={() => setImporting(false)}
        onImported={() => {
          setImporting(false);
          list.reload();
        }}
      />
    </PageContainer>
  );
}
