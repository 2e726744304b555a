using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.WeCom;

namespace TaobaoTop.Cmdlets.WeCom
{
    /// <summary>Changes a contact way's state, remark, members or verification; what is not given stays.</summary>
    [Cmdlet(VerbsCommon.Set, "WeComContactWay", SupportsShouldProcess = true)]
    [OutputType(typeof(WeComContactWay))]
    public sealed class SetWeComContactWayCommand : WeComCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ConfigId { get; set; } = null!;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? State { get; set; }

        [Parameter]
        public string? Remark { get; set; }

        /// <summary>Replaces the whole member list.</summary>
        [Parameter]
        [ValidateNotNull]
        public string[]? User { get; set; }

        /// <summary>Replaces the whole department list (several-member codes only).</summary>
        [Parameter]
        [ValidateNotNull]
        public long[]? Party { get; set; }

        [Parameter]
        public bool? SkipVerify { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void OnRecord()
        {
            var problems = ContactWayRules.Check(State, Remark, User, Party, creating: false);
            if (problems.Count > 0)
            {
                WriteInputError(Resources.Messages.Format("ContactWayProblemsById", ConfigId, string.Join(" ", problems)), "InvalidWeComArgument", ErrorCategory.InvalidArgument, ConfigId);
                return;
            }
            if (!ShouldProcess(ConfigId, Resources.Messages.Get("ChangeContactWayAction"))) return;
            Attempt(ConfigId, () =>
            {
                Call((contacts, ct) => contacts.UpdateContactWayAsync(ConfigId, State, Remark, SkipVerify, User, Party, ct));
                if (PassThru) WriteObject(Call((contacts, ct) => contacts.GetContactWayAsync(ConfigId, ct)));
            });
        }
    }
}
