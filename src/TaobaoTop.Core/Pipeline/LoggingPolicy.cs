using System;
using System.Threading.Tasks;
using TaobaoTop.Core.Errors;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>Reports how the call ended: elapsed time, request id and retries, or why it failed.</summary>
    public sealed class LoggingPolicy : IPipelinePolicy<ServiceCall>
    {
        public async Task ProcessAsync(ServiceCall call, Func<Task> next)
        {
            try
            {
                await next().ConfigureAwait(false);
                call.Report(CallEventKind.Succeeded, requestId: call.RequestId);
            }
            catch (ServiceException ex)
            {
                call.Report(CallEventKind.Failed, requestId: ex.RequestId, reason: ex.Message);
                throw;
            }
        }
    }
}
