using System.Text.RegularExpressions;
using PartyFunctions.UnitTests.Policy;

namespace PartyFunctions.UnitTests.Architecture;

/// <summary>docs/architecture.md's "Where does X live" table stays true: every file it names exists.</summary>
public sealed partial class ArchitectureDocTests
{
    [Fact]
    public void Every_file_the_where_does_it_live_table_names_exists()
    {
        var doc = RepoFiles.Read("docs/architecture.md");
        var table = doc[doc.IndexOf("**Where does X live.**", StringComparison.Ordinal)..doc.IndexOf("**Storage connection.**", StringComparison.Ordinal)];
        var files = FileName().Matches(table).Select(m => m.Groups["path"].Value).ToList();

        Assert.True(files.Count >= 10, $"the table names {files.Count} files");
        var missing = files.Where(f => !File.Exists(RepoFiles.Path("src/" + f))).ToList();
        Assert.True(missing.Count == 0, "named in docs/architecture.md but missing: " + string.Join(", ", missing));
    }

    [GeneratedRegex(@"`(?<path>PartyFunctions[A-Za-z.]*/[A-Za-z/]+\.cs)`")]
    private static partial Regex FileName();
}
