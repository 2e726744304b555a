using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TaobaoTop.Emulator.WeCom
{
    /// <summary>What a delivery run did: events delivered, retries, forged posts the receiver refused (or accepted).</summary>
    public sealed class CallbackDelivery
    {
        public int Delivered { get; internal set; }
        public int Duplicates { get; internal set; }
        public int Retries { get; internal set; }
        public int Undelivered { get; internal set; }
        public int ForgedRefused { get; internal set; }
        public int ForgedAccepted { get; internal set; }
    }

    /// <summary>
    /// Plays WeCom's side of the callback protocol: each event sealed with the corp's EncodingAESKey (AES-256-CBC, 32-byte
    /// PKCS#7, the corp id appended), signed with the callback token, POSTed; no 200 within 5 s and WeCom tries again, up to
    /// 3 retries. <see cref="DuplicateEvery"/> sends some events twice (a retry after a lost answer); <see cref="ForgeEvery"/>
    /// adds posts with a wrong msg_signature, which a receiver must refuse.
    /// </summary>
    public sealed class WeComCallbackSender
    {
        private readonly string _token;
        private readonly byte[] _key;
        private readonly string _corpId;

        public WeComCallbackSender(string token, string encodingAesKey, string corpId)
        {
            _token = token;
            _key = Convert.FromBase64String(encodingAesKey + "=");
            _corpId = corpId;
        }

        public int DuplicateEvery { get; set; }

        public int ForgeEvery { get; set; }

        public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(5);

        public int MaxRetries { get; set; } = 3;

        public Func<TimeSpan, Task> Delay { get; set; } = span => Task.Delay(span);

        public async Task<CallbackDelivery> SendAsync(HttpClient http, Uri url, IEnumerable<EmulatedContactEvent> events, CancellationToken cancellationToken = default)
        {
            var result = new CallbackDelivery();
            var n = 0;
            foreach (var contactEvent in events)
            {
                n++;
                var xml = contactEvent.ToXml(_corpId);
                if (await PostWithRetries(http, url, xml, result, cancellationToken).ConfigureAwait(false)) result.Delivered++;
                else result.Undelivered++;
                if (DuplicateEvery > 0 && n % DuplicateEvery == 0 && await PostWithRetries(http, url, xml, result, cancellationToken).ConfigureAwait(false)) result.Duplicates++;
                if (ForgeEvery > 0 && n % ForgeEvery == 0)
                {
                    var forged = new EmulatedContactEvent(contactEvent.Time, "add_external_contact", contactEvent.UserId, "wmforged" + n.ToString("D6", CultureInfo.InvariantCulture)) { State = contactEvent.State ?? "forged" };
                    using (var response = await Post(http, url, forged.ToXml(_corpId), forgeSignature: true, cancellationToken).ConfigureAwait(false))
                    {
                        if (response.IsSuccessStatusCode) result.ForgedAccepted++;
                        else result.ForgedRefused++;
                    }
                }
            }
            return result;
        }

        /// <summary>The GET WeCom sends when the callback URL is saved: the receiver must answer the echostr's plain text.</summary>
        public Uri VerificationUrl(Uri url, string echo, out string expected)
        {
            expected = echo;
            var (timestamp, nonce) = Stamp();
            var sealedEcho = Seal(echo);
            return new Uri(url + "?msg_signature=" + Sign(timestamp, nonce, sealedEcho) + "&timestamp=" + timestamp + "&nonce=" + nonce + "&echostr=" + Uri.EscapeDataString(sealedEcho));
        }

        private async Task<bool> PostWithRetries(HttpClient http, Uri url, string xml, CallbackDelivery result, CancellationToken cancellationToken)
        {
            for (var attempt = 0; attempt <= MaxRetries; attempt++)
            {
                if (attempt > 0)
                {
                    result.Retries++;
                    await Delay(TimeSpan.FromMilliseconds(200 * attempt)).ConfigureAwait(false);
                }
                try
                {
                    using (var response = await Post(http, url, xml, forgeSignature: false, cancellationToken).ConfigureAwait(false))
                    {
                        if (response.StatusCode == HttpStatusCode.OK) return true;
                    }
                }
                catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // No answer within the timeout, or no connection: WeCom tries again.
                }
            }
            return false;
        }

        private async Task<HttpResponseMessage> Post(HttpClient http, Uri url, string xml, bool forgeSignature, CancellationToken cancellationToken)
        {
            var (timestamp, nonce) = Stamp();
            var encrypted = Seal(xml);
            var signature = forgeSignature ? Sign(timestamp, nonce, encrypted + "x") : Sign(timestamp, nonce, encrypted);
            var envelope = "<xml><ToUserName><![CDATA[" + _corpId + "]]></ToUserName><Encrypt><![CDATA[" + encrypted + "]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>";
            var target = new Uri(url + "?msg_signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + nonce);
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(AnswerTimeout);
                return await http.PostAsync(target, new StringContent(envelope, Encoding.UTF8, "text/xml"), timeout.Token).ConfigureAwait(false);
            }
        }

        private static (string Timestamp, string Nonce) Stamp()
        {
            var bytes = new byte[4];
            using (var rng = RandomNumberGenerator.Create()) rng.GetBytes(bytes);
            return (DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), (BitConverter.ToUInt32(bytes, 0) % 1_000_000_000).ToString(CultureInfo.InvariantCulture));
        }

        private string Sign(string timestamp, string nonce, string encrypted)
        {
            var parts = new[] { _token, timestamp, nonce, encrypted }.OrderBy(p => p, StringComparer.Ordinal);
            using (var sha1 = SHA1.Create())
            {
                return string.Concat(sha1.ComputeHash(Encoding.UTF8.GetBytes(string.Concat(parts))).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
            }
        }

        private string Seal(string message)
        {
            var random = new byte[16];
            using (var rng = RandomNumberGenerator.Create()) rng.GetBytes(random);
            var body = Encoding.UTF8.GetBytes(message);
            var length = new[] { (byte)(body.Length >> 24), (byte)(body.Length >> 16), (byte)(body.Length >> 8), (byte)body.Length };
            var plain = random.Concat(length).Concat(body).Concat(Encoding.UTF8.GetBytes(_corpId)).ToList();
            var pad = 32 - plain.Count % 32;
            plain.AddRange(Enumerable.Repeat((byte)pad, pad));
            using (var aes = Aes.Create())
            {
                aes.Mode = CipherMode.CBC;
                aes.Padding = PaddingMode.None;
                aes.Key = _key;
                aes.IV = _key.Take(16).ToArray();
                using (var encryptor = aes.CreateEncryptor())
                {
                    var data = plain.ToArray();
                    return Convert.ToBase64String(encryptor.TransformFinalBlock(data, 0, data.Length));
                }
            }
        }
    }
}
