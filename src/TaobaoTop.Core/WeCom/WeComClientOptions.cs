using System;
using System.Collections.Generic;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.WeCom
{
    public sealed class WeComClientOptions : ServiceClientOptions
    {
        public static readonly Uri ProductionEndpoint = new Uri("https://qyapi.weixin.qq.com/");

        public WeComClientOptions(string corpId, Secret corpSecret)
            : base(ProductionEndpoint, qps: 50, retryBaseDelay: TimeSpan.FromSeconds(1))
        {
            if (string.IsNullOrEmpty(corpId)) throw new ArgumentException(CoreText.Get("CorpIdEmpty"), nameof(corpId));
            CorpId = corpId;
            CorpSecret = corpSecret ?? throw new ArgumentNullException(nameof(corpSecret));
        }

        public string CorpId { get; }

        public Secret CorpSecret { get; }

        /// <summary>How long a 45009 block lasts: WeCom's limits are per minute (60 s) before per hour.</summary>
        public TimeSpan FrequencyWindow { get; set; } = TimeSpan.FromSeconds(60);

        public override IEnumerable<Secret?> Secrets => new[] { CorpSecret };

        internal override KeyValuePair<string, string> Caller => new KeyValuePair<string, string>("corp_id", CorpId);

        internal override string PaceKey => "wecom:" + CorpId;

        public override string ToString() => "WeCom corp " + CorpId + " @ " + Endpoint;
    }
}
