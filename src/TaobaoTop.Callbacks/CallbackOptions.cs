using System.Globalization;

namespace TaobaoTop.Callbacks;

/// <summary>The receiver's settings: from the command line, the secrets preferably from the environment.</summary>
public sealed class CallbackOptions
{
    public const string DefaultUrl = "http://127.0.0.1:8731";
    public const string TokenVariable = "TAOBAOTOP_WECOM_CALLBACK_TOKEN";
    public const string AesKeyVariable = "TAOBAOTOP_WECOM_AES_KEY";
    public const string ReadTokenVariable = "TAOBAOTOP_CALLBACKS_READ_TOKEN";

    public const string Usage = """
        Usage: TaobaoTop.Callbacks --corp-id ID [options]
          --urls URL         listen address (default http://127.0.0.1:8731, loopback; WeCom needs a public HTTPS proxy in front)
          --corp-id ID       the receive id WeCom puts in every callback (your corp id)
          --db PATH          SQLite file for the events (default ./wecom-events.db)
          --path PATH        the callback URL path (default /wecom/callback)
        Secrets come from the environment so they stay out of the process list:
          TAOBAOTOP_WECOM_CALLBACK_TOKEN   the callback Token set in WeCom's admin console
          TAOBAOTOP_WECOM_AES_KEY          the EncodingAESKey (43 characters)
          TAOBAOTOP_CALLBACKS_READ_TOKEN   the bearer token GET /events requires
        """;

    public string Urls { get; set; } = DefaultUrl;

    public string CorpId { get; set; } = string.Empty;

    public string DatabasePath { get; set; } = "wecom-events.db";

    public string CallbackPath { get; set; } = "/wecom/callback";

    public string Token { get; set; } = string.Empty;

    public string EncodingAesKey { get; set; } = string.Empty;

    public string ReadToken { get; set; } = string.Empty;

    /// <exception cref="ArgumentException">An unknown option, a missing value or a missing secret; the message says which.</exception>
    public static CallbackOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var options = new CallbackOptions
        {
            Token = environment(TokenVariable) ?? string.Empty,
            EncodingAesKey = environment(AesKeyVariable) ?? string.Empty,
            ReadToken = environment(ReadTokenVariable) ?? string.Empty,
        };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException(name + " needs a value.");
            switch (name)
            {
                case "--urls": options.Urls = Value(); break;
                case "--corp-id": options.CorpId = Value(); break;
                case "--db": options.DatabasePath = Value(); break;
                case "--path": options.CallbackPath = "/" + Value().TrimStart('/'); break;
                default: throw new ArgumentException("Unknown option " + name + ".");
            }
        }
        if (options.CorpId.Length == 0) throw new ArgumentException("--corp-id is required.");
        if (options.Token.Length == 0) throw new ArgumentException(TokenVariable + " is not set.");
        if (options.EncodingAesKey.Length != 43) throw new ArgumentException(AesKeyVariable + " must hold the 43-character EncodingAESKey.");
        if (options.ReadToken.Length < 16) throw new ArgumentException(ReadTokenVariable + " must hold at least 16 characters.");
        return options;
    }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "receive id {0}, callback {1}, store {2}", CorpId, CallbackPath, DatabasePath);
}
