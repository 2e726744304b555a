using System;
using System.Net;
using System.Security;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Binds
{
    /// <summary>
    /// A parameter type that takes a secret as a SecureString or as plain text (scripts read secrets from vaults and
    /// environment variables, and the engine package has no ConvertTo-SecureString). Shows itself masked.
    /// </summary>
    public sealed class SecretBind
    {
        public SecretBind(string value)
        {
            Secret = new Secret(value);
        }

        public SecretBind(SecureString value)
        {
            Secret = new Secret(new NetworkCredential(string.Empty, value).Password);
        }

        internal Secret Secret { get; }

        public override string ToString() => Secret.ToString();
    }
}
