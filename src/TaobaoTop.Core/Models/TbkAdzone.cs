namespace TaobaoTop
{
    /// <summary>A promotion position (推广位).</summary>
    public sealed class TbkAdzone
    {
        public TbkAdzone(TbkPid pid, string? name)
        {
            Pid = pid.ToString();
            MemberId = pid.MemberId;
            SiteId = pid.SiteId;
            AdzoneId = pid.AdzoneId;
            Name = name;
        }

        public string Pid { get; }

        public long MemberId { get; }

        public long SiteId { get; }

        public long AdzoneId { get; }

        public string? Name { get; }

        public override string ToString() => Pid;
    }
}
