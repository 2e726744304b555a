using System;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using TaobaoTop.Core.Errors;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>
    /// Sends a call again after transient failures, as long as the service's classifier says so: one budget of
    /// <see cref="ServiceClientOptions.MaxRetries"/> per call, whatever failed. A call that may already have been
    /// carried out (a time-out, a dropped connection) is sent again only when it is idempotent.
    /// </summary>
    public sealed class RetryPolicy : IPipelinePolicy<ServiceCall>
    {
        private readonly ResponseClassifier _classifier;

        public RetryPolicy(ResponseClassifier classifier)
        {
            _classifier = classifier;
        }

        public async Task ProcessAsync(ServiceCall call, Func<Task> next)
        {
            while (true)
            {
                ExceptionDispatchInfo caught;
                try
                {
                    await next().ConfigureAwait(false);
                    return;
                }
                catch (ServiceException ex)
                {
                    caught = ExceptionDispatchInfo.Capture(ex);
                }

                var failure = (ServiceException)caught.SourceException;
                var judged = _classifier.Refine(failure, call);
                if (!(_classifier.RetryDelay(judged, call) is TimeSpan delay))
                {
                    if (ReferenceEquals(judged, failure)) caught.Throw();
                    throw judged;
                }

                call.Report(CallEventKind.Retrying, delay: delay, reason: _classifier.RetryReason(judged));
                await call.ClientOptions.Delay(delay, call.CancellationToken).ConfigureAwait(false);
                call.Attempt++;
            }
        }
    }
}
