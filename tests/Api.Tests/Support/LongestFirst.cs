using System.Reflection;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Restaurant.Api.Tests.Support.LongestFirst", "Restaurant.Api.Tests")]

namespace Restaurant.Api.Tests.Support;

/// <summary>
/// Starts the test classes marked <see cref="RunsLongAttribute"/> first, longest first, then the others in xunit's
/// own order. Test classes run in parallel (xunit.runner.json sets how many at once), each with a server and a
/// database of its own; a long class started last would hold the run up alone.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    // xunit names a test class's own collection after the class.
    private const string PerClassPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.Select((collection, index) => (collection, index, seconds: TypicalSeconds(collection)))
            .OrderByDescending(c => c.seconds)
            .ThenBy(c => c.index)
            .Select(c => c.collection);

    private static int TypicalSeconds(ITestCollection collection)
    {
        var name = collection.DisplayName;
        if (!name.StartsWith(PerClassPrefix, StringComparison.Ordinal)) return 0;
        var type = typeof(LongestFirst).Assembly.GetType(name[PerClassPrefix.Length..]);
        return type?.GetCustomAttribute<RunsLongAttribute>()?.TypicalSeconds ?? 0;
    }
}
