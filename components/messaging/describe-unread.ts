/** "1 message non lu", "3 messages non lus": for the unread dot and the home page alike. */
export function describeUnread(count: number): string {
  return count === 1 ? "1 message non lu" : `${count} messages non lus`;
}
