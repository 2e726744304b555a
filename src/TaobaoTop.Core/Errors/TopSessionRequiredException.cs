namespace TaobaoTop.Core.Errors
{
    /// <summary>The API needs a user's session and the connection has none; nothing was sent.</summary>
    public sealed class TopSessionRequiredException : TopException
    {
        public TopSessionRequiredException(string api)
            : base(api, api + " needs a user's session (access token) and the connection has none; nothing was sent. Connect with -Session <token>, or pass one for this call.",
                   new ErrorVerdict(ServiceErrorKind.SessionRequired))
        {
        }
    }
}
