using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;

namespace TaobaoTop.Cmdlets.WeCom
{
    /// <summary>
    /// Puts corp tags on customers (mark_tag), creating the tags in their group first when they do not exist: e.g. tag
    /// every customer by the channel they came through.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "WeComCustomerTag", SupportsShouldProcess = true)]
    public sealed class AddWeComCustomerTagCommand : WeComCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ExternalUserId { get; set; } = null!;

        /// <summary>The member who follows the customer; tags are per member.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = null!;

        /// <summary>Tag names, each at most 30 characters.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ValidateCount(1, 100)]
        public string[] Tag { get; set; } = null!;

        [Parameter(Position = 1)]
        [ValidateLength(1, 30)]
        public string Group { get; set; } = "渠道";

        private Dictionary<string, string>? _tagIds;

        protected override void OnRecord()
        {
            var target = ExternalUserId + " (" + UserId + ")";
            var tooLong = Tag.FirstOrDefault(t => t.Length > 30);
            if (tooLong != null)
            {
                WriteInputError(Resources.Messages.Format("TagTooLong", tooLong, target, tooLong.Length), "InvalidWeComArgument", ErrorCategory.InvalidArgument, target);
                return;
            }
            if (!ShouldProcess(target, Resources.Messages.Format("TagCustomerAction", Group, string.Join(", ", Tag)))) return;
            Attempt(target, () =>
            {
                var ids = TagIds();
                var tagIds = Tag.Select(t => ids[t]).Distinct(StringComparer.Ordinal).ToArray();
                Call((contacts, ct) => contacts.MarkTagAsync(UserId, ExternalUserId, tagIds, ct));
            });
        }

        /// <summary>Tag ids by name in the group, looked up once per pipeline and created when missing.</summary>
        private Dictionary<string, string> TagIds()
        {
            _tagIds ??= Call((contacts, ct) => contacts.GetCorpTagsAsync(ct))
                .Where(t => t.GroupName == Group)
                .GroupBy(t => t.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
            var missing = Tag.Where(t => !_tagIds.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToArray();
            if (missing.Length > 0)
            {
                foreach (var created in Call((contacts, ct) => contacts.AddCorpTagsAsync(Group, missing, ct))) _tagIds[created.Name] = created.Id;
            }
            return _tagIds;
        }
    }
}
