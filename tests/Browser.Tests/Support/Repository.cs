namespace Restaurant.Browser.Tests.Support;

/// <summary>The repository the tests were built from (the folder with Restaurant.sln above the test's binaries).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Restaurant.sln"))) return folder.FullName;
        throw new InvalidOperationException($"No Restaurant.sln above {AppContext.BaseDirectory}");
    }
}
