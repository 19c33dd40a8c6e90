namespace PassBroker.LocalAzurite;

/// <summary>The checkout's root: the nearest folder holding <c>Functions.sln</c>, above the binaries or the working directory.</summary>
public static class RepositoryRoot
{
    public static string Find() =>
        FindAbove(AppContext.BaseDirectory) ?? FindAbove(Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException($"No Functions.sln above {AppContext.BaseDirectory}; cannot find the repository root.");

    private static string? FindAbove(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
            {
                return directory.FullName;
            }
        }
        return null;
    }
}
