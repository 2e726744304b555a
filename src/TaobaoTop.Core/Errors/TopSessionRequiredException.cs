using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Errors
{
    /// <summary>The API needs a user's session and the connection has none; nothing was sent.</summary>
    public sealed class TopSessionRequiredException : TopException
    {
        public TopSessionRequiredException(string api)
            : base(api, CoreText.Format("SessionRequired", api),
                   new ErrorVerdict(ServiceErrorKind.SessionRequired))
        {
        }
    }
}
