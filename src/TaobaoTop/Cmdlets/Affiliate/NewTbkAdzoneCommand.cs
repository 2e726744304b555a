using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Completers;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>Creates a promotion position (创建推广位, taobao.tbk.adzone.create) on one of the promoter's media.</summary>
    [Cmdlet(VerbsCommon.New, "TbkAdzone", SupportsShouldProcess = true)]
    [OutputType(typeof(TbkAdzone))]
    public sealed class NewTbkAdzoneCommand : TbkCmdlet
    {
        /// <summary>The adzone's name, at most 64 characters.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, 64)]
        public string Name { get; set; } = null!;

        /// <summary>The media (site) id, the second number of a PID; the demo site on the emulator.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long SiteId { get; set; }

        /// <summary>Calls taobao.tbk.sc.adzone.create (tool service providers; needs a session).</summary>
        [Parameter]
        public SwitchParameter AsServiceProvider { get; set; }

        protected override void OnBegin()
        {
            if (SiteId > 0) return;
            if (RequireConnection().IsEmulator)
            {
                SiteId = EmulatorDefaults.DemoSiteId;
                return;
            }
            ThrowInputError(Resources.Messages.Get("SiteIdRequired"), "SiteRequired", ErrorCategory.InvalidArgument, null);
        }

        protected override void OnRecord()
        {
            if (!ShouldProcess(Resources.Messages.Format("SiteTarget", SiteId), Resources.Messages.Format("CreateAdzoneAction", Name))) return;
            var request = new TopRequest(AsServiceProvider ? "taobao.tbk.sc.adzone.create" : "taobao.tbk.adzone.create")
                .With("site_id", SiteId)
                .With("adzone_name", Name);
            var name = Name;
            var adzone = Fetch(request, body => TbkAnswers.Adzone(body, name), Name);
            if (adzone == null) return;
            AdzoneCompleter.Remember(RequireConnection(), adzone);
            WriteObject(adzone);
        }
    }
}
