using System;
using System.Threading.Tasks;
using TaobaoTop.Core.Errors;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>
    /// With a refresh token, renews the session shortly before it expires, and once after an invalid-session answer
    /// (code 27) before trying the call again.
    /// </summary>
    public sealed class SessionRefreshPolicy : TopPipelinePolicy
    {
        private readonly Func<TopMessage, Task> _refresh;

        /// <param name="refresh">Renews the session; concurrent callers share one renewal.</param>
        public SessionRefreshPolicy(Func<TopMessage, Task> refresh)
        {
            _refresh = refresh;
        }

        public override async Task ProcessAsync(TopMessage message, Func<Task> next)
        {
            var options = message.Options;
            var renewable = options.RefreshToken != null && !message.Request.WithoutSession && message.Request.Session is null;
            if (renewable && options.SessionExpiresAt is DateTimeOffset expiresAt && options.Clock() >= expiresAt - options.RefreshAhead)
            {
                await _refresh(message).ConfigureAwait(false);
            }

            try
            {
                await next().ConfigureAwait(false);
            }
            catch (TopApiException ex) when (ex.Code == 27 && renewable)
            {
                await _refresh(message).ConfigureAwait(false);
                await next().ConfigureAwait(false);
            }
        }
    }
}
