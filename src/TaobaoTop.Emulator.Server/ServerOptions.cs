using System.Globalization;
using TaobaoTop.Emulator;

namespace TaobaoTop.Emulator.Server;

/// <summary>The command line of the emulator server, parsed into emulator options and a listen address.</summary>
public sealed class ServerOptions
{
    public const string DefaultUrl = "http://127.0.0.1:8730";

    public const string Usage = """
        Usage: TaobaoTop.Emulator.Server [options]
          --urls URL               listen address (default http://127.0.0.1:8730, loopback)
          --app KEY:SECRET[:SESSION]  accept another app (repeatable); the demo apps stay
          --loose                  skip signature and timestamp checks
          --seed N                 seed of the demo data and fault dice (default 42)
          --qps N                  calls per second per app key before code 7 (0 = off)
          --daily-quota N          calls per day per app key before code 7 (0 = off)
          --latency-ms N           delay added to every answer
          --fault-isp RATE         share of calls answered with an isp.* error (0..1)
          --fault-502 RATE         share of calls answered with HTTP 502
          --fault-503 RATE         share of calls answered with HTTP 503
          --fault-drop RATE        share of connections dropped before answering
          --fault-lost-answer RATE share of writes that happen but whose answer is lost
          --state-file PATH        load state from PATH at start and save it after writes
          --orders-per-day N       affiliate orders per day in the synthetic month (default 200)
        """;

    public EmulatorOptions Emulator { get; } = new();

    public string Urls { get; private set; } = DefaultUrl;

    /// <exception cref="ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static ServerOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ServerOptions();
        var emulator = options.Emulator;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException(name + " needs a value.");
            switch (name)
            {
                case "--urls": options.Urls = Value(); break;
                case "--app": emulator.Apps.Add(ParseApp(Value())); break;
                case "--loose": emulator.Strict = false; break;
                case "--seed": emulator.Seed = (int)Number(name, Value(), int.MinValue, int.MaxValue); break;
                case "--qps": emulator.QpsLimit = Number(name, Value(), 0, double.MaxValue); break;
                case "--daily-quota": emulator.DailyQuota = (long)Number(name, Value(), 0, long.MaxValue); break;
                case "--latency-ms": emulator.Latency = TimeSpan.FromMilliseconds(Number(name, Value(), 0, int.MaxValue)); break;
                case "--fault-isp": emulator.IspErrorRate = Rate(name, Value()); break;
                case "--fault-502": emulator.Http502Rate = Rate(name, Value()); break;
                case "--fault-503": emulator.Http503Rate = Rate(name, Value()); break;
                case "--fault-drop": emulator.DropConnectionRate = Rate(name, Value()); break;
                case "--fault-lost-answer": emulator.LostAnswerRate = Rate(name, Value()); break;
                case "--state-file": emulator.StatePath = Value(); break;
                case "--orders-per-day": emulator.OrdersPerDay = Number(name, Value(), 0, Affiliate.AffiliateModule.MaxOrdersPerDay); break;
                default: throw new ArgumentException("Unknown option " + name + ".");
            }
        }
        return options;
    }

    private static EmulatorApp ParseApp(string text)
    {
        var parts = text.Split(':');
        if (parts.Length < 2 || parts.Length > 3 || parts.Any(p => p.Length == 0))
            throw new ArgumentException("--app takes KEY:SECRET or KEY:SECRET:SESSION.");
        return new EmulatorApp(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
    }

    private static double Number(string name, string text, double min, double max)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new ArgumentException(name + " takes a number from " + min.ToString(CultureInfo.InvariantCulture) + ", got '" + text + "'.");
        return value;
    }

    private static double Rate(string name, string text) => Number(name, text, 0, 1);
}
