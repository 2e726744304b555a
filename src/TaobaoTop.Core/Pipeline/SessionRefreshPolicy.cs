using System;
using System.Threading.Tasks;
using TaobaoTop.Core.Errors;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>
    /// TOP's auth policy: with a refresh token, renews the session shortly before it expires, and once after the
    /// classifier calls it expired (code 27) before trying the call again.
    /// </summary>
    public sealed class SessionRefreshPolicy : IPipelinePolicy<TopCall>
    {
        private readonly Func<TopCall, Task> _refresh;

        /// <param name="refresh">Renews the session; concurrent callers share one renewal.</param>
        public SessionRefreshPolicy(Func<TopCall, Task> refresh)
        {
            _refresh = refresh;
        }

        public async Task ProcessAsync(TopCall call, Func<Task> next)
        {
            var options = call.Options;
            var renewable = options.RefreshToken != null && !call.Request.WithoutSession && call.Request.Session is null;
            if (renewable && options.SessionExpiresAt is DateTimeOffset expiresAt && options.Clock() >= expiresAt - options.RefreshAhead)
            {
                await _refresh(call).ConfigureAwait(false);
            }

            try
            {
                await next().ConfigureAwait(false);
            }
            catch (ServiceException ex) when (ex.Kind == ServiceErrorKind.SessionExpired && renewable)
            {
                await _refresh(call).ConfigureAwait(false);
                await next().ConfigureAwait(false);
            }
        }
    }
}
