using System;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Conversion;

namespace TaobaoTop.Cmdlets.WeCom
{
    /// <summary>Gets contact ways by config id, or every one created in a range (list_contact_way, cursor paging).</summary>
    [Cmdlet(VerbsCommon.Get, "WeComContactWay", DefaultParameterSetName = AllSet)]
    [OutputType(typeof(WeComContactWay))]
    public sealed class GetWeComContactWayCommand : WeComCmdlet
    {
        private const string AllSet = "All";
        private const string IdSet = "ConfigId";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] ConfigId { get; set; } = null!;

        /// <summary>Created at or after; WeCom's default is 90 days ago.</summary>
        [Parameter(ParameterSetName = AllSet)]
        public DateTime? Start { get; set; }

        [Parameter(ParameterSetName = AllSet)]
        public DateTime? End { get; set; }

        protected override void OnRecord()
        {
            if (ParameterSetName == AllSet) return;
            foreach (var id in ConfigId) WriteOne(id);
        }

        protected override void OnEnd()
        {
            if (ParameterSetName != AllSet) return;
            var start = Start.HasValue ? TopTimes.FromParameter(Start.Value) : (DateTimeOffset?)null;
            var end = End.HasValue ? TopTimes.FromParameter(End.Value) : (DateTimeOffset?)null;
            foreach (var id in Call((contacts, ct) => contacts.ListContactWayIdsAsync(start, end, cancellationToken: ct))) WriteOne(id);
        }

        private void WriteOne(string configId)
        {
            var way = Attempt(configId, () => Call((contacts, ct) => contacts.GetContactWayAsync(configId, ct)));
            if (way != null) WriteObject(way);
        }
    }
}
