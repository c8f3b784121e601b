import { useEffect, useRef, useState } from 'react';
import { App, Button, Modal, Space } from 'antd';
import { PRINTABLE_FORM_LABELS, type PrintableForm, type RenderedDocument } from '../../../shared/api/printing-contract';
import { api } from '../../api/client';

function pdfUrl(doc: RenderedDocument): string {
  const bytes = Uint8Array.from(atob(doc.pdfBase64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/**
 * Preview then print: the PDF is rendered and archived with the dossier, shown, and sent to the printer
 * with one key (Enter / P). A failed send is shown with a retry; every attempt is recorded.
 */
export function PrintPreview({ doc, onClose }: { doc: RenderedDocument | null; onClose(): void }) {
  const { message } = App.useApp();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const printRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!doc) return;
    const u = pdfUrl(doc);
    setUrl(u);
    setTimeout(() => printRef.current?.focus(), 50);
    return () => URL.revokeObjectURL(u);
  }, [doc]);
  const print = async () => {
    if (!doc) return;
    setBusy(true);
    const r = await api.call('printing.print', { documentId: doc.id });
    setBusy(false);
    if (!r.ok) return message.error(r.error.message);
    const last = r.value.attempts[r.value.attempts.length - 1];
    if (last?.ok) {
      message.success(`Đã gửi "${doc.title}" tới máy in ${last.printer}`);
      onClose();
    } else message.error(`Gửi in không được: ${last?.message ?? 'lỗi không rõ'}. Kiểm tra máy in rồi bấm In lại.`);
  };
  return (
    <Modal
      open={!!doc}
      title={doc ? `${doc.title} (${doc.pages} trang)` : ''}
      width={900}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>Đóng (Esc)</Button>
          <Button ref={printRef} type="primary" loading={busy} onClick={() => void print()} data-testid="print-send">
            In (Enter)
          </Button>
        </Space>
      }
    >
      {url && <iframe title="Xem trước" src={url} style={{ width: '100%', height: '70vh', border: '1px solid #ddd' }} data-testid="print-preview" />}
    </Modal>
  );
}

export function PrintButtons({ dossierId, forms = ['receipt'], autoPrintReceipt = false }: { dossierId: string; forms?: PrintableForm[]; autoPrintReceipt?: boolean }) {
  const { message } = App.useApp();
  const [doc, setDoc] = useState<RenderedDocument | null>(null);
  const open = async (form: PrintableForm) => {
    const r = await api.call('printing.render', { subjectId: dossierId, form });
    if (r.ok) setDoc(r.value);
    else message.error(r.error.message);
  };
  useEffect(() => {
    if (autoPrintReceipt) void open('receipt');
  }, [dossierId]);
  return (
    <>
      <Space wrap>
        {forms.map((f) => (
          <Button key={f} onClick={() => void open(f)} data-testid={`print-${f}`}>
            In {PRINTABLE_FORM_LABELS[f].toLowerCase()}
          </Button>
        ))}
      </Space>
      <PrintPreview doc={doc} onClose={() => setDoc(null)} />
    </>
  );
}
