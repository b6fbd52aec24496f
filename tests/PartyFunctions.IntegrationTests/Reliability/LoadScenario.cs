using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Organisation;
using PartyFunctions.IntegrationTests.Submissions;
using PartyFunctions.Infrastructure.Submissions;
using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.Reliability;

/// <summary>
/// The load of issue 10, shared by <see cref="LoadTests"/> (which asserts the counts) and the bench's <c>load</c> mode
/// (which reports the timings): on 3 September 2026, 200 cells each send December 2025 to July 2026 (late first
/// submissions), August, then an amendment of August — 2,000 submissions — 16 cells at a time, through
/// <c>POST /api/scores</c> and, one request in four, the form (<c>POST /api/form</c>), into the app over Azurite.
/// </summary>
public static partial class LoadScenario
{
    public const int Cells = 200;
    public const int Concurrency = 16;

    /// <summary>
    /// Codes hashed with 1,000 PBKDF2 iterations instead of 100,000, as <c>party demo</c> does: a hash carries its count,
    /// so sign-in checks them exactly as in production, while the load measures the functions and storage, not the KDF.
    /// </summary>
    public const int CodeIterations = 1_000;

    /// <summary>10:00 in Vietnam: August 2026 is still open for amendments (cut-off at the end of the 8th).</summary>
    public static readonly DateTimeOffset Now = new(2026, 9, 3, 10, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Each cell's requests in order; the last one amends August (a new receipt, other points).</summary>
    public static readonly IReadOnlyList<string> Periods =
        ["2025-12", .. Enumerable.Range(1, 8).Select(m => $"2026-{m:00}"), "2026-08"];

    public static int Submissions => Cells * Periods.Count;

    public static async Task<LoadResult> RunAsync(AzuriteFixture azurite, CancellationToken cancellationToken = default)
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        // The policy packs start in late October 2025: months that have one, and the latest still open, need a later clock.
        world.Clock.SetUtcNow(Now);
        var cells = Enumerable.Range(1, Cells).Select(i => $"{SubmissionWorld.Superior}.P{i:000}").ToList();
        await ImportUnitsFunctionTests.ImportAsync(world.Host,
            SampleUnits.Csv([.. SampleUnits.Rows, .. cells.Select(c => $"{c},{SubmissionWorld.Superior},cell,Chi bộ {c[^4..]},2020-01-01,,,,,")]));
        var codes = cells.ToDictionary(c => c, _ => AccessCode.New());
        await world.Host.Services.GetRequiredService<IAccessCodeStore>().SaveCodesAsync(
            [.. codes.Select(c => (c.Key, AccessCodeHash.Create(c.Value, world.Clock.GetUtcNow(), CodeIterations)))], cancellationToken);

        // One cell's requests go one after another (the amendment follows its first submission); 16 cells run at once.
        var sent = new ConcurrentBag<(int Order, LoadSubmission Submission)>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(cells.Select((cell, index) => (Cell: cell, Index: index)), options, async (cell, ct) =>
        {
            for (var k = 0; k < Periods.Count; k++)
            {
                var viaForm = (cell.Index + k) % 4 == 0;
                var conduct = k == Periods.Count - 1 ? 20m : 22m;
                sent.Add((cell.Index * Periods.Count + k, await SubmitAsync(world, cell.Cell, codes[cell.Cell], Periods[k], viaForm, conduct)));
            }
        });
        var elapsed = watch.Elapsed;

        var tables = world.Host.Services.GetRequiredService<ScoreTables>();
        var archived = new List<string>();
        await foreach (var blob in (await tables.ArchiveAsync()).GetBlobsAsync(cancellationToken: cancellationToken))
        {
            archived.Add(blob.Name);
        }

        var stored = new Dictionary<(string, string), (string, int)>();
        await foreach (var row in (await tables.ScoresAsync()).QueryAsync<TableEntity>(
            select: ["UnitId", "Year", "Month", "ReceiptId", "Version"], maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            var period = $"{row.GetInt32("Year"):0000}-{row.GetInt32("Month"):00}";
            stored[(row.GetString("UnitId")!, period)] = (row.GetString("ReceiptId")!, row.GetInt32("Version") ?? 0);
        }

        var events = (await world.Events.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        // score-events is shared by the collection's tests, and some drain it whole: leave none of these 2,000 behind,
        // nor the rows and blobs that only made the count.
        await world.Events.ClearMessagesAsync(cancellationToken);
        await (await tables.ScoresAsync()).DeleteAsync(cancellationToken);
        await (await tables.ArchiveAsync()).DeleteAsync(cancellationToken: cancellationToken);
        return new LoadResult(
            [.. sent.OrderBy(s => s.Order).Select(s => s.Submission)], elapsed,
            archived.Select(name => Path.GetFileNameWithoutExtension(name)).ToHashSet(StringComparer.Ordinal), archived.Count,
            stored, events);
    }

    private static async Task<LoadSubmission> SubmitAsync(SubmissionWorld world, string cell, string code, string period, bool viaForm, decimal conduct)
    {
        var receipt = ReceiptId.New();
        // Each cell from its own phone: the per-client sign-in throttle (docs/security.md) keys on the client address,
        // and more than ten sign-ins in flight from one address are refused until one finishes.
        var phone = $"10.20.{int.Parse(cell[^3..], CultureInfo.InvariantCulture) / 250}.{int.Parse(cell[^3..], CultureInfo.InvariantCulture) % 250 + 1}";
        var watch = Stopwatch.StartNew();
        var response = viaForm
            ? await world.PostFormAsync(world.Form(("unitId", cell), ("accessCode", code), ("period", period), ("receiptId", receipt),
                ("criteria.conduct", conduct.ToString(CultureInfo.InvariantCulture))), clientAddress: phone)
            : await world.PostJsonAsync(SubmissionWorld.Json(cell, code, period, receipt, conduct), clientAddress: phone);
        var milliseconds = watch.Elapsed.TotalMilliseconds;
        var status = (int)response.Status;
        var ok = status is >= 200 and < 300;
        return new LoadSubmission(cell, period, viaForm ? "form" : "json", status, ok ? ReceiptOf(response, viaForm) : null, milliseconds,
            ok ? null : response.ToString());
    }

    /// <summary>The receipt as the client reads it: the JSON's <c>receiptId</c>, or the receipt page's <c>#receipt</c>.</summary>
    private static string? ReceiptOf(HttpResponseSnapshot response, bool viaForm)
    {
        if (viaForm)
        {
            var match = ReceiptOnPage().Match(response.Body);
            return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
        }

        using var json = JsonDocument.Parse(response.Body);
        return json.RootElement.TryGetProperty("receiptId", out var id) ? id.GetString() : null;
    }

    [GeneratedRegex("""id="receipt"><strong>([^<]+)</strong>""")]
    private static partial Regex ReceiptOnPage();
}
