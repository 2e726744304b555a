using System;
using System.Threading.Tasks;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.WeCom
{
    /// <summary>Attaches the cached access token to each attempt, fetching it first when there is none or it is due.</summary>
    internal sealed class WeComTokenPolicy : IPipelinePolicy<WeComCall>
    {
        private readonly Func<WeComCall, Task<Secret>> _token;

        public WeComTokenPolicy(Func<WeComCall, Task<Secret>> token)
        {
            _token = token;
        }

        public async Task ProcessAsync(WeComCall call, Func<Task> next)
        {
            if (call.NeedsToken) call.Token = await _token(call).ConfigureAwait(false);
            await next().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// WeCom's auth policy: when WeCom calls the token invalid or expired, drops it and sends the call once more with a
    /// new one. Once only: a second token error means something else is wrong, and looping would hammer gettoken.
    /// </summary>
    internal sealed class WeComTokenRenewalPolicy : IPipelinePolicy<WeComCall>
    {
        private readonly Action<Secret> _drop;

        /// <param name="drop">Forgets the refused token, unless a concurrent call already replaced it.</param>
        public WeComTokenRenewalPolicy(Action<Secret> drop)
        {
            _drop = drop;
        }

        public async Task ProcessAsync(WeComCall call, Func<Task> next)
        {
            try
            {
                await next().ConfigureAwait(false);
            }
            catch (ServiceException ex) when (ex.Kind == ServiceErrorKind.SessionExpired && call.Token is Secret refused)
            {
                _drop(refused);
                call.Report(CallEventKind.Retrying, delay: TimeSpan.Zero, reason: CoreText.Format("TokenRefusedFetchingNew", ex.Message));
                call.Attempt++;
                await next().ConfigureAwait(false);
            }
        }
    }
}
