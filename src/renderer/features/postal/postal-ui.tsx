import { useEffect } from 'react';
import { App, Col, Form, Input, Row, Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { ItemOutcome } from '../../../shared/postal/postal-types';
import { api } from '../../api/client';

export interface PartyValues {
  employeeName: string;
  employeePhone?: string;
  postOffice: string;
}

const PARTY_KEY = 'motcua.postal.party';

/** The same postal employee comes most days: the last one is offered again. */
export function lastParty(): Partial<PartyValues> {
  try {
    return JSON.parse(localStorage.getItem(PARTY_KEY) ?? '{}') as Partial<PartyValues>;
  } catch {
    return {};
  }
}
export function rememberParty(p: PartyValues): void {
  localStorage.setItem(PARTY_KEY, JSON.stringify({ employeeName: p.employeeName, employeePhone: p.employeePhone, postOffice: p.postOffice }));
}

export const blank = (s?: string) => (s && s.trim() ? s.trim() : undefined);

/** Employee, phone, post office: the other side of every slip. */
export function PartyFields({ t, prefix, compact = false }: { t: TFunction; prefix: string; compact?: boolean }) {
  const style = compact ? { marginBottom: 0 } : undefined;
  return (
    <Row gutter={12}>
      <Col span={9}>
        <Form.Item style={style} name="employeeName" label={t('party.employeeName')} rules={[{ required: true, whitespace: true, message: t('party.employeeRequired') }]}>
          <Input data-testid={`${prefix}-employeeName`} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item style={style} name="employeePhone" label={t('party.employeePhone')}>
          <Input data-testid={`${prefix}-employeePhone`} />
        </Form.Item>
      </Col>
      <Col span={9}>
        <Form.Item style={style} name="postOffice" label={t('party.postOffice')} rules={[{ required: true, whitespace: true, message: t('party.postOfficeRequired') }]}>
          <Input data-testid={`${prefix}-postOffice`} />
        </Form.Item>
      </Col>
    </Row>
  );
}

const OUTCOME_COLORS: Record<ItemOutcome, string> = { pending: 'default', received: 'green', incomplete: 'orange', returned: 'blue' };
export function OutcomeTag({ outcome, t }: { outcome: ItemOutcome; t: TFunction }) {
  return <Tag color={OUTCOME_COLORS[outcome]}>{t(`outcome.${outcome}`)}</Tag>;
}

/**
 * A wrong S10 check digit is nearly always a typo or a misread: the clerk must say so explicitly to keep
 * it. The safe answer ("type again") has the focus, so a scanner's Enter never confirms by accident.
 */
export type ModalApi = ReturnType<typeof App.useApp>['modal'];
export function confirmBadDigit(modal: ModalApi, t: TFunction, message: string): Promise<boolean> {
  return new Promise((resolve) => {
    modal.confirm({
      title: t('inbound.confirmTitle'),
      content: message,
      okText: t('inbound.confirmOk'),
      cancelText: t('inbound.confirmCancel'),
      okButtonProps: { danger: true, 'data-testid': 'postal-confirm-code' } as never,
      cancelButtonProps: { autoFocus: true, 'data-testid': 'postal-retype-code' } as never,
      autoFocusButton: 'cancel',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}

/** Reloads when any postal hand-over changes (another counter, or this one). */
export function usePostalChanged(reload: () => void): void {
  useEffect(() => api.subscribe((e) => (e.type === 'postal.changed' || e.type === 'dossier.changed') && reload()), [reload]);
}
