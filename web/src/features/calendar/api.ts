import { API_BASE, http } from '@/shared/api/client'
import type { ResponseOf } from '@/shared/api/contract'

/** Whether the signed-in user has a subscription URL (never the URL itself again). */
export type CalendarFeed = ResponseOf<'/me/calendar-feed', 'get'>
/** A newly issued subscription URL: shown once. */
export type IssuedCalendarFeed = ResponseOf<'/me/calendar-feed', 'post'>

export const calendarApi = {
  feed: () => http.get<CalendarFeed>('/me/calendar-feed'),
  /** Creates the URL, or replaces it (the previous one stops working at once). */
  issue: () => http.post<IssuedCalendarFeed>('/me/calendar-feed', {}),
  revoke: () => http.del<void>('/me/calendar-feed'),
}

/** The .ics download of one session (a plain link: the session cookie goes with it). */
export function sessionIcsUrl(engagementId: number, sessionNo: number): string {
  return `${API_BASE}/engagements/${engagementId}/sessions/${sessionNo}/calendar.ics`
}
