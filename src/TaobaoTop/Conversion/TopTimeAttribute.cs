using System;
using System.Management.Automation;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Conversion
{
    /// <summary>
    /// Lets a DateTime parameter take a DateTimeOffset (the module's times, e.g. (Get-TaobaoTopContext).Now.AddHours(-3)),
    /// which PowerShell cannot convert: it becomes its TOP-zone clock time, which <see cref="TopTimes.FromParameter"/> reads as +08:00.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class TopTimeAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
            => (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is DateTimeOffset instant
                ? DateTime.SpecifyKind(TopTime.ToTopZone(instant).DateTime, DateTimeKind.Unspecified)
                : inputData;
    }
}
