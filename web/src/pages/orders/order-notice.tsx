import { request } from '../../api/api-client.ts';
import type { NoticeDeadline } from '../../api/generated/api-schema.ts';
import { SpecForm, useSpecForm, type FormSpec } from '../../components/post-form.tsx';
import { todayIsoDate } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** The public-notice deadline of a suspension or closure order, as the server computes it. */
export type OrderNotice = NoticeDeadline;

/** A short flag for the orders list: overdue (red) or pending; nothing once recorded in time. */
export function NoticeFlag({ notice }: { notice: OrderNotice | null | undefined }) {
  const { t } = useI18n();
  if (!notice || (notice.recordedOn !== null && !notice.late)) return null;
  return notice.late ? (
    <span className="tag tag-danger" data-testid="notice-flag" data-late="true">
      {t('order.notice.listOverdue')}
    </span>
  ) : (
    <span className="tag" data-testid="notice-flag" data-late="false">
      {t('order.notice.listPending')}
    </span>
  );
}

const NOTICE_FORM: FormSpec = {
  idPrefix: 'order-notice',
  className: 'form-row',
  submitLabel: 'order.notice.record',
  fields: [
    { name: 'date', label: 'order.notice.date', kind: 'date' },
    { name: 'ref', label: 'order.notice.ref' },
  ],
};

/**
 * The public notice (公告) of an order: due date (5 working days of issue), what was recorded, overdue
 * in red; regulators record the date and the notice's number or link.
 */
export function OrderNoticeBlock({
  orderId,
  notice,
  noticeRef,
  canRecord,
  onRecorded,
}: {
  orderId: string;
  notice: OrderNotice;
  noticeRef: string | null;
  canRecord: boolean;
  onRecorded: () => void;
}) {
  const { t } = useI18n();
  const { form: f, action } = useSpecForm({ date: todayIsoDate(), ref: '' }, ['ref'], onRecorded);
  const { date, ref } = f.values;
  const submit = () =>
    void action.runWith(async () => {
      await request('POST', `/api/orders/${encodeURIComponent(orderId)}/notice`, {
        body: { noticeDate: date, noticeRef: ref },
      });
    });
  const recorded = notice.recordedOn;
  const text =
    recorded === null
      ? notice.late
        ? t('order.notice.overdue', { due: notice.dueOn })
        : t('order.notice.due', { due: notice.dueOn })
      : notice.late
        ? t('order.notice.recordedLate', { due: notice.dueOn, date: recorded })
        : t('order.notice.recorded', { date: recorded, ref: noticeRef ?? '' });
  return (
    <section
      className="wf-notice"
      data-testid="order-notice"
      data-late={notice.late ? 'true' : 'false'}
      data-recorded={recorded ?? ''}
      data-busy={action.busy ? 'true' : 'false'}
    >
      <h3>{t('order.notice.title')}</h3>
      <p className={notice.late ? 'text-danger strong' : undefined} data-testid="order-notice-text">
        {text}
      </p>
      <p className="muted">{t('order.notice.holidays')}</p>
      {canRecord && <SpecForm spec={NOTICE_FORM} form={f} action={action} onSubmit={submit} />}
    </section>
  );
}
