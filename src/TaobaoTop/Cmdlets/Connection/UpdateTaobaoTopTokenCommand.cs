using System;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Binds;
using TaobaoTop.Connection;

namespace TaobaoTop.Cmdlets.Connection
{
    /// <summary>Renews the connection's session with its refresh token (or the one given) now.</summary>
    [Cmdlet(VerbsData.Update, "TaobaoTopToken", SupportsShouldProcess = true)]
    [OutputType(typeof(TaobaoToken))]
    public sealed class UpdateTaobaoTopTokenCommand : TaobaoCmdlet
    {
        /// <summary>A refresh token to use instead of the connection's.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNull]
        public SecretBind RefreshToken { get; set; } = null!;

        protected override void OnEnd()
        {
            var connection = RequireConnection();
            if (RefreshToken != null) connection.Client.Options.RefreshToken = RefreshToken.Secret;
            if (connection.Client.Options.RefreshToken is null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSInvalidOperationException(Resources.Messages.Get("NoRefreshToken")),
                    "NoRefreshToken", ErrorCategory.InvalidArgument, connection));
            }
            if (!ShouldProcess(connection.ToString(), Resources.Messages.Get("RenewSessionAction"))) return;
            var token = Attempt("taobao.top.auth.token.refresh", () => RunCall((observer, cancel) => connection.Client.RefreshSessionAsync(observer, cancel)));
            if (token != null) WriteObject(new TaobaoToken(token));
        }
    }
}
