using System;

namespace TaobaoTop
{
    /// <summary>A corp customer tag (企业客户标签) and its group.</summary>
    public sealed class WeComTag
    {
        public string Id { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string GroupId { get; set; } = string.Empty;

        public string GroupName { get; set; } = string.Empty;

        public DateTimeOffset CreateTime { get; set; }

        public override string ToString() => GroupName + "/" + Name;
    }
}
