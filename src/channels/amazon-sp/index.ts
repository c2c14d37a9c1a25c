/** Amazon Selling Partner API: LWA tokens, a throttling-aware client, Orders v0, Reports 2021-06-30. */
import { SpApiClient, type SpApiClientOptions } from './client.ts';
import { OrdersApi } from './orders.ts';
import { ReportsApi } from './reports.ts';

export { SpApiError, LwaError, ReportFailedError, isRetryableStatus, type SpApiErrorDetail } from './errors.ts';
export { LwaTokenProvider, LWA_ENDPOINT, LWA_EXPIRY_MARGIN_MS, type LwaCredentials, type LwaOptions, type LwaToken } from './lwa.ts';
export { SpApiClient, SP_API_ENDPOINTS, DEFAULT_USER_AGENT, parseRetryAfterMs, type SpApiClientOptions, type SpApiRequest, type SpApiResponse, type QueryValue } from './client.ts';
export {
  OrdersApi,
  type SpOrder, type SpOrderItem, type SpMoney, type SpAddress, type SpBuyerInfo,
  type GetOrdersParams, type OrdersPage, type OrderItemsPage, type PagingOptions, type DateParam,
} from './orders.ts';
export { spOrderToSnapshot, type SnapshotExtras } from './order-snapshot.ts';
export {
  ReportsApi,
  type SpReport, type SpReportDocument, type ReportProcessingStatus, type CreateReportParams, type PollOptions, type DownloadReportOptions,
} from './reports.ts';
export { marketplaceCodeForId, marketplaceForId, marketplaceIdForCode } from './marketplaces.ts';
// Test support (a local replay of Amazon's sandbox examples); reads fixtures only when started.
export {
  startSandboxServer, loadSandboxOperations, sandboxFixturesAvailable,
  AMAZON_SP_FIXTURES_DIR, SANDBOX_OPERATIONS, SANDBOX_REPORT_DOCUMENT_ID, SANDBOX_REPORT_TSV,
  type SandboxServer, type SandboxServerOptions, type SandboxRequest, type SandboxReply, type SandboxIntercept, type SandboxOperation, type SandboxExample,
} from './sandbox-server.ts';

export interface SpApi {
  readonly client: SpApiClient;
  readonly orders: OrdersApi;
  readonly reports: ReportsApi;
}

/** One client plus the operation wrappers that share it (and its token cache). */
export function createSpApi(options: SpApiClientOptions): SpApi {
  const client = new SpApiClient(options);
  return { client, orders: new OrdersApi(client), reports: new ReportsApi(client) };
}
