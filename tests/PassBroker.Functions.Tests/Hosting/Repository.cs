namespace PassBroker.Functions.Tests.Hosting;

/// <summary>The repository the tests run in, for the files the Functions app ships or is run with.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
