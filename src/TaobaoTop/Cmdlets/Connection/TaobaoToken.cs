using System;
using System.Security;
using TaobaoTop.Core.Auth;

namespace TaobaoTop
{
    /// <summary>An OAuth grant as PowerShell shows it: who and until when; the tokens only as SecureStrings.</summary>
    public sealed class TaobaoToken
    {
        internal TaobaoToken(TopToken token)
        {
            UserNick = token.UserNick;
            UserId = token.UserId;
            ExpiresAt = token.ExpiresAt;
            RefreshExpiresAt = token.RefreshExpiresAt;
            AccessToken = token.AccessToken.ToSecureString();
            RefreshToken = token.RefreshToken?.ToSecureString();
        }

        public string? UserNick { get; }

        public string? UserId { get; }

        public DateTimeOffset? ExpiresAt { get; }

        public DateTimeOffset? RefreshExpiresAt { get; }

        /// <summary>The session for Connect-TaobaoTop -Session; store it with a vault or Export-Clixml.</summary>
        public SecureString AccessToken { get; }

        public SecureString? RefreshToken { get; }

        public override string ToString() => "token for " + (UserNick ?? UserId);
    }
}
