namespace PartyFunctions.UnitTests.Policy;

/// <summary>Files of the repository the tests read as published (the schema in docs/, the shipped packs).</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(Path(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PartyFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PartyFunctions.sln not found above the test output.");
    }
}
