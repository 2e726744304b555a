using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>One step of the request pipeline; calls <paramref name="next"/> to go on.</summary>
    public interface IPipelinePolicy<in TCall>
        where TCall : ServiceCall
    {
        Task ProcessAsync(TCall call, Func<Task> next);
    }

    /// <summary>
    /// The request pipeline every service client sends its calls through, built in one order: logging, audit, the
    /// service's auth policy (renewing a session or token once), retry (one budget per call, the service's classifier
    /// deciding), the service's credentials (an access token), pacing, signing, transport.
    /// </summary>
    public sealed class HttpPipeline<TCall>
        where TCall : ServiceCall
    {
        private readonly IPipelinePolicy<TCall>[] _policies;

        private HttpPipeline(IPipelinePolicy<TCall>[] policies)
        {
            _policies = policies;
        }

        /// <param name="auth">Renews the session or token before a call, and once after the classifier calls it expired.</param>
        /// <param name="credentials">Runs on every attempt before pacing (it may itself send a paced call): attaching the token.</param>
        /// <param name="signing">Runs on every attempt after pacing, so its timestamp is the sending time.</param>
        public static HttpPipeline<TCall> Build(HttpClient http, ResponseClassifier classifier, IPipelinePolicy<TCall> auth,
            IPipelinePolicy<TCall>? credentials = null, IPipelinePolicy<TCall>? signing = null)
        {
            var policies = new List<IPipelinePolicy<TCall>> { new LoggingPolicy(), new AuditPolicy(), auth, new RetryPolicy(classifier) };
            if (credentials != null) policies.Add(credentials);
            policies.Add(new RateLimitPolicy());
            if (signing != null) policies.Add(signing);
            policies.Add(new TransportPolicy(http, classifier));
            return new HttpPipeline<TCall>(policies.ToArray());
        }

        /// <summary>Pacing and transport only: for a call another call's retries already cover (WeCom's gettoken).</summary>
        public static HttpPipeline<TCall> Bare(HttpClient http, ResponseClassifier classifier)
            => new HttpPipeline<TCall>(new IPipelinePolicy<TCall>[] { new RateLimitPolicy(), new TransportPolicy(http, classifier) });

        public Task SendAsync(TCall call) => Run(call, 0);

        private Task Run(TCall call, int index)
            => index == _policies.Length ? Task.CompletedTask : _policies[index].ProcessAsync(call, () => Run(call, index + 1));
    }
}
