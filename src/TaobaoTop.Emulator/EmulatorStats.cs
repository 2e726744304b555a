using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;

namespace TaobaoTop.Emulator
{
    /// <summary>The kinds of fault the emulator injects on purpose.</summary>
    public static class FaultKinds
    {
        public const string Isp = "isp";
        public const string Http502 = "http502";
        public const string Http503 = "http503";
        public const string DropConnection = "drop-connection";
        public const string LostAnswer = "lost-answer";
    }

    /// <summary>A snapshot of what the emulator has answered since the start or the last reset.</summary>
    public sealed class EmulatorStats
    {
        internal EmulatorStats(
            long requests,
            long successes,
            IReadOnlyDictionary<string, long> callsByMethod,
            IReadOnlyDictionary<int, long> errorsByCode,
            IReadOnlyDictionary<string, long> faultsInjected)
        {
            Requests = requests;
            Successes = successes;
            CallsByMethod = callsByMethod;
            ErrorsByCode = errorsByCode;
            FaultsInjected = faultsInjected;
        }

        /// <summary>Every request that reached the gateway, faulted or not.</summary>
        public long Requests { get; }

        public long Successes { get; }

        /// <summary>Requests per <c>method</c> parameter as sent.</summary>
        public IReadOnlyDictionary<string, long> CallsByMethod { get; }

        /// <summary><c>error_response</c> answers per code; code 7 is "App Call Limited".</summary>
        public IReadOnlyDictionary<int, long> ErrorsByCode { get; }

        /// <summary>Injected faults per <see cref="FaultKinds"/> value.</summary>
        public IReadOnlyDictionary<string, long> FaultsInjected { get; }

        public long CallLimitedAnswers => ErrorsWithCode(7);

        public long ErrorsWithCode(int code) => ErrorsByCode.TryGetValue(code, out var count) ? count : 0;

        public long CallsTo(string method) => CallsByMethod.TryGetValue(method, out var count) ? count : 0;

        public long Faults(string kind) => FaultsInjected.TryGetValue(kind, out var count) ? count : 0;

        public JsonObject ToJson()
        {
            var calls = new JsonObject();
            foreach (var pair in CallsByMethod.OrderBy(p => p.Key, System.StringComparer.Ordinal)) calls[pair.Key] = pair.Value;
            var errors = new JsonObject();
            foreach (var pair in ErrorsByCode.OrderBy(p => p.Key)) errors[pair.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = pair.Value;
            var faults = new JsonObject();
            foreach (var pair in FaultsInjected.OrderBy(p => p.Key, System.StringComparer.Ordinal)) faults[pair.Key] = pair.Value;
            return new JsonObject
            {
                ["requests"] = Requests,
                ["successes"] = Successes,
                ["calls_by_method"] = calls,
                ["errors_by_code"] = errors,
                ["faults_injected"] = faults,
            };
        }
    }

    /// <summary>Thread-safe counters behind <see cref="EmulatorStats"/>.</summary>
    internal sealed class StatsCounters
    {
        private long _requests;
        private long _successes;
        private readonly ConcurrentDictionary<string, long> _callsByMethod = new ConcurrentDictionary<string, long>();
        private readonly ConcurrentDictionary<int, long> _errorsByCode = new ConcurrentDictionary<int, long>();
        private readonly ConcurrentDictionary<string, long> _faults = new ConcurrentDictionary<string, long>();

        public void Request() => Interlocked.Increment(ref _requests);

        public void Success() => Interlocked.Increment(ref _successes);

        public void Call(string method) => _callsByMethod.AddOrUpdate(method, 1, (_, n) => n + 1);

        public void Error(int code) => _errorsByCode.AddOrUpdate(code, 1, (_, n) => n + 1);

        public void Fault(string kind) => _faults.AddOrUpdate(kind, 1, (_, n) => n + 1);

        public void Clear()
        {
            Interlocked.Exchange(ref _requests, 0);
            Interlocked.Exchange(ref _successes, 0);
            _callsByMethod.Clear();
            _errorsByCode.Clear();
            _faults.Clear();
        }

        public EmulatorStats Snapshot() => new EmulatorStats(
            Interlocked.Read(ref _requests),
            Interlocked.Read(ref _successes),
            new Dictionary<string, long>(_callsByMethod),
            new Dictionary<int, long>(_errorsByCode),
            new Dictionary<string, long>(_faults));
    }
}
