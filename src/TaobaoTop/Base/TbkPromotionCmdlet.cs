using System;
using System.Collections.Generic;
using System.Management.Automation;
using TaobaoTop.Completers;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;

namespace TaobaoTop.Base
{
    /// <summary>Base of the cmdlets that act for one promotion position: -AdzoneId or -Pid, the demo adzone on the emulator.</summary>
    public abstract class TbkPromotionCmdlet : TbkCmdlet
    {
        /// <summary>The adzone (third number of the PID).</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(AdzoneCompleter))]
        public long AdzoneId { get; set; }

        /// <summary>The PID, mm_&lt;member&gt;_&lt;site&gt;_&lt;adzone&gt;.</summary>
        [Parameter]
        [ValidateTbkPid]
        [ArgumentCompleter(typeof(AdzoneCompleter))]
        public string Pid { get; set; } = null!;

        /// <summary>The adzone chosen by -Pid / -AdzoneId; set in BeginProcessing.</summary>
        protected long SelectedAdzoneId { get; private set; }

        /// <summary>The media (site) of -Pid; null when only -AdzoneId was given.</summary>
        protected long? SelectedSiteId { get; private set; }

        protected override void OnBegin() => SelectAdzone(required: true);

        /// <summary>Sets <see cref="SelectedAdzoneId"/>; false when none was given and <paramref name="required"/> is false.</summary>
        protected bool SelectAdzone(bool required)
        {
            var pid = MyInvocation.BoundParameters.ContainsKey(nameof(Pid)) ? TbkPid.Parse(Pid) : null;
            var hasAdzone = MyInvocation.BoundParameters.ContainsKey(nameof(AdzoneId));
            if (pid != null && hasAdzone && pid.AdzoneId != AdzoneId)
            {
                ThrowInputError(Resources.Messages.Format("AdzoneMismatch", AdzoneId, Pid), "AdzoneMismatch", ErrorCategory.InvalidArgument, Pid);
            }
            if (pid != null)
            {
                SelectedAdzoneId = pid.AdzoneId;
                SelectedSiteId = pid.SiteId;
            }
            else if (hasAdzone)
            {
                SelectedAdzoneId = AdzoneId;
            }
            else if (RequireConnection().IsEmulator)
            {
                SelectedAdzoneId = EmulatorDefaults.DemoAdzoneId;
                SelectedSiteId = EmulatorDefaults.DemoSiteId;
            }
            else if (!required)
            {
                return false;
            }
            else
            {
                ThrowInputError(Resources.Messages.Format("AdzoneRequired", MyInvocation.MyCommand.Name), "AdzoneRequired", ErrorCategory.InvalidArgument, null);
            }
            return true;
        }

        /// <summary>
        /// 万能解析 (taobao.tbk.dg/sc.general.link.parse) of up to 20 texts: what each points to, as the caller's links.
        /// Throws the call's <see cref="Core.Errors.TopException"/>; inputs the API could not read are failures of the batch.
        /// </summary>
        protected TbkBatch<TbkLink> ParseLinks(IReadOnlyCollection<string> materials, bool asServiceProvider, long relationId)
            => Read(CallApi(TbkApi.GeneralLinkParse(materials, Adzone(asServiceProvider), asServiceProvider, relationId)), TbkAnswers.GeneralLinks);

        /// <summary>Adds adzone_id, and for the sc variants site_id (the dg APIs take the adzone alone).</summary>
        protected TopRequest WithAdzone(TopRequest request, bool siteRequired) => request.For(Adzone(siteRequired), siteRequired);

        /// <summary>The selected adzone; stops the cmdlet when the sc variant needs its site and only -AdzoneId was given.</summary>
        protected TbkPosition Adzone(bool siteRequired)
        {
            if (siteRequired && SelectedSiteId == null)
            {
                ThrowInputError(Resources.Messages.Get("SiteRequired"), "SiteRequired", ErrorCategory.InvalidArgument, AdzoneId);
            }
            return new TbkPosition(SelectedAdzoneId, SelectedSiteId);
        }
    }

    /// <summary>Rejects a malformed PID when the command line is bound, with the expected shape in the message.</summary>
    public sealed class ValidateTbkPidAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var text = arguments as string ?? Convert.ToString(arguments, System.Globalization.CultureInfo.InvariantCulture);
            if (!TbkPid.TryParse(text, out _, out var problem))
            {
                throw new ValidationMetadataException(problem);
            }
        }
    }
}
