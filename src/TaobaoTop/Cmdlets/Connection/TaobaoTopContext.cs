using System;
using TaobaoTop.Connection;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Connection
{
    /// <summary>What Get-TaobaoTopContext shows: where the connection goes and what it has done. Never a secret.</summary>
    public sealed class TaobaoTopContext
    {
        internal TaobaoTopContext(TaobaoConnection connection)
        {
            var options = connection.Client.Options;
            var statistics = connection.Client.Statistics;
            connection.Share();
            Connection = connection;
            AppKey = options.AppKey;
            Endpoint = connection.IsEmulator ? "emulator (in-process)" : options.Endpoint.ToString();
            SignMethod = options.SignMethod.ToString();
            HasSession = options.Session != null;
            IsEmulator = connection.IsEmulator;
            Qps = options.Qps;
            MaxRetries = options.MaxRetries;
            TimeoutSec = options.Timeout.TotalSeconds;
            Calls = statistics.Calls;
            Retries = statistics.Retries;
            Failures = statistics.Failures;
            QuotaErrors = statistics.QuotaErrors;
            LastRequestId = statistics.LastRequestId;
            LastCallAt = statistics.LastCallAt;
            ConnectedAt = connection.ConnectedAt;
            Now = TopTime.ToTopZone(options.Clock());
        }

        public string AppKey { get; }

        public string Endpoint { get; }

        public string SignMethod { get; }

        public bool HasSession { get; }

        public bool IsEmulator { get; }

        public double Qps { get; }

        public int MaxRetries { get; }

        public double TimeoutSec { get; }

        public long Calls { get; }

        public long Retries { get; }

        public long Failures { get; }

        public long QuotaErrors { get; }

        public string? LastRequestId { get; }

        public DateTimeOffset? LastCallAt { get; }

        public DateTimeOffset ConnectedAt { get; }

        /// <summary>The gateway's current time in TOP's zone (+08:00): the emulator's clock under -EmulatorTime. Compute windows from it, not from Get-Date.</summary>
        public DateTimeOffset Now { get; }

        /// <summary>The connection itself, to pass to -Connection.</summary>
        public TaobaoConnection Connection { get; }

        public override string ToString() => AppKey + " @ " + Endpoint;
    }
}
