/** What the notification bell needs from storage (src/storage/stores/notification-read-store.ts). */

/** Which notifications a user has marked read (migration 0027): one row per user and notification key. */
export interface NotificationReadStore {
  /** The keys among `keys` that the user has marked read. */
  readKeys(userId: string, keys: readonly string[]): Promise<Set<string>>;
  /** Marks the keys read for the user (a key already read keeps its first time). */
  markRead(userId: string, keys: readonly string[], atIso: string): Promise<void>;
}
