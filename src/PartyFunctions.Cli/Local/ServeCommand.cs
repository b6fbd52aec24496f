using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using PartyFunctions.Configuration;
using PartyFunctions.LocalRunner;

namespace PartyFunctions.Cli.Local;

/// <summary>
/// <c>party serve</c>: the app on local defaults without Azure Functions Core Tools, for a machine where <c>func</c>
/// cannot be installed (<c>npm start</c> falls back to it): the settings of <c>src/PartyFunctions/local.settings.json</c>
/// (or its example) under environment variables, Azurite started when nothing answers (data in .azurite/), the
/// functions run in-process by the local runner (HTTP on the port, queues, timers), emails to .mail/.
/// </summary>
public static class ServeCommand
{
    private const string SettingsFile = "src/PartyFunctions/local.settings.json";

    public static Command Build(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "The HTTP port (func start uses 7071).", DefaultValueFactory = _ => 7071 };
        var command = new Command("serve", "Chạy ứng dụng trên máy này, không cần Core Tools / Run the app on this machine without Core Tools (HTTP, queues, timers; Azurite; emails in .mail/).")
        {
            port,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var root = AzuriteProcess.FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
            var configuration = Settings(root, context.Configuration);
            using var azurite = await LocalStorage.EnsureAsync(configuration, result.InvocationConfiguration.Error, cancellationToken);
            await using var host = FunctionHost.Create(configuration);
            await using var front = await HttpFront.StartAsync(host, $"http://localhost:{result.GetValue(port)}");
            await output.WriteLineAsync($"PartyFunctions: {front.BaseUrl}/api/health, the form {front.BaseUrl}/api/form; emails in {configuration[AppSettings.EmailDirectory]}. Ctrl+C stops.");
            await LocalServer.RunAsync(host, front, output, TimeProvider.System, cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The app's settings as <c>func start</c> reads them: local.settings.json's Values (<c>A__B</c> is <c>A:B</c>), the
    /// environment over them; a relative email folder is under the repository root.
    /// </summary>
    public static IConfiguration Settings(string root, IConfiguration environment)
    {
        var file = Path.Combine(root, SettingsFile);
        var path = File.Exists(file) ? file : file + ".example";
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(path))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var value in json.RootElement.GetProperty("Values").EnumerateObject())
            {
                values[value.Name.Replace("__", ":", StringComparison.Ordinal)] = value.Value.ToString();
            }
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).AddConfiguration(environment).Build();
        if (configuration[AppSettings.EmailDirectory] is { Length: > 0 } mail && !Path.IsPathRooted(mail))
        {
            configuration[AppSettings.EmailDirectory] = Path.Combine(root, mail);
        }

        return configuration;
    }
}
