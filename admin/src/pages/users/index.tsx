import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { ADMIN_ROLE_LABELS, ADMIN_ROLES, type AdminRole, type AdminUser } from '@gongkai/shared';
import dayjs from 'dayjs';
import { FilterActions } from '../../components/FilterActions';
import { LoadError, PageContainer } from '../../components/PageContainer';
import { RegionName } from '../../components/RegionName';
import { RegionPicker } from '../../components/RegionPicker';
import { useApi } from '../../hooks/useApi';
import { zh } from '../../locale/zh';
import { useAuth } from '../../services/auth';
import { showApiError } from '../../services/show-error';
import { CreateUserModal } from './components/CreateUserModal';
import { ResetPasswordModal } from './components/ResetPasswordModal';
import { listUsers, updateUser, type UserQuery } from './service';
import { pagination } from '../../components/pagination';

interface Filters {
  region?: string;
  role?: AdminRole;
  q?: string;
}

/**
 * 用户管理 (admins): the officials of the admin's subtree with region / role / username filters and
 * server-side paging; create, disable/enable and reset password.
 */
export default function UsersPage() {
  const { user: me } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<UserQuery>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<AdminUser | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const users = useApi((signal) => listUsers(query, signal), [query]);

  const search = (f: Filters) => setQuery({ ...query, region: f.region, role: f.role, q: f.q?.trim() || undefined, page: 1 });

  const setDisabled = async (u: AdminUser, disabled: boolean) => {
    setBusyId(u.id);
    try {
      await updateUser(u.id, { disabled });
      void message.success(disabled ? zh.users.disabledDone(u.displayName) : zh.users.enabledDone(u.displayName));
      users.reload();
    } catch (err) {
      showApiError(message, err);
    } finally {
      setBusyId(null);
    }
  };

  const columns: ColumnsType<AdminUser> = [
    { title: zh.users.username, dataIndex: 'username', render: (v: string, u) => (u.id === me?.id ? `${v}${zh.users.self}` : v) },
    { title: zh.users.displayName, dataIndex: 'displayName' },
    { title: zh.users.role, dataIndex: 'role', render: (r: AdminRole) => ADMIN_ROLE_LABELS[r] },
    { title: zh.users.region, dataIndex: 'regionCode', render: (c: string) => <RegionName code={c} from={me?.regionCode} /> },
    {
      title: zh.users.status,
      dataIndex: 'disabled',
      render: (d?: boolean) => (d ? <Tag color="default">{zh.users.disabled}</Tag> : <Tag color="green">{zh.users.active}</Tag>),
    },
    { title: zh.users.lastLoginAt, dataIndex: 'lastLoginAt', render: (t?: string) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '-') },
    {
      title: zh.common.actions,
      key: 'actions',
      render: (_: unknown, u) =>
        u.id === me?.id ? null : (
          <Space size="small">
            <Popconfirm
              title={u.disabled ? zh.users.enableConfirm(u.displayName) : zh.users.disableConfirm(u.displayName)}
              onConfirm={() => setDisabled(u, !u.disabled)}
            >
              <Button type="link" size="small" loading={busyId === u.id} danger={!u.disabled}>
                {u.disabled ? zh.users.enable : zh.users.disable}
              </Button>
            </Popconfirm>
            <Button type="link" size="small" onClick={() => setResetting(u)}>
              {zh.users.resetPassword}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <PageContainer
      title={zh.users.title}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {zh.users.create}
        </Button>
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Form<Filters> form={form} layout="inline" name="user-filters" onFinish={search} style={{ rowGap: 12 }}>
          <Form.Item name="region" label={zh.users.region}>
            <RegionPicker placeholder={zh.users.regionAll} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="role" label={zh.users.role}>
            <Select
              allowClear
              placeholder={zh.users.roleAll}
              style={{ width: 140 }}
              options={ADMIN_ROLES.map((r) => ({ value: r, label: ADMIN_ROLE_LABELS[r] }))}
            />
          </Form.Item>
          <Form.Item name="q" label={zh.users.username}>
            <Input allowClear placeholder={zh.users.usernameSearch} style={{ width: 160 }} />
          </Form.Item>
          <FilterActions form={form} onReset={() => search({})} />
        </Form>
      </Card>
      {users.error ? <LoadError error={users.error} onRetry={users.reload} /> : null}
      <Table<AdminUser>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.loading}
        pagination={pagination(query, users.data?.total, (page, pageSize) => setQuery({ ...query, page, pageSize }))}
      />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          users.reload();
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} onDone={() => setResetting(null)} />
    </PageContainer>
  );
}
