using System;
using System.Collections;
using System.IO;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Binds;
using TaobaoTop.Completers;
using TaobaoTop.Connection;
using TaobaoTop.Conversion;
using TaobaoTop.Core.Auth;
using TaobaoTop.Core.Catalog;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Api
{
    /// <summary>Calls any TOP API by name and writes the unwrapped answer as objects (or its JSON with -Raw).</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "TaobaoApi", SupportsShouldProcess = true)]
    [OutputType(typeof(PSObject), typeof(string))]
    public sealed class InvokeTaobaoApiCommand : TaobaoCmdlet
    {
        /// <summary>The API method name, e.g. taobao.tbk.tpwd.create.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ApiMethodCompleter))]
        [ValidateNotNullOrEmpty]
        public string Method { get; set; } = null!;

        /// <summary>Business parameters; lists are comma-joined, hashtables sent as JSON, dates as TOP time.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public Hashtable Parameter { get; set; } = new Hashtable();

        /// <summary>File parameters: name → path, sent as multipart parts (e.g. @{ img = 'main.jpg' }).</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable File { get; set; } = new Hashtable();

        /// <summary>A session (access token) for this call only.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecretBind Session { get; set; } = null!;

        /// <summary>Writes the answer's JSON text as the gateway sent it.</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        protected override void OnRecord()
        {
            var connection = RequireConnection();
            if (!TopApiCatalog.Default.TryGet(Method, out var api))
            {
                WriteWarning(Resources.Messages.Format("ApiNotInCatalog", Method));
            }

            TopRequest request;
            try
            {
                request = BuildRequest();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(ex, "FileNotReadable", ErrorCategory.ReadError, Method));
                return;
            }
            try
            {
                request.CheckParameterNames();
            }
            catch (ArgumentException ex)
            {
                WriteError(new ErrorRecord(ex, "ReservedParameter", ErrorCategory.InvalidArgument, Method));
                return;
            }

            // The gateway's isv.missing-parameter stays the authority; this only saves a call that is sure to fail.
            if (api != null && api.MissingParameters(request.Parameters, request.Files.Keys) is var missing && missing.Count > 0)
            {
                WriteInputError(Resources.Messages.Format(missing.Count == 1 ? "MissingParameter" : "MissingParameters", Method, api.Title, string.Join(", ", missing)),
                    "MissingParameter", ErrorCategory.InvalidArgument, Method);
                return;
            }

            var action = api is null ? "CallApiActionUnknown" : api.Writes ? "CallApiActionWrites" : "CallApiActionReads";
            if (!ShouldProcess(connection.ToString(), Resources.Messages.Format(action, Method))) return;

            var response = Attempt(Method, () => MaskTokens(CallApi(request)));
            if (response != null) WriteObject(Raw ? response.RawJson : JsonToPowerShell.Convert(response.Body));
        }

        /// <summary>
        /// Tokens only ever appear as SecureStrings: in an OAuth token API's answer they are masked wherever they occur,
        /// and the user is told which cmdlet hands them out.
        /// </summary>
        private TopResponse MaskTokens(TopResponse response)
        {
            if (!Method.StartsWith("taobao.top.auth.token.", StringComparison.OrdinalIgnoreCase)) return response;
            TopToken token;
            try
            {
                token = TopToken.FromResponse(response, RequireConnection().Client.Options.Clock());
            }
            catch (TopResponseException)
            {
                // No readable grant, so no token to mask.
                return response;
            }
            WriteWarning(Resources.Messages.Get("TokensMasked"));
            return TopResponseParser.Parse(response.Api, new Redactor(token.AccessToken, token.RefreshToken).Redact(response.RawJson));
        }

        private TopRequest BuildRequest()
        {
            var request = new TopRequest(Method);
            foreach (DictionaryEntry entry in Parameter)
            {
                request.Parameters[entry.Key.ToString()!] = ParameterValues.ToText(entry.Value);
            }
            foreach (DictionaryEntry entry in File)
            {
                var path = GetUnresolvedProviderPathFromPSPath(entry.Value?.ToString() ?? string.Empty);
                request.Files[entry.Key.ToString()!] = TopFile.FromPath(path);
            }
            if (Session != null) request.Session = Session.Secret;
            return request;
        }
    }
}
