import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CounterView, QueueOptions, QueuePrinterSettings, ServiceGroupView } from '../../../shared/api/queue-contract';
import { api } from '../../api/client';
import { applyServerErrors } from '../../components/form-errors';
import { useQueueData } from './queue-hooks';

export function QueueTabLabel() {
  const { t } = useTranslation('queue');
  return <span data-testid="settings-tab-queue">{t('settings.tab')}</span>;
}

/** Cài đặt › Hàng đợi: service groups, counters, the ticket printer, the board's voice. */
export function QueueSettings() {
  const { t } = useTranslation('queue');
  const { data, reload } = useQueueData(() => api.must('queue.config', {}), []);
  const [group, setGroup] = useState<Partial<ServiceGroupView> | null>(null);
  const [counter, setCounter] = useState<Partial<CounterView> | null>(null);
  if (!data) return null;
  const groupName = new Map(data.groups.map((g) => [g.id, `${g.prefix} – ${g.name}`]));
  return (
    <div data-testid="queue-settings">
      <Card
        size="small"
        title={t('settings.groups')}
        extra={
          <Button type="primary" onClick={() => setGroup({})} data-testid="queue-add-group">
            {t('settings.addGroup')}
          </Button>
        }
      >
        <Table<ServiceGroupView>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data.groups}
          onRow={(g) => ({ onDoubleClick: () => setGroup(g) })}
          columns={[
            { title: t('settings.prefix'), dataIndex: 'prefix', width: 80, render: (p: string) => <Tag color="blue" style={{ fontSize: 15, fontWeight: 700 }}>{p}</Tag> },
            { title: t('settings.name'), dataIndex: 'name' },
            { title: t('settings.range'), render: (_, g) => `${g.rangeStart}–${g.rangeEnd}`, width: 110 },
            { title: t('settings.cap'), dataIndex: 'dailyCap', render: (v: number | null) => v ?? '–', width: 120 },
            { title: t('settings.mode'), render: (_, g) => (g.priorityMode === 'strict' ? t('settings.strict') : t('settings.interleave', { n: g.interleaveEvery })) },
            { title: '', width: 110, render: (_, g) => (g.active ? <Tag color="green">{t('settings.active')}</Tag> : <Tag>{t('settings.inactive')}</Tag>) },
            { title: '', width: 70, render: (_, g) => <Button size="small" onClick={() => setGroup(g)}>Sửa</Button> },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('settings.counters')}
        style={{ marginTop: 16 }}
        extra={
          <Button type="primary" onClick={() => setCounter({ groupIds: [], active: true })} data-testid="queue-add-counter">
            {t('settings.addCounter')}
          </Button>
        }
      >
        <Table<CounterView>
          size="small"
          rowKey="number"
          pagination={false}
          dataSource={data.counters}
          columns={[
            { title: t('settings.number'), dataIndex: 'number', width: 90 },
            { title: t('settings.name'), dataIndex: 'name' },
            { title: t('settings.counterGroups'), render: (_, c) => c.groupIds.map((g) => <Tag key={g}>{groupName.get(g)}</Tag>) },
            { title: '', width: 110, render: (_, c) => (c.active ? <Tag color="green">{t('settings.active')}</Tag> : <Tag>{t('settings.inactive')}</Tag>) },
            { title: '', width: 70, render: (_, c) => <Button size="small" onClick={() => setCounter(c)}>Sửa</Button> },
          ]}
        />
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <PrinterCard printer={data.printer} onSaved={reload} />
        </Col>
        <Col xs={24} xl={12}>
          <OptionsCard options={data.options} onSaved={reload} />
        </Col>
      </Row>
      <GroupModal value={group} onClose={() => setGroup(null)} onSaved={reload} />
      <CounterModal value={counter} groups={data.groups} onClose={() => setCounter(null)} onSaved={reload} />
    </div>
  );
}

function GroupModal({ value, onClose, onSaved }: { value: Partial<ServiceGroupView> | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation('queue');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const mode = Form.useWatch('priorityMode', form);
  useEffect(() => {
    if (value) form.setFieldsValue({ rangeStart: 1, rangeEnd: 999, dailyCap: null, priorityMode: 'strict', interleaveEvery: 3, active: true, sortOrder: 0, name: '', prefix: '', ...value });
  }, [value, form]);
  const save = async (v: ServiceGroupView) => {
    try {
      await api.must('queue.saveGroup', { ...v, id: value?.id, dailyCap: v.dailyCap ?? null });
      message.success(t('settings.saved'));
      onSaved();
      onClose();
    } catch (e) {
      message.error(applyServerErrors(form, e));
    }
  };
  return (
    <Modal open={!!value} title={value?.id ? t('settings.editGroup') : t('settings.addGroup')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ id: 'queue-group-ok' }} destroyOnHidden forceRender>
      <Form form={form} layout="vertical" onFinish={save}>
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item name="name" label={t('settings.name')} rules={[{ required: true, message: 'Nhập tên nhóm' }]}>
              <Input data-testid="queue-group-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="prefix" label={t('settings.prefix')} rules={[{ required: true, pattern: /^[A-Za-z]$/, message: 'Một chữ cái A–Z' }]}>
              <Input maxLength={1} style={{ textTransform: 'uppercase' }} data-testid="queue-group-prefix" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="rangeStart" label={t('settings.rangeStart')}>
              <InputNumber min={1} max={9999} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="rangeEnd" label={t('settings.rangeEnd')}>
              <InputNumber min={1} max={9999} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="dailyCap" label={t('settings.dailyCap')}>
          <InputNumber min={1} max={9999} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="priorityMode" label={t('settings.mode')}>
          <Radio.Group
            options={[
              { value: 'strict', label: t('settings.strict') },
              { value: 'interleave', label: 'Xen kẽ' },
            ]}
          />
        </Form.Item>
        {mode === 'interleave' && (
          <Form.Item name="interleaveEvery" label={t('settings.interleaveEvery')}>
            <InputNumber min={2} max={20} />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="sortOrder" label={t('settings.sortOrder')}>
              <InputNumber min={0} max={999} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="active" label={t('settings.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

function CounterModal({ value, groups, onClose, onSaved }: { value: Partial<CounterView> | null; groups: ServiceGroupView[]; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation('queue');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  useEffect(() => {
    if (value) form.setFieldsValue({ name: '', ...value });
  }, [value, form]);
  const save = async (v: CounterView) => {
    try {
      await api.must('queue.saveCounter', { ...v, groupIds: v.groupIds ?? [] });
      message.success(t('settings.saved'));
      onSaved();
      onClose();
    } catch (e) {
      message.error(applyServerErrors(form, e));
    }
  };
  return (
    <Modal open={!!value} title={value?.number ? t('settings.editCounter') : t('settings.addCounter')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ id: 'queue-counter-ok' }} destroyOnHidden forceRender>
      <Form form={form} layout="vertical" onFinish={save}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="number" label={t('settings.number')} rules={[{ required: true, message: 'Nhập số quầy' }]}>
              <InputNumber min={1} max={99} disabled={!!value?.number} style={{ width: '100%' }} data-testid="queue-counter-number" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="name" label={t('settings.name')} rules={[{ required: true, message: 'Nhập tên quầy' }]}>
              <Input data-testid="queue-counter-name" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="groupIds" label={t('settings.counterGroups')}>
          <Select mode="multiple" options={groups.map((g) => ({ value: g.id, label: `${g.prefix} – ${g.name}` }))} />
        </Form.Item>
        <Form.Item name="active" label={t('settings.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PrinterCard({ printer, onSaved }: { printer: QueuePrinterSettings; onSaved(): void }) {
  const { t } = useTranslation('queue');
  const { message } = App.useApp();
  const [form] = Form.useForm<QueuePrinterSettings>();
  const [testing, setTesting] = useState(false);
  useEffect(() => form.setFieldsValue(printer), [printer, form]);
  const save = async (v: QueuePrinterSettings) => {
    try {
      await api.must('queue.setPrinter', v);
      message.success(t('settings.saved'));
      onSaved();
    } catch (e) {
      message.error(applyServerErrors(form, e));
    }
  };
  const test = async () => {
    const v = form.getFieldsValue();
    setTesting(true);
    const r = await api.call('queue.testPrint', { host: v.host, port: v.port, widthDots: v.widthDots });
    setTesting(false);
    if (r.ok) message.success(t('settings.testPrinted'));
    else message.error(r.error.message, 8);
  };
  return (
    <Card size="small" title={t('settings.printer')}>
      <Form form={form} layout="vertical" onFinish={save} initialValues={printer}>
        <Form.Item name="enabled" label={t('settings.printerEnabled')} valuePropName="checked">
          <Switch data-testid="queue-printer-enabled" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="host" label={t('settings.host')}>
              <Input placeholder="192.168.1.50" data-testid="queue-printer-host" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="port" label={t('settings.port')}>
              <InputNumber min={1} max={65535} style={{ width: '100%' }} data-testid="queue-printer-port" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="widthDots" label={t('settings.width')}>
          <Radio.Group
            options={[
              { value: 576, label: t('settings.w576') },
              { value: 384, label: t('settings.w384') },
            ]}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="queue-printer-save">
            {t('settings.save')}
          </Button>
          <Button onClick={() => void test()} loading={testing} data-testid="queue-printer-test">
            {t('settings.testPrint')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

function OptionsCard({ options, onSaved }: { options: QueueOptions; onSaved(): void }) {
  const { t } = useTranslation('queue');
  const { message } = App.useApp();
  const [form] = Form.useForm<QueueOptions>();
  useEffect(() => form.setFieldsValue(options), [options, form]);
  const save = async (v: QueueOptions) => {
    try {
      await api.must('queue.setOptions', { ...v, ticketFooter: v.ticketFooter ?? '' });
      message.success(t('settings.saved'));
      onSaved();
    } catch (e) {
      message.error(applyServerErrors(form, e));
    }
  };
  return (
    <Card size="small" title={t('settings.board')}>
      <Form form={form} layout="vertical" onFinish={save} initialValues={options}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="announceRepeat" label={t('settings.announceRepeat')}>
              <InputNumber min={1} max={3} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="defaultServiceMinutes" label={t('settings.defaultServiceMinutes')}>
              <InputNumber min={1} max={120} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="voice" label={t('settings.voice')}>
          <Select
            options={[
              { value: 'clips', label: t('settings.voiceClips') },
              { value: 'speech', label: t('settings.voiceSpeech') },
              { value: 'off', label: t('settings.voiceOff') },
            ]}
          />
        </Form.Item>
        <Form.Item name="ticketFooter" label={t('settings.ticketFooter')}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit">
            {t('settings.save')}
          </Button>
          <Typography.Text type="secondary">
            <a href="#/bang-hien-thi" target="_blank" rel="noreferrer">
              Bảng hiển thị
            </a>{' '}
            ·{' '}
            <a href="#/kiosk" target="_blank" rel="noreferrer">
              Ki-ốt
            </a>{' '}
            ·{' '}
            <a href="#/danh-gia" target="_blank" rel="noreferrer">
              Đánh giá
            </a>
          </Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
