using System;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.WeCom
{
    public sealed class WeComClientOptions
    {
        public static readonly Uri ProductionEndpoint = new Uri("https://qyapi.weixin.qq.com/");

        public WeComClientOptions(string corpId, Secret corpSecret)
        {
            if (string.IsNullOrEmpty(corpId)) throw new ArgumentException("The corp id cannot be empty.", nameof(corpId));
            CorpId = corpId;
            CorpSecret = corpSecret ?? throw new ArgumentNullException(nameof(corpSecret));
        }

        public string CorpId { get; }

        public Secret CorpSecret { get; }

        /// <summary>Scheme and host the <c>/cgi-bin/…</c> paths are appended to.</summary>
        public Uri Endpoint { get; set; } = ProductionEndpoint;

        /// <summary>Calls per second for this corp, shared by every client of the process; 0 = no pacing.</summary>
        public double Qps { get; set; } = 50;

        /// <summary>Retries of one call after transient answers (-1, 6000, 45009, 45033, network errors).</summary>
        public int MaxRetries { get; set; } = 3;

        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How long a 45009 block lasts: WeCom's limits are per minute (60 s) before per hour.</summary>
        public TimeSpan FrequencyWindow { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>A token is renewed this long before WeCom says it expires.</summary>
        public TimeSpan RefreshAhead { get; set; } = TimeSpan.FromMinutes(5);

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        /// <summary>How the client waits between attempts; tests replace it to record waits instead of sleeping.</summary>
        public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = Task.Delay;

        public override string ToString() => "WeCom corp " + CorpId + " @ " + Endpoint;
    }
}
