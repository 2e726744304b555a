using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.WeCom;

namespace TaobaoTop.Cmdlets.WeCom
{
    /// <summary>
    /// Lists every member's customers, compares them with the snapshot in -StatePath and writes what changed: adds, and
    /// departures with the window they happened in. Run it on a schedule to measure retention without a callback server.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "WeComCustomer")]
    [OutputType(typeof(WeComCustomerChange), typeof(WeComCustomer))]
    public sealed class SyncWeComCustomerCommand : WeComCmdlet
    {
        /// <summary>The snapshot file; created by the first sync.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string StatePath { get; set; } = null!;

        /// <summary>Members whose customers to list; every member with 客户联系 (get_follow_user_list) when omitted.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? User { get; set; }

        /// <summary>Write every follow the snapshots have seen (departed ones with RemovedAt) instead of the changes: the channel report's input.</summary>
        [Parameter]
        public SwitchParameter History { get; set; }

        protected override object? ErrorTarget => StatePath;

        protected override void OnEnd()
        {
            var path = GetUnresolvedProviderPathFromPSPath(StatePath);
            WeComCustomerSnapshot snapshot;
            try
            {
                snapshot = WeComCustomerSnapshot.Load(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "UnreadableSnapshot", ErrorCategory.ReadError, StatePath));
                return;
            }
            var listed = new List<WeComCustomer>();
            var users = User?.Distinct(StringComparer.Ordinal).ToList() ?? Call((contacts, ct) => contacts.GetFollowUsersAsync(ct)).ToList();
            WriteVerbose(Resources.Messages.Format("SyncMembers", users.Count, snapshot.TakenAt?.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture) ?? Resources.Messages.Get("None")));
            // A failed call stops the cmdlet here: a partial list would read as departures, so nothing is compared or saved.
            Call((contacts, ct) => contacts.ForEachCustomerAsync(users, listed.Add, cancellationToken: ct));
            var changes = snapshot.Update(listed, DateTimeOffset.UtcNow);
            try
            {
                snapshot.Save(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "UnwritableSnapshot", ErrorCategory.WriteError, StatePath));
                return;
            }
            WriteVerbose(Resources.Messages.Format("SyncChanges", changes.Count(c => c.Change == "Added"), changes.Count(c => c.Change == "Departed")));
            if (History) WriteObject(snapshot.History(), enumerateCollection: true);
            else WriteObject(changes, enumerateCollection: true);
        }
    }
}
