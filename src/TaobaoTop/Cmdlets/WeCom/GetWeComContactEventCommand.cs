using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Threading.Tasks;
using TaobaoTop.Base;
using TaobaoTop.Binds;
using TaobaoTop.Connection;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.WeCom;

namespace TaobaoTop.Cmdlets.WeCom
{
    /// <summary>
    /// Contact events (adds, departures, transfers) as typed objects in +08:00: from the callback receiver's read
    /// endpoint, from a saved answer of it, or the history the connected emulator would have posted.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "WeComContactEvent", DefaultParameterSetName = ReceiverSet)]
    [OutputType(typeof(WeComContactEvent))]
    public sealed class GetWeComContactEventCommand : WeComCmdlet
    {
        private const string ReceiverSet = "Receiver";
        private const string FileSet = "File";
        private const string EmulatorSet = "Emulator";

        /// <summary>The receiver's base address, e.g. http://127.0.0.1:8731/.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ReceiverSet)]
        [ValidateNotNull]
        public Uri Uri { get; set; } = null!;

        /// <summary>The receiver's read token (TAOBAOTOP_CALLBACKS_READ_TOKEN): a SecureString or plain text from a vault.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ReceiverSet)]
        [ValidateNotNull]
        public SecretBind ReadToken { get; set; } = null!;

        /// <summary>Only events stored after this sequence number (the receiver's "next" from an earlier read).</summary>
        [Parameter(ParameterSetName = ReceiverSet)]
        [ValidateRange(0, long.MaxValue)]
        public long After { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = FileSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = EmulatorSet)]
        public SwitchParameter Emulator { get; set; }

        /// <summary>Only these change types, e.g. del_follow_user.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? ChangeType { get; set; }

        protected override void OnEnd()
        {
            bool Wanted(WeComContactEvent e) => ChangeType == null || ChangeType.Contains(e.ChangeType, StringComparer.Ordinal);
            switch (ParameterSetName)
            {
                case FileSet:
                    try
                    {
                        foreach (var e in WeComEventFeed.ReadFile(GetUnresolvedProviderPathFromPSPath(Path)).Where(Wanted)) WriteObject(e);
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        ThrowTerminatingError(new ErrorRecord(ex, "UnreadableContactEvents", ErrorCategory.ReadError, Path));
                    }
                    break;
                case EmulatorSet:
                    var emulator = RequireConnection().Emulator;
                    if (emulator == null)
                    {
                        ThrowTerminatingError(new ErrorRecord(new PSInvalidOperationException(Resources.Messages.Get("NotAWeComEmulator")), "NotAnEmulator", ErrorCategory.InvalidOperation, null));
                        return;
                    }
                    foreach (var e in emulator.ContactEvents())
                    {
                        var contactEvent = new WeComContactEvent
                        {
                            Time = TopTime.ToTopZone(e.Time),
                            ChangeType = e.ChangeType,
                            CorpId = RequireConnection().CorpId,
                            UserId = e.UserId,
                            ExternalUserId = e.ExternalUserId,
                            State = e.State,
                            Source = e.Source,
                            FailReason = e.FailReason,
                        };
                        if (Wanted(contactEvent)) WriteObject(contactEvent);
                    }
                    break;
                default:
                    WriteVerbose(Resources.Messages.Format("ReadingEvents", new Uri(Uri, "events"), After));
                    try
                    {
                        using (var feed = new WeComEventFeed(Uri, ReadToken.Secret))
                        {
                            Stream((sink, ct) => feed.ForEachAsync(After, e => { if (Wanted(e)) sink.Emit(e); }, ct));
                        }
                    }
                    catch (Exception ex) when (ex is IOException || ex is HttpRequestException || ex is TaskCanceledException)
                    {
                        ThrowTerminatingError(new ErrorRecord(ex, "CallbackReceiverUnavailable", ErrorCategory.ConnectionError, Uri));
                    }
                    break;
            }
        }
    }
}
