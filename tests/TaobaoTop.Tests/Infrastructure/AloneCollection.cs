using Xunit;

namespace TaobaoTop.Tests.Infrastructure;

/// <summary>
/// Tests whose outcome depends on timing (a quota shared by processes, a run stopped part-way) run after the others,
/// one at a time: the rest of the suite running beside them on two cores delays calls by tens of milliseconds.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Alone";
}
