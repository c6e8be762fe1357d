namespace Restaurant.Benchmarks;

public static class Paths
{
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Restaurant.sln"))) return directory.FullName;
        throw new InvalidOperationException($"No Restaurant.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The Release build of a project of this repository (built by `dotnet run -c Release` of a bench).</summary>
    public static string BuiltDll(string projectDirectory, string dllName)
    {
        var dll = Path.Combine(RepositoryRoot(), projectDirectory, "bin", "Release", "net10.0", dllName);
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} is missing: run `dotnet build -c Release {projectDirectory}` first.");
    }
}

/// <summary>A temporary directory for databases, deleted with everything in it when disposed.</summary>
public sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("restaurant-bench-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
