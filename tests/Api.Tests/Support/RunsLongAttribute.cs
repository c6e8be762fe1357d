namespace Restaurant.Api.Tests.Support;

/// <summary>
/// Marks a test class that takes long (API processes, a workload, staged outages): <see cref="LongestFirst"/> starts
/// such classes before the others, longest first, so that none is left running alone at the end of the run while the
/// other test slots stand idle. <paramref name="typicalSeconds"/> is a scheduling hint (the class alone on the 2-core
/// machine), never an assertion.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RunsLongAttribute(int typicalSeconds) : Attribute
{
    public int TypicalSeconds { get; } = typicalSeconds;
}
