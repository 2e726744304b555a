using System;
using System.Threading.Tasks;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>One step of the request pipeline; calls <paramref name="next"/> to go on.</summary>
    public abstract class TopPipelinePolicy
    {
        public abstract Task ProcessAsync(TopMessage message, Func<Task> next);
    }
}
