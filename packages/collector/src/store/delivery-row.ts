import type { AlertDelivery, DeliveryStatus } from "./alert-outbox.js";

/** A row of `alert_deliveries`, as both stores read it. */
export interface DeliveryRow {
  id: number;
  response_id: string;
  survey_id: string;
  alert_id: string;
  status: DeliveryStatus;
  created_at: number;
  due_at: number;
  attempts: number;
  last_attempt_at: number | null;
  last_status: number | null;
  last_error: string | null;
  done_at: number | null;
}

export const toDelivery = (r: DeliveryRow): AlertDelivery => ({
  id: r.id,
  responseId: r.response_id,
  surveyId: r.survey_id,
  alertId: r.alert_id,
  status: r.status,
  createdAt: r.created_at,
  dueAt: r.due_at,
  attempts: r.attempts,
  lastAttemptAt: r.last_attempt_at,
  lastStatus: r.last_status,
  lastError: r.last_error,
  doneAt: r.done_at,
});
