import { Tag } from 'antd';

/** "còn N ngày làm việc" / "đến hạn hôm nay" / "quá hạn N ngày", colour-coded. */
export function DaysLeft({ days }: { days: number | null }) {
  if (days === null) return <span>—</span>;
  if (days < 0) return <Tag color="red">Quá hạn {-days} ngày</Tag>;
  if (days === 0) return <Tag color="orange">Đến hạn hôm nay</Tag>;
  return <Tag color={days <= 2 ? 'gold' : 'green'}>Còn {days} ngày làm việc</Tag>;
}
