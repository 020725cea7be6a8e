/** Limits besides the daily API requests, as a Developer Edition org reports them. */
const FIXED_LIMITS: Record<string, number> = {
  ActiveScratchOrgs: 3,
  AnalyticsExternalDataSizeMB: 40960,
  ConcurrentAsyncGetReportInstances: 200,
  ConcurrentSyncReportRuns: 20,
  DailyAnalyticsDataflowJobExecutions: 60,
  DailyAsyncApexExecutions: 250000,
  DailyBulkApiBatches: 15000,
  DailyBulkV2QueryFileStorageMB: 976562,
  DailyBulkV2QueryJobs: 10000,
  DailyDurableGenericStreamingApiEvents: 10000,
  DailyDurableStreamingApiEvents: 10000,
  DailyGenericStreamingApiEvents: 10000,
  DailyStandardVolumePlatformEvents: 10000,
  DailyStreamingApiEvents: 10000,
  DailyWorkflowEmails: 390,
  DataStorageMB: 5,
  FileStorageMB: 20,
  HourlyAsyncReportRuns: 1200,
  HourlyDashboardRefreshes: 200,
  HourlyDashboardResults: 5000,
  HourlyDashboardStatuses: 999999999,
  HourlyODataCallout: 10000,
  HourlySyncReportRuns: 500,
  HourlyTimeBasedWorkflow: 50,
  MassEmail: 10,
  PermissionSets: 1500,
  SingleEmail: 15,
  StreamingApiConcurrentClients: 20,
};

/** `GET vNN.N/limits/`: `{DailyApiRequests: {Max, Remaining}, ...}` (usage counted before answering). */
export function limitsBody(
  apiUsed: number,
  apiLimit: number,
): Record<string, { Max: number; Remaining: number }> {
  const limits: Record<string, { Max: number; Remaining: number }> = {};
  for (const [name, max] of Object.entries(FIXED_LIMITS))
    limits[name] = { Max: max, Remaining: max };
  limits.DailyApiRequests = { Max: apiLimit, Remaining: Math.max(0, apiLimit - apiUsed) };
  return Object.fromEntries(Object.entries(limits).sort(([a], [b]) => (a < b ? -1 : 1)));
}
