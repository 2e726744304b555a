using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>
    /// Appends one JSON line per call to the audit log: time (+08:00), caller, API, business parameters with
    /// secret-bearing ones masked, file names, outcome, the service's code, request id, attempts and elapsed time.
    /// System parameters (session, sign, access token) are never written. Auditing never changes a call's outcome: a log
    /// that cannot be written is reported once per client.
    /// </summary>
    public sealed class AuditPolicy : IPipelinePolicy<ServiceCall>
    {
        /// <summary>Parameter names containing any of these carry a credential.</summary>
        private static readonly string[] SecretWords =
        {
            "token", "secret", "session", "pwd", "passwd", "password", "private_key", "privatekey", "api_key", "apikey",
            "auth_code", "authcode", "ticket", "credential", "accesskey", "access_key",
        };
        internal const string Masked = "********";
        private static readonly object FileLock = new object();
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private int _failureReported;

        public async Task ProcessAsync(ServiceCall call, Func<Task> next)
        {
            var path = call.ClientOptions.AuditLogPath;
            if (string.IsNullOrEmpty(path))
            {
                await next().ConfigureAwait(false);
                return;
            }

            ServiceException? failure = null;
            try
            {
                await next().ConfigureAwait(false);
            }
            catch (ServiceException ex)
            {
                failure = ex;
                throw;
            }
            finally
            {
                Audit(call, path!, failure);
            }
        }

        public static bool IsSecretParameter(string name, string api)
        {
            foreach (var word in SecretWords)
            {
                if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0) return true;
            }
            // The OAuth authorization code is a one-time credential.
            return name == "code" && api.StartsWith("taobao.top.auth.", StringComparison.Ordinal);
        }

        private static string Line(ServiceCall call, ServiceException? failure)
        {
            using (var buffer = new MemoryStream())
            {
                using (var json = new Utf8JsonWriter(buffer, WriterOptions))
                {
                    var options = call.ClientOptions;
                    json.WriteStartObject();
                    json.WriteString("time", Protocol.TopTime.ToTopZone(options.Clock()).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteString(options.Caller.Key, options.Caller.Value);
                    json.WriteString("api", call.Api);
                    json.WriteStartObject("parameters");
                    foreach (var pair in call.AuditParameters) json.WriteString(pair.Key, pair.Value);
                    json.WriteEndObject();
                    var files = call.AuditFiles.ToList();
                    if (files.Count > 0)
                    {
                        json.WriteStartObject("files");
                        foreach (var file in files) json.WriteString(file.Key, file.Value);
                        json.WriteEndObject();
                    }
                    json.WriteString("outcome", failure is null ? "ok" : "error");
                    if (failure?.ErrorCode is int code)
                    {
                        json.WriteNumber("code", code);
                        if (failure.SubCode != null) json.WriteString("sub_code", failure.SubCode);
                    }
                    if (failure != null) json.WriteString("error", call.Redact(failure.Message));
                    var requestId = call.RequestId ?? failure?.RequestId;
                    if (requestId != null) json.WriteString("request_id", requestId);
                    json.WriteNumber("attempts", call.Attempt);
                    json.WriteNumber("elapsed_ms", (long)call.Elapsed.TotalMilliseconds);
                    json.WriteEndObject();
                }
                return Encoding.UTF8.GetString(buffer.ToArray());
            }
        }

        private void Audit(ServiceCall call, string path, ServiceException? failure)
        {
            try
            {
                Append(path, Line(call, failure));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
            {
                if (Interlocked.Exchange(ref _failureReported, 1) == 0)
                {
                    call.Report(CallEventKind.AuditFailed, reason: CoreText.Format("AuditNotWritten", path, call.Redact(ex.Message)));
                }
            }
        }

        /// <summary>Checks that the audit log can be written, creating it if need be; throws the I/O error if not.</summary>
        public static void CheckWritable(string path)
        {
            using (new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
            {
            }
        }

        private static void Append(string path, string line)
        {
            lock (FileLock)
            {
                File.AppendAllText(path, line + "\n", new UTF8Encoding(false));
            }
        }
    }
}
