/** Kysely table types of the notification bell. */
export interface NotificationReadsTable {
  user_id: string;
  item_key: string;
  read_at: string;
}

export interface NotificationsDatabase {
  notification_reads: NotificationReadsTable;
}
