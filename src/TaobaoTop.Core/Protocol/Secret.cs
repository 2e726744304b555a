using System;
using System.Security;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Protocol
{
    /// <summary>
    /// A secret (app secret, session, access token) that never shows itself: <see cref="ToString"/>, formatting
    /// and serialisers see a mask, only the protocol code reads the value.
    /// </summary>
    public sealed class Secret : IEquatable<Secret>
    {
        private const string Mask = "********";

        private readonly string _value;

        public Secret(string value)
        {
            if (string.IsNullOrEmpty(value)) throw new ArgumentException(CoreText.Get("SecretEmpty"), nameof(value));
            _value = value;
        }

        public int Length => _value.Length;

        internal string Reveal() => _value;

        /// <summary>The value as a SecureString, for callers that store it (a vault, Export-Clixml) without showing it.</summary>
        public SecureString ToSecureString()
        {
            var secure = new SecureString();
            foreach (var c in _value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        public override string ToString() => Mask;

        public bool Equals(Secret? other) => other != null && string.Equals(_value, other._value, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as Secret);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);
    }
}
