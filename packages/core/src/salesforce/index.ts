/**
 * @portal/core/salesforce: the REST pieces of the Read Design engine, on Web APIs only.
 */
export { API_VERSION } from "./api-version.ts";
export { parseLimitInfo, type LimitInfo, type UsageCounter } from "./limit-info.ts";
export {
  parseSalesforceErrors,
  salesforceApiErrorFrom,
  type SalesforceErrorItem,
} from "./error-body.ts";
export {
  MAX_SUBREQUESTS,
  buildBatchDescribeRequest,
  buildCompositeDescribeRequest,
  buildDescribeGlobalRequest,
  buildDescribeRequest,
  compositeReferenceId,
  describePath,
  toHttpDate,
  type DescribeTarget,
  type SalesforceRequest,
} from "./requests.ts";
export {
  createFetchSender,
  readResponse,
  toFetchRequest,
  transportFailure,
  type Destination,
  type FetchSenderOptions,
  type SalesforceResponse,
  type SalesforceSender,
  type SendHooks,
} from "./transport.ts";
