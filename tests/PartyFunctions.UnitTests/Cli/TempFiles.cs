namespace PartyFunctions.UnitTests.Cli;

/// <summary>A temporary folder for the input files of CLI tests, deleted afterwards.</summary>
public sealed class TempFiles : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("party-cli");

    public string Write(string name, string content)
    {
        var path = Path(name);
        File.WriteAllText(path, content);
        return path;
    }

    public string Path(string name) => System.IO.Path.Combine(directory.FullName, name);

    public void Dispose() => directory.Delete(recursive: true);
}
