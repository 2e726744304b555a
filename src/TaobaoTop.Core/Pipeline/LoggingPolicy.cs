using System;
using System.Threading.Tasks;
using TaobaoTop.Core.Errors;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>Reports how the call ended: elapsed time, request id and retries, or why it failed.</summary>
    public sealed class LoggingPolicy : TopPipelinePolicy
    {
        public override async Task ProcessAsync(TopMessage message, Func<Task> next)
        {
            try
            {
                await next().ConfigureAwait(false);
                message.Report(TopCallEventKind.Succeeded, requestId: message.Response?.RequestId);
            }
            catch (TopException ex)
            {
                message.Report(TopCallEventKind.Failed, requestId: (ex as TopApiException)?.RequestId, reason: ex.Message);
                throw;
            }
        }
    }
}
