using System;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core
{
    /// <summary>Everything a <see cref="TopClient"/> needs: who calls, where, and how patiently.</summary>
    public sealed class TopClientOptions
    {
        public TopClientOptions(string appKey, Secret appSecret)
        {
            AppKey = string.IsNullOrWhiteSpace(appKey) ? throw new ArgumentException("An app key is required.", nameof(appKey)) : appKey.Trim();
            AppSecret = appSecret ?? throw new ArgumentNullException(nameof(appSecret));
        }

        public string AppKey { get; }

        public Secret AppSecret { get; }

        /// <summary>The user's access token, sent as <c>session</c>.</summary>
        public Secret? Session { get; set; }

        /// <summary>Lets the client renew <see cref="Session"/> before it expires and after an invalid-session answer.</summary>
        public Secret? RefreshToken { get; set; }

        /// <summary>When <see cref="Session"/> expires, if known.</summary>
        public DateTimeOffset? SessionExpiresAt { get; set; }

        /// <summary>How long before expiry the session is renewed.</summary>
        public TimeSpan RefreshAhead { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>A file that gets one JSON line per call (time, API, non-secret parameters, outcome, request id).</summary>
        public string? AuditLogPath { get; set; }

        public Uri Endpoint { get; set; } = TopEndpoints.Production;

        public TopSignMethod SignMethod { get; set; } = TopSignMethod.HmacSha256;

        /// <summary>Calls per second for this app key, shared by every client of the process; 0 means no limit.</summary>
        public double Qps { get; set; } = 40;

        /// <summary>
        /// Where processes of this machine share the app key's pace (a small file per app key and gateway); null paces
        /// within this process only. Set by default, so a scheduled sync and a console session together keep to the quota.
        /// </summary>
        public string? PaceFolder { get; set; } = Pipeline.SharedPace.DefaultFolder;

        /// <summary>Retries after a transient failure (network, HTTP 5xx, <c>isp.*</c>, a short code 7 ban).</summary>
        public int MaxRetries { get; set; } = 3;

        /// <summary>The largest answer read; a larger one is an error instead of gigabytes of memory.</summary>
        public long MaxAnswerBytes { get; set; } = 64L * 1024 * 1024;

        /// <summary>Time allowed for one attempt.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The longest code 7 ban that is waited out; a longer one (a spent daily quota) fails at once.</summary>
        public TimeSpan MaxBanWait { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>First back-off delay; it doubles on each retry, with jitter.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

        public string? TargetAppKey { get; set; }

        public string PartnerId { get; set; } = "taobaotop-powershell";

        /// <summary>Asks for <c>simplify=true</c> answers (no list wrapper objects).</summary>
        public bool Simplify { get; set; }

        /// <summary>The clock used for <c>timestamp</c>; tests and emulators set it.</summary>
        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        /// <summary>The secrets a <see cref="Protocol.Redactor"/> masks for this connection.</summary>
        public System.Collections.Generic.IEnumerable<Secret?> Secrets => new[] { AppSecret, Session, RefreshToken };

        public override string ToString() => $"{AppKey} @ {Endpoint}";
    }
}
