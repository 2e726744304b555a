using System.Text.Json;
using TaobaoTop.Core.Json;

namespace TaobaoTop
{
    /// <summary>A seller's freight template (运费模板), whose id item.add takes as postage_id.</summary>
    public sealed class TaobaoFreightTemplate
    {
        public long TemplateId { get; set; }

        public string Name { get; set; } = "";

        /// <summary>How postage is charged: by piece (0), weight (1) or volume (3).</summary>
        public string? Valuation { get; set; }

        /// <summary>The seller pays the postage (包邮).</summary>
        public bool SellerPays { get; set; }

        public static TaobaoFreightTemplate FromJson(JsonElement template) => new TaobaoFreightTemplate
        {
            TemplateId = JsonFields.Long(template, "template_id") ?? 0,
            Name = JsonFields.Text(template, "name") ?? string.Empty,
            Valuation = JsonFields.Text(template, "valuation") switch { "0" => "按件", "1" => "按重量", "3" => "按体积", var other => other },
            SellerPays = JsonFields.Text(template, "assumer") == "1",
        };

        public override string ToString() => TemplateId + " " + Name;
    }
}
