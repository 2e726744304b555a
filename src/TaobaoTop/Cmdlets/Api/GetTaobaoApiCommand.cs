using System.Linq;
using System.Management.Automation;
using TaobaoTop.Completers;
using TaobaoTop.Core.Catalog;

namespace TaobaoTop.Cmdlets.Api
{
    /// <summary>
    /// Lists the APIs TaobaoTop knows: method, Chinese title, role, whether a session is needed, and which typed cmdlet
    /// calls it (HasCmdlet, Cmdlet; the others go through Invoke-TaobaoApi).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TaobaoApi")]
    [OutputType(typeof(TopApiInfo))]
    public sealed class GetTaobaoApiCommand : PSCmdlet
    {
        public const string TypeName = "TaobaoTop.TaobaoApi";

        /// <summary>Method name wildcard, e.g. *tpwd*.</summary>
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(ApiMethodCompleter))]
        [SupportsWildcards]
        public string[] Name { get; set; } = { "*" };

        /// <summary>Chinese title wildcard, e.g. *淘口令*.</summary>
        [Parameter]
        [SupportsWildcards]
        public string[] Title { get; set; } = { "*" };

        /// <summary>promoter (推广者), provider (服务商), common (公用), seller, auth, other.</summary>
        [Parameter]
        [ValidateSet("promoter", "provider", "common", "seller", "auth", "other", IgnoreCase = true)]
        public string[]? Role { get; set; }

        protected override void EndProcessing()
        {
            var names = Name.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToArray();
            var titles = Title.Select(t => new WildcardPattern(t, WildcardOptions.IgnoreCase)).ToArray();
            foreach (var api in TopApiCatalog.Default.All)
            {
                if (!names.Any(p => p.IsMatch(api.Method)) || !titles.Any(p => p.IsMatch(api.Title))) continue;
                if (Role != null && !Role.Any(r => string.Equals(r, api.Role, System.StringComparison.OrdinalIgnoreCase))) continue;
                var item = PSObject.AsPSObject(api);
                item.TypeNames.Insert(0, TypeName);
                var cmdlets = TypedCmdlets.For(api.Method);
                // PowerShell keeps a catalog entry's note properties from an earlier call; they never change.
                if (item.Properties["HasCmdlet"] == null)
                {
                    item.Properties.Add(new PSNoteProperty("HasCmdlet", cmdlets.Count > 0));
                    item.Properties.Add(new PSNoteProperty("Cmdlet", string.Join(", ", cmdlets)));
                }
                WriteObject(item);
            }
        }
    }
}
