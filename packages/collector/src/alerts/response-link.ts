/**
 * The address of one answer in the console: `<public-url>/console/#/responses/<id>`. The one
 * place that knows the console's route, so that webhooks and the console agree on it.
 */
export function responseLink(publicUrl: string, responseId: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/console/#/responses/${encodeURIComponent(responseId)}`;
}
