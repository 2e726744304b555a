using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Items
{
    /// <summary>Gets the seller's freight templates (taobao.delivery.templates.get), whose ids a sheet's 运费模板ID column gives.</summary>
    [Cmdlet(VerbsCommon.Get, "TaobaoFreightTemplate")]
    [OutputType(typeof(TaobaoFreightTemplate))]
    public sealed class GetTaobaoFreightTemplateCommand : TaobaoCmdlet
    {
        /// <summary>Only templates whose name matches (wildcards allowed).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void OnRecord()
        {
            var response = CallApi(new TopRequest("taobao.delivery.templates.get").With("fields", "template_id,name,valuation,assumer,consign_area_id"));
            var templates = ReadAnswer(response, r => r.Body.List("delivery_templates").Select(TaobaoFreightTemplate.FromJson).ToList());
            var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            foreach (var template in templates)
            {
                if (patterns is null || patterns.Any(p => p.IsMatch(template.Name))) WriteObject(template);
            }
        }
    }
}
