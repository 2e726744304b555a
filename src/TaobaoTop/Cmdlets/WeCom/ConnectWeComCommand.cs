using System;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Binds;
using TaobaoTop.Connection;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.WeCom;
using TaobaoTop.Emulator.WeCom;

namespace TaobaoTop.Cmdlets.WeCom
{
    /// <summary>Connects the session to WeCom (企业微信) with a corp id and an app secret, or to the in-process emulator.</summary>
    [Cmdlet(VerbsCommunications.Connect, "WeCom", DefaultParameterSetName = SecretSet)]
    [OutputType(typeof(WeComConnection))]
    public sealed class ConnectWeComCommand : PSCmdlet
    {
        private const string SecretSet = "Secret";
        private const string EmulatorSet = "Emulator";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SecretSet)]
        [ValidateNotNullOrEmpty]
        public string CorpId { get; set; } = null!;

        /// <summary>The secret of an app on 客户联系「可调用接口的应用」: a SecureString, or plain text from a vault.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = SecretSet)]
        [ValidateNotNull]
        public SecretBind Secret { get; set; } = null!;

        /// <summary>Another WeCom host, e.g. a proxy with a fixed IP on the app's trusted list.</summary>
        [Parameter(ParameterSetName = SecretSet)]
        [ValidateNotNull]
        public Uri Endpoint { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = EmulatorSet)]
        public SwitchParameter Emulator { get; set; }

        /// <summary>The emulator's seed: the same seed gives the same month of customers.</summary>
        [Parameter(ParameterSetName = EmulatorSet)]
        public int? Seed { get; set; }

        [Parameter]
        [ValidateRange(0, 10000)]
        public double Qps { get; set; } = 50;

        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = 3;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            WeComEmulator? emulator = null;
            WeComClientOptions options;
            if (Emulator)
            {
                var settings = new WeComEmulatorOptions();
                if (Seed.HasValue) settings.Seed = Seed.Value;
                emulator = new WeComEmulator(settings);
                options = new WeComClientOptions(WeComDemo.CorpId, new Secret(WeComDemo.CorpSecret)) { Endpoint = new Uri("http://wecom.emulator.invalid/") };
            }
            else
            {
                options = new WeComClientOptions(CorpId, Secret.Secret);
                if (Endpoint != null) options.Endpoint = Endpoint;
            }
            options.Qps = Qps;
            options.MaxRetries = MaxRetries;

            var connection = new WeComConnection(new WeComClient(options, emulator?.CreateHandler()), emulator);
            ConnectionStore<WeComConnection>.Current?.Release();
            ConnectionStore<WeComConnection>.Current = connection;
            WriteVerbose(Resources.Messages.Format("Connected", connection));
            if (PassThru)
            {
                connection.Share();
                WriteObject(connection);
            }
        }
    }
}
