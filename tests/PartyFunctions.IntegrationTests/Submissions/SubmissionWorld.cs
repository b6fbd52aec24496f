using System.Net.Http.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyFunctions.Access;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Organisation;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.Submissions;

/// <summary>
/// One test's world: the sample province imported into its own tables, codes issued to its two cells, a fake clock on
/// 3 December 2025 (Vietnam), an empty <c>score-events</c> queue, and helpers to send forms and JSON and read the results.
/// </summary>
internal sealed class SubmissionWorld : IAsyncDisposable
{
    public const string Cell = "BN.TUMAI.DONGCAO.CB1";
    public const string OtherCell = "BN.TUMAI.DONGCAO.CB2";
    public const string Superior = "BN.TUMAI.DONGCAO";

    private SubmissionWorld(FunctionHost host, FakeTimeProvider clock, IReadOnlyDictionary<string, string> codes, QueueClient events)
    {
        Host = host;
        Clock = clock;
        Codes = codes;
        Events = events;
    }

    public FunctionHost Host { get; }
    public FakeTimeProvider Clock { get; }
    public IReadOnlyDictionary<string, string> Codes { get; }
    public QueueClient Events { get; }
    public string Code => Codes[Cell];
    public IScoreStore Scores => Host.Services.GetRequiredService<IScoreStore>();

    /// <summary>3 December 2025, 10:00 in Vietnam: November is due on the 5th and cut off at the end of the 8th.</summary>
    public static readonly DateTimeOffset Start = new(2025, 12, 3, 10, 0, 0, TimeSpan.FromHours(7));

    public static async Task<SubmissionWorld> CreateAsync(AzuriteFixture azurite, Action<IServiceCollection>? services = null, string[]? units = null)
    {
        var clock = new FakeTimeProvider(Start);
        var host = FunctionHost.Create(TestSettings.For(azurite), s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            services?.Invoke(s);
        });
        await ImportUnitsFunctionTests.ImportAsync(host, SampleUnits.Csv(units ?? []));
        var codes = new Dictionary<string, string>();
        var issue = host.Services.GetRequiredService<IssueAccessCodes>();
        await issue.RunAsync(Superior, allUnder: true, issued =>
        {
            foreach (var code in issued)
            {
                codes[code.Cell.Id] = code.Code;
            }

            return Task.CompletedTask;
        }, default);
        var events = new QueueClient(azurite.ConnectionString, StorageNames.ScoreEventsQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await events.CreateIfNotExistsAsync();
        await events.ClearMessagesAsync();
        return new SubmissionWorld(host, clock, codes, events);
    }

    /// <summary>A complete, valid November form for the cell: 95 points, Tốt, unless <paramref name="changes"/> say otherwise.</summary>
    public Dictionary<string, string> Form(params (string Field, string? Value)[] changes)
    {
        var form = new Dictionary<string, string>
        {
            ["unitId"] = Cell, ["accessCode"] = Code, ["period"] = "2025-11", ["receiptId"] = ReceiptId.New(),
            ["facts.held"] = "true", ["facts.membersTotal"] = "20", ["facts.membersExempt"] = "2", ["facts.membersPresent"] = "17",
            ["facts.unexcusedAbsent"] = "0", ["facts.durationMinutes"] = "95",
            ["criteria.preparation"] = "15", ["criteria.attendance"] = "15", ["criteria.duration"] = "5", ["criteria.conduct"] = "22",
            ["criteria.principles"] = "5", ["criteria.results"] = "23", ["criteria.closing"] = "10",
        };
        return Changed(form, changes);
    }

    /// <summary><paramref name="form"/> with each change applied: a value replaces the field's, null removes the field.</summary>
    public static Dictionary<string, string> Changed(Dictionary<string, string> form, IEnumerable<(string Field, string? Value)> changes)
    {
        foreach (var (field, value) in changes)
        {
            if (value is null)
            {
                form.Remove(field);
            }
            else
            {
                form[field] = value;
            }
        }

        return form;
    }

    /// <summary>The same sheet as JSON for the API.</summary>
    public static object Json(string unitId, string code, string period = "2025-11", string? receiptId = null, decimal conduct = 22) => new
    {
        unitId, accessCode = code, receiptId, period,
        criteria = new Dictionary<string, decimal>
        {
            ["preparation"] = 15, ["attendance"] = 15, ["duration"] = 5, ["conduct"] = conduct, ["principles"] = 5, ["results"] = 23, ["closing"] = 10,
        },
        facts = new { held = true, combined = false, membersTotal = 20, membersExempt = 2, membersPresent = 17, unexcusedAbsent = 0, durationMinutes = 95, memberDisciplined = false },
    };

    public Task<HttpResponseSnapshot> PostFormAsync(IDictionary<string, string> form, string query = "", string? clientAddress = null) =>
        Host.SendAsync(HttpMethod.Post, "/api/form" + query, new FormUrlEncodedContent(form),
            clientAddress is null ? null : new Dictionary<string, string> { ["X-Forwarded-For"] = clientAddress });

    public Task<HttpResponseSnapshot> PostJsonAsync(object body, string? clientAddress = null) =>
        Host.SendAsync(HttpMethod.Post, "/api/scores", JsonContent.Create(body),
            clientAddress is null ? null : new Dictionary<string, string> { ["X-Forwarded-For"] = clientAddress });

    public async Task<IReadOnlyList<ScoreRecorded>> EventsAsync()
    {
        var peeked = (await Events.PeekMessagesAsync(32)).Value;
        return peeked.Select(m => m.Body.ToObjectFromJson<ScoreRecorded>()!).ToList();
    }

    public async Task<ScoreRecord?> StoredAsync(string unitId = Cell, string period = "2025-11")
    {
        Assert.True(ScorePeriod.TryParse(period, out var p));
        return (await Scores.GetAsync(Superior, unitId, p, default))?.Record;
    }

    public async Task<int> ArchivedAsync()
    {
        var tables = Host.Services.GetRequiredService<PartyFunctions.Infrastructure.Submissions.ScoreTables>();
        var container = await tables.ArchiveAsync();
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync())
        {
            count++;
        }

        return count;
    }

    public static Band BandOf(string code) => BandCodes.TryParse(code, out var band) ? band : throw new ArgumentException(code);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
