using System;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Completers;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Items;

namespace TaobaoTop.Cmdlets.Items
{
    /// <summary>
    /// Gets a leaf category's properties (taobao.itemprops.get): which are required, key or sale properties and their
    /// values with ids, the names a product sheet's columns go by. Read once per connection and category.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TaobaoItemProperty")]
    [OutputType(typeof(TaobaoItemProperty))]
    public sealed class GetTaobaoItemPropertyCommand : TaobaoCmdlet
    {
        /// <summary>The leaf category (类目ID).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("类目ID", "类目", "Cid", "Category")]
        [ArgumentCompleter(typeof(CategoryIdCompleter))]
        [ValidateRange(1, long.MaxValue)]
        public long CategoryId { get; set; }

        /// <summary>Only properties whose name matches (wildcards allowed).</summary>
        [Parameter(Position = 1)]
        [ArgumentCompleter(typeof(ItemPropertyCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Only properties with a value that matches (wildcards allowed): which property takes 黑色?</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ItemPropertyCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Value { get; set; }

        /// <summary>Only the properties an item must have.</summary>
        [Parameter]
        public SwitchParameter Required { get; set; }

        /// <summary>Only the sale properties (the ones SKUs are made of).</summary>
        [Parameter]
        public SwitchParameter Sale { get; set; }

        protected override void OnRecord() => Attempt(CategoryId, () =>
        {
            var client = RequireConnection().Client;
            var properties = RunCall((observer, cancel) => ItemPropertyCatalog.GetAsync(client, CategoryId, observer, cancel));
            var value = Value is null ? null : new WildcardPattern(Value, WildcardOptions.IgnoreCase);
            var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            foreach (var property in properties)
            {
                if (Required && !property.IsRequired) continue;
                if (Sale && !property.IsSale) continue;
                if (patterns != null && !patterns.Any(p => p.IsMatch(property.Name))) continue;
                if (value != null && !property.Values.Any(v => value.IsMatch(v.Name))) continue;
                WriteObject(property);
            }
        });
    }
}
