using System;
using System.Collections.Generic;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core
{
    /// <summary>Everything a <see cref="TopClient"/> needs: who calls, where, and how patiently.</summary>
    public sealed class TopClientOptions : ServiceClientOptions
    {
        public TopClientOptions(string appKey, Secret appSecret)
            : base(TopEndpoints.Production, qps: 40, retryBaseDelay: TimeSpan.FromMilliseconds(500))
        {
            // Set by default, so a scheduled sync and a console session together keep to the app key's quota.
            PaceFolder = Pipeline.SharedPace.DefaultFolder;
            AppKey = string.IsNullOrWhiteSpace(appKey) ? throw new ArgumentException(CoreText.Get("AppKeyRequired"), nameof(appKey)) : appKey.Trim();
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

        public TopSignMethod SignMethod { get; set; } = TopSignMethod.HmacSha256;

        /// <summary>The longest code 7 ban that is waited out; a longer one (a spent daily quota) fails at once.</summary>
        public TimeSpan MaxBanWait { get; set; } = TimeSpan.FromSeconds(60);

        public string? TargetAppKey { get; set; }

        public string PartnerId { get; set; } = "taobaotop-powershell";

        /// <summary>Asks for <c>simplify=true</c> answers (no list wrapper objects).</summary>
        public bool Simplify { get; set; }

        public override IEnumerable<Secret?> Secrets => new[] { AppSecret, Session, RefreshToken };

        internal override KeyValuePair<string, string> Caller => new KeyValuePair<string, string>("app_key", AppKey);

        internal override string PaceKey => AppKey;

        public override string ToString() => $"{AppKey} @ {Endpoint}";
    }
}
