namespace TaobaoTop.Core.Errors
{
    /// <summary>
    /// The gateway answered HTTP 200 with something that is not a TOP answer (an HTML page, nothing, a cut-off body) or
    /// one that cannot be read. The request reached the gateway, so a write may have been carried out.
    /// </summary>
    public sealed class TopResponseException : TopException
    {
        public TopResponseException(string api, string message, string? bodyExcerpt)
            : base(api, message, new ErrorVerdict(ServiceErrorKind.MayHaveBeenApplied, mayHaveBeenApplied: true))
        {
            BodyExcerpt = bodyExcerpt;
        }
    }
}
