using System;
using System.Collections;
using System.IO;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Binds;
using TaobaoTop.Connection;
using TaobaoTop.Conversion;
using TaobaoTop.Core;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;

namespace TaobaoTop.Cmdlets.Connection
{
    /// <summary>
    /// Connects the session to a TOP gateway (production, sandbox, any endpoint) or to the in-process emulator.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "TaobaoTop", DefaultParameterSetName = FromEnvironmentSet)]
    [OutputType(typeof(TaobaoConnection))]
    public sealed class ConnectTaobaoTopCommand : PSCmdlet
    {
        private const string AppKeySet = "AppKey";
        private const string CredentialSet = "Credential";
        private const string EmulatorSet = "Emulator";
        private const string FromEnvironmentSet = "FromEnvironmentVariables";

        public const string AppKeyVariable = "TAOBAOTOP_APPKEY";
        public const string AppSecretVariable = "TAOBAOTOP_APPSECRET";
        public const string SessionVariable = "TAOBAOTOP_SESSION";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = AppKeySet)]
        [ValidateNotNullOrEmpty]
        public string AppKey { get; set; } = null!;

        /// <summary>A SecureString, or plain text read from a vault or an environment variable.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = AppKeySet)]
        [ValidateNotNull]
        public SecretBind AppSecret { get; set; } = null!;

        /// <summary>User name = app key, password = app secret.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = EmulatorSet)]
        public SwitchParameter Emulator { get; set; }

        /// <summary>The emulator's seed: the same seed gives the same catalog, orders and faults.</summary>
        [Parameter(ParameterSetName = EmulatorSet)]
        public int? Seed { get; set; }

        /// <summary>Skip the emulator's signature and timestamp checks (every answer says so in a header).</summary>
        [Parameter(ParameterSetName = EmulatorSet)]
        public SwitchParameter Loose { get; set; }

        /// <summary>The emulator's clock starts at this TOP time and runs on: try 双11 or an order history any day.</summary>
        [Parameter(ParameterSetName = EmulatorSet)]
        public DateTime? EmulatorTime { get; set; }

        /// <summary>Any other emulator setting by name, e.g. @{ QpsLimit = 10; Http502Rate = 0.1; Latency = '00:00:00.050' }.</summary>
        [Parameter(ParameterSetName = EmulatorSet)]
        [ValidateNotNull]
        public Hashtable EmulatorOption { get; set; } = null!;

        /// <summary>The user's access token (授权 session), for APIs that act for a seller or promoter.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecretBind Session { get; set; } = null!;

        /// <summary>Lets the connection renew its session before it expires and after an invalid-session answer.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecretBind RefreshToken { get; set; } = null!;

        /// <summary>When the session expires (from the token); the connection renews it shortly before.</summary>
        [Parameter]
        public DateTimeOffset? SessionExpiresAt { get; set; }

        /// <summary>A file that gets one JSON line per call: time, API, non-secret parameters, outcome, request id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string AuditLogPath { get; set; } = null!;

        [Parameter(ParameterSetName = AppKeySet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = FromEnvironmentSet)]
        public TopEnvironment Environment { get; set; } = TopEnvironment.Production;

        /// <summary>Any other gateway, e.g. http://127.0.0.1:8730/router/rest for the emulator server.</summary>
        [Parameter(ParameterSetName = AppKeySet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = FromEnvironmentSet)]
        [ValidateNotNull]
        public Uri Endpoint { get; set; } = null!;

        [Parameter]
        [ValidateSet("md5", "hmac", "hmac-sha256", IgnoreCase = true)]
        public string SignMethod { get; set; } = "hmac-sha256";

        /// <summary>Calls per second for this app key, shared by every connection of the process; 40 by default, no pacing for the emulator unless given.</summary>
        [Parameter]
        [ValidateRange(0, 10000)]
        public double Qps { get; set; } = 40;

        [Parameter]
        [ValidateRange(0, 20)]
        public int MaxRetries { get; set; } = 3;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        [Parameter]
        public SwitchParameter LocalPaceOnly { get; set; }

        [Parameter]
        [ValidateRange(1, 2048)]
        public int MaxAnswerMB { get; set; } = 64;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            TopEmulator? emulator = null;
            TopClientOptions options;
            switch (ParameterSetName)
            {
                case AppKeySet:
                    options = new TopClientOptions(AppKey, AppSecret.Secret);
                    break;
                case CredentialSet:
                    options = new TopClientOptions(Credential.UserName, new SecretBind(Credential.Password).Secret);
                    break;
                case EmulatorSet:
                    emulator = new TopEmulator(EmulatorSettings());
                    options = new TopClientOptions(EmulatorDefaults.DemoAppKey, new Secret(EmulatorDefaults.DemoAppSecret))
                    {
                        Session = new Secret(EmulatorDefaults.DemoSession),
                        Endpoint = new Uri("http://emulator.taobaotop.invalid" + EmulatorDefaults.GatewayPath),
                        // The emulator's clock is TOP's clock for this connection.
                        Clock = emulator.Options.Clock,
                    };
                    break;
                default:
                    options = FromEnvironmentVariables();
                    break;
            }

            if (emulator is null)
            {
                options.Endpoint = Endpoint ?? TopEndpoints.For(Environment);
            }
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Session))) options.Session = Session.Secret;
            if (RefreshToken != null) options.RefreshToken = RefreshToken.Secret;
            if (SessionExpiresAt.HasValue) options.SessionExpiresAt = SessionExpiresAt;
            if (AuditLogPath != null) options.AuditLogPath = CheckedAuditLogPath(GetUnresolvedProviderPathFromPSPath(AuditLogPath));
            TopSignMethodNames.TryParse(SignMethod, out var signMethod);
            options.SignMethod = signMethod;
            // The emulator has no quota unless one is set, so its connections pace only when asked to.
            options.Qps = emulator != null && !MyInvocation.BoundParameters.ContainsKey(nameof(Qps)) ? 0 : Qps;
            if (LocalPaceOnly) options.PaceFolder = null;
            options.MaxAnswerBytes = MaxAnswerMB * 1024L * 1024;
            options.MaxRetries = MaxRetries;
            options.Timeout = TimeSpan.FromSeconds(TimeoutSec);

            if (options.Qps > 0 && RateLimitPolicy.Pace(options.AppKey, options.Endpoint.Authority) is double pace && pace != options.Qps)
            {
                WriteWarning(Resources.Messages.Format("SharedPace", options.AppKey, pace, Math.Min(pace, options.Qps)));
            }
            var connection = new TaobaoConnection(new TopClient(options, emulator?.CreateHandler()), emulator);
            ConnectionStore<TaobaoConnection>.Current?.Release();
            ConnectionStore<TaobaoConnection>.Current = connection;
            WriteVerbose(Resources.Messages.Format(options.Session is null ? "ConnectedNoSession" : "ConnectedWithSession", connection, signMethod.ToWireName()));
            if (PassThru)
            {
                connection.Share();
                WriteObject(connection);
            }
        }

        /// <summary>An audit log that cannot be written is found now, not call by call.</summary>
        private string CheckedAuditLogPath(string path)
        {
            try
            {
                AuditPolicy.CheckWritable(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException || ex is NotSupportedException)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new IOException(Resources.Messages.Format("AuditLogNotWritable", path, ex.Message), ex),
                    "AuditLogNotWritable",
                    ErrorCategory.WriteError,
                    path));
            }
            return path;
        }

        private EmulatorOptions EmulatorSettings()
        {
            var settings = EmulatorOption is null
                ? new EmulatorOptions()
                : (EmulatorOptions)LanguagePrimitives.ConvertTo(EmulatorOption, typeof(EmulatorOptions), System.Globalization.CultureInfo.InvariantCulture);
            if (Seed.HasValue) settings.Seed = Seed.Value;
            if (Loose) settings.Strict = false;
            if (EmulatorTime.HasValue)
            {
                var shift = TopTimes.FromParameter(EmulatorTime.Value) - DateTimeOffset.UtcNow;
                settings.Clock = () => DateTimeOffset.UtcNow + shift;
            }
            return settings;
        }

        private TopClientOptions FromEnvironmentVariables()
        {
            var appKey = System.Environment.GetEnvironmentVariable(AppKeyVariable);
            var appSecret = System.Environment.GetEnvironmentVariable(AppSecretVariable);
            if (string.IsNullOrEmpty(appKey) || string.IsNullOrEmpty(appSecret))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException(Resources.Messages.Format("NoCredentials", AppKeyVariable, AppSecretVariable)),
                    "NoCredentials",
                    ErrorCategory.InvalidArgument,
                    null));
            }
            var options = new TopClientOptions(appKey!, new Secret(appSecret!));
            var session = System.Environment.GetEnvironmentVariable(SessionVariable);
            if (!string.IsNullOrEmpty(session)) options.Session = new Secret(session!);
            return options;
        }
    }
}
