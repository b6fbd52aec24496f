namespace PartyFunctions.UnitTests.Notifications;

/// <summary>
/// Approved-output files beside the tests (Snapshots/). A difference fails the test; set UPDATE_SNAPSHOTS=1 to
/// rewrite them after reviewing the change. A missing snapshot is written and the test fails, so that nothing
/// is approved without a look.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual)
    {
        var path = Path.Combine(Directory(), name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" || !File.Exists(path))
        {
            var existed = File.Exists(path);
            File.WriteAllText(path, actual);
            Assert.True(existed, $"Snapshot {name} was missing and has been written: review and commit it.");
            return;
        }

        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    private static string Directory([System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Snapshots");
}
