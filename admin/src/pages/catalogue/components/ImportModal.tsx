import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Modal, Select, Space, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { DOMAINS, type CatalogueImportIssue, type CatalogueImportResult, type DomainKey } from '@gongkai/shared';
import { RegionPicker } from '../../../components/RegionPicker';
import { RegionName } from '../../../components/RegionName';
import { zh } from '../../../locale/zh';
import { useAuth } from '../../../services/auth';
import { formatError, isApiError } from '../../../services/request';
import { importCatalogue } from '../service';
import { ownerChoice } from './CatalogueItemDrawer';
import { ImportErrors, ImportPreview, importIssues } from './ImportReport';

const c = zh.catalogue;

/** Where the import stands. */
type Stage =
  | { step: 'choose' }
  | { step: 'errors'; message: string; issues: CatalogueImportIssue[] }
  | { step: 'preview'; result: CatalogueImportResult }
  | { step: 'failed'; message: string };

/** Props of ImportModal. */
export interface ImportModalProps {
  open: boolean;
  /** Default domain for rows that leave 领域 empty (the open tab). */
  domain: DomainKey;
  onClose: () => void;
  onImported: (result: CatalogueImportResult) => void;
}

/**
 * 导入目录: pick an .xlsx and the region it belongs to → 检查文件 (a dry run: nothing is saved) → either the
 * row-by-row problems (行号, 列, 原因) to fix in the file, or a preview of what will be created/updated and
 * 确认导入, which sends the same file for real.
 */
export function ImportModal({ open, domain: defaultDomain, onClose, onImported }: ImportModalProps) {
  const { user } = useAuth();
  const { message } = App.useApp();
  const owner = ownerChoice(user?.regionCode ?? '33');
  const [file, setFile] = useState<UploadFile | null>(null);
  const [region, setRegion] = useState<string | undefined>('fixed' in owner ? owner.fixed : undefined);
  const [domain, setDomain] = useState<DomainKey>(defaultDomain);
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [busy, setBusy] = useState(false);

  // Each opening starts over: no report or file of the last import is shown again.
  useEffect(() => {
    setDomain(defaultDomain);
    setStage({ step: 'choose' });
    setFile(null);
  }, [open, defaultDomain]);

  const run = async (dryRun: boolean) => {
    const blob = file?.originFileObj;
    if (!blob || !region) return;
    setBusy(true);
    try {
      const result = await importCatalogue(blob, file.name, { region, domain, dryRun });
      if (dryRun) setStage({ step: 'preview', result });
      else {
        void message.success(c.importDone(result.created, result.updated));
        onImported(result);
      }
    } catch (err) {
      const issues = isApiError(err) && err.code === 'VALIDATION_FAILED' ? importIssues(err.details) : [];
      setStage(issues.length && isApiError(err) ? { step: 'errors', message: err.message, issues } : { step: 'failed', message: formatError(err) });
    } finally {
      setBusy(false);
    }
  };

  const canConfirm = stage.step === 'preview' && stage.result.created + stage.result.updated > 0;
  const footer = (
    <Space>
      <Button onClick={onClose}>{zh.common.close}</Button>
      <Button onClick={() => void run(true)} loading={busy && stage.step !== 'preview'} disabled={!file || !region || busy}>
        {c.importCheck}
      </Button>
      {canConfirm ? (
        <Button type="primary" onClick={() => void run(false)} loading={busy}>
          {c.importConfirm}
        </Button>
      ) : null}
    </Space>
  );

  return (
    <Modal open={open} title={c.importTitle} onCancel={onClose} footer={footer} width={820} forceRender>
      <Typography.Paragraph type="secondary">{c.importHint}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={c.importRegion} required>
          {'fixed' in owner ? (
            <RegionName code={owner.fixed} />
          ) : (
            <RegionPicker
              value={region}
              onChange={(v) => {
                setRegion(v);
                setStage({ step: 'choose' });
              }}
              within={owner.within}
              maxLevel="township"
              selectableLevels={owner.levels}
              aria-label={c.importRegion}
            />
          )}
        </Form.Item>
        <Form.Item label={c.importDomain}>
          <Select<DomainKey>
            value={domain}
            onChange={(d) => {
              setDomain(d);
              setStage({ step: 'choose' });
            }}
            options={DOMAINS.map((d) => ({ value: d.key, label: d.name }))}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item label={c.importFile} required>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            fileList={file ? [file] : []}
            // Kept in the page: the file is sent twice (check, then import), never uploaded on pick.
            beforeUpload={() => false}
            onChange={({ fileList }) => {
              setFile(fileList[fileList.length - 1] ?? null);
              setStage({ step: 'choose' });
            }}
          >
            <Button icon={<UploadOutlined />}>{c.importFile}</Button>
          </Upload>
        </Form.Item>
      </Form>
      {stage.step === 'errors' ? <ImportErrors message={stage.message} issues={stage.issues} /> : null}
      {stage.step === 'preview' ? <ImportPreview result={stage.result} /> : null}
      {stage.step === 'failed' ? <Alert type="error" showIcon message={stage.message} role="alert" /> : null}
    </Modal>
  );
}
