using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core
{
    /// <summary>What every service client (TOP, WeCom) is told: where, how fast, how patiently, with what clock, audited where.</summary>
    public abstract class ServiceClientOptions
    {
        protected ServiceClientOptions(Uri endpoint, double qps, TimeSpan retryBaseDelay)
        {
            Endpoint = endpoint;
            Qps = qps;
            RetryBaseDelay = retryBaseDelay;
        }

        public Uri Endpoint { get; set; }

        /// <summary>Calls per second for this caller (app key, corp), shared by every client of the process; 0 means no limit.</summary>
        public double Qps { get; set; }

        /// <summary>
        /// Where processes of this machine share the caller's pace (a small file per caller and host); null paces
        /// within this process only.
        /// </summary>
        public string? PaceFolder { get; set; }

        /// <summary>Retries of one call after transient failures; the one budget of the call, whatever failed.</summary>
        public int MaxRetries { get; set; } = 3;

        /// <summary>First back-off delay; it doubles on each retry, with jitter.</summary>
        public TimeSpan RetryBaseDelay { get; set; }

        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Time allowed for one attempt.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The largest answer read; a larger one is an error instead of gigabytes of memory.</summary>
        public long MaxAnswerBytes { get; set; } = 64L * 1024 * 1024;

        /// <summary>How long before the session or access token expires it is renewed.</summary>
        public TimeSpan RefreshAhead { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>The clock for timestamps, token and session expiry; tests and emulators set it.</summary>
        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        /// <summary>How the client waits between attempts; tests replace it to record waits instead of sleeping.</summary>
        public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = Task.Delay;

        /// <summary>A file that gets one JSON line per call (time, caller, API, non-secret parameters, outcome).</summary>
        public string? AuditLogPath { get; set; }

        /// <summary>Who calls, as the audit log names it: ("app_key", key) or ("corp_id", id).</summary>
        internal abstract KeyValuePair<string, string> Caller { get; }

        /// <summary>The key whose calls share one pace (with the endpoint's host).</summary>
        internal abstract string PaceKey { get; }

        /// <summary>The secrets a <see cref="Redactor"/> masks for this connection.</summary>
        public abstract IEnumerable<Secret?> Secrets { get; }
    }
}
