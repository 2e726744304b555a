using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Base;
using TaobaoTop.Connection;
using TaobaoTop.Core.WeCom;

namespace TaobaoTop.Cmdlets.WeCom
{
    /// <summary>Base of the WeCom cmdlets: finds the connection, runs calls with -Verbose reports, stops on Ctrl+C.</summary>
    public abstract class WeComCmdlet : AsyncCmdlet
    {
        /// <summary>A connection from Connect-WeCom -PassThru; the session's current one when omitted.</summary>
        [Parameter]
        [ValidateNotNull]
        public WeComConnection? Connection { get; set; }

        protected WeComConnection RequireConnection()
        {
            var connection = Connection ?? ConnectionStore<WeComConnection>.Current;
            if (connection is null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSInvalidOperationException(Resources.Messages.Get("NoWeComConnection")),
                    "NotConnected",
                    ErrorCategory.ConnectionError,
                    null));
            }
            return connection!;
        }

        /// <summary>Runs one operation, writing its -Verbose reports from the pipeline thread.</summary>
        protected T Call<T>(Func<WeComExternalContacts, CancellationToken, Task<T>> operation)
        {
            var client = RequireConnection().Client;
            return RunCall((observer, cancel) => operation(new WeComExternalContacts(client, observer), cancel));
        }

        protected void Call(Func<WeComExternalContacts, CancellationToken, Task> operation)
            => Call(async (contacts, ct) =>
            {
                await operation(contacts, ct).ConfigureAwait(false);
                return true;
            });

        /// <summary>Streams what the operation reports (objects and -Verbose) while it runs; a stopped pipeline stops it.</summary>
        protected void Stream<T>(Func<WeComExternalContacts, Action<T>, CancellationToken, Task> operation)
        {
            var client = RequireConnection().Client;
            Stream((sink, cancel) => operation(new WeComExternalContacts(client, sink.Report), item => sink.Emit(item!), cancel));
        }

        protected static ErrorRecord ErrorFor(Exception ex, object? target)
        {
            switch (ex)
            {
                case WeComException wecom when wecom.ErrorCode is int errCode:
                    return new ErrorRecord(wecom, "WeComError" + errCode, Category(errCode), target);
                case WeComException noAnswer when noAnswer.HttpStatus is int status:
                    return new ErrorRecord(noAnswer, "WeComHttpError" + status, ErrorCategory.ProtocolError, target);
                case WeComException noAnswer when noAnswer.IsTransient:
                    return new ErrorRecord(noAnswer, "WeComNetworkError", ErrorCategory.ConnectionError, target);
                case WeComException unreadable:
                    return new ErrorRecord(unreadable, "WeComInvalidResponse", ErrorCategory.InvalidResult, target);
                case ArgumentException argument:
                    return new ErrorRecord(argument, "InvalidWeComArgument", ErrorCategory.InvalidArgument, target);
                default:
                    return new ErrorRecord(ex, "WeComFailure", ErrorCategory.NotSpecified, target);
            }
        }

        private static ErrorCategory Category(int errCode)
        {
            switch (errCode)
            {
                case WeComErrorCodes.FrequencyLimited:
                case WeComErrorCodes.ConcurrencyLimited: return ErrorCategory.LimitsExceeded;
                case WeComErrorCodes.InvalidSecret:
                case 40013:
                case 40091:
                case WeComErrorCodes.InvalidAccessToken:
                case WeComErrorCodes.AccessTokenExpired: return ErrorCategory.AuthenticationError;
                case 48002:
                case 60011:
                case 60020:
                case 301042: return ErrorCategory.PermissionDenied;
                case WeComErrorCodes.InvalidConfigId:
                case WeComErrorCodes.NotExternalContact: return ErrorCategory.ObjectNotFound;
                case WeComErrorCodes.SystemBusy: return ErrorCategory.ResourceUnavailable;
                default: return ErrorCategory.InvalidArgument;
            }
        }
    }
}
