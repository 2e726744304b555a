using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.WeCom
{
    /// <summary>A callback that fails WeCom's protocol: bad signature, undecryptable body, or another corp's receive id.</summary>
    public sealed class WeComCallbackException : Exception
    {
        public WeComCallbackException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// The receiving side of WeCom's callback protocol (企业微信 回调加解密): <c>msg_signature</c> is the SHA1 hex of the
    /// sorted, concatenated token, timestamp, nonce and ciphertext; the ciphertext is AES-256-CBC with the key
    /// Base64-decoded from the 43-character EncodingAESKey, the IV its first 16 bytes, PKCS#7 padding to 32 bytes; the
    /// plain text is 16 random bytes, a big-endian length, the message and the receive id (the corp id).
    /// </summary>
    public sealed class WeComCallbackCrypto
    {
        private readonly string _token;
        private readonly byte[] _key;
        private readonly string _receiveId;

        public WeComCallbackCrypto(string token, string encodingAesKey, string receiveId)
        {
            if (string.IsNullOrEmpty(token)) throw new ArgumentException(CoreText.Get("CallbackTokenEmpty"), nameof(token));
            if (encodingAesKey == null || encodingAesKey.Length != 43) throw new ArgumentException(CoreText.Get("AesKeyLength"), nameof(encodingAesKey));
            _token = token;
            try
            {
                _key = Convert.FromBase64String(encodingAesKey + "=");
            }
            catch (FormatException)
            {
                throw new ArgumentException(CoreText.Get("AesKeyNotBase64"), nameof(encodingAesKey));
            }
            _receiveId = receiveId ?? throw new ArgumentNullException(nameof(receiveId));
        }

        public static string Signature(string token, string timestamp, string nonce, string encrypted)
        {
            var parts = new[] { token, timestamp, nonce, encrypted };
            Array.Sort(parts, StringComparer.Ordinal);
            using (var sha1 = SHA1.Create())
            {
                var hash = sha1.ComputeHash(Encoding.UTF8.GetBytes(string.Concat(parts)));
                return string.Concat(hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        /// <summary>URL verification: checks the signature over echostr and answers its plain text.</summary>
        public string VerifyUrl(string msgSignature, string timestamp, string nonce, string echoStr) => Open(msgSignature, timestamp, nonce, echoStr);

        /// <summary>Checks the signature over <paramref name="encrypted"/> (the Encrypt element) and answers the plain XML.</summary>
        public string Open(string msgSignature, string timestamp, string nonce, string encrypted)
        {
            if (string.IsNullOrEmpty(encrypted)) throw new WeComCallbackException(CoreText.Get("CallbackNoCiphertext"));
            var expected = Signature(_token, timestamp ?? string.Empty, nonce ?? string.Empty, encrypted);
            if (!FixedTimeEquals(expected, (msgSignature ?? string.Empty).ToLowerInvariant())) throw new WeComCallbackException(CoreText.Get("CallbackSignatureMismatch"));
            return Decrypt(encrypted);
        }

        private string Decrypt(string encrypted)
        {
            byte[] cipher;
            try
            {
                cipher = Convert.FromBase64String(encrypted);
            }
            catch (FormatException)
            {
                throw new WeComCallbackException(CoreText.Get("CiphertextNotBase64"));
            }
            if (cipher.Length == 0 || cipher.Length % 16 != 0) throw new WeComCallbackException(CoreText.Get("CiphertextNotBlocks"));
            byte[] plain;
            using (var aes = Aes.Create())
            {
                aes.Mode = CipherMode.CBC;
                // WeCom pads to 32 bytes, which .NET's PKCS7 (16-byte blocks) rejects; the padding is removed below.
                aes.Padding = PaddingMode.None;
                aes.Key = _key;
                aes.IV = _key.Take(16).ToArray();
                using (var decryptor = aes.CreateDecryptor())
                {
                    plain = decryptor.TransformFinalBlock(cipher, 0, cipher.Length);
                }
            }
            var pad = plain[plain.Length - 1];
            if (pad < 1 || pad > 32 || pad > plain.Length) throw new WeComCallbackException(CoreText.Get("PaddingNotPkcs7"));
            var length = plain.Length - pad;
            if (length < 20) throw new WeComCallbackException(CoreText.Get("PlainTextTooShort"));
            var messageLength = (plain[16] << 24) | (plain[17] << 16) | (plain[18] << 8) | plain[19];
            if (messageLength < 0 || 20 + messageLength > length) throw new WeComCallbackException(CoreText.Get("MessageLengthWrong"));
            var receiveId = Encoding.UTF8.GetString(plain, 20 + messageLength, length - 20 - messageLength);
            if (!string.Equals(receiveId, _receiveId, StringComparison.Ordinal)) throw new WeComCallbackException(CoreText.Get("CallbackOtherReceiveId"));
            return Encoding.UTF8.GetString(plain, 20, messageLength);
        }

        private static bool FixedTimeEquals(string a, string b)
        {
            if (a.Length != b.Length) return false;
            var diff = 0;
            for (var i = 0; i < a.Length; i++) diff |= a[i] ^ b[i];
            return diff == 0;
        }
    }
}
