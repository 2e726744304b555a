using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.WeCom;

namespace TaobaoTop.Cmdlets.WeCom
{
    /// <summary>
    /// Streams customers with their follow info (batch/get_by_user, cursor paging): one object per customer and member,
    /// with who added them, when (+08:00), how, through which state, and the corp tags on them.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "WeComCustomer")]
    [OutputType(typeof(WeComCustomer))]
    public sealed class GetWeComCustomerCommand : WeComCmdlet
    {
        /// <summary>Members whose customers to get; the members of every contact way of the last 90 days when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? User { get; set; }

        /// <summary>Only customers who added through a contact way with one of these states.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? State { get; set; }

        [Parameter]
        [ValidateRange(1, WeComExternalContacts.MaxCustomerPageSize)]
        public int PageSize { get; set; } = WeComExternalContacts.MaxCustomerPageSize;

        private readonly List<string> _users = new List<string>();

        protected override void OnRecord()
        {
            if (User != null) _users.AddRange(User);
        }

        protected override void OnEnd()
        {
            var states = State == null ? null : new HashSet<string>(State, StringComparer.Ordinal);
            var users = _users.Count > 0 ? _users.Distinct(StringComparer.Ordinal).ToList() : MembersOfContactWays();
            if (users.Count == 0)
            {
                WriteWarning(Resources.Messages.Get("NoMembersToAsk"));
                return;
            }
            WriteVerbose(Resources.Messages.Format("CustomersOfMembers", users.Count, string.Join(", ", users)));
            Stream<WeComCustomer>((contacts, write, ct) => contacts.ForEachCustomerAsync(
                users,
                customer =>
                {
                    if (states == null || (customer.State != null && states.Contains(customer.State))) write(customer);
                },
                PageSize,
                ct));
        }

        private List<string> MembersOfContactWays()
            => Call(async (contacts, ct) =>
            {
                var ids = await contacts.ListContactWayIdsAsync(null, null, cancellationToken: ct).ConfigureAwait(false);
                var members = new List<string>();
                foreach (var id in ids)
                {
                    var way = await contacts.GetContactWayAsync(id, ct).ConfigureAwait(false);
                    members.AddRange(way.User.Where(u => !members.Contains(u)));
                }
                return members;
            });
    }
}
